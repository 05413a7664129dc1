package se.lotsen.cooperation;

import java.time.LocalTime;
import java.util.UUID;

/**
 * A partner: an authority or organisation with its contact channels and opening hours. Contact details are those of
 * the organisation's switchboard or functional address, never of a private person.
 */
public record Partner(UUID id, String name, PartnerKind kind, String country, String phone, String email, String notes,
                      Hours hours, LocalTime opens, LocalTime closes, boolean active) {

    /** When the partner can be reached. */
    public enum Hours {
        /** Around the clock (the police, the jour). */
        ALWAYS,
        /** Working days (Swedish calendar) between {@code opens} and {@code closes}. */
        OFFICE_HOURS
    }
}
