package se.lotsen.routines;

import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import se.lotsen.routines.WordDiff.Op;
import se.lotsen.routines.WordDiff.Piece;

import static org.assertj.core.api.Assertions.assertThat;

class WordDiffTest {

    private static String join(List<Piece> pieces) {
        return pieces.stream().map(Piece::text).collect(Collectors.joining());
    }

    private static List<String> of(List<Piece> pieces, Op op) {
        return pieces.stream().filter(p -> p.op() == op).map(p -> p.text().strip()).toList();
    }

    private static List<String> words(String text) {
        return java.util.Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    @Test
    void aReplacedWordIsRemovedAndAdded() {
        List<Piece> pieces = WordDiff.between("Ring polisen inom en timme.", "Ring polisen inom två timmar.");

        assertThat(pieces).containsExactly(
                new Piece(Op.SAME, "Ring polisen inom "),
                new Piece(Op.REMOVED, "en timme."),
                new Piece(Op.ADDED, "två timmar."));
    }

    @Test
    void insertedAndDeletedWordsInTheMiddle() {
        WordDiff.SideBySide s = WordDiff.sideBySide("Ta med en kollega till boendet.",
                "Ta alltid med en kollega.");

        assertThat(of(s.before(), Op.REMOVED)).containsExactly("kollega till boendet.");
        assertThat(of(s.after(), Op.ADDED)).containsExactly("alltid", "kollega.");
        assertThat(join(s.before())).isEqualTo("Ta med en kollega till boendet.");
        assertThat(join(s.after())).isEqualTo("Ta alltid med en kollega.");
        assertThat(s.changed()).isTrue();
    }

    @Test
    void theSpaceAfterMarkedWordsIsNotMarked() {
        WordDiff.SideBySide s = WordDiff.sideBySide("Bedöm genast om", "Bedöm omedelbart om");

        assertThat(s.before()).containsExactly(new Piece(Op.SAME, "Bedöm "), new Piece(Op.REMOVED, "genast"),
                new Piece(Op.SAME, " om"));
        assertThat(s.after()).containsExactly(new Piece(Op.SAME, "Bedöm "), new Piece(Op.ADDED, "omedelbart"),
                new Piece(Op.SAME, " om"));
    }

    @Test
    void whitespaceAloneIsNoChange() {
        WordDiff.SideBySide s = WordDiff.sideBySide("Åk  aldrig ensam.\n", "Åk aldrig\nensam.");

        assertThat(s.changed()).isFalse();
    }

    @Test
    void emptyAndNullTexts() {
        assertThat(WordDiff.between(null, "Ny text")).containsExactly(new Piece(Op.ADDED, "Ny text"));
        assertThat(WordDiff.between("Gammal text", "")).containsExactly(new Piece(Op.REMOVED, "Gammal text"));
        assertThat(WordDiff.between("", null)).isEmpty();
    }

    @Test
    void theCommonWordsAreTheLongestCommonSubsequence() {
        List<Piece> pieces = WordDiff.between("a b c d e f", "a x c d y f");

        assertThat(of(pieces, Op.SAME)).containsExactly("a", "c d", "f");
        assertThat(of(pieces, Op.REMOVED)).containsExactly("b", "e");
        assertThat(of(pieces, Op.ADDED)).containsExactly("x", "y");
    }

    @Property
    void eachSideJoinsBackToItsText(@ForAll @StringLength(max = 60) String older,
                                    @ForAll @StringLength(max = 60) String newer) {
        String a = older.replaceAll("[^a-c ]", " ");
        String b = newer.replaceAll("[^a-c ]", " ");
        WordDiff.SideBySide s = WordDiff.sideBySide(a, b);

        assertThat(join(s.after())).isEqualTo(b);
        // The old side keeps its words in order (common words take the newer text's spacing).
        assertThat(words(join(s.before()))).isEqualTo(words(a));
    }
}
