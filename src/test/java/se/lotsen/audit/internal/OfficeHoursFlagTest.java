package se.lotsen.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import se.lotsen.access.AccountId;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.ReviewFlag;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitId;
import se.lotsen.organisation.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ODD_HOURS}: a read of a case by someone whose unit keeps office hours, outside weekdays 07:00–19:00 Swedish
 * time (summer and winter time alike); never for a jour. The time is given, never the clock's.
 */
class OfficeHoursFlagTest {

    private static final AuditReviewProperties DEFAULTS = new AuditReviewProperties("07:00-19:00", 20,
            Duration.ofMinutes(10), 100_000);

    /** No account id: the MANY_CASES query is not asked, so no database is needed. */
    private static CurrentUser user(UnitKind kind) {
        Unit unit = kind == null ? null : new Unit(new UnitId(UUID.randomUUID()), "enhet", "Enheten", kind, true);
        return new CurrentUser(new AccountId(UUID.randomUUID()), "test", "Test Testsson", unit,
                EnumSet.of(Role.CASE_WORKER), true, false, null);
    }

    private static ReviewFlagger flagger(AuditReviewProperties properties) {
        return new ReviewFlagger(null, properties);
    }

    @ParameterizedTest(name = "{0} ({1}): flagged {2}")
    @CsvSource({
            // Winter time (UTC+1), Tuesday 3 February 2026.
            "2026-02-03T06:00:00Z, 07:00 tuesday,  false",
            "2026-02-03T05:59:59Z, 06:59 tuesday,  true",
            "2026-02-03T17:59:59Z, 18:59 tuesday,  false",
            "2026-02-03T18:00:00Z, 19:00 tuesday,  true",
            "2026-02-03T02:00:00Z, 03:00 tuesday,  true",
            // Summer time (UTC+2), Monday 15 June 2026: 05:30 UTC is 07:30 in Stockholm.
            "2026-06-15T05:30:00Z, 07:30 monday,   false",
            "2026-06-15T17:30:00Z, 19:30 monday,   true",
            // Friday evening and the weekend.
            "2026-06-19T16:59:00Z, 18:59 friday,   false",
            "2026-06-20T10:00:00Z, 12:00 saturday, true",
            "2026-06-21T10:00:00Z, 12:00 sunday,   true"})
    void aDistrictWorkersReadOutsideOfficeHoursIsFlagged(String at, String local, boolean flagged) {
        var flags = flagger(DEFAULTS).flagsFor(AuditAction.READ, "CASE", UUID.randomUUID().toString(),
                withoutAccount(user(UnitKind.DISTRICT)), Instant.parse(at));
        assertThat(flags.contains(ReviewFlag.ODD_HOURS)).as(local).isEqualTo(flagged);
    }

    @Test
    void aJourWorksAroundTheClock() {
        assertThat(user(UnitKind.JOUR).keepsOfficeHours()).isFalse();
        assertThat(user(UnitKind.DISTRICT).keepsOfficeHours()).isTrue();
        assertThat(user(UnitKind.OTHER).keepsOfficeHours()).isTrue();
        assertThat(user(null).keepsOfficeHours()).isFalse();
        assertThat(flagger(DEFAULTS).flagsFor(AuditAction.READ, "CASE", UUID.randomUUID().toString(),
                withoutAccount(user(UnitKind.JOUR)), Instant.parse("2026-02-03T02:00:00Z"))).isEmpty();
    }

    @Test
    void onlyReadsOfOneCaseAreFlagged() {
        Instant night = Instant.parse("2026-02-03T02:00:00Z");
        var district = withoutAccount(user(UnitKind.DISTRICT));
        ReviewFlagger f = flagger(DEFAULTS);
        assertThat(f.flagsFor(AuditAction.EXPORT, "CASE", "x", district, night)).containsExactly(ReviewFlag.ODD_HOURS);
        assertThat(f.flagsFor(AuditAction.UPDATE, "CASE", "x", district, night)).isEmpty();
        assertThat(f.flagsFor(AuditAction.SEARCH, "CASE", null, district, night)).isEmpty();
        assertThat(f.flagsFor(AuditAction.READ, "ACCOUNT", "x", district, night)).isEmpty();
        assertThat(f.flagsFor(AuditAction.READ, "CASE", "x", null, night)).isEmpty();
    }

    @Test
    void officeHoursAreConfigurable() {
        ReviewFlagger late = flagger(new AuditReviewProperties("08:30-16:00", 20, Duration.ofMinutes(10), 10));
        assertThat(late.withinOfficeHours(Instant.parse("2026-02-03T07:29:00Z"))).isFalse();
        assertThat(late.withinOfficeHours(Instant.parse("2026-02-03T07:30:00Z"))).isTrue();
        assertThat(late.withinOfficeHours(Instant.parse("2026-02-03T15:00:00Z"))).isFalse();
        assertThatThrownBy(() -> new AuditReviewProperties("19:00-07:00", 20, Duration.ofMinutes(10), 10))
                .hasMessageContaining("start must be before the end");
    }

    /** The user as an actor without an account id. */
    private static se.lotsen.audit.AuditActor withoutAccount(CurrentUser user) {
        return new se.lotsen.audit.AuditActor() {
            @Override
            public UUID accountId() {
                return null;
            }

            @Override
            public String username() {
                return user.username();
            }

            @Override
            public String unitCode() {
                return user.unitCode();
            }

            @Override
            public boolean keepsOfficeHours() {
                return user.keepsOfficeHours();
            }
        };
    }
}
