package org.rekey.bootstrap;

import java.security.SecureRandom;
import java.time.Clock;
import org.rekey.adapter.persistence.Database;
import org.rekey.application.port.in.RekeyUseCases;
import org.rekey.application.service.RekeyCore;

/** One running instance: the database, the core started on it, and every use case. Wired by hand. */
public final class RekeyApp implements AutoCloseable {

    private final Database database;
    private final RekeyCore core;

    private RekeyApp(Database database, RekeyCore core) {
        this.database = database;
        this.core = core;
    }

    /**
     * Opens the database (migrating it), resolves the instance key and prepares the keyring.
     *
     * @throws org.rekey.domain.error.RekeyException with a message that says what to fix; the database is
     *     left as it was when the instance key is wrong
     */
    public static RekeyApp open(RekeyConfig config) {
        Database database = Database.open(config.database());
        try {
            RekeyCore core = RekeyCore.start(new RekeyCore.OutPorts(database.transactions(), database.dataKeys(),
                    database.dataKeys(), database.records(), database.records(), database.records(),
                    database.apiKeys(), new ConfigFileKeySources(config), database.storeCheck()),
                    config.settings(), Clock.systemUTC(), new SecureRandom());
            return new RekeyApp(database, core);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public RekeyUseCases useCases() {
        return core.useCases();
    }

    @Override
    public void close() {
        core.close();
        database.close();
    }
}
