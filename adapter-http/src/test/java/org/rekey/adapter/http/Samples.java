package org.rekey.adapter.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rekey.application.audit.Actor;
import org.rekey.application.job.JobKind;
import org.rekey.application.job.JobState;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.JobView;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.in.maintenance.ReencryptionJob;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.record.ValueShape;

/** Values the mocked in-ports hand back. */
final class Samples {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2024-06-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2024-07-01T10:00:00Z");

    static final DataKeyView ACTIVE_KEY = new DataKeyView("Act1veKeyId00001", "data_encryption", "aes-256-gcm",
            "active", T1, T1, Optional.empty(), 12);
    static final DataKeyView OLD_KEY = new DataKeyView("0ldKeyId00000002", "data_encryption", "aes-256-gcm",
            "inactive", T0, T1, Optional.of(T1), 3);
    static final DataKeyView NEW_KEY = new DataKeyView("NewKeyId00000003", "data_encryption", "aes-256-gcm",
            "active", T2, T2, Optional.empty(), 0);

    static final CredentialView CREDENTIAL = new CredentialView("cred0000000001", "Slack", "slackApi",
            Optional.of("Act1veKeyId00001"), ValueShape.DATA_KEY, T0, T1, Optional.empty());
    static final CredentialView LEGACY_CREDENTIAL = new CredentialView("cred0000000002", "Old", "httpBasicAuth",
            Optional.empty(), ValueShape.LEGACY, T0, T0, Optional.empty());

    static final Actor ACTOR = Actor.apiKey("owner", "owner token");
    static final ReencryptionJob RUNNING_JOB = new ReencryptionJob(Optional.of(new JobView("Job0000000000001",
            JobKind.REENCRYPT, JobState.RUNNING, "host-a:41", ACTOR, T2, T2, Optional.empty(),
            new Progress(40, 100, 1), Optional.empty())), Optional.empty());
    static final ReencryptionJob FINISHED_JOB = new ReencryptionJob(Optional.of(new JobView("Job0000000000000",
            JobKind.REENCRYPT, JobState.SUCCEEDED, "host-a:41", ACTOR, T1, T2, Optional.of(T2),
            new Progress(100, 100, 1), Optional.empty())),
            Optional.of(new BatchReport(key("NewKeyId00000003"), false,
                    Map.of(KeyRef.LEGACY, 60L, key("0ldKeyId00000002"), 40L),
                    98, 1, List.of(new RecordFailure("credentials_entity", "cred9", "data", "DECRYPTION_FAILED", "value does not decrypt")), List.of())));

    private Samples() {
    }

    /** What a report names a data key by. */
    static KeyRef key(String id) {
        return KeyRef.of(new DataKeyId(id));
    }
}
