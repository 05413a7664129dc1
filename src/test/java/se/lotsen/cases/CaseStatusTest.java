package se.lotsen.cases;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The case lifecycle: every pair of statuses, allowed or refused. */
class CaseStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "OPEN,        OPEN,        false",
            "OPEN,        HANDED_OVER, true",
            "OPEN,        CLOSED,      true",
            "HANDED_OVER, OPEN,        false",
            "HANDED_OVER, HANDED_OVER, false",
            "HANDED_OVER, CLOSED,      true",
            "CLOSED,      OPEN,        true",
            "CLOSED,      HANDED_OVER, false",
            "CLOSED,      CLOSED,      false",
    })
    void transitions(CaseStatus from, CaseStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        assertThat(from.next().contains(to)).isEqualTo(allowed);
    }

    @Test
    void theTableCoversEveryPairAndNextIsExactlyTheAllowedSet() {
        assertThat(CaseStatus.values()).hasSize(3);
        assertThat(CaseStatus.OPEN.next()).containsExactlyInAnyOrder(CaseStatus.HANDED_OVER, CaseStatus.CLOSED);
        assertThat(CaseStatus.HANDED_OVER.next()).containsExactly(CaseStatus.CLOSED);
        assertThat(CaseStatus.CLOSED.next()).containsExactly(CaseStatus.OPEN);
        for (CaseStatus s : CaseStatus.values()) {
            Set<CaseStatus> next = s.next();
            assertThat(next).doesNotContain(s);
            assertThat(EnumSet.allOf(CaseStatus.class)).containsAll(next);
        }
    }

    @ParameterizedTest
    @CsvSource({"OPEN, true", "HANDED_OVER, true", "CLOSED, false"})
    void activeUntilClosed(CaseStatus status, boolean active) {
        assertThat(status.active()).isEqualTo(active);
    }
}
