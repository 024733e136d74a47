package org.rekey.adapter.http.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of {@code POST /rest/credentials}. {@code toString} omits the data. */
public record CreateCredentialRequest(String name, String type, ObjectNode data) {

    @Override
    public String toString() {
        return "CreateCredentialRequest[name=" + name + ", type=" + type + "]";
    }
}
