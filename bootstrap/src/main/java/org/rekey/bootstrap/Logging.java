package org.rekey.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Log levels; logs go to stderr. A command prints only rekey's own warnings: a database fault is its one
 * {@code error:} line, not a library's warning and stack trace. The server logs INFO and the libraries'
 * warnings; {@code --verbose} adds rekey's DEBUG and the libraries' warnings to a command.
 */
final class Logging {

    private static final String REKEY = "org.rekey";
    private static final List<String> LIBRARIES = List.of("org.hibernate", "com.zaxxer.hikari", "org.flywaydb",
            "org.eclipse.jetty", "io.javalin", "org.postgresql", "org.h2");

    private Logging() {
    }

    static void commandLine() {
        set(Level.OFF, Level.WARN, Level.OFF);
    }

    static void server() {
        if (logger(REKEY).getEffectiveLevel().isGreaterOrEqual(Level.INFO)) {
            set(Level.INFO, Level.INFO, Level.WARN);
        }
    }

    static void verbose() {
        set(Level.DEBUG, Level.DEBUG, Level.WARN);
    }

    private static void set(Level root, Level rekey, Level libraries) {
        logger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(root);
        logger(REKEY).setLevel(rekey);
        LIBRARIES.forEach(name -> logger(name).setLevel(libraries));
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
