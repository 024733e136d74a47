package org.rekey.benchmarks.n8n;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.rekey.benchmarks.db.ValueRewrite;
import org.rekey.domain.key.InstanceKey;

/**
 * The Java steps of {@code scripts/bench-n8n.sh}, one per run ({@code java -cp benchmarks.jar
 * org.rekey.benchmarks.n8n.N8nBenchMain COMMAND ...}), the instance key from {@code N8N_ENCRYPTION_KEY}:
 * <ul>
 *   <li>{@code seed JDBC_URL COUNT LEGACY_EVERY}: COUNT credentials under the keys in {@code deployment_key};</li>
 *   <li>{@code rotate JDBC_URL}: rotates as n8n does; prints the new active key's id;</li>
 *   <li>{@code reference JDBC_URL BATCH}: {@link N8nRewriteReference}; prints {@code rows=N batches=B millis=T};</li>
 *   <li>{@code decrypt DUMP SECONDS WARMUP}: {@link DecryptTimer} over a {@code bench-n8n-cipher.mjs --dump}
 *       file (first line: key id and wrapped key; then one value a line); prints one JSON line.</li>
 * </ul>
 * Exit 2 on bad usage.
 */
public final class N8nBenchMain {

    private N8nBenchMain() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        String instanceKey = System.getenv("N8N_ENCRYPTION_KEY");
        String command = args.length > 0 ? args[0] : "";
        int arity = switch (command) {
            case "seed", "decrypt" -> 4;
            case "reference" -> 3;
            case "rotate" -> 2;
            default -> -1;
        };
        if (args.length != arity || instanceKey == null || instanceKey.isEmpty()) {
            System.err.println("usage (N8N_ENCRYPTION_KEY set): N8nBenchMain seed JDBC_URL COUNT LEGACY_EVERY"
                    + " | rotate JDBC_URL | reference JDBC_URL BATCH | decrypt DUMP SECONDS WARMUP");
            System.exit(2);
        }
        InstanceKey key = InstanceKey.of(instanceKey);
        if (command.equals("decrypt")) {
            decrypt(key, Path.of(args[1]), Double.parseDouble(args[2]), Double.parseDouble(args[3]));
            return;
        }
        try (Connection connection = DriverManager.getConnection(args[1])) {
            switch (command) {
                case "seed" -> N8nBenchData.seed(connection, N8nBenchData.keyring(connection, key),
                        Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                case "rotate" -> System.out.println(
                        N8nBenchData.rotate(connection, N8nBenchData.keyring(connection, key), Instant.now()));
                default -> System.out.println(new N8nRewriteReference(Integer.parseInt(args[2]), ValueRewrite.SAME_VALUE)
                        .run(connection).summary());
            }
        }
    }

    private static void decrypt(InstanceKey key, Path dump, double seconds, double warmup) throws IOException {
        List<String> lines = Files.readAllLines(dump, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(" ");
        DecryptTimer timer = new DecryptTimer(key, header[0], header[1], lines.subList(1, lines.size()));
        timer.decryptAll(); // every value decrypts (GCM checks its tag) before anything is timed
        timer.run(warmup);
        DecryptTimer.Timing timing = timer.run(seconds);
        System.out.println(String.format(Locale.ROOT, "{\"bench\":\"rekey Keyring.decrypt\",\"format\":\"gcm-v1\","
                + "\"java\":\"%s\",\"values\":%d,\"ops\":%d,\"seconds\":%.3f,\"opsPerSecond\":%.1f,\"usPerOp\":%.2f}",
                System.getProperty("java.version"), lines.size() - 1, timing.ops(), timing.nanos() / 1e9,
                timing.opsPerSecond(), timing.nanos() / 1e3 / timing.ops()));
    }
}
