package org.rekey.adapter.cli.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rekey.adapter.cli.Fixtures;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.adapter.cli.CliRun;
import org.rekey.adapter.cli.JsonAssert;
import org.rekey.adapter.cli.TestContext;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.KeyRef;

class ReencryptCommandTest {

    private static final String TARGET = "Ab12Cd34Ef56Gh78";

    private final TestContext context = new TestContext();

    private void givenReport(BatchReport report) {
        when(context.maintenance.reencrypt().reencrypt(any(), any(), any())).thenAnswer(call -> {
            ProgressListener listener = call.getArgument(1);
            listener.onProgress(new Progress(50, 100, 0));
            listener.onProgress(new Progress(100, 100, 0));
            return report;
        });
    }

    private static BatchReport moved(List<RecordFailure> failures) {
        return new BatchReport(Fixtures.key(TARGET), false, Map.of(KeyRef.LEGACY, 40L, Fixtures.key("Zz98"), 60L), 98, 2, failures, List.of());
    }

    @Test
    void reencrypt_runsWithTheDefaultBatchSize_andReportsWhatMoved() {
        givenReport(moved(List.of()));

        CliRun.Result result = CliRun.run(context, "reencrypt");

        assertThat(result.exitCode()).isZero();
        verify(context.maintenance.reencrypt()).reencrypt(eq(new BatchCommand(500, false)), any(), any());
        assertThat(result.out()).isEqualTo("""
                moved 98 records to key Ab12Cd34Ef56Gh78; 2 skipped because they were updated meanwhile (already there)
                FROM KEY  RECORDS
                Zz98      60
                legacy    40
                """);
    }

    @Test
    void reencrypt_thatFailsMidway_saysHowFarItCame_thenTheOneErrorLine() {
        when(context.maintenance.reencrypt().reencrypt(any(), any(), any())).thenAnswer(call -> {
            ProgressListener listener = call.getArgument(1);
            listener.onProgress(new Progress(300, 2000, 1));
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the database connection was lost");
        });

        CliRun.Result result = CliRun.run(context, "reencrypt");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("""
                re-encrypting stopped after 300 of 2000 records (1 failed)
                error: the database connection was lost [STORAGE_FAILURE]
                """);
    }

    @Test
    void verify_thatFailsBeforeTheFirstBatch_saysSo() {
        when(context.maintenance.verifyRecords().verifyRecords(any()))
                .thenThrow(new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the database connection was lost"));

        CliRun.Result result = CliRun.run(context, "verify");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("""
                verifying stopped before the first batch was done
                error: the database connection was lost [STORAGE_FAILURE]
                """);
    }

    @Test
    void instanceKeyChange_thatFailsMidway_saysHowFarItCame() {
        context.environment.put("NEW_KEY", "a-new-key");
        when(context.maintenance.changeInstanceKey().changeInstanceKey(any(), any(), any())).thenAnswer(call -> {
            ProgressListener listener = call.getArgument(1);
            listener.onProgress(new Progress(20, 40, 0));
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the database connection was lost");
        });

        CliRun.Result result = CliRun.run(context, "instance-key", "change", "--from-env", "NEW_KEY");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("changing the instance key stopped after 20 of 40 records\n")
                .endsWith("error: the database connection was lost [STORAGE_FAILURE]\n");
    }

    @Test
    void reencrypt_passesBatchSizeAndDryRun() {
        givenReport(new BatchReport(Fixtures.key(TARGET), true, Map.of(Fixtures.key("Zz98"), 60L), 0, 0, List.of(), List.of()));

        CliRun.Result result = CliRun.run(context, "reencrypt", "--batch-size", "20", "--dry-run");

        verify(context.maintenance.reencrypt()).reencrypt(eq(new BatchCommand(20, true)), any(), any());
        assertThat(result.out()).startsWith("dry run: would move 60 records to key " + TARGET + "; nothing was changed");
    }

    @Test
    void reencrypt_withABatchSizeOutOfRange_isBadInput_andOpensNothing() {
        CliRun.Result result = CliRun.run(context, "reencrypt", "--batch-size", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: batch size must be 1 to 10000");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void reencrypt_json_printsTheReport() {
        givenReport(moved(List.of()));

        JsonNode json = JsonAssert.parse(CliRun.run(context, "reencrypt", "--json").out());

        assertThat(json.get("target").asText()).isEqualTo(TARGET);
        assertThat(json.get("moved").asLong()).isEqualTo(98);
        assertThat(json.get("skipped").asLong()).isEqualTo(2);
        assertThat(json.get("pendingByKey").get("legacy").asLong()).isEqualTo(40);
        assertThat(json.get("succeeded").asBoolean()).isTrue();
    }

    @Test
    void reencrypt_withFailedRecords_listsThem_andExitsWithFailure() {
        givenReport(moved(List.of(new RecordFailure("credentials_entity", "rec7", "data", "DECRYPTION_FAILED", "does not decrypt"))));

        CliRun.Result result = CliRun.run(context, "reencrypt");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAILED IN TABLE     ROW   FIELD  CODE               MESSAGE",
                "credentials_entity  rec7  data   DECRYPTION_FAILED  does not decrypt");
        assertThat(result.err()).startsWith("error: 1 records could not be re-encrypted");
    }

    @Test
    void reencrypt_whileRotationIsOff_isBadUsage() {
        when(context.maintenance.reencrypt().reencrypt(any(), any(), any()))
                .thenThrow(new RekeyException(ErrorCode.ROTATION_DISABLED, "rotation is off"));

        assertThat(CliRun.run(context, "reencrypt").exitCode()).isEqualTo(2);
    }

    @Test
    void progressBar_isDrawnOnStderr_onATerminal() {
        context.terminal = true;
        givenReport(moved(List.of()));

        CliRun.Result result = CliRun.run(context, "reencrypt");

        assertThat(result.err()).startsWith("\rre-encrypting [").contains("50/100", "100/100", "records/s", "left")
                .endsWith("\n");
        assertThat(result.out()).doesNotContain("re-encrypting [");
    }

    @Test
    void progressBar_isNotDrawn_offATerminal() {
        givenReport(moved(List.of()));

        assertThat(CliRun.run(context, "reencrypt").err()).isEmpty();
    }
}
