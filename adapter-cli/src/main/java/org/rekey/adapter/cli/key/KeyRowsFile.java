package org.rekey.adapter.cli.key;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rekey.adapter.cli.console.JsonCodec;
import org.rekey.adapter.cli.console.TextFiles;
import org.rekey.application.port.in.key.ImportDataKeyCommand;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.KeyType;

/**
 * A dump of n8n's {@code deployment_key} table: a JSON array of rows as n8n stores them ({@code id},
 * {@code type}, {@code value}, {@code algorithm}, {@code status}, {@code createdAt}, {@code updatedAt}).
 * Rows of other types than {@code data_encryption} (n8n's signing keys, instance id) are skipped. Errors name
 * the row (number from 1 and id), never a value.
 */
final class KeyRowsFile {

    /** The rows to import and how many rows of other types were left out. */
    record Rows(List<ImportDataKeyCommand> keys, int skipped) {
    }

    static final long MAX_BYTES = TextFiles.MAX_SMALL_FILE_BYTES;

    private KeyRowsFile() {
    }

    static Rows read(Path file, JsonCodec json) {
        JsonNode root = json.parse(TextFiles.read(file, "key rows file", MAX_BYTES), "key rows file " + file);
        if (!root.isArray()) {
            throw RekeyException.invalid(file + " must hold a JSON array of deployment_key rows, like"
                    + " [{\"id\":\"...\",\"type\":\"data_encryption\",\"value\":\"...\",\"algorithm\":\"aes-256-gcm\","
                    + "\"status\":\"active\",\"createdAt\":\"...\",\"updatedAt\":\"...\"}]; nothing was imported");
        }
        List<ImportDataKeyCommand> keys = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < root.size(); i++) {
            JsonNode row = root.get(i);
            String id = row.isObject() && row.path("id").isTextual() ? row.get("id").asText() : null;
            try {
                if (!row.isObject()) {
                    throw RekeyException.invalid("it is not a JSON object");
                }
                String type = text(row, "type", false);
                if (type != null && !type.equals(KeyType.DATA_ENCRYPTION.wireName())) {
                    skipped++;
                    continue;
                }
                keys.add(new ImportDataKeyCommand(new DataKeyId(text(row, "id", true)), text(row, "value", true),
                        KeyAlgorithm.fromWire(text(row, "algorithm", true)), KeyStatus.fromWire(text(row, "status", true)),
                        ImportDates.parse(text(row, "createdAt", false), "createdAt"),
                        ImportDates.parse(text(row, "updatedAt", false), "updatedAt")));
            } catch (RekeyException e) {
                throw RekeyException.invalid(file + ": row " + (i + 1) + (id == null ? "" : " (id " + shortId(id) + ")")
                        + ": " + e.getMessage() + "; nothing was imported");
            }
        }
        return new Rows(keys, skipped);
    }

    private static String text(JsonNode row, String field, boolean required) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw RekeyException.invalid("it has no " + field);
            }
            return null;
        }
        if (!value.isTextual()) {
            throw RekeyException.invalid(field + " must be a string");
        }
        return value.asText();
    }

    private static String shortId(String id) {
        return id.length() > 40 ? id.substring(0, 40) + "..." : id;
    }
}
