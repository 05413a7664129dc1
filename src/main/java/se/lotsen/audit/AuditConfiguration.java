package se.lotsen.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * The audit key and the checkpoint directory. In embedded mode both default to places beside the embedded data
 * ({@code <data-dir>/audit.key}, {@code <data-dir>/audit-checkpoints}); in production the key must be configured.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    /** Where the audit key file and the checkpoints live, resolved once (the data directory may be random in tests). */
    record AuditStorage(boolean embedded, Path keyFile, Path checkpointDir) {
    }

    /**
     * Loads the audit key before any other bean is created, so that a production start without a valid key stops
     * at once with a clear message, before the database is touched. Registers the {@link AuditStorage} and the
     * {@link AuditKey} as beans.
     */
    @Bean
    static AuditKeyLoader auditKeyLoader() {
        return new AuditKeyLoader();
    }

    static final class AuditKeyLoader implements BeanFactoryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            AuditProperties properties = Binder.get(environment).bindOrCreate("lotsen.audit", AuditProperties.class);
            AuditStorage storage = storage(properties, environment);
            List<String> previous = properties.previousKeys() == null ? List.of()
                    : properties.previousKeys().stream().filter(StringUtils::hasText).toList();
            AuditKey key = AuditKey.load(properties.key(), previous, storage.embedded(), storage.keyFile());
            beanFactory.registerSingleton("auditStorage", storage);
            beanFactory.registerSingleton("auditKey", key);
        }
    }

    static AuditStorage storage(AuditProperties properties, Environment environment) {
        // The mode and data directory as decided by the system module (RuntimeModeEnvironmentPostProcessor); read as
        // properties, because the audit module depends on no other module. Read once: in tests the data directory
        // holds a random part that differs on every read.
        boolean embedded = !"external".equals(environment.getProperty("lotsen.mode"));
        Path dataDir = embedded ? Path.of(environment.getProperty("lotsen.db.data-dir", "./data")) : null;
        Path checkpointDir = StringUtils.hasText(properties.checkpointDir()) ? Path.of(properties.checkpointDir())
                : embedded ? dataDir.resolve("audit-checkpoints") : null;
        return new AuditStorage(embedded, embedded ? dataDir.resolve(AuditKey.FILE_NAME) : null, checkpointDir);
    }

    @Bean
    AuditCheckpoints auditCheckpoints(JdbcClient jdbc, AuditKey key, AuditStorage storage, Clock clock) {
        if (storage.checkpointDir() == null) {
            log.warn("No LOTSEN_AUDIT_CHECKPOINT_DIR is set: audit checkpoints go to the log only, and the "
                    + "verification of the audit trail cannot compare with them");
        } else {
            log.info("Audit checkpoints are written to {}", storage.checkpointDir().toAbsolutePath());
        }
        return new AuditCheckpoints(jdbc, key, storage.checkpointDir(), clock);
    }
}
