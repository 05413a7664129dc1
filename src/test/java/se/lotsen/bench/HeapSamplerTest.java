package se.lotsen.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The heap sampler reads the used heap from {@code jstat -gc} lines as JDK 17 prints them. */
class HeapSamplerTest {

    private static final String[] HEADER = ("S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC FGCT CGC"
            + " CGCT GCT").split(" ");

    @Test
    void theUsedHeapIsTheSurvivorsEdenAndOldGeneration() {
        String[] line = ("0.0 8192.0 0.0 8192.0 155648.0 61440.0 100352.0 70571.5 98304.0 96812.4 12544.0 11842.1"
                + " 31 0.215 0 0.000 6 0.021 0.236").split(" ");
        assertThat(HeapSampler.usedKiB(HEADER, line)).isEqualTo(8192 + 61440 + 70572);
    }

    @Test
    void aLineThatIsNotASampleCountsNothing() {
        assertThat(HeapSampler.usedKiB(HEADER, "12345 not found".split(" "))).isEqualTo(-1);
        String[] dashes = "0.0 0.0 - - 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0 0.0 0 0.0 0 0.0 0.0".split(" ");
        assertThat(HeapSampler.usedKiB(HEADER, dashes)).isEqualTo(-1);
    }
}
