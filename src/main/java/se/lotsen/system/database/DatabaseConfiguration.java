package se.lotsen.system.database;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import se.lotsen.common.StartupProblem;
import se.lotsen.system.RuntimeModeEnvironmentPostProcessor;

/**
 * The one {@link DataSource}: the embedded PostgreSQL by default, an external PostgreSQL in external mode.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = RuntimeModeEnvironmentPostProcessor.MODE_PROPERTY,
            havingValue = RuntimeModeEnvironmentPostProcessor.EMBEDDED)
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties) {
        return EmbeddedPostgresServer.acquire(properties.dataDir(), properties.cleanOnStart());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = RuntimeModeEnvironmentPostProcessor.MODE_PROPERTY,
            havingValue = RuntimeModeEnvironmentPostProcessor.EMBEDDED)
    HikariDataSource embeddedDataSource(EmbeddedPostgresServer server, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(properties.maxPoolSize());
        config.setPoolName("lotsen-embedded");
        applyOutageSettings(config, properties);
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = RuntimeModeEnvironmentPostProcessor.MODE_PROPERTY,
            havingValue = RuntimeModeEnvironmentPostProcessor.EXTERNAL)
    HikariDataSource externalDataSource(DatabaseProperties properties) {
        requireSetting(properties.url(), "LOTSEN_DB_URL",
                "the JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://db.example:5432/lotsen");
        requireSetting(properties.user(), "LOTSEN_DB_USER", "the database user");
        requireSetting(properties.password(), "LOTSEN_DB_PASSWORD", "the database user's password");
        if (!properties.url().startsWith("jdbc:postgresql:")) {
            throw new StartupProblem("LOTSEN_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://…).",
                    "Set LOTSEN_DB_URL to a URL such as jdbc:postgresql://db.example:5432/lotsen.");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.user());
        config.setPassword(properties.password());
        config.setMaximumPoolSize(properties.maxPoolSize());
        config.setPoolName("lotsen");
        applyOutageSettings(config, properties);
        return new HikariDataSource(config);
    }

    /**
     * The pool must leave room for requests when every event thread holds its connections: a listener holds up to
     * two (its own transaction and the completion of the event's publication), for as long as its side effect takes
     * (a mail server that does not answer). With fewer, a stalled mail server could take every connection. The
     * scheduler's thread (one job at a time: reminders, escalation, checkpoints, retries, gallring) and the statistics'
     * refresher hold one each besides ({@link #BACKGROUND}).
     */
    static void requireRoomForRequests(int poolSize, int eventThreads) {
        int least = 2 * eventThreads + BACKGROUND + MIN_FOR_REQUESTS;
        if (poolSize < least) {
            throw new StartupProblem("LOTSEN_DB_POOL_SIZE (" + poolSize + ") leaves too few connections for requests"
                    + " when the " + eventThreads + " event threads (LOTSEN_EVENT_THREADS) hold two each and the"
                    + " scheduled jobs and the statistics' refresher one each.",
                    "Set LOTSEN_DB_POOL_SIZE to at least " + least + ", or lower LOTSEN_EVENT_THREADS.");
        }
    }

    /** Connections held by the threads that are neither requests nor events: the scheduler and the refresher. */
    static final int BACKGROUND = 2;

    /** Connections always left to requests, whatever the event threads hold. */
    static final int MIN_FOR_REQUESTS = 4;

    /**
     * How the pool behaves when the database goes away and comes back. A request waits at most the connection
     * timeout for a connection (then it gets 503 instead of hanging for Hikari's default 30 s). A connection that
     * was idle is checked ({@code Connection.isValid}) before it is handed out, and idle connections are kept alive
     * and checked every minute, so that after a database restart the dead connections are dropped and new ones
     * opened: Lotsen recovers without a restart.
     */
    static void applyOutageSettings(HikariConfig config, DatabaseProperties properties) {
        requireRoomForRequests(properties.maxPoolSize(), properties.eventThreads());
        long timeout = properties.connectionTimeout() == null ? 5000 : properties.connectionTimeout().toMillis();
        if (timeout < 250) {
            throw new StartupProblem("LOTSEN_DB_CONNECTION_TIMEOUT is too short (" + properties.connectionTimeout()
                    + ").", "Set LOTSEN_DB_CONNECTION_TIMEOUT to at least 250ms, e.g. 5s.");
        }
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(timeout / 2, 3000)));
        config.setKeepaliveTime(Duration.ofMinutes(1).toMillis());
    }

    private static void requireSetting(String value, String name, String what) {
        if (!StringUtils.hasText(value)) {
            throw new StartupProblem("the required setting " + name + " is missing (" + what + ").",
                    "Lotsen runs in production mode (the prod profile or LOTSEN_DB_URL is set) and needs "
                            + "LOTSEN_DB_URL, LOTSEN_DB_USER and LOTSEN_DB_PASSWORD. Set " + name
                            + " and start again. See the README, section 'Production configuration'.");
        }
    }
}
