package org.rekey.benchmarks.db;

/** What {@link RewriteReference} writes in place of a stored value. */
@FunctionalInterface
public interface ValueRewrite {

    /** The value itself: the same size, still valid, key id unchanged. */
    ValueRewrite SAME_VALUE = value -> value;

    String rewrite(String value);

    /** The key id a stored value names, as rekey stores it in {@code key_id}: the part before ':', or null. */
    static String keyIdOf(String value) {
        int colon = value.indexOf(':');
        return colon < 0 ? null : value.substring(0, colon);
    }
}
