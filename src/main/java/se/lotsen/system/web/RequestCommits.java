package se.lotsen.system.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers on the web request that one of Lotsen's read-write transactions ({@code @Transactional} methods, which
 * have a name) committed while it was handled. When the database then goes away before the request is answered (for
 * example while the answer is being put together), the 503 answer must not say that nothing was saved: it says that
 * the change may have been saved and should be checked before it is sent again. Only commits from the handler on
 * count: Spring Session's own transactions (reading and saving the session, unnamed) and what the security filters
 * save before the handler (a token's last use) are not the change that was sent.
 */
@Component
class RequestCommits implements TransactionExecutionListener {

    static final String SAVED = RequestCommits.class.getName() + ".saved";
    /** Set when the request reached its handler: commits before it (the token's last use) do not count. */
    static final String IN_HANDLER = RequestCommits.class.getName() + ".inHandler";

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        if (commitFailure != null || transaction.isReadOnly()
                || !StringUtils.hasText(transaction.getTransactionName())) {
            return;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(IN_HANDLER, RequestAttributes.SCOPE_REQUEST) != null) {
            request.setAttribute(SAVED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** Whether a write of Lotsen's committed during the request. */
    static boolean somethingSaved(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SAVED));
    }
}
