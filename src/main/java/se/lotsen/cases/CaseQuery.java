package se.lotsen.cases;

import java.time.LocalDate;

/**
 * A search among the cases the user may see.
 *
 * @param text   case number, name or alias, or identity number (any part)
 * @param status only this status, or all
 * @param mine   only cases assigned to the user
 * @param from   received on or after (Swedish date)
 * @param to     received on or before (Swedish date)
 */
public record CaseQuery(String text, CaseStatus status, boolean mine, LocalDate from, LocalDate to) {

    public static CaseQuery all() {
        return new CaseQuery(null, null, false, null, null);
    }
}
