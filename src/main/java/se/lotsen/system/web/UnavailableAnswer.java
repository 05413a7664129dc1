package se.lotsen.system.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

import se.lotsen.common.DatabaseUnavailable;

/**
 * The answer while the database cannot be reached: 503 with {@code Retry-After}, a translated page for people and
 * problem details for the API. The page is complete in itself (no layout, no signed-in user, no session): nothing
 * that needs the database is used to write it. A write (any method but GET, HEAD, OPTIONS) is told that what it
 * sent was not saved when the request failed before any of its transactions committed (the transaction was rolled
 * back); when one had committed ({@link RequestCommits}), that it may have been saved.
 */
@Component
class UnavailableAnswer {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final MessageSource messages;
    private final LocaleResolver locales;

    UnavailableAnswer(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    static boolean isWrite(HttpServletRequest request) {
        return !READS.contains(request.getMethod());
    }

    static boolean isApi(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original != null ? original.toString() : request.getRequestURI();
        return path.startsWith(request.getContextPath() + "/api/");
    }

    /** What a write is told about its data: nothing saved, possibly saved (a transaction committed), or nothing. */
    enum Saved { NOT_A_WRITE, NOTHING, MAYBE }

    static Saved savedOf(HttpServletRequest request) {
        if (!isWrite(request)) {
            return Saved.NOT_A_WRITE;
        }
        return RequestCommits.somethingSaved(request) ? Saved.MAYBE : Saved.NOTHING;
    }

    /** The English detail of the API's problem. */
    static String apiDetail(Saved saved) {
        return "The service is temporarily unavailable (its database cannot be reached)."
                + switch (saved) {
                    case NOTHING -> " Nothing was saved by this request.";
                    case MAYBE -> " The change may have been saved before the failure: check before sending it again.";
                    case NOT_A_WRITE -> "";
                }
                + " Try again in a minute.";
    }

    /** Writes the whole answer; the response must not be committed. */
    void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding("UTF-8");
        Saved saved = savedOf(request);
        if (isApi(request)) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"" + apiDetail(saved) + "\"}");
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(page(localeOf(request), saved));
        }
        response.flushBuffer();
    }

    private Locale localeOf(HttpServletRequest request) {
        try {
            return locales.resolveLocale(request);
        } catch (RuntimeException e) {
            return Locale.forLanguageTag("sv-SE");
        }
    }

    String page(Locale locale, Saved saved) {
        String title = text("error.503.title", locale);
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append(" – ").append(text("app.name", locale)).append("</title>\n")
                .append("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/img/favicon.svg\">\n")
                .append("<link rel=\"stylesheet\" href=\"/css/lotsen.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip-link\" href=\"#main\">").append(text("layout.skip", locale)).append("</a>\n")
                .append("<header class=\"site-header\"><div class=\"site-header__inner\">")
                .append("<a class=\"site-header__brand\" href=\"/\">").append(text("app.name", locale))
                .append("</a></div></header>\n<div class=\"page\">\n")
                .append("<main id=\"main\" tabindex=\"-1\" class=\"narrow\">\n")
                .append("<h1>").append(title).append("</h1>\n")
                .append("<p>").append(text("error.503.text", locale)).append("</p>\n");
        if (saved != Saved.NOT_A_WRITE) {
            html.append("<p><strong>").append(text(saved == Saved.NOTHING ? "error.503.notSaved"
                    : "error.503.maybeSaved", locale)).append("</strong></p>\n");
        }
        html.append("<p>").append(text("error.503.retry", locale)).append("</p>\n")
                .append("<p><a href=\"/\">").append(text("error.home", locale)).append("</a></p>\n")
                .append("</main>\n</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, key, locale), "UTF-8");
    }
}
