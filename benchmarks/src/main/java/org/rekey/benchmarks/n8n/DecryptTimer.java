package org.rekey.benchmarks.n8n;

import java.time.Instant;
import java.util.List;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.KeyType;
import org.rekey.domain.key.Keyring;

/**
 * rekey's side of the decrypt comparison in {@code scripts/bench-n8n.sh}: {@link Keyring#decrypt} over
 * the values n8n-core's {@code Cipher} made ({@code bench-n8n-cipher.mjs --dump}), one thread, timed the
 * way that script times n8n-core (a warm-up, then as many passes over the values as fit in the time).
 */
public final class DecryptTimer {

    private final Keyring keyring;
    private final List<String> values;

    /** A keyring holding only the dumped data key (active, as n8n's descriptor has it), wrapped as n8n wrapped it. */
    public DecryptTimer(InstanceKey instanceKey, String keyId, String wrappedKey, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to decrypt");
        }
        Instant now = Instant.now();
        this.keyring = Keyring.reconstitute(instanceKey, List.of(DataKey.reconstitute(new DataKeyId(keyId),
                KeyType.DATA_ENCRYPTION, KeyAlgorithm.AES_256_GCM, KeyStatus.ACTIVE, wrappedKey, now, now)));
        this.values = List.copyOf(values);
    }

    /** Decrypts every value once; returns the total plaintext length (so the work cannot be optimised away). */
    public long decryptAll() {
        long length = 0;
        for (String value : values) {
            length += keyring.decrypt(value).length();
        }
        return length;
    }

    /** Decrypts values in turn for about {@code seconds}; returns operations done and the nanoseconds taken. */
    public Timing run(double seconds) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long ops = 0;
        long sink = 0;
        long now = start;
        while (now < end) {
            for (int i = 0; i < values.size() && ((i & 255) != 0 || System.nanoTime() < end); i++) {
                sink += keyring.decrypt(values.get(i)).length();
                ops++;
            }
            now = System.nanoTime();
        }
        return new Timing(ops, now - start, sink);
    }

    /** Operations, elapsed nanoseconds and a sink of the results. */
    public record Timing(long ops, long nanos, long sink) {

        public double opsPerSecond() {
            return ops * 1e9 / nanos;
        }
    }
}
