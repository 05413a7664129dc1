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

    /** Set when a write's commit was sent: should it fail, the write may have reached the database or not. */
    static final String ATTEMPTED = RequestCommits.class.getName() + ".attempted";

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        mark(transaction, ATTEMPTED, Boolean.TRUE);
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        // A failed commit leaves ATTEMPTED set: whether the database applied it before the connection died is unknown.
        if (commitFailure == null) {
            mark(transaction, SAVED, Boolean.TRUE);
        }
    }

    @Override
    public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
        // A clean rollback after a failed commit: nothing of it was saved.
        if (rollbackFailure == null) {
            mark(transaction, ATTEMPTED, null);
        }
    }

    private static void mark(TransactionExecution transaction, String attribute, Boolean value) {
        if (transaction.isReadOnly() || !StringUtils.hasText(transaction.getTransactionName())) {
            return;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(IN_HANDLER, RequestAttributes.SCOPE_REQUEST) != null) {
            if (value == null) {
                request.removeAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
            } else {
                request.setAttribute(attribute, value, RequestAttributes.SCOPE_REQUEST);
            }
        }
    }

    /** Whether a write of Lotsen's committed during the request, or its commit failed with an unknown outcome. */
    static boolean somethingSaved(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SAVED)) || Boolean.TRUE.equals(request.getAttribute(ATTEMPTED));
    }
}
