package org.rekey.benchmarks;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;

/**
 * What every benchmark shares: a seeded keyring (so the data keys are unwrapped and cached, as in a
 * running server), the 1 KiB credential, and that credential encrypted once in each format. The reference
 * gets the active key's material by unwrapping its stored value itself ({@link ReferenceKeyUnwrap}).
 */
@State(Scope.Benchmark)
public class BenchmarkFixture {

    final String instanceKey;
    final Keyring keyring;
    final String activeKeyId;
    final byte[] activeKey;
    final String json;
    final String gcmValue;
    final String legacyValue;

    /** Seeds a fresh keyring under a random instance key, shaped like a generated one (Base64 of 24 bytes). */
    public BenchmarkFixture() {
        SecureRandom random = new SecureRandom();
        byte[] seed = new byte[24];
        random.nextBytes(seed);
        instanceKey = Base64.getEncoder().encodeToString(seed);
        keyring = Keyring.seed(InstanceKey.of(instanceKey), Instant.now(), random);
        DataKey active = keyring.activeKey().orElseThrow();
        activeKeyId = active.id().value();
        activeKey = ReferenceKeyUnwrap.dataKey(instanceKey, active.wrappedValue());
        json = CredentialJson.oneKib();
        gcmValue = keyring.encrypt(json, WriteFormat.ACTIVE_KEY);
        legacyValue = keyring.encrypt(json, WriteFormat.LEGACY);
    }

    @Override
    public String toString() {
        return "BenchmarkFixture[" + keyring + "]";
    }
}
