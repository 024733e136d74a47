package org.rekey.domain.crypto;

import java.util.Base64;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** Strict standard Base64 (with padding, one line) as the wire formats use it. */
public final class Base64Text {

    private Base64Text() {
    }

    /** Decodes, or fails with {@code MALFORMED_VALUE} naming {@code what} (never echoing the input). */
    public static byte[] decode(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new RekeyException(ErrorCode.MALFORMED_VALUE, what + " is not valid Base64");
        }
    }

    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
