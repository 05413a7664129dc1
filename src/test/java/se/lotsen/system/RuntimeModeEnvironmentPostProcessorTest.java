package se.lotsen.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeModeEnvironmentPostProcessorTest {

    private final RuntimeModeEnvironmentPostProcessor processor = new RuntimeModeEnvironmentPostProcessor();

    @Test
    void withoutConfigurationLotsenRunsEmbedded() {
        MockEnvironment env = new MockEnvironment();
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("lotsen.mode")).isEqualTo("embedded");
        assertThat(env.getProperty("server.servlet.session.cookie.secure")).isNull();
        assertThat(env.getProperty("logging.structured.format.console")).isNull();
        assertThat(env.getProperty("lotsen.demo.cases")).as("demo cases by default").isEqualTo("true");
    }

    @Test
    void demoCasesCanBeTurnedOffInTheEmbeddedMode() {
        MockEnvironment env = new MockEnvironment().withProperty("lotsen.demo.cases", "false");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("lotsen.demo.cases")).isEqualTo("false");
    }

    @Test
    void aDatabaseUrlMeansExternalMode() {
        MockEnvironment env = new MockEnvironment().withProperty("lotsen.db.url", "jdbc:postgresql://db/lotsen");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("lotsen.mode")).isEqualTo("external");
        assertThat(env.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(env.getProperty("lotsen.demo.cases")).as("no demo cases outside the embedded mode").isNull();
    }

    @Test
    void theProdProfileMeansExternalModeEvenWithoutUrl() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("lotsen.mode")).isEqualTo("external");
    }

    @Test
    void anExplicitLogFormatWins() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("lotsen.db.url", "jdbc:postgresql://db/lotsen")
                .withProperty("logging.structured.format.console", "logstash");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void anEmptyUrlIsNotAUrl() {
        MockEnvironment env = new MockEnvironment().withProperty("lotsen.db.url", "");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("lotsen.mode")).isEqualTo("embedded");
    }
}
