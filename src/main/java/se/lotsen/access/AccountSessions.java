package se.lotsen.access;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The page sessions of an account, found through Spring Session's index by principal name (the username), in the
 * shared session table: ending them here ends them on every app node at once.
 */
@Component
class AccountSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repositories;

    /**
     * Looked up when first needed, so that a start-up that fails for a clearer reason (a missing database setting in
     * production mode) says that reason instead of a missing session repository.
     */
    AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repositories) {
        this.repositories = repositories;
    }

    /** Ends every session of the account except {@code keepSessionId} (may be {@code null}); returns how many. */
    int endAll(String username, String keepSessionId) {
        FindByIndexNameSessionRepository<? extends Session> repository = repositories.getObject();
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
