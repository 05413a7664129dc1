package se.lotsen.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import se.lotsen.cooperation.Contact;
import se.lotsen.cooperation.ContactStatus;
import se.lotsen.cooperation.ContactType;
import se.lotsen.cooperation.Partner;
import se.lotsen.cooperation.PartnerKind;
import se.lotsen.handover.Handover;

import static org.assertj.core.api.Assertions.assertThat;

/** The derivation rules of review answers, with their evidence, from known dates. */
class DerivationsTest {

    private static final LocalDate RECEIVED = LocalDate.parse("2026-03-02");

    private static Instant at(String isoLocal) {
        return java.time.LocalDateTime.parse(isoLocal).atZone(java.time.ZoneId.of("Europe/Stockholm")).toInstant();
    }

    private static Contact contact(ContactType type, PartnerKind kind, String when, Map<String, String> fields) {
        Partner partner = new Partner(UUID.randomUUID(), "Partner", kind, null, null, null, null, Partner.Hours.ALWAYS,
                null, null, true);
        return new Contact(UUID.randomUUID(), UUID.randomUUID(), partner, type, at(when), "PHONE", null, null,
                ContactStatus.DONE, null, fields, "Elin Berg", false, false);
    }

    @Test
    void theDaysAfterIntakeAreSingularForOneDayInBothLanguages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "i18n/review");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Locale sv = Locale.forLanguageTag("sv");
        String key = "review.evidence.policeReport";
        assertThat(messages.getMessage(key, new Object[] {"2026-03-02", 0L}, sv))
                .isEqualTo("Polisanmälan registrerad 2026-03-02, 0 dagar efter aktualisering.");
        assertThat(messages.getMessage(key, new Object[] {"2026-03-03", 1L}, sv))
                .isEqualTo("Polisanmälan registrerad 2026-03-03, 1 dag efter aktualisering.");
        assertThat(messages.getMessage(key, new Object[] {"2026-03-04", 2L}, sv))
                .isEqualTo("Polisanmälan registrerad 2026-03-04, 2 dagar efter aktualisering.");
        assertThat(messages.getMessage(key, new Object[] {"2026-03-03", 1L}, Locale.ENGLISH))
                .isEqualTo("Police report recorded 2026-03-03, 1 day after the case came in.");
        assertThat(messages.getMessage(key, new Object[] {"2026-03-14", 12L}, Locale.ENGLISH))
                .isEqualTo("Police report recorded 2026-03-14, 12 days after the case came in.");
    }

    @Test
    void policeReportIsAdequateWithItsDateAndDaysAfterIntake() {
        Derivations.Suggestion s = Derivations.police(List.of(contact(ContactType.POLICE, PartnerKind.POLICE_LOCAL,
                "2026-03-04T10:00", Map.of("reportMade", "YES"))), RECEIVED);
        assertThat(s.value()).isEqualTo(ReviewAnswer.ADEQUATE);
        assertThat(s.evidence()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("review.evidence.policeReport");
            assertThat(e.args()).containsExactly("2026-03-04", 2L);
        });
        assertThat(Derivations.police(List.of(), RECEIVED).value()).isEqualTo(ReviewAnswer.DEFICIENT);
        assertThat(Derivations.police(List.of(contact(ContactType.POLICE, PartnerKind.POLICE_LOCAL,
                "2026-03-04T10:00", Map.of("reportMade", "NO"))), RECEIVED).value()).isNull();
    }

    @Test
    void homeCountryContactBeforeTheRiskAssessmentIsDeficient() {
        Contact early = contact(ContactType.OTHER, PartnerKind.HOME_COUNTRY_AUTHORITY, "2026-03-03T09:00", Map.of());
        Contact assessed = contact(ContactType.HOME_COUNTRY_UD, PartnerKind.UD_CENTRAL_AUTHORITY, "2026-03-05T09:00",
                Map.of("riskAssessment", "Kontakt bedöms inte skada barnet."));
        Derivations.Suggestion late = Derivations.homeCountry(List.of(early, assessed));
        assertThat(late.value()).isEqualTo(ReviewAnswer.DEFICIENT);
        assertThat(late.evidence().get(0).args()).containsExactly("2026-03-05", "2026-03-03");
        assertThat(Derivations.homeCountry(List.of(assessed)).value()).isEqualTo(ReviewAnswer.ADEQUATE);
        assertThat(Derivations.homeCountry(List.of()).value()).isEqualTo(ReviewAnswer.NOT_APPLICABLE);
    }

    private static Handover handover(String handed, String acknowledged, String due, String escalated) {
        return new Handover(UUID.randomUUID(), UUID.randomUUID(), "SJ-1", null, null, "Folkbokförd där.", at(handed),
                "Elin Berg", null, null, null, null, acknowledged == null ? null : at(acknowledged), null, at(due),
                escalated == null ? null : at(escalated));
    }

    @Test
    void handoverAcknowledgedByItsDeadline() {
        assertThat(Derivations.handover(List.of(handover("2026-03-04T10:00", "2026-03-05T09:00",
                "2026-03-06T10:00", null))).value()).isEqualTo(ReviewAnswer.ADEQUATE);
        Derivations.Suggestion late = Derivations.handover(List.of(handover("2026-03-04T10:00", "2026-03-09T09:00",
                "2026-03-06T10:00", "2026-03-06T10:05")));
        assertThat(late.value()).isEqualTo(ReviewAnswer.DEFICIENT);
        assertThat(late.evidence().get(0).args()).containsExactly("2026-03-04", "2026-03-09", "2026-03-06");
        assertThat(Derivations.handover(List.of(handover("2026-03-04T10:00", null, "2026-03-06T10:00", null)))
                .value()).isNull();
        assertThat(Derivations.handover(List.of()).value()).isEqualTo(ReviewAnswer.NOT_APPLICABLE);
    }
}
