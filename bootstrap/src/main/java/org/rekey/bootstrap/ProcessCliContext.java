package org.rekey.bootstrap;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.rekey.adapter.cli.CliContext;
import org.rekey.adapter.cli.console.CliUseCases;
import org.rekey.adapter.http.HttpServer;
import org.rekey.adapter.http.HttpUseCases;
import org.rekey.adapter.http.metrics.RekeyMetrics;
import org.rekey.application.audit.Actor;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.backup.RestoreBackupUseCase;
import org.rekey.application.service.key.ScheduledRotation;
import org.rekey.application.service.keyring.RekeySettings;
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
                running.apiKeys(), running.audit());
    }

    @Override
    public synchronized RestoreBackupUseCase restoreBackup() {
        if (restoring == null) {
            restoring = RekeyApp.restoring(config);
        }
        RestoreBackupUseCase restore = restoring.useCase();
        return (path, actor) -> {
            RestoreBackupUseCase.RestoredBackup restored = restore.restore(path, actor);
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
                running.maintenance(), running.apiKeys(), running.settings(), running.audit()), metrics)
                .start(config.host().orElse(null), config.port());
        Optional<ScheduledRotation> schedule = scheduledRotation(running);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            schedule.ifPresent(ScheduledRotation::close);
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

    /** {@code REKEY_ROTATE_EVERY} on a main instance with rotation on; the others say why they do not rotate. */
    private Optional<ScheduledRotation> scheduledRotation(RekeyApp running) {
        Optional<Duration> period = config.rotateEvery();
        if (period.isEmpty()) {
            return Optional.empty();
        }
        if (config.instanceType() != RekeySettings.InstanceType.MAIN || !config.rotationEnabled()) {
            LoggerFactory.getLogger(ProcessCliContext.class).warn("{} is set but this instance does not rotate: only"
                    + " a main instance with {}=true does", RekeyConfig.ROTATE_EVERY, RekeyConfig.ROTATION_FLAG);
            return Optional.empty();
        }
        return Optional.of(ScheduledRotation.start(running.keys().rotateDataKey(), period.get(),
                ScheduledRotation.checkEvery(period.get()), Actor.thisInstance()));
    }

    @Override
    public Actor actor() {
        return Actor.thisOperator();
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
