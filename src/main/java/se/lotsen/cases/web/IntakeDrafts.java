package se.lotsen.cases.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * Intake answers between the form and the check page, kept in the worker's session under a random token. The token is
 * the only thing in an address ({@code /cases/new/check?draft=...}): names, identity numbers and a protected address
 * never are. A session holds a few drafts at most (two tabs with two intakes work); the oldest is dropped first.
 */
final class IntakeDrafts {

    private static final String ATTRIBUTE = IntakeDrafts.class.getName();
    private static final int MAX = 5;

    private IntakeDrafts() {
    }

    static Optional<IntakeForm> find(HttpSession session, UUID token) {
        return Optional.ofNullable(drafts(session).get(token));
    }

    /** Keeps the answers under the given token (a changed draft) or a new one; returns the token. */
    static UUID keep(HttpSession session, UUID token, IntakeForm form) {
        LinkedHashMap<UUID, IntakeForm> drafts = new LinkedHashMap<>(drafts(session));
        UUID key = token != null && drafts.containsKey(token) ? token : UUID.randomUUID();
        drafts.remove(key);
        drafts.put(key, form);
        while (drafts.size() > MAX) {
            drafts.remove(drafts.keySet().iterator().next());
        }
        session.setAttribute(ATTRIBUTE, drafts);
        return key;
    }

    static void forget(HttpSession session, UUID token) {
        LinkedHashMap<UUID, IntakeForm> drafts = new LinkedHashMap<>(drafts(session));
        if (drafts.remove(token) != null) {
            session.setAttribute(ATTRIBUTE, drafts);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, IntakeForm> drafts(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return kept instanceof Map<?, ?> map ? (Map<UUID, IntakeForm>) map : Map.of();
    }
}
