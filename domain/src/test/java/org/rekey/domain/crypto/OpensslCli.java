package org.rekey.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real {@code openssl} command line, run at test time as the independent reference for legacy CBC.
 * Input and output go through files, so large values cannot dead-lock on pipe buffers.
 */
final class OpensslCli {

    static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private OpensslCli() {
    }

    /** {@code openssl enc -aes-256-cbc -md md5 -salt -a -A -pass pass:PASSWORD} over the plaintext bytes. */
    static String encrypt(String password, byte[] plaintext) {
        byte[] out = run(plaintext, "enc", "-aes-256-cbc", "-md", "md5", "-salt", "-a", "-A", "-pass", "pass:" + password);
        return new String(out, StandardCharsets.US_ASCII).strip();
    }

    /** {@code openssl enc -d -aes-256-cbc -md md5 -a -A -pass pass:PASSWORD}; returns the raw plaintext bytes. */
    static byte[] decrypt(String password, String base64) {
        return run(base64.getBytes(StandardCharsets.US_ASCII),
                "enc", "-d", "-aes-256-cbc", "-md", "md5", "-a", "-A", "-pass", "pass:" + password);
    }

    private static byte[] run(byte[] stdin, String... args) {
        assertThat(Files.isExecutable(OPENSSL))
                .as("the legacy CBC reference tests need the openssl command line at " + OPENSSL)
                .isTrue();
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(args));
        try {
            Path in = Files.createTempFile("rekey-openssl-in", ".bin");
            Path out = Files.createTempFile("rekey-openssl-out", ".bin");
            Path err = Files.createTempFile("rekey-openssl-err", ".txt");
            try {
                Files.write(in, stdin);
                Process process = new ProcessBuilder(command)
                        .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .start();
                int exit = process.waitFor();
                assertThat(exit).as("openssl %s failed: %s", args[0], Files.readString(err)).isZero();
                return Files.readAllBytes(out);
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + OPENSSL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running openssl", e);
        }
    }
}
