package org.rekey.bootstrap;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.rekey.adapter.cli.CliContext;
import org.rekey.adapter.http.HttpServer;
import org.rekey.adapter.http.metrics.RekeyMetrics;
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
        return open(RekeyApp.Options.DEFAULT);
    }

    private synchronized RekeyUseCases open(RekeyApp.Options options) {
        if (app == null) {
            app = RekeyApp.open(config, options);
        }
        return app.useCases();
    }

    @Override
    public void serve() {
        Logging.server();
        RekeyMetrics metrics = new RekeyMetrics();
        RekeyUseCases useCases;
        try {
            useCases = open(new RekeyApp.Options(System::nanoTime, metrics.events(),
                    Optional.of(new MicrometerMetricsTrackerFactory(metrics.registry()))));
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        HttpServer server = new HttpServer(useCases, metrics).start(config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            close();
            metrics.close();
            stopped.countDown();
        }, "rekey-shutdown"));
        LoggerFactory.getLogger(ProcessCliContext.class).info(
                "rekey listening on http://localhost:{} (settings page: /settings/encryption-keys)", server.port());
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
