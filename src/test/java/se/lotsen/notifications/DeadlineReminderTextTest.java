package se.lotsen.notifications;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import se.lotsen.cases.CaseId;
import se.lotsen.common.SwedishDates;
import se.lotsen.decisions.DeadlineId;
import se.lotsen.decisions.DeadlineKind;
import se.lotsen.decisions.DeadlineReminderDue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadline reminder says what to do, for which case and by which day, instead of naming the paragraph (issue 11,
 * item 10), and an English reader gets it all in English: the task is stored as a message and read in the reader's
 * language.
 */
class DeadlineReminderTextTest {

    private static final Locale SV = Locale.forLanguageTag("sv");
    private static final String CASE_NUMBER = "SOCIALJOUREN-2026-0007";
    private static final LocalDate DUE = LocalDate.of(2026, 12, 3);

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final SwedishDates dates = new SwedishDates();

    DeadlineReminderTextTest() {
        // as spring.messages in application.yml
        messages.setBasenames("messages", "i18n/cases", "i18n/routines", "i18n/decisions", "i18n/handover",
                "i18n/audit");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private String text(String key, DeadlineKind kind, Locale locale) {
        DeadlineReminderDue due = new DeadlineReminderDue(new CaseId(UUID.randomUUID()),
                new DeadlineId(UUID.randomUUID()), "LEAD_2", "6 § andra stycket LVU (1990:52)", DUE, kind);
        List<String> stored = List.of(CASE_NUMBER, NotificationTriggers.task(due), DUE.toString());
        return messages.getMessage(key, Notifications.forMessage(dates.arguments(stored, locale)), locale);
    }

    @Test
    void theReminderNamesTheTaskTheCaseAndTheDay() {
        assertThat(text("notification.deadline.due", DeadlineKind.COMMITTEE_REPORT, SV)).isEqualTo(
                "Ärende SOCIALJOUREN-2026-0007: Anmäl beslutet vid nämndens nästa sammanträde senast "
                        + "tors 3 december 2026.");
        assertThat(text("notification.deadline.due.subject", DeadlineKind.COMMITTEE_REPORT, SV))
                .isEqualTo("Anmäl beslutet vid nämndens nästa sammanträde senast tors 3 december 2026 "
                        + "(ärende SOCIALJOUREN-2026-0007)");
        assertThat(text("notification.deadline.overdue", DeadlineKind.LVU_8_APPLICATION, SV))
                .startsWith("Försenat – ärende SOCIALJOUREN-2026-0007: Ansök om vård hos förvaltningsrätten.")
                .contains("tors 3 december 2026");
    }

    @Test
    void everyKindHasATaskAndEnglishRemindersAreAllEnglish() {
        for (DeadlineKind kind : DeadlineKind.values()) {
            for (String key : List.of("notification.deadline.due", "notification.deadline.due.subject",
                    "notification.deadline.overdue", "notification.deadline.overdue.subject")) {
                String sv = text(key, kind, SV);
                assertThat(sv).as("%s %s", key, kind).doesNotContain("deadlineTask").doesNotContain("§")
                        .doesNotContain("tidsfrist");
                String en = text(key, kind, Locale.ENGLISH);
                assertThat(en).as("%s %s", key, kind).doesNotContain("deadlineTask").doesNotContain("§")
                        .doesNotContainPattern("[åäöÅÄÖ]").doesNotContain("Ärende").doesNotContain("senast")
                        .doesNotContain("tors").contains(CASE_NUMBER);
                if (!key.equals("notification.deadline.overdue.subject")) {
                    assertThat(en).as("%s %s", key, kind).contains("Thu 3 December 2026");
                }
            }
        }
    }
}
