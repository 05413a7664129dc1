package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditActor;
import se.lotsen.audit.AuditLog;
import se.lotsen.audit.AuditRecord;
import se.lotsen.audit.ReviewFlag;

/**
 * An auditor's log review, with the keyboard only: the log filtered by a flag and by a case number shows the case
 * number and the person's name of the flagged read; then the review is registered, first without findings (the error
 * summary takes the focus), then with them. Every page passes axe.
 */
class LogReviewBrowserTest extends BrowserTestSupport {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    @Autowired
    AuditLog auditLog;

    private String caseNumber;
    private String personName;

    /** A case at Socialjouren, and an emergency access to it flagged as the emergency-access handler flags it. */
    private void aCaseReadThroughEmergencyAccess() {
        LotsenHttp http = new LotsenHttp(port);
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        personName = "Granskad Vera " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "CHILD");
        subject.put("name", personName);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
        Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), jour1);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        caseNumber = r.json().get("caseNumber").asString();
        UUID id = UUID.fromString(r.json().get("id").asString());
        AuditActor reader = new AuditActor() {
            @Override
            public UUID accountId() {
                return UUID.randomUUID();
            }

            @Override
            public String username() {
                return "sodermalm1";
            }

            @Override
            public String unitCode() {
                return "sodermalm";
            }
        };
        auditLog.record(AuditRecord.of(AuditAction.READ, "CASE", id).withActor(reader)
                .withFlags(Set.of(ReviewFlag.EMERGENCY_ACCESS, ReviewFlag.OUTSIDE_UNIT))
                .withDetail("nödåtkomst med angivet skäl"));
    }

    private Object focusedId() {
        return page.evaluate("() => document.activeElement && document.activeElement.id");
    }

    /** Tabs forward until the element is focused (at most {@code max} times). */
    private void tabTo(Locator target, int max) {
        for (int i = 0; i < max; i++) {
            if ((Boolean) target.evaluate("e => e === document.activeElement")) {
                return;
            }
            page.keyboard().press("Tab");
        }
        assertThat(target).isFocused();
    }

    @Test
    void anAuditorFindsAnEmergencyAccessByFlagAndCaseNumberAndRegistersTheReview() {
        aCaseReadThroughEmergencyAccess();
        signIn("granskare");
        open("/audit");
        assertThat(page.locator("h1")).hasText("Loggranskning");
        assertNoAxeViolations(page);

        // The filter, with the keyboard only: the case number, then Tab to the flag, arrows to "nödåtkomst".
        page.locator("#caseNumber").focus();
        page.keyboard().type(caseNumber);
        tabTo(page.locator("#flag"), 10);
        assertThat(focusedId()).isEqualTo("flag");
        for (int i = 0; i < 20 && !"EMERGENCY_ACCESS".equals(page.locator("#flag").inputValue()); i++) {
            page.keyboard().press("ArrowDown");
        }
        assertThat(page.locator("#flag")).hasValue("EMERGENCY_ACCESS");
        tabTo(page.getByRole(AriaRole.BUTTON, named("Sök")), 16);
        page.keyboard().press("Enter");
        page.waitForLoadState();

        assertThat(page).hasURL(Pattern.compile("/audit\\?caseNumber=.*&flag=EMERGENCY_ACCESS"));
        Locator rows = page.locator("table tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText(caseNumber);
        assertThat(rows.first()).containsText(personName);
        assertThat(rows.first()).containsText("sodermalm1");
        assertThat(rows.first()).containsText("Flaggad: nödåtkomst");
        assertThat(rows.first()).containsText("Flaggad: åtkomst utanför egen enhet");
        assertThat(page.locator("#flag")).hasValue("EMERGENCY_ACCESS");
        assertThat(page.locator("#caseNumber")).hasValue(caseNumber);
        screenshot("log-review-emergency-access");
        assertNoAxeViolations(page);

        // An unknown date is an error at the field, with the summary first.
        open("/audit?from=31-12-2025");
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.locator("#from-error")).hasText("Skriv ett datum, till exempel 2026-12-24.");
        assertNoAxeViolations(page);

        // To the record of reviews and its form, by keyboard.
        open("/audit");
        page.getByRole(AriaRole.LINK, named("Genomförda granskningar (loggkontroller)")).focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("/audit/reviews$"));
        assertThat(page.locator("h1")).hasText("Genomförda granskningar");
        assertNoAxeViolations(page);
        page.locator("main").getByRole(AriaRole.LINK, called("Registrera genomförd granskning")).focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("/audit/reviews/new$"));
        assertNoAxeViolations(page);

        // Without findings: the summary takes the focus and links to the field.
        page.locator("#periodFrom").focus();
        tabTo(page.getByRole(AriaRole.BUTTON, named("Registrera granskningen")), 16);
        page.keyboard().press("Enter");
        page.waitForLoadState();
        Locator summary = page.locator(".error-summary");
        assertThat(summary).isFocused();
        assertThat(summary).containsText("Skriv vad du fann, även om det var att allt var i sin ordning.");
        screenshot("log-review-form-error");
        assertNoAxeViolations(page);
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        page.locator("#findings").focus();
        page.keyboard().type("Nödåtkomsten till " + caseNumber + " är kontrollerad med enhetschefen: befogad.");
        page.keyboard().press("Tab");
        tabTo(page.getByRole(AriaRole.BUTTON, named("Registrera granskningen")), 6);
        page.keyboard().press("Enter");
        page.waitForLoadState();

        assertThat(page).hasURL(Pattern.compile("/audit/reviews$"));
        assertFlash("Granskningen är registrerad.");
        Locator first = page.locator("table tbody tr").first();
        assertThat(first).containsText("Lars Alm");
        assertThat(first).containsText("Nödåtkomsten till " + caseNumber);
        screenshot("log-review-registered");
        assertNoAxeViolations(page);
    }
}
