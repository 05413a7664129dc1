package se.lotsen.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.unbescape.html.HtmlEscape;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support for {@link AuthorisationMatrixIT}: a small HTTP agent per user that keeps the raw bytes of every answer (so
 * that PDFs can be read), keeps cookies like a browser, never follows redirects, sends the session's CSRF token with
 * every page form, and a bearer token with every API request.
 */
final class MatrixFixtures {

    private static final Pattern META_CSRF = Pattern.compile(
            "<meta\\s+name=\"csrf-token\"\\s+content=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*>.*?</option>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("<(script|style)\\b.*?</\\1>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private MatrixFixtures() {
    }

    /** An answer: status, headers and the body as bytes. */
    record Resp(int status, HttpHeaders headers, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        String location() {
            return headers.firstValue("Location").orElse(null);
        }

        boolean pdf() {
            return contentType().startsWith("application/pdf");
        }

        /** What a reader of the answer sees: the PDF's text, or the body with HTML entities resolved. */
        String readable() {
            if (pdf()) {
                return pdfText(bytes);
            }
            return HtmlEscape.unescapeHtml(text());
        }

        /** The readable text without the options of select lists (e.g. the partner directory offered in a form). */
        String readableWithoutOptions() {
            return pdf() ? readable() : HtmlEscape.unescapeHtml(OPTION.matcher(text()).replaceAll(""));
        }
    }

    /** One user's way into Lotsen: a cookie jar for the pages, a bearer token for the API. */
    static final class Agent {

        private final String base;
        private final HttpClient client;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        final String username;
        String bearer;
        String csrf;

        Agent(int port, String username) {
            this.base = "http://localhost:" + port;
            this.username = username;
            this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }

        /** Signs in through the form (as a browser does), then takes the CSRF token of the start page. */
        void signIn(String password) {
            Resp login = get("/login");
            assertThat(login.status()).as("GET /login").isEqualTo(200);
            Resp r = postForm("/login", Map.of("username", username, "password", password,
                    "_csrf", LotsenHttp.csrfToken(login.text())));
            assertThat(r.status()).as("sign-in of %s", username).isEqualTo(302);
            assertThat(r.location()).as("sign-in of %s", username).doesNotContain("error");
            Resp home = get("/");
            assertThat(home.status()).as("start page of %s", username).isEqualTo(200);
            csrf = metaCsrf(home.text());
        }

        /** An anonymous visitor: a session from the sign-in page, with its CSRF token, so forms pass the CSRF check. */
        void anonymousSession() {
            Resp login = get("/login");
            assertThat(login.status()).as("GET /login").isEqualTo(200);
            csrf = LotsenHttp.csrfToken(login.text());
        }

        Resp get(String path) {
            return exchange(withCookies(HttpRequest.newBuilder(uri(path))).GET().build());
        }

        Resp postForm(String path, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return exchange(withCookies(HttpRequest.newBuilder(uri(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        /** A page form with the session's CSRF token added. */
        Resp postPageForm(String path, Map<String, String> form) {
            Map<String, String> withToken = new LinkedHashMap<>(form);
            if (csrf != null) {
                withToken.put("_csrf", csrf);
            }
            return postForm(path, withToken);
        }

        Resp api(String method, String path, String json) {
            return api(method, path, json, bearer);
        }

        Resp api(String method, String path, String json, String token) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json);
            return send(b.method(method, body).build());
        }

        private URI uri(String path) {
            return URI.create(base + path);
        }

        private HttpRequest.Builder withCookies(HttpRequest.Builder b) {
            b.timeout(Duration.ofSeconds(60));
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return b;
        }

        private Resp exchange(HttpRequest request) {
            Resp r = send(request);
            for (String setCookie : r.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (setCookie.toLowerCase().contains("max-age=0") || value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        }

        private Resp send(HttpRequest request) {
            try {
                HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return new Resp(r.statusCode(), r.headers(), r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The session's CSRF token from the {@code <meta name="csrf-token">} every page of the layout carries. */
    static String metaCsrf(String html) {
        Matcher m = META_CSRF.matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        return LotsenHttp.csrfToken(html);
    }

    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable PDF", e);
        }
    }

    /** A short, tag-free excerpt of an answer, for the report of a mismatch. */
    static String excerpt(Resp r, int max) {
        if (r.pdf()) {
            return "[PDF, " + r.bytes().length + " bytes]";
        }
        String t = r.text();
        if (r.contentType().startsWith("text/html")) {
            t = SCRIPT_OR_STYLE.matcher(t).replaceAll(" ");
            // The main content of a page says more than its navigation.
            int main = t.indexOf("<main");
            if (main >= 0) {
                t = t.substring(main);
            }
            t = HtmlEscape.unescapeHtml(TAG.matcher(t).replaceAll(" "));
        }
        t = t.replaceAll("\\s+", " ").trim();
        return t.length() > max ? t.substring(0, max) + "…" : t;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
