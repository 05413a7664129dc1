package se.lotsen.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in page session ends at its absolute lifetime, however active it has been. */
class SessionLifetimeFilterTest {

    private static final Instant SIGN_IN = Instant.parse("2026-12-03T17:00:00Z");

    private final MockHttpSession session = new MockHttpSession();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse requestAt(Instant when) throws Exception {
        CurrentUser user = new CurrentUser(new AccountId(java.util.UUID.randomUUID()), "jour1", "Elin Berg", null,
                EnumSet.of(Role.DUTY_WORKER), true, false, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cases");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SessionLifetimeFilter(Duration.ofHours(12), Clock.fixed(when, ZoneOffset.UTC))
                .doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aSessionServesRequestsUntilItsLifetimeHasPassedThenEnds() throws Exception {
        assertThat(requestAt(SIGN_IN).getRedirectedUrl()).isNull();
        assertThat(requestAt(SIGN_IN.plus(Duration.ofHours(11).plusMinutes(59))).getRedirectedUrl()).isNull();
        assertThat(requestAt(SIGN_IN.plus(Duration.ofHours(12))).getRedirectedUrl()).isNull();

        MockHttpServletResponse late = requestAt(SIGN_IN.plus(Duration.ofHours(12)).plusSeconds(1));
        assertThat(late.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void anAnonymousSessionIsLeftAlone() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SessionLifetimeFilter(Duration.ofHours(12), Clock.fixed(SIGN_IN, ZoneOffset.UTC))
                .doFilter(request, response, new MockFilterChain());
        assertThat(session.getAttribute(SessionLifetimeFilter.SIGNED_IN_AT)).isNull();
        assertThat(response.getRedirectedUrl()).isNull();
    }
}
