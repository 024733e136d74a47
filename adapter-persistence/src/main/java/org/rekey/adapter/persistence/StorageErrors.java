package org.rekey.adapter.persistence;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.domain.error.RekeyException;

/**
 * Recognises database failures by constraint name and SQLState, and wraps them in a
 * {@link RekeyException}. Driver messages are never copied into the message (they can echo row
 * values); the failure stays attached as the cause.
 */
public final class StorageErrors {

    static final String ONE_ACTIVE_KEY = "deployment_key_one_active";
    static final String DATA_KEY_PK = "deployment_key_pkey";
    static final String RECORD_PK = "credentials_entity_pkey";
    static final String API_KEY_PK = "api_key_pkey";

    /** Serialization failure, deadlock (both databases), lock timeout (H2). */
    private static final Set<String> LOST_RACE = Set.of("40001", "40P01", "HYT00");

    private StorageErrors() {
    }

    /** True when {@code failure} is a unique violation of the named constraint or index. */
    static boolean violates(Throwable failure, String constraint) {
        String wanted = constraint.toLowerCase(Locale.ROOT);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && violation.getConstraintName().toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** True when the transaction lost a race for a lock: a deadlock, a lock timeout or a serialization failure. */
    public static boolean lostRace(Throwable failure) {
        return sqlState(failure).filter(LOST_RACE::contains).isPresent();
    }

    public static RekeyException failure(String action, Throwable cause) {
        return new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "database failure while " + action
                + sqlState(cause).map(state -> " (SQLState " + state + ")").orElse(""), cause);
    }

    private static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }
}
