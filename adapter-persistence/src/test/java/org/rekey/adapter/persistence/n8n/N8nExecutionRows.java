package org.rekey.adapter.persistence.n8n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Executions in an n8n test database: the workflow they belong to, the {@code execution_entity} row and the
 * {@code execution_data} row with its flatted data, inserted as n8n inserts them; and execution data documents
 * with encrypted pieces at the places n8n puts them (execution-data.json shows the real ones).
 */
final class N8nExecutionRows {

    static final String WORKFLOW_ID = "wfExecutionData1";
    static final String CREDENTIALS = "data:executionData.runtimeData.credentials";
    static final String SECURE_ARTIFACTS = "data:executionData.runtimeData.secureArtifacts";
    static final String CHAT_METADATA = "data:executionData.nodeExecutionStack[0].data.main[0][0].encryptedMetadata";

    private static final ObjectMapper JSON = new ObjectMapper();

    private N8nExecutionRows() {
    }

    /** Deletes every execution and the test workflow, then inserts the workflow again. */
    static void reset(N8nTestDatabase database) throws Exception {
        database.execute("DELETE FROM " + database.table("execution_data"));
        database.execute("DELETE FROM " + database.table("execution_entity"));
        database.update("DELETE FROM " + database.table("workflow_entity") + " WHERE \"id\" = ?", WORKFLOW_ID);
        database.update("INSERT INTO " + database.table("workflow_entity") + " (\"id\", \"name\", \"active\", \"nodes\","
                + " \"connections\", \"versionId\") VALUES (?, 'execution data', false, '[]', '{}', ?)", WORKFLOW_ID,
                "00000000-0000-4000-8000-000000000001");
    }

    static void insert(N8nTestDatabase database, long executionId, String data) throws Exception {
        boolean postgres = database.settings().kind() == N8nDatabaseSettings.Kind.POSTGRES;
        database.update("INSERT INTO " + database.table("execution_entity") + " (\"id\", \"workflowId\", \"finished\","
                + " \"mode\", \"status\") VALUES (?, ?, true, 'webhook', 'success')", executionId, WORKFLOW_ID);
        database.update("INSERT INTO " + database.table("execution_data") + " (\"executionId\", \"workflowData\","
                + " \"data\") VALUES (?, " + (postgres ? "CAST(? AS json)" : "?") + ", ?)", executionId,
                "{\"id\":\"" + WORKFLOW_ID + "\",\"nodes\":[],\"connections\":{}}", data);
    }

    static void update(N8nTestDatabase database, long executionId, String data) throws Exception {
        database.update("UPDATE " + database.table("execution_data") + " SET \"data\" = ? WHERE \"executionId\" = ?",
                data, executionId);
    }

    static String data(N8nTestDatabase database, long executionId) throws Exception {
        return database.queryText("SELECT \"data\" FROM " + database.table("execution_data")
                + " WHERE \"executionId\" = ?", executionId);
    }

    /**
     * A finished webhook execution's data (flatted) with the given pieces (by field, as
     * {@link #CREDENTIALS}, {@link #SECURE_ARTIFACTS}, {@link #CHAT_METADATA}) and nothing else encrypted.
     */
    static String document(Map<String, String> pieces) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree("{\"version\":1,\"startData\":{},\"resultData\":{\"runData\":"
                + "{\"Webhook\":[{\"startTime\":1764580000001,\"executionTime\":3,\"data\":{\"main\":[[{\"json\":"
                + "{\"body\":{\"q\":\"webhook\"},\"status\":\"ok\"}}]]}}]},\"lastNodeExecuted\":\"Webhook\"},"
                + "\"executionData\":{\"contextData\":{},\"nodeExecutionStack\":[{\"node\":{\"name\":\"Chat\","
                + "\"type\":\"@n8n/n8n-nodes-langchain.chatTrigger\",\"parameters\":{}},\"data\":{\"main\":[[{"
                + "\"json\":{\"sessionId\":\"s-1\",\"chatInput\":\"webhook\"}}]]},\"source\":null}],"
                + "\"runtimeData\":{\"version\":1,\"establishedAt\":1764580000000,\"source\":\"webhook\"}},"
                + "\"resumeToken\":\"ok\"}");
        ObjectNode context = (ObjectNode) root.path("executionData").path("runtimeData");
        ObjectNode item = (ObjectNode) root.path("executionData").path("nodeExecutionStack").path(0).path("data")
                .path("main").path(0).path(0);
        for (Map.Entry<String, String> piece : pieces.entrySet()) {
            switch (piece.getKey()) {
                case CREDENTIALS -> context.put("credentials", piece.getValue());
                case SECURE_ARTIFACTS -> context.put("secureArtifacts", piece.getValue());
                case CHAT_METADATA -> item.put("encryptedMetadata", piece.getValue());
                default -> throw new IllegalArgumentException("no such piece in the test document: " + piece.getKey());
            }
        }
        return FlattedWriter.stringify(root);
    }

    static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }
}
