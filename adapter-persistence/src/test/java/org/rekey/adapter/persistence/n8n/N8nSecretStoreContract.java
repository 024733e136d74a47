package org.rekey.adapter.persistence.n8n;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.contract.SecretStoreContract;

/**
 * The secret store contract on n8n's own schema, with secrets spread over the kinds of place n8n keeps them:
 * credentials (text ids), users' MFA secrets (uuid ids on PostgreSQL), a settings row's JSON field, a
 * secrets provider (integer ids) and pieces of executions' flatted data (integer ids, up to two pieces in one
 * row). One fresh n8n database per test class, emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class N8nSecretStoreContract extends SecretStoreContract {

    private N8nTestDatabase database;
    private N8nStore store;
    /** The pieces put in each execution so far: a second piece in a row rewrites its document. */
    private final Map<Long, Map<String, String>> executions = new HashMap<>();

    protected abstract N8nTestDatabase openDatabase() throws Exception;

    @Override
    protected SecretStore newStore() throws Exception {
        if (database == null) {
            database = openDatabase();
            store = N8nStore.open(database.settings());
        }
        for (String table : List.of("credentials_entity", "user", "settings", "secrets_provider_connection")) {
            database.execute("DELETE FROM " + database.table(table));
        }
        N8nExecutionRows.reset(database);
        executions.clear();
        N8nSecretRepository secrets = store.secrets();
        return new SecretStore(store.transactions(), secrets, secrets);
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected List<SecretLocation> locations(int count) {
        List<SecretLocation> locations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            locations.add(switch (i % 5) {
                case 0 -> new SecretLocation("user", String.format("00000000-0000-4000-8000-%012d", i), "mfaSecret");
                case 1 -> new SecretLocation("secrets_provider_connection", String.valueOf(i), "encryptedSettings");
                case 2 -> i == 2 ? new SecretLocation("settings", "features.ldap", "value.bindingAdminPassword")
                        : credential(i);
                case 3 -> execution(i, N8nExecutionRows.CREDENTIALS);
                default -> execution(i, i % 2 == 0 ? N8nExecutionRows.SECURE_ARTIFACTS : N8nExecutionRows.CHAT_METADATA);
            });
        }
        return locations;
    }

    /** Locations {@code 5k+3} and {@code 5k+4} are two pieces of execution {@code k+1}. */
    private static SecretLocation execution(int i, String field) {
        return new SecretLocation("execution_data", N8nSecretRepository.numericRowId(i / 5 + 1), field);
    }

    private static SecretLocation credential(int i) {
        return new SecretLocation("credentials_entity", String.format(i % 2 == 0 ? "c%03d" : "C%03d", i), "data");
    }

    @Override
    protected void insertSecretRaw(SecretLocation location, String value) throws Exception {
        boolean postgres = database.settings().kind() == N8nDatabaseSettings.Kind.POSTGRES;
        switch (location.table()) {
            case "credentials_entity" -> database.update("INSERT INTO " + database.table("credentials_entity")
                    + " (\"id\", \"name\", \"type\", \"data\") VALUES (?, ?, 'githubApi', ?)", location.rowId(),
                    "name of " + location.rowId(), value);
            case "user" -> database.update("INSERT INTO " + database.table("user") + " (\"id\", \"email\","
                    + " \"mfaEnabled\", \"mfaSecret\") VALUES (" + (postgres ? "CAST(? AS uuid)" : "?")
                    + ", ?, true, ?)", location.rowId(), location.rowId() + "@example.com", value);
            case "secrets_provider_connection" -> database.update("INSERT INTO "
                    + database.table("secrets_provider_connection") + " (\"id\", \"providerKey\", \"type\","
                    + " \"encryptedSettings\") VALUES (?, ?, 'vault', ?)", Integer.parseInt(location.rowId()),
                    "provider-" + location.rowId(), value);
            case "settings" -> database.update("INSERT INTO " + database.table("settings") + " (\"key\", \"value\","
                    + " \"loadOnStartup\") VALUES (?, ?, true)", location.rowId(),
                    "{\"loginEnabled\":false,\"bindingAdminPassword\":" + jsonString(value) + "}");
            case "execution_data" -> {
                long id = Long.parseLong(location.rowId());
                boolean known = executions.containsKey(id);
                Map<String, String> pieces = executions.computeIfAbsent(id, k -> new LinkedHashMap<>());
                pieces.put(location.field(), value);
                if (known) {
                    N8nExecutionRows.update(database, id, N8nExecutionRows.document(pieces));
                } else {
                    N8nExecutionRows.insert(database, id, N8nExecutionRows.document(pieces));
                }
            }
            default -> throw new IllegalArgumentException("no raw insert for " + location);
        }
    }

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
