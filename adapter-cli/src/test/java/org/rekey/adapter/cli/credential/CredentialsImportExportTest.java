package org.rekey.adapter.cli.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.rekey.adapter.cli.CliRun;
import org.rekey.adapter.cli.JsonAssert;
import org.rekey.adapter.cli.TestContext;
import org.rekey.application.port.in.credential.ExportCredentialsCommand;
import org.rekey.application.port.in.credential.ExportReport;
import org.rekey.application.port.in.credential.PortableCredential;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

class CredentialsImportExportTest {

    private static final String N8N_EXPORT = """
            [
              {"createdAt":"2024-01-02T03:04:05.000Z","updatedAt":"2024-02-03T04:05:06.000Z","id":"aB1","name":"Mail",
               "data":"U2FsdGVkX1+abc=","type":"smtp","isManaged":false},
              {"createdAt":"2024-01-02T03:04:05.000+02:00","updatedAt":"2024-01-02T03:04:05.000Z","id":"cD2",
               "name":"Git","data":"Ab12Cd34Ef56Gh78:AQIDBA==","type":"githubApi"}
            ]
            """;

    private final TestContext context = new TestContext();

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    @Test
    void import_passesEveryEntryKeptEncrypted() throws IOException {
        Path file = Files.writeString(dir.resolve("export.json"), N8N_EXPORT);
        when(context.credentials.importCredentials().importCredentials(any())).thenReturn(2);

        CliRun.Result result = CliRun.run(context, "credentials", "import", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("imported 2 credentials from " + file + "\n");
        ArgumentCaptor<List<PortableCredential>> entries = ArgumentCaptor.forClass(List.class);
        verify(context.credentials.importCredentials()).importCredentials(entries.capture());
        assertThat(entries.getValue()).containsExactly(
                new PortableCredential("aB1", "Mail", "smtp", "U2FsdGVkX1+abc=",
                        Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-02-03T04:05:06Z")),
                new PortableCredential("cD2", "Git", "githubApi", "Ab12Cd34Ef56Gh78:AQIDBA==",
                        Instant.parse("2024-01-02T01:04:05Z"), Instant.parse("2024-01-02T03:04:05Z")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"not\":\"an array\"}x                                    | is not valid JSON",
        "42                                                        | must hold a JSON array of credentials",
        "[{\"id\":\"a\",\"name\":\"n\",\"type\":\"t\",\"data\":\"x\"}, 7] | entry 2: it is not a JSON object",
        "[{\"name\":\"n\",\"type\":\"t\",\"data\":\"x\"}]              | entry 1: it has no id",
        "[{\"id\":\"bad id!\",\"name\":\"n\",\"type\":\"t\",\"data\":\"x\"}] | entry 1 (id bad id!): a record id is",
        "[{\"id\":\"a\",\"type\":\"t\",\"data\":\"x\"}]                | entry 1 (id a): name must be a non-empty string",
        "[{\"id\":\"a\",\"name\":\"n\",\"data\":\"x\"}]                | entry 1 (id a): type must be a non-empty string",
        "[{\"id\":\"a\",\"name\":\"n\",\"type\":\"t\",\"data\":{\"p\":1}}] | entry 1 (id a): data is a JSON object",
        "[{\"id\":\"a\",\"name\":\"n\",\"type\":\"t\"}]                | entry 1 (id a): data must be the encrypted string",
        "[{\"id\":\"a\",\"name\":\"n\",\"type\":\"t\",\"data\":\"k!:x\"}] | entry 1 (id a): malformed value",
        "[{\"id\":\"a\",\"name\":\"n\",\"type\":\"t\",\"data\":\"x\",\"createdAt\":\"yesterday\"}] | entry 1 (id a): createdAt must be an ISO 8601",
        "[{\"id\":\"a\",\"name\":\"n\",\"type\":\"t\",\"data\":\"x\"},{\"id\":\"a\",\"name\":\"n\",\"type\":\"t\",\"data\":\"y\"}] | entry 2 (id a): the id appears twice"})
    void import_ofAMalformedFile_namesTheBadEntry_andImportsNothing(String content, String problem)
            throws IOException {
        Path file = Files.writeString(dir.resolve("export.json"), content.strip());

        CliRun.Result result = CliRun.run(context, "credentials", "import", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").contains(problem).endsWith("[INVALID_INPUT]\n");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.out()).isEmpty();
        assertThat(context.useCasesOpened).hasValue(0);
        verifyNoInteractions(context.credentials.importCredentials());
    }

    @Test
    void import_ofA3GbFile_isRefusedByItsSize_beforeReading() throws IOException {
        Path file = sparseFile(dir.resolve("huge.json"), 3L << 30);

        CliRun.Result result = CliRun.run(context, "credentials", "import", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: cannot read credentials file " + file + ": it is larger than"
                + " 268,435,456 bytes, the most a credentials file may hold [INVALID_INPUT]\n");
        verifyNoInteractions(context.credentials.importCredentials());
    }

    @Test
    void create_withA3GbDataFile_isRefusedAtTheHttpBodyLimit() throws IOException {
        Path file = sparseFile(dir.resolve("huge-data.json"), 3L << 30);

        CliRun.Result result = CliRun.run(context, "credentials", "create", "--name", "n", "--type", "t",
                "--data", "@" + file);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: cannot read data file " + file + ": it is larger than"
                + " 1,114,112 bytes, the most a data file may hold [INVALID_INPUT]\n");
    }

    /** A file of the given size whose blocks are never written (no disk used). */
    private static Path sparseFile(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    @Test
    void import_ofAMissingFile_isBadInput() {
        CliRun.Result result = CliRun.run(context, "credentials", "import", dir.resolve("none.json").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("cannot read credentials file", "no such file");
    }

    @Test
    void import_rejectedByTheUseCase_reportsItsEntry() throws IOException {
        Path file = Files.writeString(dir.resolve("export.json"), N8N_EXPORT);
        when(context.credentials.importCredentials().importCredentials(any())).thenThrow(new RekeyException(
                ErrorCode.DECRYPTION_FAILED, "entry 2 (id cD2): the value does not decrypt with this instance's keys"));

        CliRun.Result result = CliRun.run(context, "credentials", "import", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("entry 2 (id cD2)");
    }

    private void givenTwoStoredCredentials() {
        when(context.credentials.exportCredentials().exportCredentials(any(), any())).thenAnswer(call -> {
            boolean decrypted = call.<ExportCredentialsCommand>getArgument(0).decrypted();
            Consumer<PortableCredential> sink = call.getArgument(1);
            sink.accept(new PortableCredential("aB1", "Mail", "smtp",
                    decrypted ? "{\"user\":\"me\",\"password\":\"s3cret\"}" : "Ab12Cd34Ef56Gh78:AQIDBA==",
                    Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-02-03T04:05:06.500Z")));
            sink.accept(new PortableCredential("cD2", "Git", "githubApi",
                    decrypted ? "{\"token\":\"t0k\"}" : "U2FsdGVkX1+abc=",
                    Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-01-02T03:04:05Z")));
            return new ExportReport(2, List.of());
        });
    }

    @Test
    void export_writesN8nsShapeToStdout_keptEncrypted() {
        givenTwoStoredCredentials();

        CliRun.Result result = CliRun.run(context, "credentials", "export");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode json = JsonAssert.parse(result.out());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        assertThat(JsonAssert.fieldNames(json.get(0)))
                .containsExactly("id", "name", "type", "data", "createdAt", "updatedAt");
        assertThat(json.get(0).get("data").asText()).isEqualTo("Ab12Cd34Ef56Gh78:AQIDBA==");
        assertThat(json.get(0).get("updatedAt").asText()).isEqualTo("2024-02-03T04:05:06.500Z");
        assertThat(json.get(1).get("id").asText()).isEqualTo("cD2");
        verify(context.credentials.exportCredentials()).exportCredentials(eq(new ExportCredentialsCommand(false, false)), any());
    }

    @Test
    void export_decrypted_writesDataAsObjects_andWarnsOnStderr() {
        givenTwoStoredCredentials();

        CliRun.Result result = CliRun.run(context, "credentials", "export", "--decrypted");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).startsWith("warning: ").contains("decrypted").doesNotContain("s3cret");
        JsonNode json = JsonAssert.parse(result.out());
        assertThat(json.get(0).get("data").get("password").asText()).isEqualTo("s3cret");
        assertThat(json.get(1).get("data").get("token").asText()).isEqualTo("t0k");
    }

    @Test
    void export_toAFile_writesItWithMode0600() throws IOException {
        givenTwoStoredCredentials();
        Path file = dir.resolve("creds.json");

        CliRun.Result result = CliRun.run(context, "credentials", "export", "--decrypted", "--output", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("exported 2 credentials to " + file + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(JsonAssert.parse(Files.readString(file)).get(0).get("data").get("user").asText()).isEqualTo("me");
    }

    @Test
    void export_thenImport_roundTripsTheFile() throws IOException {
        givenTwoStoredCredentials();
        Path file = dir.resolve("creds.json");
        CliRun.run(context, "credentials", "export", "--output", file.toString());
        when(context.credentials.importCredentials().importCredentials(any())).thenReturn(2);

        CliRun.Result result = CliRun.run(context, "credentials", "import", file.toString());

        assertThat(result.exitCode()).isZero();
        verify(context.credentials.importCredentials()).importCredentials(List.of(
                new PortableCredential("aB1", "Mail", "smtp", "Ab12Cd34Ef56Gh78:AQIDBA==",
                        Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-02-03T04:05:06.500Z")),
                new PortableCredential("cD2", "Git", "githubApi", "U2FsdGVkX1+abc=",
                        Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-01-02T03:04:05Z"))));
    }

    @Test
    void export_decrypted_keepingGoing_writesTheOthers_listsEveryFailure_andExits1() throws IOException {
        when(context.credentials.exportCredentials().exportCredentials(any(), any())).thenAnswer(call -> {
            Consumer<PortableCredential> sink = call.getArgument(1);
            sink.accept(new PortableCredential("aB1", "Mail", "smtp", "{}", Instant.EPOCH, Instant.EPOCH));
            return new ExportReport(1, List.of(
                    new RecordFailure("credentials_entity", "cD2", "data", "DECRYPTION_FAILED", "the value does not decrypt with key K"),
                    new RecordFailure("credentials_entity", "eF3", "data", "KEY_NOT_FOUND", "no key Zz98")));
        });
        Path file = dir.resolve("creds.json");

        CliRun.Result result = CliRun.run(context, "credentials", "export", "--decrypted", "--keep-going",
                "--output", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        verify(context.credentials.exportCredentials()).exportCredentials(eq(new ExportCredentialsCommand(true, true)),
                any());
        assertThat(JsonAssert.parse(Files.readString(file))).hasSize(1);
        assertThat(result.err().lines().toList()).endsWith(
                "not exported: credential cD2: the value does not decrypt with key K [DECRYPTION_FAILED]",
                "not exported: credential eF3: no key Zz98 [KEY_NOT_FOUND]",
                "error: 2 credentials do not decrypt and are not in the export (listed above); it holds the other 1."
                        + " Run 'rekey verify' for details");
    }

    @Test
    void export_keepGoingWithoutDecrypted_isBadUsage() {
        CliRun.Result result = CliRun.run(context, "credentials", "export", "--keep-going");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --keep-going applies to a --decrypted export only");
    }

    @Test
    void export_thatFailsMidway_leavesNoFile() {
        when(context.credentials.exportCredentials().exportCredentials(any(), any())).thenAnswer(call -> {
            Consumer<PortableCredential> sink = call.getArgument(1);
            sink.accept(new PortableCredential("aB1", "Mail", "smtp", "{}", Instant.EPOCH, Instant.EPOCH));
            throw new RekeyException(ErrorCode.DECRYPTION_FAILED, "record cD2 does not decrypt");
        });
        Path file = dir.resolve("creds.json");

        CliRun.Result result = CliRun.run(context, "credentials", "export", "--decrypted", "--output", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: record cD2 does not decrypt");
        assertThat(dir).isEmptyDirectory();
    }
}
