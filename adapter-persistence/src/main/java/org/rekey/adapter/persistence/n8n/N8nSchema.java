package org.rekey.adapter.persistence.n8n;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.domain.error.RekeyException;

/**
 * The parts of n8n's schema rekey reads and writes, as of n8n 2.41: {@code deployment_key}, and every column
 * that holds values encrypted by n8n's rotation-aware cipher (see docs/N8N.md). Checked when the store opens:
 * a table or column missing means another n8n version, which rekey refuses rather than guess.
 */
final class N8nSchema {

    /** The n8n version whose schema this is. */
    static final String N8N_VERSION = "2.41";

    static final String DEPLOYMENT_KEY = "deployment_key";
    static final String CREDENTIALS = "credentials_entity";
    static final List<String> DEPLOYMENT_KEY_COLUMNS =
            List.of("id", "type", "value", "algorithm", "status", "createdAt", "updatedAt");
    static final List<String> CREDENTIAL_COLUMNS = List.of("id", "name", "type", "data", "createdAt", "updatedAt");

    /** Every encrypted column, ordered by table name, as secrets are paged through. */
    static final List<SecretColumn> SECRET_COLUMNS = List.of(
            SecretColumn.whole(CREDENTIALS, "id", "data"),
            SecretColumn.whole("dynamic_credential_entry", "credential_id", "data")
                    .withKeys("credential_id", "subject_id", "resolver_id"),
            SecretColumn.whole("dynamic_credential_resolver", "id", "config"),
            SecretColumn.whole("dynamic_credential_user_entry", "credentialId", "data")
                    .withKeys("credentialId", "userId", "resolverId"),
            SecretColumn.executionData("execution_data", "executionId", "data"),
            SecretColumn.whole("promotion_provider", "id", "auth"),
            SecretColumn.whole("secrets_provider_connection", "id", "encryptedSettings").withNumericKey(),
            SecretColumn.settings("credentialsOverwrite"),
            SecretColumn.settings("feature.externalSecrets"),
            SecretColumn.settings("features.ldap", "bindingAdminPassword"),
            SecretColumn.settings("features.oidc", "clientSecret"),
            SecretColumn.settings("features.saml", "signingPrivateKey"),
            SecretColumn.settings("features.sourceControl.httpsCredentials", "encryptedUsername", "encryptedPassword"),
            SecretColumn.settings("features.sourceControl.sshKeys", "encryptedPrivateKey"),
            SecretColumn.whole("user", "id", "mfaRecoveryCodes").commaList(),
            SecretColumn.whole("user", "id", "mfaSecret"));

    private N8nSchema() {
    }

    /** The encrypted columns by table, tables in name order. */
    static Map<String, List<SecretColumn>> secretTables() {
        Map<String, List<SecretColumn>> tables = new LinkedHashMap<>();
        SECRET_COLUMNS.stream().sorted(Comparator.comparing(SecretColumn::table))
                .forEach(column -> tables.computeIfAbsent(column.table(), t -> new ArrayList<>()).add(column));
        return tables;
    }

    /**
     * Fails unless every table and column rekey touches exists.
     *
     * @throws RekeyException {@code SCHEMA_MISMATCH} naming the first missing table or column
     */
    static void check(Connection connection, N8nSql sql, String where) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put(DEPLOYMENT_KEY, DEPLOYMENT_KEY_COLUMNS);
        expected.put(CREDENTIALS, CREDENTIAL_COLUMNS);
        for (SecretColumn column : SECRET_COLUMNS) {
            List<String> columns = expected.computeIfAbsent(column.table(), t -> new ArrayList<>());
            for (String name : concat(column.keyColumns(), column.column())) {
                if (!columns.contains(name)) {
                    columns.add(name);
                }
            }
        }
        try {
            DatabaseMetaData metadata = connection.getMetaData();
            String schema = connection.getSchema();
            for (Map.Entry<String, List<String>> table : expected.entrySet()) {
                Set<String> present = new HashSet<>();
                try (ResultSet columns = metadata.getColumns(null, schema, sql.tableName(table.getKey()), null)) {
                    while (columns.next()) {
                        present.add(columns.getString("COLUMN_NAME"));
                    }
                }
                for (String column : table.getValue()) {
                    if (!present.contains(column)) {
                        throw new RekeyException(ApplicationErrorCode.SCHEMA_MISMATCH, where + " has no "
                                + (present.isEmpty() ? "table " + sql.tableName(table.getKey()) : table.getKey() + "."
                                + column) + ": it is not the schema of n8n " + N8N_VERSION + " (run n8n " + N8N_VERSION
                                + " once so it migrates its database, and check DB_TABLE_PREFIX); nothing was changed");
                    }
                }
            }
        } catch (SQLException e) {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "cannot read the schema of " + where, e);
        }
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }
}
