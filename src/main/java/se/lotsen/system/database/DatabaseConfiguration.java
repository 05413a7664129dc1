package se.lotsen.system.database;

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
        return new HikariDataSource(config);
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
