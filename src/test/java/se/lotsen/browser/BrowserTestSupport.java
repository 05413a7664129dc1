package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base class for Lotsen's browser tests: starts the whole application on a random port (with its own embedded
 * PostgreSQL and the demo data) and drives Debian's Chromium through Playwright.
 *
 * <p>Playwright and Chromium are started once per test class; every test method gets a fresh browser context (no
 * cookies, no session, Swedish browser locale, a 1280×900 viewport) and one page in it, available as {@link #page}.
 *
 * <p>Playwright never downloads a browser: the executable comes from the system property {@code lotsen.chromium}
 * (default {@code /usr/bin/chromium}). When it does not exist the test class is skipped, except on CI
 * (environment variable {@code CI=true}), where a missing browser is a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTestSupport {

    /** The password of every demo account (see DemoData). */
    protected static final String DEMO_PASSWORD = "lotsen-demo";

    /** Where {@link #screenshot(String)} writes its PNG files. */
    protected static final Path SCREENSHOT_DIR = Paths.get("target", "screenshots");

    /** The WCAG levels Lotsen promises: 2.0 and 2.1, A and AA. */
    protected static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    private JdbcClient jdbc;

    @LocalServerPort
    protected int port;

    /** The browser context of the running test: fresh for every test method. */
    protected BrowserContext context;

    /** The page of the running test. */
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        Path chromium = Paths.get(System.getProperty("lotsen.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String message = "Chromium not found at " + chromium + " (set -Dlotsen.chromium=/path/to/chromium, "
                    + "or install Debian's chromium package); browser tests cannot run";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            // Surefire/failsafe count a class skipped in @BeforeAll as zero tests, so say it out loud as well.
            System.err.println("WARNING: " + message + "; skipping the browser tests in this class");
            assumeTrue(false, message + ", so they are skipped");
        }
        // Belt and braces: Playwright must never download a browser, even when run outside Maven.
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("sv-SE")
                .setTimezoneId("Europe/Stockholm")
                .setViewportSize(1280, 900));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
            context = null;
            page = null;
        }
    }

    /** The browser, for tests that need a second context (two users at once, another viewport). */
    protected static Browser browser() {
        return browser;
    }

    /** The absolute URL of a path in the running application, e.g. {@code url("/login")}. */
    /**
     * Waits until the side effects of what the test did (notifications, e-mails) are delivered: their listeners run
     * after the commit, on other threads, recorded in the event publication registry.
     */
    protected void awaitSideEffects() {
        await("every event publication completed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                        .query(Long.class).single() == 0);
    }

    /** Asserts one saved-confirmation ({@code role="status"}) with the text on the page. */
    protected void assertFlash(String text) {
        assertThat(page.locator("main").getByRole(AriaRole.STATUS)
                .filter(new Locator.FilterOptions().setHasText(text))).hasCount(1);
    }

    /**
     * Opens every folded phase of the case page's checklist, as a worker clicking each phase's heading would (done
     * phases and those after the next step are folded).
     */
    protected void unfoldChecklist() {
        Locator folded = page.locator("#checklist details:not([open]) > summary");
        for (int left = folded.count(); left > 0; left--) {
            folded.first().click();
        }
    }

    /** Saves the visible part of the page only (the top of a long page). */
    protected void viewport(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT_DIR.resolve(name + ".png"))
                .setFullPage(false));
    }

    /** Saves a screenshot of one part of the page. */
    protected static void part(Locator locator, String name) {
        locator.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOT_DIR.resolve(name + ".png")));
    }

    /** A role with exactly this accessible name, on the page. */
    protected static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** A role with exactly this accessible name, inside a locator. */
    protected static Locator.GetByRoleOptions called(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    /** A label with exactly this text. */
    protected static Locator.GetByLabelOptions exact() {
        return new Locator.GetByLabelOptions().setExact(true);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a path of the application in {@link #page}. */
    protected Page open(String path) {
        page.navigate(url(path));
        return page;
    }

    /** Signs in with a demo account through the sign-in form and waits for the start page. */
    protected void signIn(String username) {
        signIn(username, DEMO_PASSWORD);
        assertThat(page).hasURL(url("/"));
    }

    /** Fills in and submits the sign-in form; does not check the outcome. */
    protected void signIn(String username, String password) {
        open("/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("main form[action$='/login'] button[type=submit]").click();
        page.waitForLoadState();
    }

    /**
     * The sign-out button in the page header. On a narrow screen (a phone, or 200 % zoom) the header's tools are
     * folded into the "Meny" button, so this opens it first, as a user would.
     */
    protected Locator signOutButton() {
        openHeaderMenu();
        return page.locator("header form[action$='/logout'] button[type=submit]").locator("visible=true");
    }

    /** Opens the header's "Meny" when the screen is narrow enough to fold the navigation into it. */
    protected void openHeaderMenu() {
        // Until the style sheet has loaded the folded menu shows; after it, on a wide screen, it is gone.
        page.waitForLoadState();
        Locator menu = page.locator("header details.site-menu");
        if (menu.count() == 1 && menu.isVisible() && menu.getAttribute("open") == null) {
            menu.locator("summary").click();
        }
    }

    /** Signs out with the button in the header and waits for the sign-in page. */
    protected void signOut() {
        signOutButton().click();
        assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));
    }

    /** Saves a full-page screenshot of {@link #page} as {@code target/screenshots/<name>.png}. */
    protected Path screenshot(String name) {
        return screenshot(page, name);
    }

    /** Saves a full-page screenshot of the given page as {@code target/screenshots/<name>.png}. */
    protected static Path screenshot(Page target, String name) {
        Path file = SCREENSHOT_DIR.resolve(name + ".png");
        target.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page and fails listing every violation and its nodes. */
    protected static void assertNoAxeViolations(Page target) {
        AxeResults results = new AxeBuilder(target).withTags(AXE_TAGS).analyze();
        if (results.isErrored()) {
            fail("axe-core could not analyse " + target.url() + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (violations != null && !violations.isEmpty()) {
            fail("axe-core found " + violations.size() + " accessibility violation(s) on " + target.url() + ":\n"
                    + violations.stream().map(BrowserTestSupport::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String abbreviate(String html) {
        if (html == null) {
            return "";
        }
        String oneLine = html.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }

    private static String describe(Rule rule) {
        StringBuilder text = new StringBuilder()
                .append("- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
                .append(rule.getHelp()).append(" [").append(rule.getHelpUrl()).append(']');
        if (rule.getNodes() != null) {
            for (CheckedNode node : rule.getNodes()) {
                text.append("\n    at ").append(node.getTarget()).append(": ")
                        .append(abbreviate(node.getHtml()));
                if (node.getFailureSummary() != null) {
                    text.append("\n       ").append(node.getFailureSummary().replace("\n", "\n       "));
                }
            }
        }
        return text.toString();
    }
}
