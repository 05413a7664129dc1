package se.lotsen.cooperation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.lotsen.calendar.SwedishCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a partner can be reached, on the Swedish working-day calendar in Swedish local time: office hours 08–17 on
 * working days, closed on weekends, public holidays and the eves; a partner open around the clock is always open.
 * The expected instants are written out by hand.
 */
class PartnerOpeningHoursTest {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final Partners partners = new Partners(null, new SwedishCalendar());

    private static final Partner OFFICE = new Partner(UUID.randomUUID(), "Regionkoordinator (test)",
            PartnerKind.REGIONAL_COORDINATOR_CHILDREN, "SE", null, null, null, Partner.Hours.OFFICE_HOURS,
            LocalTime.of(8, 0), LocalTime.of(17, 0), true);

    private static final Partner ALWAYS = new Partner(UUID.randomUUID(), "Polisen (test)", PartnerKind.POLICE_LOCAL,
            "SE", "114 14", null, null, Partner.Hours.ALWAYS, null, null, true);

    private static Instant swedish(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SWEDEN).toInstant();
    }

    @Test
    void sundayNightIsQueuedForMondayAtEight() {
        // Sunday 29 November 2026, 03:00.
        Instant sunday = swedish("2026-11-29T03:00");
        assertThat(partners.isOpen(OFFICE, sunday)).isFalse();
        assertThat(partners.nextOpening(OFFICE, sunday)).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
    }

    @Test
    void fridayOneMinuteBeforeClosingIsOpen() {
        Instant friday = swedish("2026-11-27T16:59");
        assertThat(partners.isOpen(OFFICE, friday)).isTrue();
        assertThat(partners.nextOpening(OFFICE, friday)).isEqualTo(friday);
    }

    @Test
    void fridayAtClosingIsQueuedForMondayAtEight() {
        Instant friday = swedish("2026-11-27T17:00");
        assertThat(partners.isOpen(OFFICE, friday)).isFalse();
        assertThat(partners.nextOpening(OFFICE, friday)).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
    }

    @Test
    void openingTimeItselfIsOpen() {
        assertThat(partners.isOpen(OFFICE, swedish("2026-11-30T08:00"))).isTrue();
        assertThat(partners.isOpen(OFFICE, swedish("2026-11-30T07:59"))).isFalse();
    }

    @Test
    void earlyOnAWorkingDayIsQueuedForTheSameMorning() {
        Instant tuesday = swedish("2026-12-01T05:30");
        assertThat(partners.isOpen(OFFICE, tuesday)).isFalse();
        assertThat(partners.nextOpening(OFFICE, tuesday)).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
    }

    @Test
    void christmasEveIsClosedAndTheNextWorkingDayIsAfterTheHolidays() {
        // Julafton 2026 is a Thursday; juldagen (Fri 25) is a holiday, then the weekend: Monday 28 December.
        Instant julafton = swedish("2026-12-24T10:00");
        assertThat(partners.isOpen(OFFICE, julafton)).isFalse();
        assertThat(partners.nextOpening(OFFICE, julafton)).isEqualTo(Instant.parse("2026-12-28T07:00:00Z"));
        // The evening before julafton also waits until then.
        assertThat(partners.nextOpening(OFFICE, swedish("2026-12-23T17:30")))
                .isEqualTo(Instant.parse("2026-12-28T07:00:00Z"));
    }

    @Test
    void summerTimeIsSwedishLocalTime() {
        // Friday 19 June 2026 is midsommarafton (closed); Monday 22 June opens at 08:00 CEST = 06:00 UTC.
        Instant midsummerEve = swedish("2026-06-19T09:00");
        assertThat(partners.isOpen(OFFICE, midsummerEve)).isFalse();
        assertThat(partners.nextOpening(OFFICE, midsummerEve)).isEqualTo(Instant.parse("2026-06-22T06:00:00Z"));
        assertThat(partners.isOpen(OFFICE, Instant.parse("2026-06-22T06:00:00Z"))).isTrue();
    }

    @Test
    void aPartnerOpenAroundTheClockIsAlwaysOpen() {
        for (String t : new String[] {"2026-11-29T03:00", "2026-12-24T23:59", "2026-11-27T17:00", "2027-01-01T00:00"}) {
            Instant at = swedish(t);
            assertThat(partners.isOpen(ALWAYS, at)).as(t).isTrue();
            assertThat(partners.nextOpening(ALWAYS, at)).as(t).isEqualTo(at);
        }
    }
}
