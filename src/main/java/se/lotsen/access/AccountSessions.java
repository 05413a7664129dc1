package se.lotsen.access;

import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The page sessions of an account, found through Spring Session's index by principal name (the username), in the
 * shared session table: ending them here ends them on every app node at once.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    /** Ends every session of the account except {@code keepSessionId} (may be {@code null}); returns how many. */
    int endAll(String username, String keepSessionId) {
        Map<String, ? extends Session> found = repository.findByPrincipalName(username);
        int ended = 0;
        for (String id : found.keySet()) {
            if (!id.equals(keepSessionId)) {
                repository.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
