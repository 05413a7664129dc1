package se.lotsen.system.database;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.lotsen.LotsenApplication;
import se.lotsen.common.StartupProblem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production mode never falls back to the embedded database: without its settings Lotsen refuses to start and says
 * which setting is missing.
 */
class ProductionModeIT {

    /**
     * Starts Lotsen with the settings given as command-line arguments (which, like the environment variables an
     * operator sets, take precedence over application.yml); returns why it failed, or {@code null}.
     */
    private static Throwable startFailure(String... settings) {
        ConfigurableApplicationContext context = null;
        try {
            context = new SpringApplicationBuilder(LotsenApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(java.util.Arrays.stream(settings).map(s -> "--" + s).toArray(String[]::new));
            return null;
        } catch (Throwable t) {
            return t;
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** A valid audit key (checked first, before the database settings). */
    private static final String AUDIT_KEY = "lotsen.audit.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void prodProfileWithoutDatabaseUrlRefusesToStart() {
        Throwable failure = startFailure("spring.profiles.active=prod", AUDIT_KEY);

        assertThat(failure).as("Lotsen started in production mode without LOTSEN_DB_URL").isNotNull();
        assertThat(rootCause(failure)).isInstanceOf(StartupProblem.class)
                .hasMessageContaining("LOTSEN_DB_URL");
        assertThat(((StartupProblem) rootCause(failure)).action()).contains("LOTSEN_DB_URL");
    }

    @Test
    void databaseUrlWithoutPasswordRefusesToStart() {
        Throwable failure = startFailure("lotsen.db.url=jdbc:postgresql://localhost:1/lotsen",
                "lotsen.db.user=lotsen", AUDIT_KEY);

        assertThat(failure).as("Lotsen started without LOTSEN_DB_PASSWORD").isNotNull();
        assertThat(rootCause(failure)).isInstanceOf(StartupProblem.class)
                .hasMessageContaining("LOTSEN_DB_PASSWORD")
                .message().doesNotContain("LOTSEN_DB_URL ");
    }

    @Test
    void prodProfileWithUrlButWithoutUserRefusesToStart() {
        Throwable failure = startFailure("spring.profiles.active=prod",
                "lotsen.db.url=jdbc:postgresql://localhost:1/lotsen", "lotsen.db.password=secret-password", AUDIT_KEY);

        assertThat(failure).isNotNull();
        assertThat(rootCause(failure)).isInstanceOf(StartupProblem.class).hasMessageContaining("LOTSEN_DB_USER");
    }

    @Test
    void productionWithoutAnAuditKeyRefusesToStart() {
        Throwable failure = startFailure("spring.profiles.active=prod",
                "lotsen.db.url=jdbc:postgresql://localhost:1/lotsen", "lotsen.db.user=lotsen",
                "lotsen.db.password=secret-password");

        assertThat(failure).as("Lotsen started in production mode without LOTSEN_AUDIT_KEY").isNotNull();
        assertThat(rootCause(failure)).isInstanceOf(StartupProblem.class)
                .hasMessageContaining("LOTSEN_AUDIT_KEY is missing");
    }

    @Test
    void productionWithAShortAuditKeyRefusesToStart() {
        Throwable failure = startFailure("spring.profiles.active=prod",
                "lotsen.db.url=jdbc:postgresql://localhost:1/lotsen", "lotsen.db.user=lotsen",
                "lotsen.db.password=secret-password", "lotsen.audit.key=c2hvcnQ=");

        assertThat(failure).isNotNull();
        assertThat(rootCause(failure)).isInstanceOf(StartupProblem.class)
                .hasMessageContaining("LOTSEN_AUDIT_KEY is too short: 5 bytes")
                .message().doesNotContain("c2hvcnQ=");
    }
}
