package org.rekey.domain.key;

/**
 * The explicit token needed to take raw secret material out of a key holder. Every use of
 * {@link #granted()} is a place where a secret leaves its holder: keep them few and greppable.
 */
public final class SecretAccess {

    private static final SecretAccess GRANTED = new SecretAccess();

    private SecretAccess() {
    }

    public static SecretAccess granted() {
        return GRANTED;
    }

    @Override
    public String toString() {
        return "SecretAccess";
    }
}
