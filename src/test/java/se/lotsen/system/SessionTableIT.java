package se.lotsen.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import se.lotsen.access.LotsenHttp;

/**
 * The session table as Spring Session uses it on every request (V37): a signed-in request writes its session's times
 * in place, without new index entries, and expired sessions are still found and removed by the cleanup.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionTableIT {

    private static final int REQUESTS = 20;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    private record Updates(long all, long inPlace) {
    }

    @Test
    void aSignedInRequestWritesItsSessionInPlace() throws InterruptedException {
        LotsenHttp.Browser browser = new LotsenHttp(port).browser();
        assertThat(browser.signIn("jour1", LotsenHttp.DEMO_PASSWORD).status()).isEqualTo(302);
        Updates before = updates();
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(browser.get("/ping").status()).isEqualTo(200);
        }
        // The database counts in the statistics once a backend has been idle a moment (up to about a second); wait
        // for the requests' updates to be counted, at most half a minute.
        Updates after = updates();
        for (int i = 0; i < 300 && after.all() - before.all() < REQUESTS; i++) {
            Thread.sleep(100);
            after = updates();
        }
        long all = after.all() - before.all();
        long inPlace = after.inPlace() - before.inPlace();
        assertThat(all).as("session updates counted").isGreaterThanOrEqualTo(REQUESTS);
        // With expiry_time indexed none was in place; now a page's room can run out now and then, so "nearly all".
        assertThat(inPlace).as("of %d session updates, those in place (HOT)", all).isGreaterThanOrEqualTo(all * 9 / 10);
    }

    @Test
    void expiredSessionsAreStillCleanedUp() {
        String expired = saved(sessions, Instant.now().minus(Duration.ofHours(1)));
        String live = saved(sessions, Instant.now());
        assertThat(rows(expired)).isEqualTo(1);

        sessions.cleanUpExpiredSessions();

        assertThat(rows(expired)).as("the expired session").isZero();
        assertThat(rows(live)).as("a live session").isEqualTo(1);
        sessions.deleteById(live);
    }

    /** A session last used at {@code lastAccess}, inactive for a minute at most; its id. */
    private static <S extends Session> String saved(SessionRepository<S> repository, Instant lastAccess) {
        S session = repository.createSession();
        session.setAttribute("marker", "fiktiv");
        session.setMaxInactiveInterval(Duration.ofMinutes(1));
        session.setLastAccessedTime(lastAccess);
        repository.save(session);
        return session.getId();
    }

    private Updates updates() {
        return jdbc.sql("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'spring_session'")
                .query((rs, n) -> new Updates(rs.getLong(1), rs.getLong(2))).single();
    }

    private long rows(String sessionId) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", sessionId)
                .query(Long.class).single();
    }
}
