package org.rekey.adapter.persistence.n8n;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values n8n encrypts inside one execution's data ({@code execution_data.data}, flatted JSON of n8n's
 * {@code IRunExecutionData}), found by their shape wherever they sit (see docs/N8N.md):
 *
 * <ul>
 *   <li>the {@code credentials} and {@code secureArtifacts} strings of an <em>execution context</em>, an object
 *       with {@code version} 1, a numeric {@code establishedAt} and a string {@code source}
 *       ({@code executionData.runtimeData}, and the copies n8n makes of it: {@code parentExecution.executionContext},
 *       a stack entry's {@code metadata.parentExecution.executionContext}, an error workflow's trigger item);</li>
 *   <li>the {@code encryptedMetadata} string of a node item (an object with a {@code json} key), which chat hub
 *       puts on the trigger item of an execution it starts.</li>
 * </ul>
 *
 * <p>Each piece is named by its path from the root ({@code executionData.runtimeData.credentials},
 * {@code resultData.runData["Error Trigger"][0]...}); a string stored once and reached by several paths (flatted
 * keeps equal strings once) is one piece, named by the first path in document order.
 */
final class ExecutionDataSecrets {

    private static final Set<String> CONTEXT_FIELDS = Set.of("credentials", "secureArtifacts");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /** One encrypted string: its path in the document and the flatted entry that holds it. */
    record Piece(String path, int entry, String value) {
        @Override
        public String toString() {
            return "Piece[" + path + "]";
        }
    }

    private ExecutionDataSecrets() {
    }

    /** Every encrypted piece of the document, by path, in document order. */
    static Map<String, Piece> find(FlattedJson document) {
        Map<String, Piece> pieces = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        Set<Integer> visited = new HashSet<>();
        Deque<Step> stack = new ArrayDeque<>();
        if (document.entry(0).isContainerNode()) {
            stack.push(new Step(0, null, ""));
        }
        while (!stack.isEmpty()) {
            Step step = stack.pop();
            if (!visited.add(step.entry())) {
                continue;
            }
            JsonNode node = document.entry(step.entry());
            if (node.isObject()) {
                for (String field : encryptedFields(document, node)) {
                    int entry = document.reference(node.get(field)).orElseThrow();
                    String value = document.entry(entry).asText();
                    if (!value.isEmpty() && taken.add(entry)) {
                        String path = step.child(field).path();
                        pieces.put(path, new Piece(path, entry, value));
                    }
                }
            }
            List<Step> children = new ArrayList<>();
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    containerAt(document, field.getValue()).ifPresent(entry ->
                            children.add(new Step(entry, step, segment(field.getKey()))));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    int index = i;
                    containerAt(document, node.get(i)).ifPresent(entry ->
                            children.add(new Step(entry, step, "[" + index + "]")));
                }
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return pieces;
    }

    /** The fields of {@code object} that hold an encrypted string, by n8n's shapes. */
    private static List<String> encryptedFields(FlattedJson document, JsonNode object) {
        List<String> fields = new ArrayList<>();
        JsonNode version = object.get("version");
        boolean context = version != null && version.isNumber() && version.asDouble() == 1
                && object.path("establishedAt").isNumber() && isString(document, object.get("source"));
        if (context) {
            object.fieldNames().forEachRemaining(name -> {
                if (CONTEXT_FIELDS.contains(name) && isString(document, object.get(name))) {
                    fields.add(name);
                }
            });
        }
        if (object.has("json") && isString(document, object.get("encryptedMetadata"))) {
            fields.add("encryptedMetadata");
        }
        return fields;
    }

    private static boolean isString(FlattedJson document, JsonNode value) {
        return document.reference(value).map(entry -> document.entry(entry).isTextual()).orElse(false);
    }

    private static Optional<Integer> containerAt(FlattedJson document, JsonNode value) {
        return document.reference(value).filter(entry -> document.entry(entry).isContainerNode());
    }

    private static String segment(String key) {
        return PLAIN_KEY.matcher(key).matches() ? "." + key : "[" + FlattedJson.jsString(key) + "]";
    }

    /** A container on the way down, and how it was reached: its path is built only for the pieces found. */
    private record Step(int entry, Step parent, String segment) {

        Step child(String field) {
            return new Step(-1, this, ExecutionDataSecrets.segment(field));
        }

        String path() {
            Deque<String> segments = new ArrayDeque<>();
            for (Step at = this; at != null; at = at.parent()) {
                segments.push(at.segment());
            }
            String joined = String.join("", segments);
            return joined.startsWith(".") ? joined.substring(1) : joined;
        }
    }
}
