package se.lotsen.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    @Bean
    AuditStorage auditStorage(AuditProperties properties, Environment environment) {
        // The mode and data directory as decided by the system module (RuntimeModeEnvironmentPostProcessor); read as
        // properties, because the audit module depends on no other module.
        boolean embedded = !"external".equals(environment.getProperty("lotsen.mode"));
        Path dataDir = embedded ? Path.of(environment.getProperty("lotsen.db.data-dir", "./data")) : null;
        Path checkpointDir = StringUtils.hasText(properties.checkpointDir()) ? Path.of(properties.checkpointDir())
                : embedded ? dataDir.resolve("audit-checkpoints") : null;
        return new AuditStorage(embedded, embedded ? dataDir.resolve(AuditKey.FILE_NAME) : null, checkpointDir);
    }

    @Bean
    AuditKey auditKey(AuditProperties properties, AuditStorage storage) {
        List<String> previous = properties.previousKeys() == null ? List.of()
                : properties.previousKeys().stream().filter(StringUtils::hasText).toList();
        return AuditKey.load(properties.key(), previous, storage.embedded(), storage.keyFile());
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
