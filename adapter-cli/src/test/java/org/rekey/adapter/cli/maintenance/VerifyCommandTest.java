package org.rekey.adapter.cli.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rekey.adapter.cli.CliRun;
import org.rekey.adapter.cli.Fixtures;
import org.rekey.adapter.cli.JsonAssert;
import org.rekey.adapter.cli.TestContext;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.in.maintenance.VerifyReport;
import org.rekey.domain.key.KeyRef;

class VerifyCommandTest {

    private static final String ACTIVE = "Ab12Cd34Ef56Gh78";

    private final TestContext context = new TestContext();

    private void givenReport(List<RecordFailure> failures) {
        when(context.maintenance.verifyRecords().verifyRecords(any())).thenAnswer(call -> {
            ProgressListener listener = call.getArgument(0);
            listener.onProgress(new Progress(6, 6, failures.size()));
            return new VerifyReport(6, Map.of(Fixtures.key(ACTIVE), 3L, Fixtures.key("Zz98"), 2L, KeyRef.LEGACY, 1L), 0,
                    Fixtures.key(ACTIVE), failures);
        });
    }

    @Test
    void verify_printsCountsPerKey_andSucceeds() {
        givenReport(List.of());

        CliRun.Result result = CliRun.run(context, "verify");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                KEY                        RECORDS
                Ab12Cd34Ef56Gh78 (active)  3
                Zz98                       2
                legacy                     1
                6 records, 0 failed
                """);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void verify_withFailures_listsEveryRecordAndCode_andExitsWithFailure() {
        givenReport(List.of(new RecordFailure("credentials_entity", "rec1", "data", "DECRYPTION_FAILED", "the value does not decrypt"),
                new RecordFailure("credentials_entity", "rec2", "data", "KEY_DESTROYED", "key Zz98 was destroyed at 2024-05-01T10:00:00Z")));

        CliRun.Result result = CliRun.run(context, "verify");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("6 records, 2 failed",
                "FAILED IN TABLE     ROW   FIELD  CODE               MESSAGE",
                "credentials_entity  rec1  data   DECRYPTION_FAILED  the value does not decrypt",
                "credentials_entity  rec2  data   KEY_DESTROYED      key Zz98 was destroyed");
        assertThat(result.err()).isEqualTo("error: 2 of 6 records do not decrypt (listed on stdout with their error"
                + " codes); restore them or delete them\n");
    }

    @Test
    void verify_json_printsCountsAndFailures() {
        givenReport(List.of(new RecordFailure("credentials_entity", "rec1", "data", "DECRYPTION_FAILED", "the value does not decrypt")));

        CliRun.Result result = CliRun.run(context, "verify", "--json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode json = JsonAssert.parse(result.out());
        assertThat(json.get("total").asLong()).isEqualTo(6);
        assertThat(json.get("activeKeyId").asText()).isEqualTo(ACTIVE);
        assertThat(json.get("recordsByKey").get("legacy").asLong()).isEqualTo(1);
        assertThat(json.get("failures").get(0).get("recordId").asText()).isEqualTo("rec1");
        assertThat(json.get("failures").get(0).get("table").asText()).isEqualTo("credentials_entity");
        assertThat(json.get("failures").get(0).get("field").asText()).isEqualTo("data");
        assertThat(json.get("failures").get(0).get("code").asText()).isEqualTo("DECRYPTION_FAILED");
        assertThat(json.get("succeeded").asBoolean()).isFalse();
    }

    @Test
    void verify_showsAProgressBar_onATerminal() {
        context.terminal = true;
        givenReport(List.of());

        assertThat(CliRun.run(context, "verify").err()).startsWith("\rverifying [").contains("6/6");
    }
}
