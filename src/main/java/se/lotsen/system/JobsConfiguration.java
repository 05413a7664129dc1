package se.lotsen.system;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.util.ErrorHandler;

import se.lotsen.common.DatabaseUnavailable;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.provider.sql.DatabaseProduct;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;


/**
 * Background work. Jobs that must run once across app nodes (reminders, escalations, event retries) take a ShedLock
 * lock in the database, timed by the database's clock; listeners of domain events run after commit on the task
 * executor, so a slow mail server never holds up a page.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class JobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobsConfiguration.class);

    /**
     * A scheduled run that fails because the database cannot be reached (stopped, restarting) logs one warning line
     * and is run again at its next interval; any other failure is logged as an error with its stack trace. Either
     * way the job stays scheduled.
     */
    static final ErrorHandler JOB_ERRORS = failure -> {
        if (DatabaseUnavailable.isCause(failure)) {
            log.warn("A scheduled job could not reach the database; it runs again at its next interval: {}",
                    DatabaseUnavailable.describe(failure));
        } else {
            log.error("A scheduled job failed; it runs again at its next interval", failure);
        }
    };

    @Bean
    ThreadPoolTaskSchedulerCustomizer jobErrorsOnThreadPool() {
        return scheduler -> scheduler.setErrorHandler(JOB_ERRORS);
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer jobErrorsOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(JOB_ERRORS);
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                // Named, not detected: detection needs a connection, and a job whose first run meets a database
                // outage would fail with "DB time is not supported for database product: UNKNOWN" instead of
                // "database unavailable".
                .withDatabaseProduct(DatabaseProduct.POSTGRES_SQL)
                .usingDbTime()
                .build());
    }

    @Bean
    LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
        return new DefaultLockingTaskExecutor(lockProvider);
    }
}
