package org.rekey.domain.key;

import java.security.SecureRandom;

/** Random identifiers of 16 characters of {@code [A-Za-z0-9]} (like n8n's nanoid ids), from a secure source. */
public final class RandomIds {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int LENGTH = 16;

    private RandomIds() {
    }

    public static String next(SecureRandom random) {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
