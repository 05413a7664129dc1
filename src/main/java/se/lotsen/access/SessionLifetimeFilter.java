package se.lotsen.access;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An absolute lifetime for signed-in page sessions, besides the idle timeout: however active, a session ends
 * {@code maxLifetime} after the first request it served signed in, and the user signs in again. Not a bean, so it runs
 * only inside the page security chain.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = SessionLifetimeFilter.class.getName() + ".signedInAt";

    private final Duration maxLifetime;
    private final Clock clock;

    SessionLifetimeFilter(Duration maxLifetime, Clock clock) {
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof CurrentUser) {
            Instant now = clock.instant();
            Object signedInAt = session.getAttribute(SIGNED_IN_AT);
            if (signedInAt == null) {
                session.setAttribute(SIGNED_IN_AT, now.toEpochMilli());
            } else if (now.isAfter(Instant.ofEpochMilli((Long) signedInAt).plus(maxLifetime))) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
