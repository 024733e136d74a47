package org.rekey.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log levels: warnings only for commands, INFO for the server, DEBUG with --verbose. Logs go to stderr. */
final class Logging {

    private Logging() {
    }

    static void commandLine() {
        root().setLevel(Level.WARN);
    }

    static void server() {
        if (root().getLevel().isGreaterOrEqual(Level.WARN)) {
            root().setLevel(Level.INFO);
        }
    }

    static void verbose() {
        root().setLevel(Level.DEBUG);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
