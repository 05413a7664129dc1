package se.lotsen.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;
import static se.lotsen.access.LotsenHttp.SESSION_COOKIE;

/**
 * The pages: sign-in required, CSRF, session fixation protection, security headers and error pages that give
 * nothing away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageSecurityIT {

    /** A fully qualified Java class name such as {@code org.example.FooException} or a stack frame. */
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "(\\b[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*|\\bat [a-z]\\w*\\.|Exception|Whitelabel|Traceback");

    @LocalServerPort
    int port;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    private static void assertSafeHtmlErrorPage(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).contains("<html").contains("</html>");
        assertThat(JAVA_INTERNALS.matcher(r.body()).find())
                .as("error page shows Java internals:\n%s", r.body()).isFalse();
        assertThat(r.body()).doesNotContain("stack", "trace", "SQL");
    }

    private static void assertSecurityHeaders(Response r) {
        String csp = r.header("Content-Security-Policy").orElse(null);
        assertThat(csp).as("Content-Security-Policy").isNotBlank();
        assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(r.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.header("Referrer-Policy")).isPresent();
        assertThat(r.header("Referrer-Policy").get()).isNotBlank();
    }

    @Test
    void startPageRequiresSignIn() {
        Response r = http.browser().get("/");

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/login");
    }

    @Test
    void signInWithoutCsrfTokenIsForbidden() {
        Browser browser = http.browser();
        browser.get("/login");

        Response r = browser.postForm("/login", Map.of("username", "jour1", "password", DEMO_PASSWORD));

        assertThat(r.status()).isEqualTo(403);
        // Not signed in.
        assertThat(browser.get("/").status()).isEqualTo(302);
    }

    @Test
    void signInWithCsrfTokenWorksAndChangesTheSessionId() {
        Browser browser = http.browser();
        Response loginPage = browser.get("/login");
        assertThat(loginPage.status()).isEqualTo(200);
        String csrf = LotsenHttp.csrfToken(loginPage.body());
        String sessionBefore = browser.cookie(SESSION_COOKIE);
        assertThat(sessionBefore).as("the sign-in page starts a session for the CSRF token").isNotBlank();

        Response r = browser.postForm("/login", Map.of("username", "jour1", "password", DEMO_PASSWORD,
                "_csrf", csrf));

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).doesNotContain("error").endsWith("/");
        String sessionAfter = browser.cookie(SESSION_COOKIE);
        assertThat(sessionAfter).isNotBlank().isNotEqualTo(sessionBefore);
        Response home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Elin Berg");

        // The session id from before sign-in does not give access (session fixation protection).
        Browser attacker = http.browser();
        attacker.setCookie(SESSION_COOKIE, sessionBefore);
        Response fixated = attacker.get("/");
        assertThat(fixated.status()).isEqualTo(302);
        assertThat(fixated.location()).endsWith("/login");
    }

    @Test
    void wrongPasswordOnThePageGoesBackToTheFormWithAnError() {
        Browser browser = http.browser();

        Response r = browser.signIn("rinkeby1", "not-the-password");

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/login?error");
        assertThat(browser.get("/").status()).isEqualTo(302);
        // Reset the failed count of the demo account.
        assertThat(http.browser().signIn("rinkeby1", DEMO_PASSWORD).location()).doesNotContain("error");
    }

    @Test
    void pagesCarryStrictSecurityHeaders() {
        assertSecurityHeaders(http.browser().get("/login"));

        Browser browser = http.browser();
        browser.signIn("jour1", DEMO_PASSWORD);
        Response home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertSecurityHeaders(home);
        assertThat(home.header("X-Frame-Options")).hasValue("DENY");

        assertSecurityHeaders(browser.get("/does-not-exist"));
        assertSecurityHeaders(browser.get("/admin/accounts"));
    }

    /** The policy forbids inline script and style, so no page may need them: they would silently not work. */
    @Test
    void pagesNeedNoInlineScriptOrStyle() {
        Map<String, List<String>> pagesByUser = new LinkedHashMap<>();
        pagesByUser.put(null, List.of("/login"));
        pagesByUser.put("jour1", List.of("/", "/account", "/does-not-exist", "/admin/accounts"));
        pagesByUser.put("admin", List.of("/admin/accounts", "/admin/accounts/new", "/admin/units",
                "/admin/units/new"));
        pagesByUser.put("granskare", List.of("/audit"));
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineStyle = Pattern.compile("<style\\b|\\sstyle\\s*=|\\son[a-z]+\\s*=\\s*\"",
                Pattern.CASE_INSENSITIVE);

        pagesByUser.forEach((user, paths) -> {
            Browser browser = http.browser();
            if (user != null) {
                assertThat(browser.signIn(user, DEMO_PASSWORD).location()).doesNotContain("error");
            }
            for (String path : paths) {
                Response page = browser.get(path);
                assertThat(page.contentType()).as("%s %s", user, path).startsWith("text/html");
                assertThat(inlineScript.matcher(page.body()).find())
                        .as("inline <script> in %s as %s:%n%s", path, user, page.body()).isFalse();
                assertThat(inlineStyle.matcher(page.body()).find())
                        .as("inline style or event handler in %s as %s:%n%s", path, user, page.body()).isFalse();
            }
        });
    }

    @Test
    void pageForAdministratorsIsForbiddenForADutyWorker() {
        Browser browser = http.browser();
        browser.signIn("jour1", DEMO_PASSWORD);

        Response r = browser.get("/admin/accounts");

        assertSafeHtmlErrorPage(r, 403);
    }

    @Test
    void unknownPageIsNotFoundWithoutInternals() {
        Browser browser = http.browser();
        browser.signIn("jour1", DEMO_PASSWORD);

        Response r = browser.get("/does-not-exist");

        assertSafeHtmlErrorPage(r, 404);
    }
}
