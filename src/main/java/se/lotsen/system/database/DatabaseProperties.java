package se.lotsen.system.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings.
 *
 * @param url            JDBC URL of an external PostgreSQL ({@code LOTSEN_DB_URL}); set it to run in external mode
 * @param user           database user ({@code LOTSEN_DB_USER})
 * @param password       database password ({@code LOTSEN_DB_PASSWORD})
 * @param maxPoolSize    connection pool size per app node ({@code LOTSEN_DB_POOL_SIZE}); at least twice
 *                       {@code eventThreads} plus 4
 * @param dataDir        data directory of the embedded PostgreSQL ({@code LOTSEN_DATA_DIR}), default {@code ./data}
 * @param cleanOnStart   wipe the embedded data directory at start (tests only)
 * @param connectionTimeout how long a request waits for a database connection before it is answered with 503
 *                       "temporarily unavailable" ({@code LOTSEN_DB_CONNECTION_TIMEOUT}, default 5 s; at least 250 ms)
 * @param eventThreads   the threads that run the side effects of events ({@code LOTSEN_EVENT_THREADS}, bound to
 *                       {@code spring.task.execution.pool.core-size}); read here to size the pool against them
 */
@ConfigurationProperties("lotsen.db")
public record DatabaseProperties(
        String url,
        String user,
        String password,
        @DefaultValue("16") int maxPoolSize,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean cleanOnStart,
        @DefaultValue("5s") Duration connectionTimeout,
        @DefaultValue("4") int eventThreads) {

    /** Never printed with the password. */
    @Override
    public String toString() {
        return "DatabaseProperties[url=" + url + ", user=" + user + ", password=***, dataDir=" + dataDir + "]";
    }
}
