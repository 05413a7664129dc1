package se.lotsen.grants;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Amounts in kronor as typed and shown, the held-back share's rounding, and the report's text convention. */
class GrantTextTest {

    @Test
    void amountsAreReadAsPeopleWriteThem() {
        assertThat(SekAmount.parse("1 200 000")).isEqualTo(1_200_000L);
        assertThat(SekAmount.parse(" 1\u00a0200\u00a0000 kr ")).isEqualTo(1_200_000L);
        assertThat(SekAmount.parse("450000kr")).isEqualTo(450_000L);
        assertThat(SekAmount.parse("")).isNull();
        assertThat(SekAmount.parse(null)).isNull();
        for (String bad : List.of("12,5", "-1", "1e6", "x", "kr", "١٢٣", "9999999999999999")) {
            assertThatThrownBy(() -> SekAmount.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SekAmount.format(1_200_000L)).isEqualTo("1\u00a0200\u00a0000");
        assertThat(SekAmount.format(999L)).isEqualTo("999");
        assertThat(SekAmount.format(0L)).isEqualTo("0");
    }

    @Test
    void theHeldBackShareIsRoundedToTheNearestKrona() {
        assertThat(Grant.heldBackOf(Grant.HeldBackKind.PERCENT, 20, 1_800_000)).isEqualTo(360_000);
        assertThat(Grant.heldBackOf(Grant.HeldBackKind.PERCENT, 15, 999_999)).isEqualTo(150_000);
        assertThat(Grant.heldBackOf(Grant.HeldBackKind.PERCENT, 15, 999_993)).isEqualTo(149_999);
        assertThat(Grant.heldBackOf(Grant.HeldBackKind.PERCENT, 0, 1_000)).isZero();
        assertThat(Grant.heldBackOf(Grant.HeldBackKind.AMOUNT, 12_345, 100_000)).isEqualTo(12_345);
    }

    @Test
    void theReportTextIsParagraphsAndLists() {
        List<ReportText.Block> blocks = ReportText.blocks("Första stycket\nfortsätter.\n\n- ett\n- två\nEfter listan.\r\n\r\n\n");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).text()).isEqualTo("Första stycket\nfortsätter.");
        assertThat(blocks.get(1).items()).containsExactly("ett", "två");
        assertThat(blocks.get(2).text()).isEqualTo("Efter listan.");
        assertThat(ReportText.blocks("<script>alert(1)</script>").get(0).text()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void aGrantIsNamedByItsFunderAndYears() {
        Grant g = new Grant(null, "Länsstyrelsen i Stockholms län", null, 1, LocalDate.of(2026, 3, 1),
                LocalDate.of(2027, 2, 28), "x", null, LocalDate.of(2027, 4, 30), Grant.HeldBackKind.PERCENT, 20, null,
                null, 0, 0, null, null);
        assertThat(g.name()).isEqualTo("Länsstyrelsen i Stockholms län 2026–2027");
    }
}
