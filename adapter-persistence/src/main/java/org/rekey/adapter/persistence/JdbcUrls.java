package org.rekey.adapter.persistence;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: any password parameter masked. */
public final class JdbcUrls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password\\s*=)[^&;]*");

    private JdbcUrls() {
    }

    public static String redact(String jdbcUrl) {
        return jdbcUrl == null ? null : PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    }
}
