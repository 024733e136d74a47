package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.rekey.adapter.http.ApiResponse.fieldNames;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.audit.AuditOutcome;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.audit.AuditPage;
import org.rekey.application.port.in.audit.AuditQuery;
import org.rekey.application.port.in.maintenance.JobPage;

/** {@code GET /rest/audit} and {@code GET /rest/encryption/jobs}: shapes, paging, filters; changes name their actor. */
class AuditAndJobRoutesTest extends ApiTest {

    @Test
    void audit_passesSinceActionAndPaging_andAnswersTheEntries() {
        ArgumentCaptor<AuditQuery> query = ArgumentCaptor.forClass(AuditQuery.class);
        when(api.listAudit.listAudit(query.capture())).thenReturn(new AuditPage(7, List.of(new AuditEntry(
                Instant.parse("2026-11-02T10:00:00Z"), Actor.operator("alice", "ops"), AuditAction.KEY_DESTROY,
                "0ldKeyId00000002", AuditOutcome.REFUSED, "KEY_IN_USE: 3 records"))));

        ApiResponse response = api.get("/rest/audit?since=2026-11-01&action=key.destroy&skip=2&take=1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(query.getValue()).isEqualTo(new AuditQuery(Optional.of(Instant.parse("2026-11-01T00:00:00Z")),
                Optional.of(AuditAction.KEY_DESTROY), new PageRequest(2, 1)));
        assertThat(response.json().get("count").asLong()).isEqualTo(7);
        JsonNode entry = response.json().get("items").get(0);
        assertThat(fieldNames(entry)).containsExactly("at", "actor", "action", "target", "outcome", "detail");
        assertThat(fieldNames(entry.get("actor"))).containsExactly("kind", "id", "label");
        assertThat(entry.get("actor").get("id").asText()).isEqualTo("alice@ops");
        assertThat(entry.get("action").asText()).isEqualTo("key.destroy");
        assertThat(entry.get("outcome").asText()).isEqualTo("refused");
    }

    @Test
    void audit_withoutParameters_readsTheNewestHundred() {
        when(api.listAudit.listAudit(any())).thenReturn(new AuditPage(0, List.of()));

        api.get("/rest/audit");

        verify(api.listAudit).listAudit(new AuditQuery(Optional.empty(), Optional.empty(), new PageRequest(0, 100)));
    }

    @Test
    void jobs_answersThePage() {
        when(api.listJobs.listJobs(any())).thenReturn(new JobPage(4, List.of(Samples.RUNNING_JOB.job().orElseThrow())));

        ApiResponse response = api.get("/rest/encryption/jobs?take=1");

        assertThat(response.status()).isEqualTo(200);
        verify(api.listJobs).listJobs(new PageRequest(0, 1));
        JsonNode job = response.json().get("items").get(0);
        assertThat(job.get("kind").asText()).isEqualTo("reencrypt");
        assertThat(job.get("state").asText()).isEqualTo("running");
        assertThat(job.get("instance").asText()).isEqualTo("host-a:41");
        assertThat(job.get("actor").get("label").asText()).isEqualTo("owner token");
        assertThat(job.get("remaining").asLong()).isEqualTo(60);
    }

    @Test
    void aRotation_namesTheTokenThatAskedForIt() {
        when(api.rotateDataKey.rotateDataKey(any())).thenReturn(Samples.NEW_KEY);

        api.postJson("/rest/encryption/keys", ProtectedRoute.KEY_BODY);

        verify(api.rotateDataKey).rotateDataKey(Actor.apiKey("owner", "owner token"));
    }
}
