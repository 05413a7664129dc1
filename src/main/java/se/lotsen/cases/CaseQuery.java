package se.lotsen.cases;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A search among the cases the user may see.
 *
 * @param text   name or alias, case number or identity number (any part; a case number or identity number by a
 *               part with a digit in it, since every case number begins with its unit's code); a text without a run of
 *               {@value #SHORTEST_PART} letters or digits finds whole name words only ({@link #findsWholeWords()})
 * @param status only this status, or all
 * @param mine   only cases assigned to the user
 * @param from   received on or after (Swedish date)
 * @param to     received on or before (Swedish date)
 */
public record CaseQuery(String text, CaseStatus status, boolean mine, LocalDate from, LocalDate to) {

    /**
     * The fewest letters or digits in a row that find any part of a case number, name or identity number. The trigram
     * indexes that make a part findable (V27) need three characters: a shorter part read every name in the register,
     * 2.0–2.5 s at a million cases (README, "Benchmarks").
     */
    public static final int SHORTEST_PART = 3;

    private static final Pattern PART = Pattern.compile("[\\p{L}\\p{N}]{" + SHORTEST_PART + ",}");
    private static final Pattern ONE_WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    public static CaseQuery all() {
        return new CaseQuery(null, null, false, null, null);
    }

    /** The fewest digits that look for a part of an identity number. */
    static final int SHORTEST_IDENTITY_PART = 4;

    /** Whether the query has a text to search for. */
    public boolean searchesText() {
        return text != null && !text.isBlank();
    }

    /** The text searched for, trimmed; {@code null} when there is none. */
    public String searchText() {
        return searchesText() ? text.trim() : null;
    }

    /**
     * Whether the text looks for a part of a case number: only with a digit in it, since every case number begins
     * with its unit's code ("holm" found all of Kungsholmen's and Skärholmen's cases).
     */
    public boolean findsCaseNumbers() {
        return searchesText() && !findsWholeWords() && !digits().isEmpty();
    }

    /** The digits that look for a part of an identity number (at least {@value #SHORTEST_IDENTITY_PART}), or null. */
    public String identityDigits() {
        String digits = searchesText() && !findsWholeWords() ? digits() : "";
        return digits.length() >= SHORTEST_IDENTITY_PART ? digits : null;
    }

    private String digits() {
        return text.replaceAll("[^0-9]", "");
    }

    /**
     * Whether the text is too short to find a part of anything, and so finds names with these whole words (a person
     * named Ek or Li is found by "Ek" or "li"; Ekström is not). The list page says so (V36).
     */
    public boolean findsWholeWords() {
        return searchesText() && !PART.matcher(text).find();
    }

    /**
     * Whether a text of whole words ({@link #findsWholeWords()}) is a single word, letters and digits only: one word
     * lies within one name, while several could each be found in another of a person's names.
     */
    public boolean findsOneWord() {
        return findsWholeWords() && ONE_WORD.matcher(text.strip()).matches();
    }
}
