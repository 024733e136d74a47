package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.rekey.adapter.http.ApiResponse.fieldNames;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.in.maintenance.ReencryptionJob;
import org.rekey.application.port.in.maintenance.VerifyReport;
import org.rekey.domain.key.KeyRef;

class MaintenanceRoutesTest extends ApiTest {

    @Test
    void startReencryption_withoutBody_uses500PerBatch_andAnswers202WithTheJob() {
        when(api.reencryptionJob.startReencryption(any(), any())).thenReturn(Samples.RUNNING_JOB);

        ApiResponse response = api.send("POST", "/rest/encryption/reencryption", ApiFixture.OWNER, null, null);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.header("Location")).isEqualTo("/rest/encryption/reencryption");
        verify(api.reencryptionJob).startReencryption(eq(new BatchCommand(500, false)), any());
        JsonNode job = response.json();
        assertThat(fieldNames(job)).containsExactly("state", "id", "instance", "startedAt", "heartbeatAt", "finishedAt",
                "progress", "report", "error");
        assertThat(job.get("id").asText()).isEqualTo("Job0000000000001");
        assertThat(job.get("instance").asText()).isEqualTo("host-a:41");
        assertThat(job.get("state").asText()).isEqualTo("running");
        assertThat(job.get("startedAt").asText()).isEqualTo("2024-07-01T10:00:00Z");
        assertThat(job.get("finishedAt").isNull()).isTrue();
        assertThat(job.get("progress").get("done").asLong()).isEqualTo(40);
        assertThat(job.get("progress").get("total").asLong()).isEqualTo(100);
        assertThat(job.get("progress").get("failed").asLong()).isEqualTo(1);
        assertThat(job.get("progress").get("remaining").asLong()).isEqualTo(60);
    }

    @Test
    void startReencryption_withBatchSize_passesIt() {
        when(api.reencryptionJob.startReencryption(any(), any())).thenReturn(Samples.RUNNING_JOB);

        ApiResponse response = api.postJson("/rest/encryption/reencryption", "{\"batchSize\":50}");

        assertThat(response.status()).isEqualTo(202);
        verify(api.reencryptionJob).startReencryption(eq(new BatchCommand(50, false)), any());
    }

    @Test
    void startReencryption_withEmptyObject_usesTheDefault() {
        when(api.reencryptionJob.startReencryption(any(), any())).thenReturn(Samples.RUNNING_JOB);

        api.postJson("/rest/encryption/reencryption", "{}");

        verify(api.reencryptionJob).startReencryption(eq(new BatchCommand(BatchCommand.DEFAULT_BATCH_SIZE, false)), any());
    }

    @Test
    void progress_ofAFinishedJob_includesItsReport() {
        when(api.reencryptionJob.reencryptionJob()).thenReturn(Samples.FINISHED_JOB);

        ApiResponse response = api.get("/rest/encryption/reencryption");

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json().get("report");
        assertThat(response.json().get("state").asText()).isEqualTo("succeeded");
        assertThat(report.get("target").asText()).isEqualTo("NewKeyId00000003");
        assertThat(report.get("dryRun").asBoolean()).isFalse();
        assertThat(report.get("pendingByKey").get("legacy").asLong()).isEqualTo(60);
        assertThat(report.get("moved").asLong()).isEqualTo(98);
        assertThat(report.get("skipped").asLong()).isEqualTo(1);
        assertThat(fieldNames(report.get("failures").get(0))).containsExactly("table", "recordId", "field", "code",
                "message");
        assertThat(report.get("failures").get(0).get("code").asText()).isEqualTo("DECRYPTION_FAILED");
    }

    @Test
    void progress_whenNothingRan_isIdle() {
        when(api.reencryptionJob.reencryptionJob()).thenReturn(ReencryptionJob.idle());

        ApiResponse response = api.get("/rest/encryption/reencryption");

        assertThat(response.json().get("state").asText()).isEqualTo("idle");
        assertThat(response.json().get("report").isNull()).isTrue();
    }

    @Test
    void status_summarisesVerify_countsPerKeyAndFailures() {
        when(api.verifyRecords.verifyRecords(ProgressListener.NONE)).thenReturn(new VerifyReport(15,
                Map.of(KeyRef.LEGACY, 2L, Samples.key("Act1veKeyId00001"), 13L), 0, Samples.key("Act1veKeyId00001"),
                List.of(new RecordFailure("credentials_entity", "cred7", "data", "DECRYPTION_FAILED", "record cred7 does not decrypt"))));

        ApiResponse response = api.get("/rest/encryption/status");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(fieldNames(body)).containsExactly("total", "recordsByKey", "activeKeyId", "failures");
        assertThat(body.get("total").asLong()).isEqualTo(15);
        assertThat(body.get("recordsByKey").get("legacy").asLong()).isEqualTo(2);
        assertThat(body.get("recordsByKey").get("Act1veKeyId00001").asLong()).isEqualTo(13);
        assertThat(body.get("activeKeyId").asText()).isEqualTo("Act1veKeyId00001");
        assertThat(body.get("failures").get(0).get("recordId").asText()).isEqualTo("cred7");
        assertThat(body.get("failures").get(0).get("table").asText()).isEqualTo("credentials_entity");
        assertThat(body.get("failures").get(0).get("field").asText()).isEqualTo("data");
        assertThat(body.get("failures").get(0).get("code").asText()).isEqualTo("DECRYPTION_FAILED");
    }
}
