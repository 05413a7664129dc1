package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.AssertionFailedError;

/**
 * The foundation as people meet it in a browser: signing in and out with every role, the sign-in error, axe-core,
 * keyboard use, 200 % zoom and the language switch.
 */
class FoundationBrowserTest extends BrowserTestSupport {

    @ParameterizedTest(name = "{0} sees the start page for {2}")
    @CsvSource({
            "jour1,       Elin Berg,    Socialsekreterare i jour",
            "jour2,       Karim Nasser, Socialsekreterare i jour",
            "jourchef,    Maria Holm,   Jourchef",
            "metod,       Sofia Ek,     Metodutvecklare",
            "rinkeby1,    Johan Lund,   'Socialsekreterare, stadsdelsförvaltning'",
            "rinkebychef, Amira Haddad, 'Enhetschef, stadsdelsförvaltning'",
            "sodermalm1,  Petra Sjö,    'Socialsekreterare, stadsdelsförvaltning'",
            "granskare,   Lars Alm,     Granskare",
            "admin,       Alex Admin,   Administratör"})
    void everyDemoAccountSignsInToItsRolesStartPageAndSignsOut(String username, String displayName,
                                                              String roleHeading) {
        signIn(username);

        assertThat(page.locator("h1")).hasText("Välkommen, " + displayName);
        // Exactly one role section, the account's own.
        assertThat(page.locator("main .role-section h2")).hasText(new String[] {roleHeading});
        assertThat(page.locator("html")).hasAttribute("lang", "sv");
        assertThat(page.locator("header")).containsText(displayName);
        screenshot("start-" + username);

        signOut();

        assertThat(page.locator("main")).containsText("Du är utloggad.");
        assertThat(page.locator("#username")).isVisible();
        assertThat(signOutButton()).hasCount(0);
        // The session is really gone: the start page asks for a sign-in again.
        open("/");
        assertThat(page).hasURL(Pattern.compile("/login$"));
    }

    @Test
    void signInPageLooksRightAndPassesAxe() {
        open("/login");

        assertThat(page).hasTitle("Logga in – Lotsen");
        assertThat(page.locator("h1")).hasText("Logga in i Lotsen");
        assertThat(page.getByLabel("Användarnamn")).isVisible();
        assertThat(page.getByLabel("Lösenord")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Logga in"))).isVisible();
        screenshot("sign-in");
        assertNoAxeViolations(page);
    }

    @Test
    void wrongPasswordShowsTheErrorSummaryAndStaysOnTheSignInPage() {
        signIn("jour2", "fel-lösenord");

        assertThat(page).hasURL(Pattern.compile("/login\\?error$"));
        Locator summary = page.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary.locator("h2")).hasText("Inloggningen misslyckades");
        assertThat(summary).hasAttribute("role", "alert");
        // The summary takes focus, so that keyboard and screen-reader users meet it first.
        assertThat(summary).isFocused();
        assertThat(page.locator("#username")).isVisible();
        assertThat(signOutButton()).hasCount(0);
        screenshot("sign-in-error");
    }

    @Test
    void signInPageWithTheErrorPassesAxe() {
        signIn("ingen-sadan-anvandare", "fel-lösenord");

        assertThat(page.locator(".error-summary h2")).hasText("Inloggningen misslyckades");
        assertNoAxeViolations(page);
    }

    @Test
    void dutyWorkersStartPagePassesAxe() {
        signIn("jour1");

        assertThat(page.locator("h1")).hasText("Välkommen, Elin Berg");
        assertNoAxeViolations(page);
    }

    @Test
    void administratorsStartPagePassesAxe() {
        signIn("admin");

        assertThat(page.locator("h1")).hasText("Välkommen, Alex Admin");
        assertNoAxeViolations(page);
    }

    @Test
    void firstTabReachesTheSkipLinkWhichMovesFocusToTheMainContent() {
        signIn("jour1");
        open("/"); // a fresh load, so that focus starts at the top of the document

        page.keyboard().press("Tab");

        Locator skipLink = page.locator("a.skip-link");
        assertThat(skipLink).isFocused();
        assertThat(skipLink).hasText("Hoppa till huvudinnehållet");
        assertThat(skipLink).hasAttribute("href", "#main");
        assertThat(skipLink).isInViewport(); // it shows itself when focused
        screenshot("start-jour1-skip-link-focused");

        page.keyboard().press("Enter");

        assertThat(page.locator("main#main")).isFocused();
    }

    @Test
    void afterTheSkipLinkTheNextTabGoesToTheMainContentNotTheHeaderNavigation() {
        // The administrator's start page has links both in the header navigation and in the main content.
        signIn("admin");
        open("/");
        assertThat(page.locator("header nav a")).not().hasCount(0);
        Locator firstLinkInMain = page.locator("main a").first();
        assertThat(firstLinkInMain).isVisible();

        page.keyboard().press("Tab");
        assertThat(page.locator("a.skip-link")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("main#main")).isFocused();
        page.keyboard().press("Tab");

        assertThat(firstLinkInMain).isFocused();
    }

    @Test
    void signInFormCanBeCompletedWithTheKeyboardOnly() {
        open("/login");

        Locator username = page.locator("#username");
        // The username field has autofocus; if the browser did not honour it, Tab through the page to it.
        for (int i = 0; i < 10 && !isFocused(username); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(username).isFocused();
        page.keyboard().type("jour1");
        page.keyboard().press("Tab");
        assertThat(page.locator("#password")).isFocused();
        page.keyboard().type(DEMO_PASSWORD);
        page.keyboard().press("Tab");
        Locator submit = page.locator("main form[action$='/login'] button[type=submit]");
        assertThat(submit).isFocused();
        page.keyboard().press("Enter");

        assertThat(page).hasURL(url("/"));
        assertThat(page.locator("h1")).hasText("Välkommen, Elin Berg");
    }

    @Test
    void startPageAt200PercentZoomHasNoHorizontalScrolling() {
        // A 1280 px wide window at 200 % zoom lays out like a 640 px wide viewport.
        page.setViewportSize(640, 900);
        open("/login");
        assertNoHorizontalScrolling("the sign-in page");
        screenshot("sign-in-zoom-200");

        signIn("jour1");
        assertThat(page.locator("h1")).hasText("Välkommen, Elin Berg");
        assertNoHorizontalScrolling("jour1's start page");
        assertThat(signOutButton()).isVisible();
        assertThat(signOutButton()).isInViewport();
        BoundingBox box = signOutButton().boundingBox();
        assertTrue(box.x >= 0 && box.x + box.width <= 640,
                "The sign-out button should lie within the 640 px viewport, but spans x=" + box.x + " to "
                        + (box.x + box.width));
        screenshot("start-jour1-zoom-200");

        signOut();
        signIn("admin");
        assertNoHorizontalScrolling("admin's start page (with navigation)");
        assertThat(signOutButton()).isInViewport();
        screenshot("start-admin-zoom-200");
    }

    @Test
    void languageSwitchesToEnglishAndBack() {
        signIn("jour1");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("English").setExact(true)).click();

        assertThat(page.locator("h1")).hasText("Welcome, Elin Berg");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("main .role-section h2")).hasText(new String[] {"Duty social worker"});
        assertThat(signOutButton()).hasText("Sign out");
        assertThat(page.locator("a.skip-link")).hasText("Skip to main content");
        screenshot("start-jour1-english");

        // The choice is kept: a new visit to the start page is still in English.
        open("/");
        assertThat(page.locator("h1")).hasText("Welcome, Elin Berg");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Svenska").setExact(true)).click();

        assertThat(page.locator("h1")).hasText("Välkommen, Elin Berg");
        assertThat(page.locator("html")).hasAttribute("lang", "sv");
        assertThat(page.locator("main .role-section h2")).hasText(new String[] {"Socialsekreterare i jour"});
        assertThat(signOutButton()).hasText("Logga ut");
    }

    @Test
    void theAxeCheckItselfReportsViolations() {
        // Guards the guard: a page with known defects must fail assertNoAxeViolations, naming rule and node.
        page.setContent("<!DOCTYPE html><html><head><title>Broken</title></head><body><main>"
                + "<img src='data:,' class='broken-image'></main></body></html>");

        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> assertNoAxeViolations(page));

        assertTrue(failure.getMessage().contains("image-alt"), failure.getMessage());
        assertTrue(failure.getMessage().contains("html-has-lang"), failure.getMessage());
        assertTrue(failure.getMessage().contains("class=\"broken-image\""), failure.getMessage());
    }

    private void assertNoHorizontalScrolling(String what) {
        Object widths = page.evaluate("() => [document.documentElement.scrollWidth, "
                + "document.documentElement.clientWidth]");
        List<?> pair = (List<?>) widths;
        int scrollWidth = ((Number) pair.get(0)).intValue();
        int clientWidth = ((Number) pair.get(1)).intValue();
        assertTrue(scrollWidth <= clientWidth, what + " scrolls horizontally at 640 px: scrollWidth "
                + scrollWidth + " > clientWidth " + clientWidth);
        assertEquals(640, clientWidth + scrollbarWidth(), what + ": unexpected viewport width");
    }

    private int scrollbarWidth() {
        return ((Number) page.evaluate("() => window.innerWidth - document.documentElement.clientWidth"))
                .intValue();
    }

    private static boolean isFocused(Locator locator) {
        return Boolean.TRUE.equals(locator.evaluate("element => element === document.activeElement"));
    }
}
