package org.rekey.bootstrap;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.rekey.adapter.cli.CliContext;
import org.rekey.adapter.http.HttpServer;
import org.rekey.application.port.in.RekeyUseCases;
import org.slf4j.LoggerFactory;

/** The command line's view of this process: configuration from the environment, the app opened on first use. */
final class ProcessCliContext implements CliContext, AutoCloseable {

    private final RekeyConfig config;
    private final boolean terminal;
    private RekeyApp app;

    ProcessCliContext(RekeyConfig config, boolean terminal) {
        this.config = config;
        this.terminal = terminal;
    }

    @Override
    public synchronized RekeyUseCases useCases() {
        if (app == null) {
            app = RekeyApp.open(config);
        }
        return app.useCases();
    }

    @Override
    public void serve() {
        Logging.server();
        RekeyUseCases useCases = useCases();
        CountDownLatch stopped = new CountDownLatch(1);
        HttpServer server = new HttpServer(useCases).start(config.host().orElse(null), config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            close();
            stopped.countDown();
        }, "rekey-shutdown"));
        LoggerFactory.getLogger(ProcessCliContext.class).info(
                "rekey listening on http://{}:{} (settings page: /settings/encryption-keys)",
                config.host().orElse("localhost"), server.port());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void setVerbose(boolean verbose) {
        if (verbose) {
            Logging.verbose();
        }
    }

    @Override
    public Optional<String> environment(String name) {
        return config.get(name);
    }

    @Override
    public boolean isTerminal() {
        return terminal;
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.close();
            app = null;
        }
    }
}
