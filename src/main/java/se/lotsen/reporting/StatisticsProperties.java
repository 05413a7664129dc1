package se.lotsen.reporting;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The statistics' settings ({@code lotsen.statistics.*}).
 *
 * @param suppressBelow a count {@code n} with {@code 0 < n < suppressBelow} is not shown ("&lt;3" on pages and in
 *                      exports, {@code null} in JSON), nor a rate or an average over fewer cases; 1 shows every count
 */
@Validated
@ConfigurationProperties("lotsen.statistics")
public record StatisticsProperties(@DefaultValue("3") @Min(1) int suppressBelow) {
}
