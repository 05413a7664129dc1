package se.lotsen.calendar;

import java.time.LocalDate;

/**
 * A day on which no statutory time ends: a public holiday (allmän helgdag) or one of the three eves that 1930:173
 * 2 § treats the same way.
 *
 * @param nameSv the Swedish name, e.g. "Långfredagen"
 * @param nameEn the English name
 */
public record Holiday(LocalDate date, String nameSv, String nameEn, Kind kind) {

    public enum Kind {
        /** An allmän helgdag under lag (1989:253). */
        PUBLIC_HOLIDAY,
        /** Midsommarafton, julafton or nyårsafton: not a public holiday, but closed under 1930:173 2 §. */
        EVE
    }
}
