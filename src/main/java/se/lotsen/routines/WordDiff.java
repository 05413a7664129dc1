package se.lotsen.routines;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word-level differences between two texts, for reading a changed routine text side by side: the longest common
 * subsequence over word tokens (words with their trailing whitespace kept, so that the pieces joined give back each
 * text exactly). Whitespace alone never counts as a change.
 */
public final class WordDiff {

    /** Texts longer than this many tokens on both sides are compared as one replaced block (LCS is quadratic). */
    static final int MAX_TOKENS = 3000;

    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*|\\s+");

    private WordDiff() {
    }

    public enum Op { SAME, REMOVED, ADDED }

    /** A run of tokens with the same fate; {@code text} keeps its whitespace. */
    public record Piece(Op op, String text) {
    }

    /**
     * The old and the new text as pieces: the old side holds SAME and REMOVED pieces, the new side SAME and ADDED.
     */
    public record SideBySide(List<Piece> before, List<Piece> after) {

        public boolean changed() {
            return before.stream().anyMatch(p -> p.op() != Op.SAME) || after.stream().anyMatch(p -> p.op() != Op.SAME);
        }
    }

    /** All pieces in reading order (removed before added where they replace each other). */
    public static List<Piece> between(String older, String newer) {
        List<String> a = tokens(older);
        List<String> b = tokens(newer);
        List<Piece> pieces = new ArrayList<>();
        if ((long) a.size() * b.size() > (long) MAX_TOKENS * MAX_TOKENS) {
            add(pieces, Op.REMOVED, String.join("", a));
            add(pieces, Op.ADDED, String.join("", b));
            return pieces;
        }
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        while (i < n || j < m) {
            if (i < n && j < m && same(a.get(i), b.get(j))) {
                flush(pieces, removed, added);
                // The newer text's whitespace is kept for the common word.
                add(pieces, Op.SAME, b.get(j));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.append(b.get(j++));
            } else {
                removed.append(a.get(i++));
            }
        }
        flush(pieces, removed, added);
        return pieces;
    }

    /** The pieces split into the old text and the new text. */
    public static SideBySide sideBySide(String older, String newer) {
        List<Piece> before = new ArrayList<>();
        List<Piece> after = new ArrayList<>();
        for (Piece p : between(older, newer)) {
            // The marked words end at the last letter: the space after them is not marked.
            String words = p.op() == Op.SAME ? p.text() : p.text().stripTrailing();
            String space = p.text().substring(words.length());
            if (p.op() != Op.ADDED) {
                add(before, p.op(), words);
                add(before, Op.SAME, space);
            }
            if (p.op() != Op.REMOVED) {
                add(after, p.op(), words);
                add(after, Op.SAME, space);
            }
        }
        return new SideBySide(before, after);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static boolean same(String x, String y) {
        return x.strip().equals(y.strip());
    }

    private static void flush(List<Piece> pieces, StringBuilder removed, StringBuilder added) {
        if (!removed.isEmpty()) {
            add(pieces, Op.REMOVED, removed.toString());
            removed.setLength(0);
        }
        if (!added.isEmpty()) {
            add(pieces, Op.ADDED, added.toString());
            added.setLength(0);
        }
    }

    /** Appends, joining a piece to the previous one with the same fate. */
    private static void add(List<Piece> pieces, Op op, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!pieces.isEmpty() && pieces.get(pieces.size() - 1).op() == op) {
            Piece last = pieces.remove(pieces.size() - 1);
            pieces.add(new Piece(op, last.text() + text));
        } else {
            pieces.add(new Piece(op, text));
        }
    }
}
