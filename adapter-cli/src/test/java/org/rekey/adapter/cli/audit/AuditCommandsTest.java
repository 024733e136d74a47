package org.rekey.adapter.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.rekey.adapter.cli.CliRun;
import org.rekey.adapter.cli.TestContext;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.audit.AuditOutcome;
import org.rekey.application.job.JobKind;
import org.rekey.application.job.JobState;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.audit.AuditPage;
import org.rekey.application.port.in.audit.AuditQuery;
import org.rekey.application.port.in.maintenance.JobPage;
import org.rekey.application.port.in.maintenance.JobView;
import org.rekey.application.port.in.maintenance.Progress;

/** {@code rekey jobs} and {@code rekey audit}: tables, JSON, filters, and bad input refused before any read. */
class AuditCommandsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private final TestContext context = new TestContext();

    @Test
    void jobs_listsTheFleetsJobs_asATable() {
        when(context.maintenance.listJobs().listJobs(any())).thenReturn(new JobPage(1, List.of(new JobView(
                "Job0000000000001", JobKind.REENCRYPT, JobState.ABANDONED, "host-a:41",
                Actor.operator("alice", "host-a"), T0, T0, Optional.empty(), new Progress(40, 100, 1),
                Optional.empty()))));

        CliRun.Result result = CliRun.run(context, "jobs");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Job0000000000001").contains("reencrypt").contains("abandoned")
                .contains("host-a:41").contains("alice@host-a").contains("60").contains("1 of 1 jobs");
    }

    @Test
    void jobs_asJson_hasTheHttpShape() throws Exception {
        when(context.maintenance.listJobs().listJobs(any())).thenReturn(new JobPage(3, List.of(new JobView(
                "Job0000000000001", JobKind.DOWNGRADE, JobState.FAILED, "host-a:41", Actor.apiKey("K1", "ci"), T0,
                T0.plusSeconds(9), Optional.of(T0.plusSeconds(10)), new Progress(5, 5, 2),
                Optional.of("2 failed")))));

        CliRun.Result result = CliRun.run(context, "jobs", "--json", "--take", "1");

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("count").asLong()).isEqualTo(3);
        JsonNode job = json.get("items").get(0);
        assertThat(job.get("kind").asText()).isEqualTo("downgrade");
        assertThat(job.get("state").asText()).isEqualTo("failed");
        assertThat(job.get("actor").get("kind").asText()).isEqualTo("api-key");
        assertThat(job.get("remaining").asLong()).isZero();
        assertThat(job.get("lastError").asText()).isEqualTo("2 failed");
        verify(context.maintenance.listJobs()).listJobs(new PageRequest(0, 1));
    }

    @Test
    void audit_passesItsFilters_andPrintsTheEntries() {
        ArgumentCaptor<AuditQuery> query = ArgumentCaptor.forClass(AuditQuery.class);
        when(context.audit.listAudit().listAudit(query.capture())).thenReturn(new AuditPage(1, List.of(
                new AuditEntry(T0, Actor.apiKey("K1", "deploy bot"), AuditAction.KEY_ROTATE, "NewKey0000000001",
                        AuditOutcome.SUCCEEDED, "Old (inactive), NewKey0000000001 (active)"))));

        CliRun.Result result = CliRun.run(context, "audit", "--since", "2026-11-01", "--action", "key.rotate");

        assertThat(result.exitCode()).isZero();
        assertThat(query.getValue().since()).contains(T0.minusSeconds(8 * 3600));
        assertThat(query.getValue().action()).contains(AuditAction.KEY_ROTATE);
        assertThat(result.out()).contains("api-key K1 (deploy bot)").contains("key.rotate")
                .contains("NewKey0000000001").contains("succeeded").contains("1 of 1 entries");
    }

    @Test
    void audit_withAnUnknownActionOrDate_isBadInput_andReadsNothing() {
        CliRun.Result action = CliRun.run(context, "audit", "--action", "key.explode");
        CliRun.Result since = CliRun.run(context, "audit", "--since", "last tuesday");

        assertThat(action.exitCode()).isEqualTo(2);
        assertThat(action.err()).contains("unknown audit action 'key.explode'").contains("key.rotate");
        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.err()).contains("--since must be an ISO 8601 date-time");
        verifyNoInteractions(context.audit.listAudit());
    }
}
