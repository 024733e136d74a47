package org.rekey.adapter.cli;

import java.time.Instant;
import java.util.Optional;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.record.ValueShape;

/** Sample views the mocked use cases return. */
public final class Fixtures {

    public static final Instant CREATED = Instant.parse("2024-05-01T10:00:00Z");
    public static final Instant UPDATED = Instant.parse("2024-06-02T11:30:00.250Z");
    public static final String ACTIVE_ID = "Ab12Cd34Ef56Gh78";
    public static final String OLD_ID = "Zz98Yy76Xx54Ww32";

    private Fixtures() {
    }

    /** What a report names a data key by. */
    public static KeyRef key(String id) {
        return KeyRef.of(new DataKeyId(id));
    }

    public static DataKeyView activeKey() {
        return new DataKeyView(ACTIVE_ID, "data_encryption", "aes-256-gcm", "active", UPDATED, UPDATED,
                Optional.empty(), 3);
    }

    public static DataKeyView oldKey() {
        return new DataKeyView(OLD_ID, "data_encryption", "aes-256-gcm", "inactive", CREATED, UPDATED,
                Optional.of(UPDATED), 12);
    }

    public static CredentialView credential(String id, String keyId) {
        return new CredentialView(id, "Mail " + id, "smtp", Optional.ofNullable(keyId),
                keyId == null ? ValueShape.LEGACY : ValueShape.DATA_KEY, CREATED, UPDATED,
                Optional.empty());
    }
}
