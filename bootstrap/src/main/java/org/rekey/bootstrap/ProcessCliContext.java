package org.rekey.bootstrap;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.rekey.adapter.cli.CliContext;
import org.rekey.adapter.cli.console.CliUseCases;
import org.rekey.adapter.http.HttpServer;
import org.rekey.adapter.http.HttpUseCases;
import org.rekey.adapter.http.metrics.RekeyMetrics;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.backup.RestoreBackupUseCase;
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.domain.key.InstanceKey;
import org.slf4j.LoggerFactory;

/** The command line's view of this process: configuration from the environment, the app opened on first use. */
final class ProcessCliContext implements CliContext, AutoCloseable {

    private final RekeyConfig config;
    private final boolean terminal;
    private RekeyApp app;
    private RekeyApp.Restoring restoring;
    private BackupListener backups = BackupListener.NONE;
    private StartOptions startOptions = StartOptions.NONE;

    ProcessCliContext(RekeyConfig config, boolean terminal) {
        this.config = config;
        this.terminal = terminal;
    }

    @Override
    public CliUseCases useCases() {
        RekeyApp running = app();
        return new CliUseCases(running.keys(), running.credentials(), running.values(), running.maintenance(),
                running.apiKeys());
    }

    @Override
    public synchronized RestoreBackupUseCase restoreBackup() {
        if (restoring == null) {
            restoring = RekeyApp.restoring(config);
        }
        RestoreBackupUseCase restore = restoring.useCase();
        return path -> {
            RestoreBackupUseCase.RestoredBackup restored = restore.restore(path);
            backups.backupTaken(restored.before());
            return restored;
        };
    }

    @Override
    public void onBackup(BackupListener listener) {
        this.backups = listener;
    }

    @Override
    public synchronized void offerNewInstanceKey(InstanceKey newKey) {
        startOptions = startOptions.withOfferedNewKey(newKey);
    }

    @Override
    public synchronized void deferSeeding() {
        startOptions = startOptions.withSeedingDeferred();
    }

    @Override
    public void serve() {
        Logging.server();
        RekeyMetrics metrics = new RekeyMetrics();
        RekeyApp running;
        try {
            running = app(new RekeyApp.Options(System::nanoTime, metrics.events(),
                    Optional.of(new MicrometerMetricsTrackerFactory(metrics.registry()))));
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        HttpServer server = new HttpServer(new HttpUseCases(running.keys(), running.credentials(),
                running.maintenance(), running.apiKeys(), running.settings()), metrics)
                .start(config.host().orElse(null), config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            close();
            metrics.close();
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

    private RekeyApp app() {
        return app(RekeyApp.Options.DEFAULT);
    }

    private synchronized RekeyApp app(RekeyApp.Options options) {
        if (app == null) {
            app = RekeyApp.open(config, startOptions, taken -> backups.backupTaken(taken), options);
        }
        return app;
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
        if (restoring != null) {
            try {
                restoring.store().close();
            } catch (Exception e) {
                LoggerFactory.getLogger(ProcessCliContext.class).warn("closing n8n's database failed: {}", e.toString());
            }
            restoring = null;
        }
        if (app != null) {
            app.close();
            app = null;
        }
    }
}
