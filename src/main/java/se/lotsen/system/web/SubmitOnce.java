package se.lotsen.system.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import se.lotsen.common.PlainText;

/**
 * A form is sent once, however often its button is pressed, with or without JavaScript and across app nodes.
 *
 * <p>Every {@code th:action} form that posts gets a hidden one-time token ({@value #PARAMETER}), beside the CSRF token,
 * from the {@link RequestDataValueProcessor} that Spring Security registers (wrapped here, not replaced). The first
 * POST with a token claims it in the database ({@link FormSubmissions}) before the handler runs; when the handler
 * answers with a redirect (post-redirect-get: the work is done) the redirect is stored with the claim; otherwise (a
 * validation error, a failure) the claim is released so that the corrected form can be sent. A second POST of the same
 * token in the same session to the same address does not run the handler: it waits briefly for the first to finish and answers with the
 * same redirect; if the first was released, it runs as the first would have.
 *
 * <p>A POST without a token (an old page, a client that builds its own request, the API with its bearer tokens and
 * JSON) is handled as before: only a repeated token is refused. A token still claimed after the wait (the first is
 * still running, or its node died mid-request) answers 409: the user looks at the case before sending again.
 */
@Configuration(proxyBeanMethods = false)
class SubmitOnce {

    /** The hidden field's name. */
    static final String PARAMETER = "_submission";

    /** How long a repeated submission waits for the first to finish. */
    static final long WAIT_MILLIS = 10_000;

    private static final long POLL_MILLIS = 50;
    private static final int MAX_TOKEN_LENGTH = 64;
    private static final String POST_FORM = SubmitOnce.class.getName() + ".POST_FORM";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(SubmitOnce.class);

    /** Wraps the CSRF processor (bean {@code requestDataValueProcessor}) so every posting form also gets a token. */
    @Bean
    static BeanPostProcessor submissionTokenFields() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestDataValueProcessor processor && !(bean instanceof TokenFields)) {
                    return new TokenFields(processor);
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<ClaimFilter> submitOnceFilter(FormSubmissions submissions) {
        FilterRegistrationBean<ClaimFilter> registration = new FilterRegistrationBean<>(new ClaimFilter(submissions));
        // After Spring Security (-100): only signed-in requests that passed the CSRF check claim anything.
        registration.setOrder(0);
        return registration;
    }

    static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Adds the token to the hidden fields of each form that does not use GET. */
    static final class TokenFields implements RequestDataValueProcessor {

        private final RequestDataValueProcessor delegate;

        TokenFields(RequestDataValueProcessor delegate) {
            this.delegate = delegate;
        }

        @Override
        public String processAction(HttpServletRequest request, String action, String httpMethod) {
            request.setAttribute(POST_FORM, httpMethod == null || !"GET".equalsIgnoreCase(httpMethod));
            return delegate.processAction(request, action, httpMethod);
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return delegate.processFormFieldValue(request, name, value, type);
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Map<String, String> fields = delegate.getExtraHiddenFields(request);
            if (!Boolean.TRUE.equals(request.getAttribute(POST_FORM))) {
                return fields;
            }
            Map<String, String> withToken = new LinkedHashMap<>(fields == null ? Map.of() : fields);
            withToken.put(PARAMETER, newToken());
            return withToken;
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return delegate.processUrl(request, url);
        }
    }

    /** Claims the token of a posted form before the handler runs; see the class comment. */
    static final class ClaimFilter extends OncePerRequestFilter {

        private final FormSubmissions submissions;

        ClaimFilter(FormSubmissions submissions) {
            this.submissions = submissions;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return !"POST".equals(request.getMethod()) || request.getRequestURI().startsWith("/api/")
                    || request.getHeader("Authorization") != null || type == null
                    || !(type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String token = token(request);
            if (token != null && PlainText.hasControlCharacter(token)) {
                // As every request parameter with a control character (ControlCharacterGuard): 400, nothing run.
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
            HttpSession session = request.getSession(false);
            if (token == null || session == null) {
                chain.doFilter(request, response);
                return;
            }
            // Within the session and for the address posted to: the same token sent to another form is another one.
            String key = FormSubmissions.key(session.getId(), request.getRequestURI(), token);
            long waitUntil = System.nanoTime() + WAIT_MILLIS * 1_000_000;
            while (!submissions.claim(key)) {
                Optional<FormSubmissions.Claim> claim = submissions.find(key);
                if (claim.isPresent() && claim.get().location() != null) {
                    // Done by the first submission: the same answer, nothing run twice.
                    response.sendRedirect(claim.get().location());
                    return;
                }
                if (claim.isPresent() && System.nanoTime() > waitUntil) {
                    LOG.info("A form was sent again while its first submission was still being handled");
                    response.sendError(HttpStatus.CONFLICT.value());
                    return;
                }
                if (claim.isPresent()) {
                    pause();
                }
                // No claim any more: the first was released (not done), so this one tries to claim it.
            }
            boolean done = false;
            try {
                chain.doFilter(request, response);
                String location = response.getHeader("Location");
                if (location == null) {
                    location = response.getHeader("HX-Redirect");
                }
                if (location != null && location.length() <= 2000
                        && (response.getStatus() / 100 == 3 || response.getHeader("HX-Redirect") != null)) {
                    submissions.complete(key, location);
                    done = true;
                }
            } finally {
                if (!done) {
                    submissions.release(key);
                }
            }
        }

        private static String token(HttpServletRequest request) {
            try {
                String token = request.getParameter(PARAMETER);
                return token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH ? null : token;
            } catch (RuntimeException unreadable) {
                // A body that cannot be read as a form (an upload over the limit): the handler reports it.
                return null;
            }
        }

        private static void pause() throws IOException {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the first submission", e);
            }
        }
    }
}
