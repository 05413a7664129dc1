package se.lotsen.handover;

import java.time.LocalDate;

/**
 * The secrecy mark on the handover package (sekretessmarkering). OSL 5 kap. 5 §: a mark that secrecy applies must state
 * the provision, the date of the mark and the authority that made it.
 *
 * @param provision the secrecy provision, in words ({@link #SOCIAL_SERVICES})
 * @param date      the day the package, and so the mark, was made (Swedish time)
 * @param authority the authority making the mark: the committee of the unit that holds the case, or the unit itself
 *                  when no committee is recorded for it
 */
public record SecrecyMark(String provision, LocalDate date, String authority) {

    /** Secrecy in the social services. */
    public static final String SOCIAL_SERVICES = "26 kap. 1 § offentlighets- och sekretesslagen (2009:400)";

    public SecrecyMark {
        if (provision == null || provision.isBlank() || date == null || authority == null || authority.isBlank()) {
            throw new IllegalArgumentException("A secrecy mark states the provision, the date and the authority");
        }
    }
}
