package se.lotsen.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import se.lotsen.LotsenApplication;
import se.lotsen.access.LotsenHttp;

/**
 * One Lotsen app node in production mode, started in this JVM on a free port against an external PostgreSQL (the
 * settings an operator gives as {@code LOTSEN_DB_URL} etc.). Several nodes may run side by side on one database, as
 * behind a load balancer.
 */
final class LotsenNode implements AutoCloseable {

    /** The audit chain's key, shared by every node (base64 of 32 fictional bytes). */
    static final String AUDIT_KEY = "bG90c2VuLW5vZGVzLXRlc3Qta2V5LTMyLWJ5dGVzLi4=";

    final String name;
    final ConfigurableApplicationContext context;
    final int port;
    final LotsenHttp http;

    private LotsenNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = new LotsenHttp(port);
    }

    /**
     * Starts a node. {@code settings} override the production defaults below (keys without {@code --});
     * {@code postProcessor}, when given, sees every bean of the node (to observe, not to change, what it does).
     */
    static LotsenNode start(String name, String jdbcUrl, Path checkpointDir, Map<String, String> settings,
                            BeanPostProcessor postProcessor) {
        return start(name, jdbcUrl, checkpointDir, settings, postProcessor, () -> {
        });
    }

    /**
     * As above; {@code prepared} is called when the node's context is prepared (logging set up, beans not yet
     * created): Logback's set-up is not safe to run in two threads at once, the rest of a start is.
     */
    static LotsenNode start(String name, String jdbcUrl, Path checkpointDir, Map<String, String> settings,
                            BeanPostProcessor postProcessor, Runnable prepared) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("lotsen.db.url", jdbcUrl);
        all.put("lotsen.db.user", "postgres");
        all.put("lotsen.db.password", "not-checked-by-the-test-server");
        all.put("lotsen.audit.key", AUDIT_KEY);
        all.put("lotsen.audit.checkpoint-dir", checkpointDir.toAbsolutePath().toString());
        all.put("lotsen.security.initial-admin.username", "driftadmin");
        all.put("lotsen.security.initial-admin.password", "drift-admin-lösen-2026");
        all.put("server.port", "0");
        // The test's own configuration turns the jobs off; a node in production runs them.
        all.put("lotsen.reminders.enabled", "true");
        all.put("lotsen.handover.escalation-enabled", "true");
        all.put("lotsen.audit.checkpoints-enabled", "true");
        all.put("lotsen.events.retries-enabled", "true");
        all.put("logging.level.root", "WARN");
        // A mail server that is down is part of some tests: its retries are expected.
        all.put("logging.level.se.lotsen.notifications.MailDelivery", "ERROR");
        all.put("logging.level.se.lotsen.system.ListenerFailures", "ERROR");
        all.putAll(settings);
        List<String> args = new ArrayList<>();
        all.forEach((k, v) -> args.add("--" + k + "=" + v));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(LotsenApplication.class);
        if (postProcessor != null) {
            builder.initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(postProcessor));
        }
        builder.listeners((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof ApplicationPreparedEvent) {
                prepared.run();
            }
        });
        return new LotsenNode(name, builder.run(args.toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
