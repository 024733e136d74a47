package org.rekey.adapter.cli.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.rekey.adapter.cli.Fixtures.ACTIVE_ID;
import static org.rekey.adapter.cli.Fixtures.OLD_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.rekey.adapter.cli.CliRun;
import org.rekey.adapter.cli.Fixtures;
import org.rekey.adapter.cli.JsonAssert;
import org.rekey.adapter.cli.TestContext;
import org.rekey.application.port.in.key.DataKeyPage;
import org.rekey.application.port.in.key.ImportDataKeyCommand;
import org.rekey.application.port.in.key.KeySort;
import org.rekey.application.port.in.key.ListDataKeysQuery;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;

class KeysCommandsTest {

    @TempDir
    Path dir;

    private final TestContext context = new TestContext();

    private void givenTwoKeys() {
        when(context.keys.listDataKeys().listDataKeys(any()))
                .thenReturn(new DataKeyPage(2, List.of(Fixtures.activeKey(), Fixtures.oldKey()), 5));
    }

    @Test
    void list_printsAnAlignedTable_andTheLegacyCount() {
        givenTwoKeys();

        CliRun.Result result = CliRun.run(context, "keys", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                ID                STATUS    ALGORITHM    RECORDS  CREATED                   ARCHIVED
                Ab12Cd34Ef56Gh78  active    aes-256-gcm  3        2024-06-02T11:30:00.250Z  -
                Zz98Yy76Xx54Ww32  inactive  aes-256-gcm  12       2024-05-01T10:00:00Z      2024-06-02T11:30:00.250Z
                legacy-format records: 5
                """);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void list_byDefault_asksForEveryKeyNewestFirst() {
        givenTwoKeys();

        CliRun.run(context, "keys", "list");

        verify(context.keys.listDataKeys()).listDataKeys(ListDataKeysQuery.all());
    }

    @Test
    void list_passesSkipTakeAndSort() {
        givenTwoKeys();
        ArgumentCaptor<ListDataKeysQuery> query = ArgumentCaptor.forClass(ListDataKeysQuery.class);

        CliRun.run(context, "keys", "list", "--skip", "1", "--take", "10", "--sort", "status:asc");

        verify(context.keys.listDataKeys()).listDataKeys(query.capture());
        assertThat(query.getValue().skip()).isEqualTo(1);
        assertThat(query.getValue().take()).isEqualTo(10);
        assertThat(query.getValue().sort()).isEqualTo(new KeySort(KeySort.Field.STATUS, true));
    }

    @Test
    void list_json_printsTheHttpShape_withKeyIdsInFullAndIsoDates() {
        givenTwoKeys();

        CliRun.Result result = CliRun.run(context, "keys", "list", "--json");

        JsonNode json = JsonAssert.parse(result.out());
        assertThat(JsonAssert.fieldNames(json)).containsExactly("count", "items", "legacyRecordCount");
        assertThat(json.get("count").asLong()).isEqualTo(2);
        assertThat(json.get("legacyRecordCount").asLong()).isEqualTo(5);
        JsonNode first = json.get("items").get(0);
        assertThat(JsonAssert.fieldNames(first)).containsExactlyInAnyOrder("id", "type", "algorithm", "status",
                "createdAt", "updatedAt", "recordCount");
        assertThat(first.get("id").asText()).isEqualTo(ACTIVE_ID);
        assertThat(first.get("type").asText()).isEqualTo("data_encryption");
        assertThat(first.get("status").asText()).isEqualTo("active");
        assertThat(first.get("createdAt").asText()).isEqualTo("2024-06-02T11:30:00.250Z");
        assertThat(first.get("recordCount").asLong()).isEqualTo(3);
        assertThat(json.get("items").get(1).get("id").asText()).isEqualTo(OLD_ID);
    }

    @Test
    void list_withABadSort_isBadInput_andOpensNothing() {
        CliRun.Result result = CliRun.run(context, "keys", "list", "--sort", "name:up");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --sort must be createdAt, updatedAt or status");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void list_withTakeOverTheLimit_isBadInput() {
        CliRun.Result result = CliRun.run(context, "keys", "list", "--take", "5000");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: take must be 0 to 1000");
    }

    @Test
    void show_printsTheKeyAsFields() {
        when(context.keys.showDataKey().showDataKey(new DataKeyId(OLD_ID))).thenReturn(Fixtures.oldKey());

        CliRun.Result result = CliRun.run(context, "keys", "show", OLD_ID);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                id         Zz98Yy76Xx54Ww32
                status     inactive
                type       data_encryption
                algorithm  aes-256-gcm
                records    12
                created    2024-05-01T10:00:00Z
                updated    2024-06-02T11:30:00.250Z
                archived   2024-06-02T11:30:00.250Z
                """);
    }

    @Test
    void show_json_printsOneKeyItem() {
        when(context.keys.showDataKey().showDataKey(new DataKeyId(OLD_ID))).thenReturn(Fixtures.oldKey());

        JsonNode json = JsonAssert.parse(CliRun.run(context, "keys", "show", OLD_ID, "--json").out());

        assertThat(json.get("id").asText()).isEqualTo(OLD_ID);
        assertThat(json.get("recordCount").asLong()).isEqualTo(12);
    }

    @Test
    void show_ofAnInvalidId_isBadInput_andOpensNothing() {
        CliRun.Result result = CliRun.run(context, "keys", "show", "not/an:id");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: a key id is 1 to 36 characters");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void rotate_printsTheNewActiveKey_andExplainsOnStderr() {
        when(context.keys.rotateDataKey().rotateDataKey(any())).thenReturn(Fixtures.activeKey());

        CliRun.Result result = CliRun.run(context, "keys", "rotate");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("id         " + ACTIVE_ID + "\nstatus     active\n");
        assertThat(result.err()).contains("key " + ACTIVE_ID + " is now active", "rekey reencrypt");
    }

    @Test
    void rotate_json_printsTheNewKey() {
        when(context.keys.rotateDataKey().rotateDataKey(any())).thenReturn(Fixtures.activeKey());

        JsonNode json = JsonAssert.parse(CliRun.run(context, "keys", "rotate", "--json").out());

        assertThat(json.get("id").asText()).isEqualTo(ACTIVE_ID);
        assertThat(json.get("status").asText()).isEqualTo("active");
    }

    @Test
    void rotate_whileRotationIsOff_isBadUsage() {
        when(context.keys.rotateDataKey().rotateDataKey(any())).thenThrow(new RekeyException(
                ErrorCode.ROTATION_DISABLED, "rotation is off; set N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true"));

        CliRun.Result result = CliRun.run(context, "keys", "rotate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo(
                "error: rotation is off; set N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true [ROTATION_DISABLED]\n");
    }

    @Test
    void import_passesTheRowAsGiven() {
        when(context.keys.importDataKey().importDataKey(any(), any())).thenReturn(Fixtures.oldKey());

        CliRun.Result result = CliRun.run(context, "keys", "import", "--id", OLD_ID, "--value", "AWrapped==",
                "--algorithm", "aes-256-gcm", "--status", "inactive");

        assertThat(result.exitCode()).isZero();
        verify(context.keys.importDataKey()).importDataKey(eq(new ImportDataKeyCommand(new DataKeyId(OLD_ID),
                "AWrapped==", KeyAlgorithm.AES_256_GCM, KeyStatus.INACTIVE)), any());
        assertThat(result.out()).contains(OLD_ID).doesNotContain("AWrapped==");
    }

    @Test
    void import_withDates_passesThemOn_andDefersSeeding() {
        when(context.keys.importDataKey().importDataKey(any(), any())).thenReturn(Fixtures.oldKey());

        CliRun.Result result = CliRun.run(context, "keys", "import", "--id", OLD_ID, "--value", "AWrapped==",
                "--algorithm", "aes-256-gcm", "--status", "inactive", "--created-at", "2024-05-01T10:00:00.000Z",
                "--updated-at", "2024-06-01 10:00:00.000");

        assertThat(result.exitCode()).as(result.err()).isZero();
        verify(context.keys.importDataKey()).importDataKey(eq(new ImportDataKeyCommand(new DataKeyId(OLD_ID),
                "AWrapped==", KeyAlgorithm.AES_256_GCM, KeyStatus.INACTIVE,
                Optional.of(Instant.parse("2024-05-01T10:00:00Z")), Optional.of(Instant.parse("2024-06-01T10:00:00Z")))), any());
        assertThat(context.seedingDeferred).isTrue();
    }

    @Test
    void import_withABadDate_isBadInput_andOpensNothing() {
        CliRun.Result result = CliRun.run(context, "keys", "import", "--id", OLD_ID, "--value", "AWrapped==",
                "--algorithm", "aes-256-gcm", "--status", "inactive", "--created-at", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --created-at must be an ISO 8601 date-time");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void import_ofADumpFile_passesEveryDataKeyRowWithItsDates_andSkipsOtherTypes() throws IOException {
        when(context.keys.importDataKey().importDataKeys(any(), any())).thenReturn(List.of(Fixtures.oldKey()));
        Path file = Files.writeString(dir.resolve("deployment_key.json"), """
                [{"id":"LegacyRow0000001","type":"data_encryption","value":"AVal1==","algorithm":"aes-256-cbc",
                  "status":"inactive","createdAt":"2024-05-01T10:00:00.123+00:00","updatedAt":"2024-05-01T10:00:00.123+00:00"},
                 {"id":"Sign000000000001","type":"signing.hmac","value":"AVal2==","algorithm":null,"status":"active",
                  "createdAt":"2024-05-01T10:00:00.123+00:00","updatedAt":"2024-05-01T10:00:00.123+00:00"},
                 {"id":"AbCdEfGhIjKlMnOp","type":"data_encryption","value":"AVal3==","algorithm":"aes-256-gcm",
                  "status":"active","createdAt":"2024-05-01 10:00:00.123","updatedAt":"2024-07-01 10:00:00.000"}]
                """);

        CliRun.Result result = CliRun.run(context, "keys", "import", "--file", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        Instant t = Instant.parse("2024-05-01T10:00:00.123Z");
        verify(context.keys.importDataKey()).importDataKeys(eq(List.of(
                new ImportDataKeyCommand(new DataKeyId("LegacyRow0000001"), "AVal1==", KeyAlgorithm.AES_256_CBC,
                        KeyStatus.INACTIVE, Optional.of(t), Optional.of(t)),
                new ImportDataKeyCommand(new DataKeyId("AbCdEfGhIjKlMnOp"), "AVal3==", KeyAlgorithm.AES_256_GCM,
                        KeyStatus.ACTIVE, Optional.of(t), Optional.of(Instant.parse("2024-07-01T10:00:00Z"))))), any());
        assertThat(result.err()).contains("skipped 1 rows of other types");
        assertThat(result.out()).contains(OLD_ID).doesNotContain("AVal");
        assertThat(context.seedingDeferred).isTrue();
    }

    @Test
    void import_ofADumpFileWithABadRow_namesIt_andOpensNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("deployment_key.json"),
                "[{\"id\":\"AbCdEfGhIjKlMnOp\",\"value\":\"AVal3==\",\"algorithm\":\"aes-256-gcm\"}]");

        CliRun.Result result = CliRun.run(context, "keys", "import", "--file", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("row 1 (id AbCdEfGhIjKlMnOp): it has no status; nothing was imported")
                .doesNotContain("AVal3");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void import_withBothAFileAndARow_isBadUsage() {
        CliRun.Result result = CliRun.run(context, "keys", "import", "--file", "x.json", "--id", OLD_ID,
                "--value", "AWrapped==", "--algorithm", "aes-256-gcm", "--status", "inactive");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").contains("mutually exclusive");
    }

    @Test
    void import_withAnUnknownAlgorithm_isBadInput_andOpensNothing() {
        CliRun.Result result = CliRun.run(context, "keys", "import", "--id", OLD_ID, "--value", "AWrapped==",
                "--algorithm", "des", "--status", "inactive");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: unknown key algorithm 'des'");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void import_ofADuplicateId_isAConflict() {
        when(context.keys.importDataKey().importDataKey(any(), any()))
                .thenThrow(new RekeyException(ErrorCode.DUPLICATE_ID, "a key with id X exists already"));

        CliRun.Result result = CliRun.run(context, "keys", "import", "--id", OLD_ID, "--value", "AWrapped==",
                "--algorithm", "aes-256-gcm", "--status", "active");

        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void destroy_saysWhichKeyWasDestroyed() {
        when(context.keys.destroyDataKey().destroyDataKey(eq(new DataKeyId(OLD_ID)), any())).thenReturn(Fixtures.oldKey());

        CliRun.Result result = CliRun.run(context, "keys", "destroy", OLD_ID);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("destroyed key " + OLD_ID + "\n");
    }

    @Test
    void destroy_ofAKeyInUse_isAConflictThatSaysHowMany() {
        when(context.keys.destroyDataKey().destroyDataKey(eq(new DataKeyId(OLD_ID)), any())).thenThrow(new RekeyException(
                ErrorCode.KEY_IN_USE, "12 records still use key " + OLD_ID + "; run rekey reencrypt first"));

        CliRun.Result result = CliRun.run(context, "keys", "destroy", OLD_ID);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: 12 records still use key");
    }
}
