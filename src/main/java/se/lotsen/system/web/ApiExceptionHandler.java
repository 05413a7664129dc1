package se.lotsen.system.web;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import se.lotsen.cases.CaseCannotBeClosed;
import se.lotsen.common.ConcurrentChangeException;
import se.lotsen.cases.CaseIsReadOnly;
import se.lotsen.cases.StepNotOffered;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.DatabaseUnavailable;

/**
 * Turns exceptions from API controllers into RFC 9457 problem details. Invalid input names each bad field in
 * {@code errors}; nothing internal (exception text, SQL, stack) ever reaches the caller. API messages are in
 * English.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    /** One bad field. */
    record FieldErrorJson(String field, String message) {
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldErrorJson> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldErrorJson(error.getField(), messages.getMessage(error, Locale.ENGLISH)));
        }
        e.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(new FieldErrorJson(g.getObjectName(), messages.getMessage(g, Locale.ENGLISH))));
        return badRequest(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<FieldErrorJson> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new FieldErrorJson(r.getMethodParameter().getParameterName(), messages.getMessage(err, Locale.ENGLISH)))));
        return badRequest(errors);
    }

    /** Someone else changed the record since the caller read it: nothing was overwritten. */
    @ExceptionHandler(ConcurrentChangeException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrentChangeException e) {
        return problem(HttpStatus.CONFLICT, "The record was changed by " + e.changedBy() + " at " + e.changedAt()
                + " after you read it; nothing was saved. Read it again and repeat the change.", null);
    }

    /** The case cannot be closed yet: what keeps it open is listed. */
    @ExceptionHandler(CaseCannotBeClosed.class)
    ResponseEntity<ProblemDetail> cannotClose(CaseCannotBeClosed e) {
        List<String> reasons = e.blockers().stream().map(b -> messages.getMessage(b.messageKey(),
                b.args().toArray(), b.messageKey(), Locale.ENGLISH)).toList();
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT,
                "The case cannot be closed yet: " + String.join(" ", reasons), null);
        response.getBody().setProperty("blockers", reasons);
        return response;
    }

    /** A step status the step does not offer: a linked step ticked done by hand, or a stale action. */
    @ExceptionHandler(StepNotOffered.class)
    ResponseEntity<ProblemDetail> stepNotOffered(StepNotOffered e) {
        String message = messages.getMessage(e.messageKey(), null, e.messageKey(), Locale.ENGLISH);
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, e.linked()
                ? "Lotsen marks this step done when its work is recorded where it is done (see the case's step page); "
                + "it cannot be set DONE by hand. " + message
                : message, List.of(new FieldErrorJson("status", message)));
        response.getBody().setProperty("linkedStep", e.linked());
        return response;
    }

    @ExceptionHandler(FieldProblems.class)
    ResponseEntity<ProblemDetail> fieldProblems(FieldProblems e) {
        List<FieldErrorJson> errors = e.problems().stream().map(p -> new FieldErrorJson(p.field(),
                messages.getMessage(p.messageKey(), p.args(), p.messageKey(), Locale.ENGLISH))).toList();
        return badRequest(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        // Name the field when the JSON was well-formed but a value did not fit (e.g. an unknown enum value).
        if (e.getCause() instanceof tools.jackson.databind.DatabindException bad && !bad.getPath().isEmpty()) {
            String field = bad.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            return badRequest(List.of(new FieldErrorJson(field, "Invalid value.")));
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this operation.", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldErrorJson(e.getName(), "Invalid value.")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return badRequest(List.of(new FieldErrorJson(e.getParameterName(), "Required.")));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such resource.", null);
    }

    @ExceptionHandler(CaseIsReadOnly.class)
    ResponseEntity<ProblemDetail> readOnly(CaseIsReadOnly e) {
        return problem(HttpStatus.FORBIDDEN, "The case was handed over: your unit may read it during the follow-up "
                + "period, only the unit that holds it may change it.", null);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(org.springframework.security.access.AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Your role does not give access to this resource.", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "This method is not supported here.", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send JSON (Content-Type: application/json).", null);
    }

    /**
     * The database cannot be reached (stopped, restarting, no connection within LOTSEN_DB_CONNECTION_TIMEOUT): 503
     * with Retry-After, saying whether anything of a write may have been saved.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            SQLTransientConnectionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("The database is unreachable: {} {} answered 503: {}", request.getMethod(), request.getRequestURI(),
                DatabaseUnavailable.describe(e));
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE,
                UnavailableAnswer.apiDetail(UnavailableAnswer.savedOf(request)), null);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(e, request);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("API error, reference {}", reference, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred. Reference: " + reference, null);
    }

    private ResponseEntity<ProblemDetail> badRequest(List<FieldErrorJson> errors) {
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields: "
                + String.join(", ", errors.stream().map(FieldErrorJson::field).distinct().toList()) + ".", errors);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldErrorJson> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (errors != null) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("errors", errors);
            problem.setProperties(props);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
