package org.rekey.bootstrap.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** rekey started as a real operating-system process, on the test class path, so a test can kill it with SIGKILL. */
final class RekeyProcess {

    private final Process process;
    private final Path log;

    private RekeyProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static RekeyProcess start(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                // the shipped logging configuration, not a logback-test.xml that a test jar on the class path holds
                "-Dlogback.configurationFile=logback.xml",
                "org.rekey.bootstrap.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new RekeyProcess(builder.start(), log);
    }

    /** SIGKILL: no shutdown hook, no rollback by the process itself. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops a server; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("rekey did not stop within 30 s of SIGTERM; log: " + log);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int waitFor() throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("rekey did not finish in 5 minutes; log: " + log);
        }
        return process.exitValue();
    }

    File log() {
        return log.toFile();
    }
}
