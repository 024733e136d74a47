package org.rekey.domain.key;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.rekey.domain.error.RekeyException;

/** A data key's id: {@code ^[A-Za-z0-9_-]{1,36}$}. New ids are 16 random characters of {@code [A-Za-z0-9]}. */
public record DataKeyId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    public DataKeyId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw RekeyException.invalid("a key id is 1 to 36 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public static DataKeyId generate(SecureRandom random) {
        return new DataKeyId(RandomIds.next(random));
    }

    @Override
    public String toString() {
        return value;
    }
}
