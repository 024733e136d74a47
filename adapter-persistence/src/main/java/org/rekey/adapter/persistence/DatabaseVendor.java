package org.rekey.adapter.persistence;

import java.util.Locale;
import org.rekey.domain.error.RekeyException;

/** The databases rekey runs on, told apart by the JDBC URL. */
enum DatabaseVendor {
    H2("jdbc:h2:", "h2"),
    POSTGRESQL("jdbc:postgresql:", "postgresql");

    private final String urlPrefix;
    private final String migrationFolder;

    DatabaseVendor(String urlPrefix, String migrationFolder) {
        this.urlPrefix = urlPrefix;
        this.migrationFolder = migrationFolder;
    }

    /** @throws RekeyException {@code INVALID_INPUT} for any other kind of URL */
    static DatabaseVendor of(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        for (DatabaseVendor vendor : values()) {
            if (lower.startsWith(vendor.urlPrefix)) {
                return vendor;
            }
        }
        throw RekeyException.invalid("unsupported database URL '" + JdbcUrls.redact(jdbcUrl)
                + "': expected jdbc:h2:... (embedded) or jdbc:postgresql://host:port/database");
    }

    /** An H2 in-memory database, which vanishes when its last connection closes. */
    static boolean isInMemory(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:");
    }

    /** The Flyway locations: the common history plus this vendor's own scripts. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + migrationFolder};
    }
}
