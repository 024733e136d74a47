package org.rekey.benchmarks.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.rekey.domain.key.InstanceKey;

/**
 * Runs {@link RewriteReference} once: {@code java -cp benchmarks.jar org.rekey.benchmarks.db.RewriteReferenceMain
 * JDBC_URL BATCH_SIZE [--reencrypt]}; prints {@code rows=N batches=B millis=T} on stdout. Without
 * {@code --reencrypt} every value is written back as it is; with it, re-encrypted under the active key
 * with rekey's domain API (the instance key from {@code N8N_ENCRYPTION_KEY}). Exit 2 on bad usage.
 */
public final class RewriteReferenceMain {

    private RewriteReferenceMain() {
    }

    public static void main(String[] args) throws SQLException {
        boolean reencrypt = args.length == 3 && args[2].equals("--reencrypt");
        String instanceKey = System.getenv("N8N_ENCRYPTION_KEY");
        if (args.length < 2 || args.length > 3 || args.length == 3 && !reencrypt
                || !args[1].matches("[1-9][0-9]{0,5}") || reencrypt && (instanceKey == null || instanceKey.isEmpty())) {
            System.err.println("usage: RewriteReferenceMain JDBC_URL BATCH_SIZE (1 to 999999) [--reencrypt, with"
                    + " N8N_ENCRYPTION_KEY set]");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(args[0])) {
            ValueRewrite values = reencrypt ? KeyringReencrypt.load(connection, InstanceKey.of(instanceKey))
                    : ValueRewrite.SAME_VALUE;
            System.out.println(new RewriteReference(Integer.parseInt(args[1]), values).run(connection).summary());
        }
    }
}
