package se.lotsen.knowledge.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload over the servlet container's multipart limits ({@code spring.servlet.multipart.*}) makes the container
 * refuse every read of the request's parameters (Tomcat throws from {@code getParameter}), so the first filter that
 * reads one (the security filters do) would end the request with the container's own untranslated error page. This
 * filter runs first: it parses a multipart request once and, when the container refuses it, sends the material form
 * back with the translated "too large" message ({@link EventController#show}); for any other address, a 413 with
 * Lotsen's error page. Nothing is saved, so answering before the CSRF check is safe: the answer is a redirect to a
 * page the security rules still guard.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitFilter {

    static final Pattern MATERIALS = Pattern.compile("^/knowledge/events/([0-9a-fA-F-]{36})/materials$");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimit() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return !"POST".equals(request.getMethod()) || type == null
                    || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean tooLarge;
            try {
                request.getParameterMap();
                tooLarge = false;
            } catch (IllegalStateException e) {
                // Tomcat's InvalidParameterException (a size limit exceeded while parsing the parts).
                tooLarge = true;
            }
            if (!tooLarge) {
                chain.doFilter(request, response);
                return;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            Matcher m = MATERIALS.matcher(path);
            if (m.matches()) {
                response.sendRedirect(request.getContextPath() + "/knowledge/events/" + m.group(1) + "?upload=too-large");
            } else {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            }
        }
    }
}
