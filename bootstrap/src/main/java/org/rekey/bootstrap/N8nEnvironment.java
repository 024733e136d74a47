package org.rekey.bootstrap;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.adapter.persistence.n8n.N8nDatabaseSettings;
import org.rekey.domain.error.RekeyException;

/**
 * n8n's own environment, read the way n8n 2.41 reads it, so that rekey run with the same variables as n8n
 * reaches the same database and key: {@code DB_TYPE}, {@code DB_POSTGRESDB_*}, {@code DB_TABLE_PREFIX},
 * {@code DB_SQLITE_DATABASE}, {@code N8N_USER_FOLDER} (the folder holding {@code .n8n}), each also as
 * {@code <NAME>_FILE} naming a file that holds the value, as n8n allows. See docs/N8N.md.
 */
record N8nEnvironment(RekeyConfig config) {

    static final String DB_TYPE = "DB_TYPE";
    static final String TABLE_PREFIX = "DB_TABLE_PREFIX";
    static final String SQLITE_DATABASE = "DB_SQLITE_DATABASE";
    static final String USER_FOLDER = "N8N_USER_FOLDER";
    private static final String PG = "DB_POSTGRESDB_";

    /** A setting from the environment, or from the file {@code <NAME>_FILE} names (trimmed), as n8n reads it. */
    private Optional<String> setting(String name) {
        Optional<String> value = config.get(name);
        if (value.isPresent()) {
            return value;
        }
        return config.get(name + "_FILE").map(file -> {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw RekeyException.invalid(name + "_FILE names " + file + ", which cannot be read");
            }
        });
    }

    /** {@code <N8N_USER_FOLDER or HOME>/.n8n}: n8n's config file and SQLite database. */
    Path n8nFolder() {
        String base = setting(USER_FOLDER).or(() -> config.get("HOME"))
                .orElseGet(() -> System.getProperty("user.home"));
        return Path.of(base).resolve(".n8n");
    }

    /** n8n's config file, which holds its instance key unless the environment gives one. */
    Path configFile() {
        return n8nFolder().resolve("config");
    }

    N8nDatabaseSettings database() {
        String type = setting(DB_TYPE).orElse("sqlite").strip().toLowerCase(Locale.ROOT);
        String prefix = setting(TABLE_PREFIX).orElse("");
        return switch (type) {
            case "sqlite" -> N8nDatabaseSettings.sqlite(n8nFolder().resolve(
                    setting(SQLITE_DATABASE).orElse("database.sqlite")), prefix);
            case "postgresdb" -> postgres(prefix);
            default -> throw RekeyException.invalid(DB_TYPE + " must be sqlite or postgresdb (as n8n 2.41 takes it),"
                    + " not '" + type + "'");
        };
    }

    private N8nDatabaseSettings postgres(String prefix) {
        String host = setting(PG + "HOST").orElse("localhost");
        String port = setting(PG + "PORT").orElse("5432");
        if (!port.matches("[0-9]{1,5}")) {
            throw RekeyException.invalid(PG + "PORT must be a port number");
        }
        String database = setting(PG + "DATABASE").orElse("n8n");
        List<String> parameters = new ArrayList<>();
        parameters.add("currentSchema=" + encode(setting(PG + "SCHEMA").orElse("public")));
        parameters.add("ApplicationName=rekey");
        parameters.addAll(ssl());
        String url = "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/"
                + encode(database) + "?" + String.join("&", parameters);
        return N8nDatabaseSettings.postgres(url, setting(PG + "USER").orElse("postgres"),
                setting(PG + "PASSWORD").orElse(""), prefix);
    }

    /**
     * n8n turns TLS on when {@code _SSL_ENABLED=true}, when any of CA, certificate or key is given (their PEM
     * contents, not paths), or when {@code _SSL_REJECT_UNAUTHORIZED=false}. The driver reads files, so the
     * contents are written to rekey's user folder (mode 0600).
     */
    private List<String> ssl() {
        Optional<String> ca = setting(PG + "SSL_CA");
        Optional<String> cert = setting(PG + "SSL_CERT");
        Optional<String> key = setting(PG + "SSL_KEY");
        boolean reject = !setting(PG + "SSL_REJECT_UNAUTHORIZED").orElse("true").strip().equalsIgnoreCase("false");
        boolean enabled = setting(PG + "SSL_ENABLED").orElse("false").strip().equalsIgnoreCase("true")
                || ca.isPresent() || cert.isPresent() || key.isPresent() || !reject;
        if (!enabled) {
            return List.of();
        }
        List<String> parameters = new ArrayList<>();
        parameters.add("ssl=true");
        parameters.add("sslmode=" + (reject ? "verify-full" : "require"));
        if (reject && ca.isEmpty()) {
            parameters.add("sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory"); // the JVM's trusted CAs, as Node's
        }
        ca.ifPresent(pem -> parameters.add("sslrootcert=" + encode(pemFile("ca.pem", pem).toString())));
        cert.ifPresent(pem -> parameters.add("sslcert=" + encode(pemFile("cert.pem", pem).toString())));
        key.ifPresent(pem -> parameters.add("sslkey=" + encode(pemFile("key.pem", pem).toString())));
        return parameters;
    }

    private Path pemFile(String name, String contents) {
        Path folder = config.userFolder().resolve("n8n-tls");
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            Path file = folder.resolve(name);
            Files.writeString(file, contents.replace("\\n", "\n"), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "cannot write n8n's TLS material to " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
