package org.rekey.domain.key;

import java.security.SecureRandom;
import org.rekey.domain.error.RekeyException;

/** A data key's id: {@code ^[A-Za-z0-9_-]{1,36}$}. New ids are 16 random characters of {@code [A-Za-z0-9]}. */
public record DataKeyId(String value) {

    private static final int MAX_LENGTH = 36;

    public DataKeyId {
        if (!isValid(value)) {
            throw RekeyException.invalid("a key id is 1 to 36 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    /** Checked by hand, not by a regex: this runs for every value decrypted (measured in the benchmarks). */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    public static DataKeyId generate(SecureRandom random) {
        return new DataKeyId(RandomIds.next(random));
    }

    @Override
    public String toString() {
        return value;
    }
}
