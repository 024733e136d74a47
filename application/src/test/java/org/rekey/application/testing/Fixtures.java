package org.rekey.application.testing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.rekey.application.audit.Actor;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.service.audit.AuditTrail;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Ready-made keys, keyrings and records for tests that mock the ports. */
public final class Fixtures {

    public static final Instant T0 = MutableClock.DEFAULT_START;
    public static final String JSON = "{\"user\":\"alice\",\"password\":\"hunter2\"}";
    public static final SecureRandom RANDOM = new SecureRandom();
    /** Who acts in tests that do not check the audit trail's actor. */
    public static final Actor OPERATOR = Actor.operator("tester", "test-host");

    /** An audit trail kept in {@code store} (its own transactions too), for services built by hand. */
    public static AuditTrail auditTrail(InMemoryStore store) {
        return new AuditTrail(store, store, Clock.fixed(T0, ZoneOffset.UTC), "test-host:1");
    }

    private Fixtures() {
    }

    /** A real run (not a dry run) in batches of the default size. */
    public static BatchCommand defaultBatch() {
        return new BatchCommand(BatchCommand.DEFAULT_BATCH_SIZE, false);
    }

    public static InstanceKey instanceKey() {
        return InstanceKey.of(TestServices.DEFAULT_INSTANCE_KEY);
    }

    /** The legacy row and one active GCM key, as a main instance seeds them. */
    public static Keyring seeded(InstanceKey instanceKey) {
        return Keyring.seed(instanceKey, T0, RANDOM);
    }

    /** A record of {@code plaintext}, written in {@code format}, at {@code version}. */
    public static EncryptedRecord record(String id, String plaintext, Keyring keyring, WriteFormat format,
            long version) {
        EncryptedRecord created = EncryptedRecord.create(new RecordId(id), "cred " + id, "httpBasicAuth", plaintext,
                keyring, format, T0);
        return withVersion(created, version);
    }

    /** A stored record holding {@code data} exactly, which may be corrupt or malformed. */
    public static EncryptedRecord raw(String id, String data) {
        return EncryptedRecord.reconstitute(new RecordId(id), "cred " + id, "httpBasicAuth", data, 0, T0, T0);
    }

    public static EncryptedRecord withVersion(EncryptedRecord r, long version) {
        return EncryptedRecord.reconstitute(r.id(), r.name(), r.type(), r.data(), version, r.createdAt(),
                r.updatedAt());
    }

    /** The same record with its data replaced by {@code data} (which may be corrupt). */
    public static EncryptedRecord withData(EncryptedRecord r, String data) {
        return EncryptedRecord.reconstitute(r.id(), r.name(), r.type(), data, r.version(), r.createdAt(),
                r.updatedAt());
    }
}
