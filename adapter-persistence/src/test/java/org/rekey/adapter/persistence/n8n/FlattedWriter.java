package org.rekey.adapter.persistence.n8n;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * flatted's {@code stringify} for Jackson trees, as the npm package does it (checked against its output in
 * execution-data.json): entries in the order JavaScript's {@code JSON.stringify} meets them, equal strings once,
 * the same node instance once (how a test makes a shared object), integer-like keys first as JavaScript orders
 * them. For building test documents only; rekey itself never writes a whole document.
 */
final class FlattedWriter {

    private final List<JsonNode> input = new ArrayList<>();
    private final Map<JsonNode, Integer> containers = new IdentityHashMap<>();
    private final Map<String, Integer> strings = new HashMap<>();

    private FlattedWriter() {
    }

    static String stringify(JsonNode root) {
        return new FlattedWriter().write(root);
    }

    private String write(JsonNode root) {
        index(root);
        List<String> output = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            output.add(entry(input.get(i)));
        }
        return "[" + String.join(",", output) + "]";
    }

    private int index(JsonNode value) {
        Integer known = value.isTextual() ? strings.get(value.asText()) : containers.get(value);
        if (known != null) {
            return known;
        }
        input.add(value);
        int index = input.size() - 1;
        if (value.isTextual()) {
            strings.put(value.asText(), index);
        } else {
            containers.put(value, index);
        }
        return index;
    }

    private String entry(JsonNode node) {
        if (node.isTextual()) {
            return FlattedJson.jsString(node.asText());
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(inner(item)));
            return "[" + String.join(",", items) + "]";
        }
        if (node.isObject()) {
            List<String> fields = new ArrayList<>();
            for (String key : jsKeyOrder(node)) {
                fields.add(FlattedJson.jsString(key) + ":" + inner(node.get(key)));
            }
            return "{" + String.join(",", fields) + "}";
        }
        return node.toString();
    }

    private String inner(JsonNode value) {
        return value.isTextual() || value.isContainerNode() ? "\"" + index(value) + "\"" : value.toString();
    }

    /** JavaScript's own-property order: array-index keys ascending, then the others as inserted. */
    private static List<String> jsKeyOrder(JsonNode object) {
        List<String> integers = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            (name.matches("0|[1-9][0-9]{0,8}") ? integers : others).add(name);
        }
        integers.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        integers.addAll(others);
        return integers;
    }
}
