package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** The independent reference for the legacy format: the {@code openssl} command line, as n8n's format is defined. */
final class Openssl {

    private Openssl() {
    }

    /** {@code openssl enc -aes-256-cbc -md md5 -salt -a -A -pass pass:KEY}. */
    static String encrypt(String plaintext, String password) throws Exception {
        return run(plaintext, "enc", "-aes-256-cbc", "-md", "md5", "-salt", "-a", "-A", "-pass", "pass:" + password);
    }

    /** {@code openssl enc -d -aes-256-cbc -md md5 -a -A -pass pass:KEY}. */
    static String decrypt(String value, String password) throws Exception {
        return run(value + "\n", "enc", "-d", "-aes-256-cbc", "-md", "md5", "-a", "-A", "-pass", "pass:" + password);
    }

    private static String run(String input, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process openssl = new ProcessBuilder(command).start();
        openssl.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        openssl.getOutputStream().close();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(new String(openssl.getErrorStream().readAllBytes())).isZero();
        return output;
    }
}
