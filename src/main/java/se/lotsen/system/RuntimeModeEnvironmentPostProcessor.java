package se.lotsen.system;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides the runtime mode once, before any bean exists.
 *
 * <p>Lotsen runs against an external PostgreSQL ("external" mode) when the {@code prod} profile is active or
 * {@code LOTSEN_DB_URL} is set; otherwise it starts its embedded PostgreSQL and seeds demo data ("embedded" mode).
 * The mode is published as {@code lotsen.mode}; beans that differ between the modes are conditional on it, so there
 * is one place that decides. External mode also turns on secure cookies and structured (ECS JSON) console logs;
 * the embedded mode logs plain lines for the developer at the terminal.
 */
public class RuntimeModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String MODE_PROPERTY = "lotsen.mode";
    public static final String EMBEDDED = "embedded";
    public static final String EXTERNAL = "external";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean prodProfile = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        boolean dbUrlSet = StringUtils.hasText(environment.getProperty("lotsen.db.url"));
        String mode = (prodProfile || dbUrlSet) ? EXTERNAL : EMBEDDED;

        Map<String, Object> decided = new HashMap<>();
        decided.put(MODE_PROPERTY, mode);
        environment.getPropertySources().addFirst(new MapPropertySource("lotsenRuntimeMode", decided));

        if (EXTERNAL.equals(mode)) {
            Map<String, Object> defaults = new HashMap<>();
            defaults.put("server.servlet.session.cookie.secure", "true");
            // Structured (ECS JSON) logs for log collectors, unless LOTSEN_LOG_FORMAT says otherwise.
            if (!StringUtils.hasText(environment.getProperty("logging.structured.format.console"))) {
                decided.put("logging.structured.format.console", "ecs");
            }
            environment.getPropertySources().addLast(new MapPropertySource("lotsenExternalDefaults", defaults));
        } else {
            // Embedded mode: fictional demo cases and a demo review (DemoCases), unless configured off.
            environment.getPropertySources().addLast(new MapPropertySource("lotsenEmbeddedDefaults",
                    Map.of("lotsen.demo.cases", "true")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
