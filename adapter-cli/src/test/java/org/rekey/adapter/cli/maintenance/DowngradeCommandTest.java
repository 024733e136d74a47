package org.rekey.adapter.cli.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rekey.adapter.cli.CliRun;
import org.rekey.adapter.cli.Fixtures;
import org.rekey.adapter.cli.TestContext;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.domain.key.KeyRef;

class DowngradeCommandTest {

    private final TestContext context = new TestContext();

    private void givenReport(List<RecordFailure> failures) {
        when(context.maintenance.downgradeToLegacy().downgradeToLegacy(any(), any(), any()))
                .thenReturn(new BatchReport(KeyRef.LEGACY, false, Map.of(Fixtures.key("Ab12"), 4L), 4, 0, failures, List.of()));
    }

    @Test
    void downgrade_convertsEveryRecord_thenSaysTurningTheFlagOffIsSafe() {
        givenReport(List.of());

        CliRun.Result result = CliRun.run(context, "downgrade", "--to-legacy", "--batch-size", "100");

        assertThat(result.exitCode()).isZero();
        verify(context.maintenance.downgradeToLegacy()).downgradeToLegacy(eq(new BatchCommand(100, false)), any(), any());
        assertThat(result.out()).startsWith("moved 4 records to the legacy format\n")
                .endsWith("turning N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION off, or running an older n8n with the same"
                        + " N8N_ENCRYPTION_KEY, is now safe. Turn it off on every instance before they write again:"
                        + " while it is on, new writes use data keys\n");
    }

    @Test
    void downgrade_withoutToLegacy_isBadUsage_andOpensNothing() {
        CliRun.Result result = CliRun.run(context, "downgrade");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: missing required option: '--to-legacy'");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void downgrade_withFailures_neverSaysItIsSafe() {
        givenReport(List.of(new RecordFailure("credentials_entity", "rec1", "data", "DECRYPTION_FAILED", "does not decrypt")));

        CliRun.Result result = CliRun.run(context, "downgrade", "--to-legacy");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("rec1").doesNotContain("is now safe");
        assertThat(result.err()).contains("keep rotation on");
    }

    @Test
    void downgrade_json_keepsStdoutParseable_andSaysItIsSafeOnStderr() {
        givenReport(List.of());

        CliRun.Result result = CliRun.run(context, "downgrade", "--to-legacy", "--json");

        assertThat(org.rekey.adapter.cli.JsonAssert.parse(result.out()).get("moved").asLong()).isEqualTo(4);
        assertThat(result.err()).contains("is now safe");
    }
}
