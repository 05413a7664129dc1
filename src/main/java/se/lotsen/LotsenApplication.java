package se.lotsen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Lotsen: case handling for the acute work with children and adults subjected to prostitution and human trafficking.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LotsenApplication {

    public static void main(String[] args) {
        SpringApplication.run(LotsenApplication.class, args);
    }
}
