package org.rekey.adapter.http;

import java.util.List;
import org.rekey.application.apikey.Scope;

/**
 * A route that needs a token, called the way that succeeds: a concrete path, a valid body, the scope it
 * needs ({@code null}: any valid token) and the success status.
 */
record ProtectedRoute(String method, String template, String path, String body, Scope scope, int success) {

    static final String KEY_BODY = "{\"type\":\"data_encryption\"}";
    static final String CREDENTIAL_BODY = "{\"name\":\"n\",\"type\":\"t\",\"data\":{\"k\":\"v\"}}";

    static List<ProtectedRoute> all() {
        Scope manage = Scope.ENCRYPTION_KEY_MANAGE;
        return List.of(
                new ProtectedRoute("GET", "/rest/encryption/keys", "/rest/encryption/keys", null, manage, 200),
                new ProtectedRoute("POST", "/rest/encryption/keys", "/rest/encryption/keys", KEY_BODY, manage, 201),
                new ProtectedRoute("GET", "/rest/encryption/keys/{id}", "/rest/encryption/keys/Act1veKeyId00001", null,
                        manage, 200),
                new ProtectedRoute("DELETE", "/rest/encryption/keys/{id}", "/rest/encryption/keys/0ldKeyId00000002",
                        null, manage, 200),
                new ProtectedRoute("POST", "/rest/encryption/reencryption", "/rest/encryption/reencryption",
                        "{\"batchSize\":10}", manage, 202),
                new ProtectedRoute("GET", "/rest/encryption/reencryption", "/rest/encryption/reencryption", null,
                        manage, 200),
                new ProtectedRoute("GET", "/rest/encryption/jobs", "/rest/encryption/jobs", null, manage, 200),
                new ProtectedRoute("GET", "/rest/encryption/status", "/rest/encryption/status", null, manage, 200),
                new ProtectedRoute("GET", "/rest/audit", "/rest/audit", null, manage, 200),
                new ProtectedRoute("GET", "/rest/module-settings", "/rest/module-settings", null, null, 200),
                new ProtectedRoute("GET", "/metrics", "/metrics", null, null, 200),
                new ProtectedRoute("POST", "/rest/credentials", "/rest/credentials", CREDENTIAL_BODY,
                        Scope.CREDENTIAL_CREATE, 201),
                new ProtectedRoute("GET", "/rest/credentials", "/rest/credentials", null, Scope.CREDENTIAL_LIST, 200),
                new ProtectedRoute("GET", "/rest/credentials/{id}", "/rest/credentials/cred0000000001", null,
                        Scope.CREDENTIAL_READ, 200),
                new ProtectedRoute("PATCH", "/rest/credentials/{id}", "/rest/credentials/cred0000000001",
                        "{\"name\":\"renamed\"}", Scope.CREDENTIAL_UPDATE, 200),
                new ProtectedRoute("DELETE", "/rest/credentials/{id}", "/rest/credentials/cred0000000001", null,
                        Scope.CREDENTIAL_DELETE, 204));
    }

    String route() {
        return method + " " + template;
    }

    @Override
    public String toString() {
        return route();
    }
}
