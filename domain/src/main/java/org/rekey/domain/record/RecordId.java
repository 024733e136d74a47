package org.rekey.domain.record;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.RandomIds;

/** A record's id: 1 to 36 characters of {@code [A-Za-z0-9_-]} (n8n ids); new ids are 16 random characters. */
public record RecordId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    public RecordId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw RekeyException.invalid("a record id is 1 to 36 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    public static RecordId generate(SecureRandom random) {
        return new RecordId(RandomIds.next(random));
    }

    @Override
    public String toString() {
        return value;
    }
}
