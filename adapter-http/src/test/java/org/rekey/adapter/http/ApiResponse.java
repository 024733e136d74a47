package org.rekey.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/** What a test request got back: status, headers and body, with the body readable as JSON. */
record ApiResponse(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON (status " + status + "): " + body, e);
        }
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The field names of a JSON object, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
