package org.rekey.adapter.cli.credential;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rekey.adapter.cli.console.JsonCodec;
import org.rekey.adapter.cli.console.TextFiles;
import org.rekey.application.port.in.credential.PortableCredential;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.StoredValue;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * Reads the JSON that n8n's {@code export:credentials --all} writes: an array of objects with
 * {@code id}, {@code name}, {@code type}, {@code data} (the encrypted string) and ISO 8601
 * {@code createdAt}/{@code updatedAt}; other fields are ignored. Every entry is checked before anything
 * is imported; an error names the file and the entry (number from 1 and id) and never echoes data.
 */
final class ExportFileReader {

    private static final int MAX_ID_SHOWN = 40;
    /** The largest credentials file read: 256 MiB, read whole; a larger export is imported in parts. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private final Path file;

    private ExportFileReader(Path file) {
        this.file = file;
    }

    static List<PortableCredential> read(Path file, JsonCodec json) {
        return new ExportFileReader(file).entries(json.parse(TextFiles.read(file, "credentials file", MAX_FILE_BYTES),
                "credentials file " + file));
    }

    private List<PortableCredential> entries(JsonNode root) {
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else if (root.isObject()) {
            nodes.add(root);
        } else {
            throw RekeyException.invalid(file + " must hold a JSON array of credentials, as 'n8n export:credentials"
                    + " --all' writes it; nothing was imported");
        }
        List<PortableCredential> credentials = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            PortableCredential credential = entry(i, nodes.get(i));
            if (!ids.add(credential.id())) {
                throw problem(i, credential.id(), "the id appears twice in the file");
            }
            credentials.add(credential);
        }
        return credentials;
    }

    private PortableCredential entry(int index, JsonNode node) {
        if (!node.isObject()) {
            throw problem(index, null, "it is not a JSON object");
        }
        String id = id(index, node);
        try {
            new RecordId(id);
            String name = text(node, "name", EncryptedRecord.MAX_NAME_LENGTH);
            String type = text(node, "type", EncryptedRecord.MAX_TYPE_LENGTH);
            String data = data(node);
            return new PortableCredential(id, name, type, data, date(node, "createdAt"), date(node, "updatedAt"));
        } catch (RekeyException e) {
            throw problem(index, id, e.getMessage());
        }
    }

    private String id(int index, JsonNode node) {
        JsonNode id = node.get("id");
        if (id != null && (id.isTextual() || id.isIntegralNumber())) {
            return id.asText();
        }
        throw problem(index, null, "it has no id (a string)");
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw RekeyException.invalid(field + " must be a non-empty string");
        }
        if (value.asText().length() > max) {
            throw RekeyException.invalid(field + " is longer than " + max + " characters");
        }
        return value.asText();
    }

    private static String data(JsonNode node) {
        JsonNode data = node.get("data");
        if (data != null && data.isObject()) {
            throw RekeyException.invalid("data is a JSON object, as in a decrypted export; import takes the"
                    + " encrypted data that 'n8n export:credentials' writes without --decrypted");
        }
        if (data == null || !data.isTextual()) {
            throw RekeyException.invalid("data must be the encrypted string");
        }
        StoredValue.parse(data.asText());
        return data.asText();
    }

    private static Instant date(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw RekeyException.invalid(field + " must be an ISO 8601 date-time like 2024-05-01T10:00:00.000Z");
        }
    }

    private RekeyException problem(int index, String id, String problem) {
        String entry = "entry " + (index + 1);
        if (id != null) {
            entry += " (id " + (id.length() > MAX_ID_SHOWN ? id.substring(0, MAX_ID_SHOWN) + "..." : id) + ")";
        }
        return RekeyException.invalid(file + ": " + entry + ": " + problem + "; nothing was imported");
    }
}
