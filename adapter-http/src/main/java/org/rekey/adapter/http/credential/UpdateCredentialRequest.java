package org.rekey.adapter.http.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of {@code PATCH /rest/credentials/{id}}: a new name, new data, or both. {@code toString} omits the data. */
public record UpdateCredentialRequest(String name, ObjectNode data) {

    @Override
    public String toString() {
        return "UpdateCredentialRequest[name=" + name + "]";
    }
}
