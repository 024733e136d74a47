package org.rekey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {

    private static final String POOL = "com.zaxxer.hikari.pool.ProxyConnection";
    private static final String HIBERNATE = "org.hibernate.engine.jdbc.spi.SqlExceptionHelper";
    private static final String DRIVER = "org.postgresql.core.v3.ConnectionFactoryImpl";
    private static final String REKEY = "org.rekey.application.service.keyring.InstanceKeyResolver";

    private final Map<Logger, Level> levels = new HashMap<>();

    @BeforeEach
    void remember() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLoggerList().forEach(logger -> levels.put(logger, logger.getLevel()));
    }

    @AfterEach
    void restore() {
        levels.forEach(Logger::setLevel);
    }

    @Test
    void command_showsRekeysWarnings_butNoLibrarysWarningOrStackTrace() {
        Logging.commandLine();

        assertThat(LoggerFactory.getLogger(REKEY).isWarnEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger(REKEY).isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger(POOL).isErrorEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger(HIBERNATE).isErrorEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger(DRIVER).isErrorEnabled()).isFalse();
    }

    @Test
    void verboseCommand_showsRekeysDebug_andTheLibrariesWarnings() {
        Logging.commandLine();
        Logging.verbose();

        assertThat(LoggerFactory.getLogger(REKEY).isDebugEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger(POOL).isWarnEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger(POOL).isInfoEnabled()).isFalse();
    }

    @Test
    void server_logsInfo_andTheLibrariesWarnings() {
        Logging.commandLine();
        Logging.server();

        assertThat(LoggerFactory.getLogger(REKEY).isInfoEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger(POOL).isWarnEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger(POOL).isInfoEnabled()).isFalse();
    }

    @Test
    void verboseServer_staysVerbose() {
        Logging.commandLine();
        Logging.verbose();
        Logging.server();

        assertThat(LoggerFactory.getLogger(REKEY).isDebugEnabled()).isTrue();
    }
}
