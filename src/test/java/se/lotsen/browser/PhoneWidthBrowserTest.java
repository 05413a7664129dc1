package se.lotsen.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import se.lotsen.access.Accounts;
import se.lotsen.access.ApiTokens;
import se.lotsen.access.CurrentUser;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.Intake;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.cases.SubjectType;
import se.lotsen.decisions.DecisionCommand;
import se.lotsen.decisions.DecisionType;
import se.lotsen.decisions.Decisions;
import se.lotsen.decisions.Mandate;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lotsen on a phone (390 px wide): the header is one line with a "Meny" button that opens by keyboard and without
 * JavaScript; the deadline board and the case list are stacked cards with the last day first, so that "Sista dag" and
 * "Status" are inside the screen. axe-core checks the pages at phone and desktop width. Its own database: it opens a
 * case with a custody decision.
 */
@TestPropertySource(properties = "lotsen.test.isolation=phone-width-browser")
class PhoneWidthBrowserTest extends BrowserTestSupport {

    private static final int PHONE = 390;

    @Autowired
    Cases cases;
    @Autowired
    Decisions decisions;
    @Autowired
    CaseAccess access;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokens apiTokens;

    private CurrentUser jour1() {
        return apiTokens.authenticate(apiTokens.issue(accounts.findByUsername("jour1").orElseThrow().id()).token())
                .orElseThrow();
    }

    /** A fictional child case with an immediate custody (6 § LVU) decided an hour ago: it has deadlines. */
    private void aCaseWithDeadlines() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        PersonDetails person = new PersonDetails(IdentityKind.UNKNOWN, "", "Mobil Testperson", "", null, 15, false,
                Sex.UNKNOWN, "RO", "", false, "", "", ProtectedIdentity.NONE, "");
        CaseId id = cases.open(new Intake(SubjectType.CHILD, anHourAgo.minus(Duration.ofHours(2)),
                IntakeChannel.POLICE_PL12, "Polisen", "114 14", "Ung person påträffad", Set.of(ExploitationForm.SEXUAL),
                null, null, person, null), jour1());
        decisions.record(access.write(id, jour1()), new DecisionCommand(DecisionType.LVU_6, anHourAgo, anHourAgo,
                "Anna Ordförande", Mandate.CHAIR, "rinkeby-kista", Set.of("LVU_2"),
                "Risk för fortsatt exploatering; rättens beslut kan inte avvaktas.", null, null, null, null, null,
                false, true));
    }

    private static void insideThePhone(Locator locator, String what) {
        assertThat(locator).isVisible();
        BoundingBox box = locator.boundingBox();
        assertThat(box).as(what).isNotNull();
        assertThat(box.x).as(what + " left edge").isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as(what + " right edge").isLessThanOrEqualTo(PHONE);
    }

    @Test
    void onAPhoneTheDeadlineAndStatusAreInViewAndTheMenuFolds() {
        aCaseWithDeadlines();
        signIn("jour1");

        // Desktop first: the navigation is in the header, no menu button.
        open("/deadlines");
        assertThat(page.locator(".site-menu")).isHidden();
        assertThat(page.locator("nav.site-wide")).isVisible();
        assertNoAxeViolations(page);

        page.setViewportSize(PHONE, 844);
        open("/deadlines");
        Locator header = page.locator(".site-header");
        assertThat(header.boundingBox().height).as("header height with the menu closed").isLessThan(120);
        assertThat(page.locator("nav.site-wide")).isHidden();
        Locator menu = page.locator(".site-menu__button");
        assertThat(menu).isVisible();
        assertThat(page.locator(".site-menu nav a").first()).isHidden();
        screenshot("phone-board");
        assertNoAxeViolations(page);

        // The board's first card: the last day comes first, status inside the screen too.
        Locator row = page.locator("table.board tbody tr").first();
        Locator lastDay = row.locator("td[data-first]");
        insideThePhone(lastDay, "Sista dag");
        insideThePhone(row.locator("td[data-label='Status']"), "Status");
        assertThat(lastDay.boundingBox().y).as("the last day is the first line of the card")
                .isLessThan(row.locator("td").first().boundingBox().y);
        assertThat(lastDay.locator("time")).hasAttribute("datetime",
                java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));

        // The menu opens by keyboard: skip link, brand, then the menu button.
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        assertThat(menu).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator(".site-menu")).hasAttribute("open", "");
        Locator menuNav = page.locator(".site-menu nav");
        assertThat(menuNav.getByRole(AriaRole.LINK, called("Start"))).isVisible();
        assertThat(page.locator(".site-menu").getByRole(AriaRole.BUTTON, called("Logga ut"))).isVisible();
        screenshot("phone-menu-open");
        assertNoAxeViolations(page);
        page.keyboard().press("Tab");
        assertThat(menuNav.getByRole(AriaRole.LINK, called("Start"))).isFocused();

        // The skip link still goes to the main content.
        open("/cases");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("#main")).isFocused();

        // The case list: each case a card, the status inside the screen.
        Locator caseRow = page.locator("table.cards tbody tr").first();
        insideThePhone(caseRow.locator("td[data-label='Status']"), "Status in the case list");
        insideThePhone(caseRow.locator("td[data-label='Ärendenummer']"), "Case number");
        screenshot("phone-cases");
        assertNoAxeViolations(page);

        page.setViewportSize(1280, 900);
        open("/cases");
        assertNoAxeViolations(page);
    }
}
