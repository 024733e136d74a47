package org.rekey.adapter.cli.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.rekey.adapter.cli.Fixtures.ACTIVE_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.rekey.adapter.cli.CliRun;
import org.rekey.adapter.cli.Fixtures;
import org.rekey.adapter.cli.JsonAssert;
import org.rekey.adapter.cli.TestContext;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.CredentialPage;
import org.rekey.application.port.in.credential.ListCredentialsQuery;
import org.rekey.application.port.in.credential.UpdateCredentialCommand;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.record.RecordId;

class CredentialsCommandsTest {

    private final TestContext context = new TestContext();

    @TempDir
    Path dir;

    private CreateCredentialCommand createdWith(String... args) {
        when(context.credentials.createCredential().createCredential(any()))
                .thenReturn(Fixtures.credential("c1", ACTIVE_ID));
        CliRun.Result result = CliRun.run(context, args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        ArgumentCaptor<CreateCredentialCommand> command = ArgumentCaptor.forClass(CreateCredentialCommand.class);
        verify(context.credentials.createCredential()).createCredential(command.capture());
        return command.getValue();
    }

    @Test
    void create_passesTheDataAsCanonicalJson() {
        CreateCredentialCommand command = createdWith("credentials", "create", "--name", "Mail", "--type", "smtp",
                "--data", " { \"user\" : \"me\",\n \"port\": 25 } ");

        assertThat(command.name()).isEqualTo("Mail");
        assertThat(command.type()).isEqualTo("smtp");
        assertThat(command.dataJson()).isEqualTo("{\"user\":\"me\",\"port\":25}");
    }

    @Test
    void create_readsTheDataFromAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("mail.json"), "{\"password\": \"s3cret\"}\n");

        CreateCredentialCommand command = createdWith("credentials", "create", "--name", "Mail", "--type", "smtp",
                "--data", "@" + file);

        assertThat(command.dataJson()).isEqualTo("{\"password\":\"s3cret\"}");
    }

    @Test
    void create_printsTheNewCredentialsIdAndKey() {
        when(context.credentials.createCredential().createCredential(any()))
                .thenReturn(Fixtures.credential("c1", ACTIVE_ID));

        CliRun.Result result = CliRun.run(context, "credentials", "create", "--name", "Mail", "--type", "smtp",
                "--data", "{}");

        assertThat(result.out()).isEqualTo("""
                id       c1
                name     Mail c1
                type     smtp
                key      Ab12Cd34Ef56Gh78
                created  2024-05-01T10:00:00Z
                updated  2024-06-02T11:30:00.250Z
                """);
    }

    @Test
    void create_json_printsTheMetadataWithoutData() {
        when(context.credentials.createCredential().createCredential(any()))
                .thenReturn(Fixtures.credential("c1", ACTIVE_ID));

        JsonNode json = JsonAssert.parse(CliRun.run(context, "credentials", "create", "--name", "Mail", "--type",
                "smtp", "--data", "{}", "--json").out());

        assertThat(JsonAssert.fieldNames(json))
                .containsExactlyInAnyOrder("id", "name", "type", "keyId", "valueFormat", "createdAt", "updatedAt");
        assertThat(json.get("keyId").asText()).isEqualTo(ACTIVE_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "42"})
    void create_withDataThatIsNotAnObject_isBadInput_andOpensNothing(String data) {
        CliRun.Result result = CliRun.run(context, "credentials", "create", "--name", "Mail", "--type", "smtp",
                "--data", data);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --data must be a JSON object");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void create_withInvalidJson_saysWhere_butNeverEchoesTheSecret() {
        CliRun.Result result = CliRun.run(context, "credentials", "create", "--name", "Mail", "--type", "smtp",
                "--data", "{\"password\": hunter2}");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --data is not valid JSON (line 1, column")
                .doesNotContain("hunter2");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void create_withAMissingDataFile_namesTheFile() {
        Path file = dir.resolve("missing.json");

        CliRun.Result result = CliRun.run(context, "credentials", "create", "--name", "Mail", "--type", "smtp",
                "--data", "@" + file);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo(
                "error: cannot read data file " + file + ": no such file; check the path [INVALID_INPUT]\n");
    }

    @Test
    void create_withABlankName_isBadInput() {
        CliRun.Result result = CliRun.run(context, "credentials", "create", "--name", " ", "--type", "smtp",
                "--data", "{}");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: a credential needs a name");
    }

    @Test
    void get_printsTheFields_andTheDecryptedData() {
        when(context.credentials.getCredential().getCredential(new RecordId("c1"), true))
                .thenReturn(Fixtures.credential("c1", null).withData("{\"user\":\"me\"}"));

        CliRun.Result result = CliRun.run(context, "credentials", "get", "c1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                id       c1
                name     Mail c1
                type     smtp
                key      legacy
                created  2024-05-01T10:00:00Z
                updated  2024-06-02T11:30:00.250Z
                data:
                {
                  "user" : "me"
                }
                """);
    }

    @Test
    void get_json_addsTheDataAsAnObject_andKeyIdNullForLegacy() {
        when(context.credentials.getCredential().getCredential(new RecordId("c1"), true))
                .thenReturn(Fixtures.credential("c1", null).withData("{\"user\":\"me\",\"port\":25}"));

        JsonNode json = JsonAssert.parse(CliRun.run(context, "credentials", "get", "c1", "--json").out());

        assertThat(JsonAssert.fieldNames(json))
                .containsExactlyInAnyOrder("id", "name", "type", "keyId", "valueFormat", "createdAt", "updatedAt", "data");
        assertThat(json.get("keyId").isNull()).isTrue();
        assertThat(json.get("data").isObject()).isTrue();
        assertThat(json.get("data").get("port").asInt()).isEqualTo(25);
        assertThat(json.get("updatedAt").asText()).isEqualTo("2024-06-02T11:30:00.250Z");
    }

    @Test
    void get_ofAnUnknownId_isNotFound() {
        when(context.credentials.getCredential().getCredential(new RecordId("nope"), true))
                .thenThrow(new RekeyException(ErrorCode.RECORD_NOT_FOUND, "no credential with id nope"));

        CliRun.Result result = CliRun.run(context, "credentials", "get", "nope");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: no credential with id nope [RECORD_NOT_FOUND]\n");
    }

    @Test
    void get_thatDoesNotDecrypt_isUnprocessableInput() {
        when(context.credentials.getCredential().getCredential(new RecordId("c1"), true))
                .thenThrow(new RekeyException(ErrorCode.DECRYPTION_FAILED, "the value does not decrypt"));

        assertThat(CliRun.run(context, "credentials", "get", "c1").exitCode()).isEqualTo(2);
    }

    @Test
    void list_printsATable_withLegacyForValuesWithoutKey() {
        when(context.credentials.listCredentials().listCredentials(ListCredentialsQuery.all())).thenReturn(
                new CredentialPage(2, List.of(Fixtures.credential("c1", ACTIVE_ID), Fixtures.credential("c2", null))));

        CliRun.Result result = CliRun.run(context, "credentials", "list");

        assertThat(result.out()).isEqualTo("""
                ID  NAME     TYPE  KEY               CREATED               UPDATED
                c1  Mail c1  smtp  Ab12Cd34Ef56Gh78  2024-05-01T10:00:00Z  2024-06-02T11:30:00.250Z
                c2  Mail c2  smtp  legacy            2024-05-01T10:00:00Z  2024-06-02T11:30:00.250Z
                """);
    }

    @Test
    void list_json_printsCountAndItemsWithoutData() {
        when(context.credentials.listCredentials().listCredentials(any())).thenReturn(
                new CredentialPage(7, List.of(Fixtures.credential("c1", ACTIVE_ID), Fixtures.credential("c2", null))));

        JsonNode json = JsonAssert.parse(CliRun.run(context, "credentials", "list", "--json").out());

        assertThat(JsonAssert.fieldNames(json)).containsExactly("count", "items");
        assertThat(json.get("count").asLong()).isEqualTo(7);
        assertThat(JsonAssert.fieldNames(json.get("items").get(0)))
                .containsExactlyInAnyOrder("id", "name", "type", "keyId", "valueFormat", "createdAt", "updatedAt");
        assertThat(json.get("items").get(1).get("keyId").isNull()).isTrue();
    }

    @Test
    void list_passesSkipAndTake() {
        when(context.credentials.listCredentials().listCredentials(any())).thenReturn(new CredentialPage(0, List.of()));

        CliRun.run(context, "credentials", "list", "--skip", "5", "--take", "2");

        verify(context.credentials.listCredentials()).listCredentials(new ListCredentialsQuery(5, 2));
    }

    @Test
    void update_withANewNameOnly_keepsTheData() {
        when(context.credentials.updateCredential().updateCredential(any()))
                .thenReturn(Fixtures.credential("c1", ACTIVE_ID));

        CliRun.Result result = CliRun.run(context, "credentials", "update", "c1", "--name", "Renamed");

        assertThat(result.exitCode()).isZero();
        verify(context.credentials.updateCredential()).updateCredential(new UpdateCredentialCommand(new RecordId("c1"),
                Optional.of("Renamed"), Optional.empty(), Optional.empty()));
    }

    @Test
    void update_withNewData_passesItCanonical() {
        when(context.credentials.updateCredential().updateCredential(any()))
                .thenReturn(Fixtures.credential("c1", ACTIVE_ID));

        CliRun.run(context, "credentials", "update", "c1", "--data", "{ \"a\" : 1 }");

        verify(context.credentials.updateCredential()).updateCredential(new UpdateCredentialCommand(new RecordId("c1"),
                Optional.empty(), Optional.of("{\"a\":1}"), Optional.empty()));
    }

    @Test
    void update_withNothingToChange_isBadInput_andOpensNothing() {
        CliRun.Result result = CliRun.run(context, "credentials", "update", "c1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: nothing to update");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void update_thatRacesAnother_isAConflict() {
        when(context.credentials.updateCredential().updateCredential(any()))
                .thenThrow(new RekeyException(ErrorCode.VERSION_CONFLICT, "changed meanwhile; try again"));

        assertThat(CliRun.run(context, "credentials", "update", "c1", "--name", "x").exitCode()).isEqualTo(1);
    }

    @Test
    void delete_deletesAndSaysSo() {
        CliRun.Result result = CliRun.run(context, "credentials", "delete", "c1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("deleted credential c1\n");
        verify(context.credentials.deleteCredential()).deleteCredential(new RecordId("c1"));
    }
}
