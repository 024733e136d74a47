package org.rekey.adapter.persistence.n8n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** rekey's flatted reader and the test writer, against the npm package's own output (execution-data.json). */
class FlattedJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode samples() throws Exception {
        return JSON.readTree(N8nTestDatabase.fixture("execution-data.json")).path("flatted");
    }

    @Test
    void reading_whatFlattedWrote_givesTheValueFlattedReadsBack() throws Exception {
        for (JsonNode sample : samples()) {
            if (sample.path("json").isNull()) {
                continue;
            }
            FlattedJson document = FlattedJson.parse(sample.path("flatted").asText()).orElseThrow();

            assertThat(unflatten(document, 0)).as(sample.path("name").asText())
                    .isEqualTo(JSON.readTree(sample.path("json").asText()));
        }
    }

    @Test
    void aCircularDocument_isReadWithoutLooping() throws Exception {
        JsonNode cyclic = find("cyclic");
        FlattedJson document = FlattedJson.parse(cyclic.path("flatted").asText()).orElseThrow();

        assertThat(document.reference(document.entry(0).get("self"))).contains(0);
        assertThat(ExecutionDataSecrets.find(document)).isEmpty();
    }

    @Test
    void replacingAString_changesThatEntryOnly_writtenAsJavaScriptWritesStrings() throws Exception {
        String text = find("escapes").path("flatted").asText();
        FlattedJson document = FlattedJson.parse(text).orElseThrow();
        for (int i = 1; i < document.size(); i++) {
            assertThat(document.withStrings(Map.of(i, document.entry(i).asText()))).isEqualTo(text);
        }

        String changed = document.withStrings(Map.of(2, "new \"value\"", 1, "x"));

        assertThat(changed).isEqualTo("[{\"q\":\"1\",\"u\":\"2\",\"lone\":\"3\"},\"x\",\"new \\\"value\\\"\","
                + "\"x\\ud800y\"]");
    }

    @Test
    void theTestWriter_writesWhatFlattedWrites() throws Exception {
        for (String name : Set.of("escapes", "integer-keys", "empty", "string-root")) {
            JsonNode sample = find(name);
            JsonNode value = JSON.readTree(sample.path("json").asText());

            assertThat(FlattedWriter.stringify(value)).as(name).isEqualTo(sample.path("flatted").asText());
        }
        ObjectNode shared = JsonNodeFactory.instance.objectNode().put("s", "same");
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("x", shared);
        root.set("y", shared);
        root.set("z", JsonNodeFactory.instance.arrayNode().add(shared).add("same"));
        assertThat(FlattedWriter.stringify(root)).isEqualTo(find("shared").path("flatted").asText());
    }

    @Test
    void textThatIsNotAFlattedDocument_isNotOne() {
        for (String text : new String[] {"", "{}", "[]", "[1,", "[1] 2", "not json"}) {
            assertThat(FlattedJson.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void executionPieces_areFoundWhereverAnExecutionContextSits_keysWithDotsQuoted() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree("{\"resultData\":{\"runData\":{\"Error.Trigger\":[{\"data\":"
                + "{\"main\":[[{\"json\":{\"execution\":{\"executionContext\":{\"version\":1,\"establishedAt\":5,"
                + "\"source\":\"error\",\"credentials\":\"k:AAAA\"}}}}]]}}]}},\"notAContext\":{\"version\":2,"
                + "\"establishedAt\":5,\"source\":\"x\",\"credentials\":\"plain\"},\"item\":{\"json\":{},"
                + "\"encryptedMetadata\":\"\"}}");

        var pieces = ExecutionDataSecrets.find(FlattedJson.parse(FlattedWriter.stringify(root)).orElseThrow());

        assertThat(pieces.keySet()).containsExactly(
                "resultData.runData[\"Error.Trigger\"][0].data.main[0][0].json.execution.executionContext.credentials");
        assertThat(pieces.values().iterator().next().value()).isEqualTo("k:AAAA");
    }

    private static JsonNode find(String name) throws Exception {
        for (JsonNode sample : samples()) {
            if (sample.path("name").asText().equals(name)) {
                return sample;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The value of entry {@code index}, references followed (acyclic documents only). */
    private static JsonNode unflatten(FlattedJson document, int index) {
        JsonNode node = document.entry(index);
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.set(field.getKey(), inner(document, field.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(inner(document, item)));
            return out;
        }
        return node;
    }

    private static JsonNode inner(FlattedJson document, JsonNode value) {
        return value.isTextual() ? unflatten(document, document.reference(value).orElseThrow()) : value;
    }
}
