package se.lotsen;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import se.lotsen.common.SwedishDates;

/**
 * Makes a {@link MutableClock} in Swedish time the application's clock, for a test that moves time:
 * {@code @Import(MutableClockConfiguration.class)} and {@code @Autowired MutableClock clock}.
 */
@TestConfiguration
public class MutableClockConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(SwedishDates.ZONE);
    }
}
