package org.rekey.adapter.http;

import org.rekey.application.port.in.audit.AuditPage;
import org.rekey.application.port.in.maintenance.JobPage;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.rekey.application.port.in.credential.CredentialPage;
import org.rekey.application.port.in.key.DataKeyPage;
import org.rekey.application.port.in.maintenance.VerifyReport;

/** Stubs every in-port a route calls so that each route can succeed. */
final class RouteStubs {

    private RouteStubs() {
    }

    static void stubEverySuccess(ApiFixture api) {
        when(api.listDataKeys.listDataKeys(any())).thenReturn(new DataKeyPage(1, List.of(Samples.ACTIVE_KEY), 0));
        when(api.rotateDataKey.rotateDataKey(any())).thenReturn(Samples.NEW_KEY);
        when(api.showDataKey.showDataKey(any())).thenReturn(Samples.ACTIVE_KEY);
        when(api.destroyDataKey.destroyDataKey(any(), any())).thenReturn(Samples.OLD_KEY);
        when(api.reencryptionJob.startReencryption(any(), any())).thenReturn(Samples.RUNNING_JOB);
        when(api.reencryptionJob.reencryptionJob()).thenReturn(Samples.RUNNING_JOB);
        when(api.listJobs.listJobs(any())).thenReturn(new JobPage(1, List.of(Samples.RUNNING_JOB.job().orElseThrow())));
        when(api.listAudit.listAudit(any())).thenReturn(new AuditPage(0, List.of()));
        when(api.verifyRecords.verifyRecords(any()))
                .thenReturn(new VerifyReport(1, Map.of(Samples.key("Act1veKeyId00001"), 1L), 0,
                        Samples.key("Act1veKeyId00001"), List.of()));
        when(api.createCredential.createCredential(any())).thenReturn(Samples.CREDENTIAL);
        when(api.listCredentials.listCredentials(any())).thenReturn(new CredentialPage(1, List.of(Samples.CREDENTIAL)));
        when(api.getCredential.getCredential(any(), anyBoolean())).thenReturn(Samples.CREDENTIAL);
        when(api.updateCredential.updateCredential(any())).thenReturn(Samples.CREDENTIAL);
        when(api.checkHealth.isHealthy()).thenReturn(true);
    }
}
