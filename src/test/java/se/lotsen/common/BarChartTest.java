package se.lotsen.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void barsAreDrawnToTheLargestAndASuppressedCountHasNoBar() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("jan", 10);
        counts.put("feb", 5);
        counts.put("mar", null);
        BarChart chart = BarChart.ofCounts("Ärenden", "Antal", counts, "<3");

        assertThat(chart.width(chart.bars().get(0))).isEqualTo(100);
        assertThat(chart.width(chart.bars().get(1))).isEqualTo(50);
        assertThat(chart.width(chart.bars().get(2))).isZero();
        assertThat(chart.bars().get(2).display()).isEqualTo("<3");
    }

    @Test
    void nothingDrawnWhenEveryValueIsSuppressedOrZero() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("jan", 0);
        counts.put("feb", null);
        BarChart chart = BarChart.ofCounts("Ärenden", "Antal", counts, "<3");
        assertThat(chart.max()).isZero();
        assertThat(chart.bars()).allSatisfy(b -> assertThat(chart.width(b)).isZero());
    }
}
