package org.rekey.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rekey.adapter.persistence.DatabaseSettings;
import org.rekey.application.service.keyring.RekeySettings.InstanceType;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.error.RekeyException;

/**
 * The configuration of the README's "Configuration" table, read from environment variables (a map, so tests can
 * give their own).
 */
public record RekeyConfig(Map<String, String> env) {

    public static final String ENCRYPTION_KEY = "N8N_ENCRYPTION_KEY";
    public static final String ENCRYPTION_KEY_FILE = "N8N_ENCRYPTION_KEY_FILE";
    public static final String ROTATION_FLAG = "N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION";
    public static final String USER_FOLDER = "REKEY_USER_FOLDER";
    public static final String DB_URL = "REKEY_DB_URL";
    public static final String DB_USER = "REKEY_DB_USER";
    public static final String DB_PASSWORD = "REKEY_DB_PASSWORD";
    public static final String PORT = "REKEY_PORT";
    public static final String HOST = "REKEY_HOST";
    public static final String INSTANCE_TYPE = "REKEY_INSTANCE_TYPE";
    public static final String WORKER_SEED_WAIT = "REKEY_WORKER_SEED_WAIT_SECONDS";
    public static final String STORE = "REKEY_STORE";
    public static final String ROTATE_EVERY = "REKEY_ROTATE_EVERY";
    static final int DEFAULT_PORT = 5678;
    /** The embedded database's files in the user folder start with this name (rekey.mv.db, ...). */
    static final String EMBEDDED_DATABASE_NAME = "rekey";

    public RekeyConfig {
        env = Map.copyOf(env);
    }

    public static RekeyConfig fromSystem() {
        return new RekeyConfig(System.getenv());
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }

    /**
     * A variable that holds a secret: unset is absent, but set and blank is a mistake (an unset shell
     * variable expanded, say), reported rather than taken as absent.
     *
     * @throws RekeyException {@code INVALID_INPUT} when the variable is set but blank
     */
    public Optional<String> secret(String name) {
        String value = env.get(name);
        if (value != null && value.isBlank()) {
            throw RekeyException.invalid(name + " is set but empty: set it to the instance key, or unset it to use"
                    + " the encryptionKey of " + userFolder().resolve("config"));
        }
        return Optional.ofNullable(value);
    }

    public Path userFolder() {
        return get(USER_FOLDER).map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home"), ".rekey"));
    }

    /** Where the keys and secrets live: rekey's own schema, or n8n's own database in place. */
    public enum Store { REKEY, N8N }

    /** {@code REKEY_STORE}: {@code rekey} (default) or {@code n8n}. */
    public Store store() {
        return switch (get(STORE).orElse("rekey").strip().toLowerCase(Locale.ROOT)) {
            case "rekey" -> Store.REKEY;
            case "n8n" -> Store.N8N;
            default -> throw RekeyException.invalid(STORE + " must be rekey or n8n");
        };
    }

    public boolean rotationEnabled() {
        String flag = get(ROTATION_FLAG).orElse("false").strip().toLowerCase(Locale.ROOT);
        if (!flag.equals("true") && !flag.equals("false")) {
            throw RekeyException.invalid(ROTATION_FLAG + " must be true or false");
        }
        return flag.equals("true");
    }

    public InstanceType instanceType() {
        return switch (get(INSTANCE_TYPE).orElse("main")) {
            case "main" -> InstanceType.MAIN;
            case "worker" -> InstanceType.WORKER;
            default -> throw RekeyException.invalid(INSTANCE_TYPE + " must be main or worker");
        };
    }

    public RekeySettings settings() {
        return new RekeySettings(rotationEnabled(), instanceType(), RekeySettings.DEFAULT_KEY_REFRESH,
                workerSeedWait());
    }

    /** How long a worker waits for a main instance to seed the keys: {@code REKEY_WORKER_SEED_WAIT_SECONDS}. */
    private Duration workerSeedWait() {
        return get(WORKER_SEED_WAIT).map(text -> {
            try {
                long seconds = Long.parseLong(text);
                if (seconds >= 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw RekeyException.invalid(WORKER_SEED_WAIT + " must be a whole number of seconds");
        }).orElse(RekeySettings.DEFAULT_WORKER_SEED_WAIT);
    }

    /**
     * {@code REKEY_ROTATE_EVERY}: how old the active data key may get before a main instance rotates it, as an
     * ISO-8601 duration of days, hours, minutes or seconds ({@code P90D}, {@code PT12H}); empty when unset.
     */
    public Optional<Duration> rotateEvery() {
        return get(ROTATE_EVERY).map(text -> {
            try {
                Duration period = Duration.parse(text.strip());
                if (!period.isNegative() && !period.isZero()) {
                    return period;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw RekeyException.invalid(ROTATE_EVERY + " must be a positive ISO-8601 duration in days, hours,"
                    + " minutes or seconds, such as P90D or PT12H (months and years are not durations)");
        });
    }

    public int port() {
        String text = get(PORT).orElse(String.valueOf(DEFAULT_PORT));
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RekeyException.invalid(PORT + " must be a port number, 0 to 65535");
    }

    /** Whether the database is the embedded H2 file in the user folder ({@code REKEY_DB_URL} unset). */
    public boolean embeddedDatabase() {
        return get(DB_URL).isEmpty();
    }

    /** {@code REKEY_HOST}: the host name or address the HTTP server binds; empty binds every interface. */
    public Optional<String> host() {
        return get(HOST).map(String::strip).filter(host -> !host.isEmpty()).map(host -> {
            if (!host.matches("[A-Za-z0-9.:_%\\[\\]-]+")) {
                throw RekeyException.invalid(HOST + " must be a host name or an IP address, such as 127.0.0.1");
            }
            return host;
        });
    }

    /** {@code REKEY_DB_URL}, or an embedded H2 file in the user folder that other local processes can share. */
    public DatabaseSettings database() {
        String url = get(DB_URL).orElseGet(() ->
                "jdbc:h2:file:" + userFolder().resolve(EMBEDDED_DATABASE_NAME).toAbsolutePath() + ";AUTO_SERVER=TRUE");
        return DatabaseSettings.of(url, get(DB_USER).orElse(url.startsWith("jdbc:h2:") ? "sa" : null),
                get(DB_PASSWORD).orElse(url.startsWith("jdbc:h2:") ? "" : null));
    }

    @Override
    public String toString() {
        return "RekeyConfig[userFolder=" + userFolder() + "]";
    }
}
