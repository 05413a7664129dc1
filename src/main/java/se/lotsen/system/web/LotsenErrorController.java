package se.lotsen.system.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.audit.NotAudited;
import se.lotsen.cases.CaseIsReadOnly;
import se.lotsen.common.DatabaseUnavailable;

/**
 * Every error that reaches the servlet container ends here: problem details for the API, a page for everyone
 * else. Neither ever shows an exception, a stack trace or what exists: a page that is missing and one the user may
 * not see look the same. Server errors get a reference that is also logged, so support can find the cause.
 */
@Controller
@NotAudited("error pages show no personal data")
class LotsenErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(LotsenErrorController.class);

    private final JsonMapper json;
    private final UnavailableAnswer unavailable;

    LotsenErrorController(JsonMapper json, UnavailableAnswer unavailable) {
        this.json = json;
        this.unavailable = unavailable;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = statusOf(request);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status == HttpStatus.SERVICE_UNAVAILABLE || (failure != null && DatabaseUnavailable.isCause(failure))) {
            // The database cannot be reached: the page of its own, written without the layout (which needs it).
            log.warn("The database is unreachable: {} answered 503{}",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    failure == null ? "" : ": " + DatabaseUnavailable.describe(failure));
            unavailable.write(request, response);
            return null;
        }
        String reference = logIfServerError(request, status);
        if (isApi(request)) {
            writeProblem(request, response, status, reference);
            return null;
        }
        int shown = switch (status.value()) {
            case 401, 403 -> 403;
            case 404, 405 -> 404;
            default -> status.is5xxServerError() ? 500 : 400;
        };
        // A refusal that is not about the role gets its own explanation: a unit that handed the case on reads it.
        boolean readOnlyCase = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CaseIsReadOnly;
        ModelAndView view = new ModelAndView("error", Map.of("status", shown,
                "reason", readOnlyCase ? "readOnlyCase" : "",
                "reference", reference == null ? "" : reference));
        view.setStatus(status);
        return view;
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String reference) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", switch (status.value()) {
            case 404 -> "No such resource.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "Your role does not give access to this resource.";
            case 405 -> "This method is not supported here.";
            default -> status.is5xxServerError() ? "An unexpected error occurred. Reference: " + reference
                    : status.getReasonPhrase() + ".";
        });
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.put("instance", uri.toString());
        }
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /**
     * The status of the error being shown. Asked for directly ({@code GET /error}), there is no error: that is a page
     * that does not exist, not a server error (and it must not let anyone write errors into the log).
     */
    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    private static String logIfServerError(HttpServletRequest request, HttpStatus status) {
        if (!status.is5xxServerError()) {
            return null;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        log.error("Server error, reference {} ({} {})", reference,
                request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status.value(), error);
        return reference;
    }
}
