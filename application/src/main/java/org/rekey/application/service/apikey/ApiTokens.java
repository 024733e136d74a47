package org.rekey.application.service.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API token format: {@code rk_<id>_<secret>}, where id is 16 characters of {@code [A-Za-z0-9]}
 * and secret is 32 random bytes in URL-safe Base64. Only SHA-256 of the secret is stored: with 256
 * random bits a slow hash adds nothing, and lookups stay fast.
 */
final class ApiTokens {

    private static final Pattern FORMAT = Pattern.compile("rk_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})");

    /** A token split into its id and secret parts. */
    record Parsed(String id, String secret) {
        @Override
        public String toString() {
            return "Parsed[id=" + id + "]";
        }
    }

    private ApiTokens() {
    }

    static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String token(String id, String secret) {
        return "rk_" + id + "_" + secret;
    }

    static Optional<Parsed> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(token.strip());
        return m.matches() ? Optional.of(new Parsed(m.group(1), m.group(2))) : Optional.empty();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** Constant-time comparison of two hex hashes. */
    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
