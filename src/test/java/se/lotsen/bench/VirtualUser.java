package se.lotsen.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One signed-in user as a browser would be: its own cookie store (the session cookie), sign-in through the real form
 * with the form's CSRF token, and for every POST the CSRF token of the page the form is on. Redirects are not followed
 * (a successful form answers 302, which is what is measured).
 */
final class VirtualUser {

    private static final Pattern CSRF_META = Pattern.compile(
            "<meta\\s+name=\"csrf-token\"\\s+content=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSRF_INPUT = Pattern.compile(
            "<input\\b[^>]*\\bname=\"_csrf\"[^>]*\\bvalue=\"([^\"]*)\"|<input\\b[^>]*\\bvalue=\"([^\"]*)\"[^>]*\\bname=\"_csrf\"",
            Pattern.CASE_INSENSITIVE);

    /** A response as measured: status, where it redirects, the body as text (pages) and its size. */
    record Response(int status, String location, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    final BenchFixtures.User fixture;
    private final String base;
    private final HttpClient client;

    VirtualUser(String base, BenchFixtures.User fixture) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.fixture = fixture;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Signs in through the form; throws when the server does not accept the credentials. */
    void signIn(String password) throws IOException, InterruptedException {
        Response login = get("/login");
        if (login.status() != 200) {
            throw new IllegalStateException("GET /login answered " + login.status());
        }
        Response r = post("/login", Map.of("username", fixture.username(), "password", password,
                "_csrf", csrf(login.text())));
        if (r.status() != 302 || r.location() == null || r.location().contains("error")) {
            throw new IllegalStateException("sign-in of " + fixture.username() + " refused: " + r.status() + " "
                    + r.location());
        }
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET().build());
    }

    Response post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.headers().firstValue("Location").orElse(null),
                r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** The CSRF token of a page: the layout's {@code <meta name="csrf-token">}, or a form's hidden field. */
    static String csrf(String html) {
        Matcher m = CSRF_META.matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        Matcher input = CSRF_INPUT.matcher(html);
        if (input.find()) {
            return input.group(1) != null ? input.group(1) : input.group(2);
        }
        throw new IllegalStateException("no CSRF token on the page");
    }
}
