package se.lotsen.reporting;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The statistics' settings ({@code lotsen.statistics.*}).
 *
 * @param suppressBelow a count {@code n} with {@code 0 < n < suppressBelow} is not shown ("&lt;3" on pages and in
 *                      exports, {@code null} in JSON), nor a rate or an average over fewer cases; 1 shows every count
 * @param cacheFor      how long the figures computed for a period and unit are shown again to the next reader (the page,
 *                      its exports and the API) before they are computed anew; {@code 0s} computes every time. The
 *                      grant's final report always computes anew.
 */
@Validated
@ConfigurationProperties("lotsen.statistics")
public record StatisticsProperties(@DefaultValue("3") @Min(1) int suppressBelow,
                                   @DefaultValue("60s") Duration cacheFor) {

    public StatisticsProperties {
        if (cacheFor == null || cacheFor.isNegative()) {
            throw new IllegalArgumentException("lotsen.statistics.cache-for must be 0s or more");
        }
    }
}
