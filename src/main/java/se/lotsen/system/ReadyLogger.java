package se.lotsen.system;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says once, clearly, that Lotsen is ready and where. */
@Component
class ReadyLogger {

    private static final Logger log = LoggerFactory.getLogger(ReadyLogger.class);

    private final Environment environment;

    ReadyLogger(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        log.info("Lotsen is ready at http://localhost:{} ({} mode, {} ms after JVM start)",
                environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")),
                environment.getProperty(RuntimeModeEnvironmentPostProcessor.MODE_PROPERTY), uptime);
    }
}
