package org.rekey.adapter.persistence;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Keys, keyrings and records for persistence tests. */
final class Fixtures {

    static final InstanceKey INSTANCE_KEY = InstanceKey.of("persistence-test-instance-key");
    static final SecureRandom RANDOM = new SecureRandom();
    /** An instant with sub-millisecond digits: what is stored is this, to the millisecond. */
    static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456789Z");
    static final Instant T0_MILLIS = Instant.parse("2024-05-06T07:08:09.123Z");

    private Fixtures() {
    }

    static Keyring seededKeyring(Instant now) {
        return Keyring.seed(INSTANCE_KEY, now, RANDOM);
    }

    /** Seeds a keyring and stores its keys. */
    static Keyring seedInto(Database database, Instant now) {
        Keyring keyring = seededKeyring(now);
        database.dataKeys().saveDataKeys(keyring.keys());
        return keyring;
    }

    /** The keyring as stored now. */
    static Keyring reload(Database database) {
        return Keyring.reconstitute(INSTANCE_KEY, database.dataKeys().loadDataKeys());
    }

    static EncryptedRecord record(String id, Keyring keyring, WriteFormat format, Instant now) {
        return EncryptedRecord.create(new RecordId(id), "credential " + id, "httpBasicAuth",
                "{\"user\":\"u-" + id + "\",\"password\":\"p-" + id + "\"}", keyring, format, now);
    }

    static EncryptedRecord record(String id, Keyring keyring) {
        return record(id, keyring, WriteFormat.ACTIVE_KEY, T0);
    }

    static String plaintextOf(String id) {
        return "{\"user\":\"u-" + id + "\",\"password\":\"p-" + id + "\"}";
    }

    static List<String> ids(List<EncryptedRecord> records) {
        return records.stream().map(r -> r.id().value()).toList();
    }
}
