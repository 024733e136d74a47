package org.rekey.adapter.cli.credential;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.rekey.adapter.cli.console.JsonCodec;
import org.rekey.application.port.in.credential.ExportCredentialsCommand;
import org.rekey.application.port.in.credential.ExportCredentialsUseCase;
import org.rekey.application.port.in.credential.ExportReport;
import org.rekey.application.port.in.credential.PortableCredential;

/**
 * Streams credentials as n8n's {@code export:credentials} JSON array: {@code id}, {@code name},
 * {@code type}, {@code data}, {@code createdAt}, {@code updatedAt}. {@code data} is the encrypted
 * string, or in a decrypted export the JSON object it holds.
 */
final class ExportFileWriter {

    private ExportFileWriter() {
    }

    /** @return how many credentials were written, and those left out because they do not decrypt */
    static ExportReport write(Writer writer, ExportCredentialsUseCase export, ExportCredentialsCommand command,
            JsonCodec json) throws IOException {
        boolean decrypted = command.decrypted();
        JsonGenerator generator = json.generator(writer);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.writeStartArray();
        ExportReport report;
        try {
            report = export.exportCredentials(command, credential -> entry(generator, credential, decrypted, json));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        generator.writeEndArray();
        generator.close();
        writer.write('\n');
        writer.flush();
        return report;
    }

    private static void entry(JsonGenerator generator, PortableCredential credential, boolean decrypted,
            JsonCodec json) {
        try {
            generator.writeStartObject();
            generator.writeStringField("id", credential.id());
            generator.writeStringField("name", credential.name());
            generator.writeStringField("type", credential.type());
            generator.writeFieldName("data");
            if (decrypted) {
                generator.writeTree(json.dataNode(credential.data()));
            } else {
                generator.writeString(credential.data());
            }
            generator.writeStringField("createdAt", String.valueOf(credential.createdAt()));
            generator.writeStringField("updatedAt", String.valueOf(credential.updatedAt()));
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
