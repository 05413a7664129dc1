package se.lotsen.access;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.unbescape.html.HtmlEscape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test support: real HTTP against a running Lotsen ({@code java.net.http}), never following redirects, so that tests
 * see exactly what the server answers. {@link Browser} keeps cookies like a browser and signs in through the form.
 */
public final class LotsenHttp {

    /** The password of the seeded demo accounts. */
    public static final String DEMO_PASSWORD = "lotsen-demo";

    public static final String SESSION_COOKIE = "LOTSEN_SESSION";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("\\bvalue\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSRF_NAME = Pattern.compile("\\bname\\s*=\\s*\"_csrf\"", Pattern.CASE_INSENSITIVE);

    private final String base;
    private final HttpClient client;
    private final String forwardedFor;

    public LotsenHttp(int port) {
        this("http://localhost:" + port, null);
    }

    private LotsenHttp(String base, String forwardedFor) {
        this.base = base;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        this.forwardedFor = forwardedFor;
    }

    /**
     * The same server, with every request coming as if from another client address through a proxy
     * ({@code X-Forwarded-For}; Lotsen believes it only with {@code server.forward-headers-strategy=native}).
     */
    public LotsenHttp from(String clientAddress) {
        return new LotsenHttp(base, clientAddress);
    }

    /** Any method with an optional JSON body. */
    public Response send(String method, String path, String json, String bearer) {
        HttpRequest.Builder b = request(path, bearer);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return send(client, b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** An HTTP response: status, headers and the body as text. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public List<String> headers(String name) {
            return headers.allValues(name);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public JsonNode json() {
            return LotsenHttp.json(body);
        }

        /** The body as a reader sees it: HTML entities unescaped (so Swedish letters read as written). */
        public String text() {
            return HtmlEscape.unescapeHtml(body);
        }

        public String location() {
            return headers.firstValue("Location").orElse(null);
        }
    }

    public Response get(String path, String bearer) {
        HttpRequest.Builder b = request(path, bearer).GET();
        return send(client, b.build());
    }

    /** The body of a successful GET as bytes (a PDF), with a bearer token. */
    public byte[] getBytes(String path, String bearer) {
        try {
            HttpResponse<byte[]> r = client.send(request(path, bearer).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response postJson(String path, String body, String bearer) {
        HttpRequest.Builder b = request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(client, b.build());
    }

    /** A request with a JSON body and any method (POST, PUT, PATCH). */
    public Response sendJson(String method, String path, String body, String bearer) {
        HttpRequest.Builder b = request(path, bearer).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return send(client, b.build());
    }

    public Response delete(String path, String bearer) {
        return send(client, request(path, bearer).DELETE().build());
    }

    /** Asks for a token; returns the whole response. */
    public Response requestToken(String username, String password) {
        return postJson("/api/v1/auth/token", toJson(Map.of("username", username, "password", password)), null);
    }

    /** A token for the account, asserting that it was issued. */
    public String token(String username, String password) {
        Response r = requestToken(username, password);
        assertThat(r.status()).as("token for %s: %s", username, r.body()).isEqualTo(200);
        return r.json().get("token").asString();
    }

    public Browser browser() {
        return new Browser();
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    private static Response send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes, computed independently of the code under test. */
    public static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of the hidden {@code _csrf} input of the (first) form in the page. */
    public static String csrfToken(String html) {
        Matcher inputs = INPUT.matcher(html);
        while (inputs.find()) {
            String tag = inputs.group();
            if (CSRF_NAME.matcher(tag).find()) {
                Matcher value = VALUE.matcher(tag);
                if (value.find()) {
                    return value.group(1);
                }
            }
        }
        throw new AssertionError("no hidden _csrf input in the page:\n" + html);
    }

    /** A browser: keeps cookies (by name, for this one host), never follows redirects. */
    public final class Browser {

        private final Map<String, String> cookies = new LinkedHashMap<>();

        public Response get(String path) {
            return exchange(withCookies(HttpRequest.newBuilder(URI.create(base + path))).GET().build());
        }

        public Response postForm(String path, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return exchange(withCookies(HttpRequest.newBuilder(URI.create(base + path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        /** Posts a form whose fields may repeat (checkbox groups, multiple selects), in the order given. */
        public Response postForm(String path, List<Map.Entry<String, String>> fields) {
            String body = fields.stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return exchange(withCookies(HttpRequest.newBuilder(URI.create(base + path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        /**
         * Posts a {@code multipart/form-data} form: the text fields, then one file ({@code fileName} may be anything
         * a browser would send, the content type is what the "browser" claims).
         */
        public Response postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
                                      String contentType, byte[] content) {
            String boundary = "----LotsenTest" + java.util.UUID.randomUUID().toString().replace("-", "");
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
            fields.forEach((k, v) -> {
                text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v
                        + "\r\n");
            });
            if (fileField != null) {
                text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
                body.writeBytes(content);
                text.accept("\r\n");
            }
            text.accept("--" + boundary + "--\r\n");
            return exchange(withCookies(HttpRequest.newBuilder(URI.create(base + path)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        }

        /** Fetches the sign-in page, then posts the form with its CSRF token. Returns the answer to the post. */
        public Response signIn(String username, String password) {
            Response page = get("/login");
            assertThat(page.status()).as("GET /login").isEqualTo(200);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("username", username);
            form.put("password", password);
            form.put("_csrf", csrfToken(page.body()));
            return postForm("/login", form);
        }

        /** Signs out with the CSRF token of the page at {@code pagePath}. */
        public Response signOut(String pagePath) {
            Response page = get(pagePath);
            assertThat(page.status()).as("GET " + pagePath).isEqualTo(200);
            return postForm("/logout", Map.of("_csrf", csrfToken(page.body())));
        }

        public String cookie(String name) {
            return cookies.get(name);
        }

        public void setCookie(String name, String value) {
            cookies.put(name, value);
        }

        private HttpRequest.Builder withCookies(HttpRequest.Builder b) {
            if (forwardedFor != null) {
                b.header("X-Forwarded-For", forwardedFor);
            }
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return b;
        }

        private Response exchange(HttpRequest request) {
            Response r = send(client, request);
            for (String setCookie : r.headers("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        }
    }
}
