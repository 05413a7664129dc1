package se.lotsen.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure that means "the database cannot be reached right now" (stopped, restarting, the network to it
 * down, the pool waited {@code LOTSEN_DB_CONNECTION_TIMEOUT} for a connection in vain), as opposed to a programming
 * error or bad data. Such a failure gets a 503 "temporarily unavailable" answer instead of a 500, and a scheduled job
 * that meets it logs a warning and runs again at its next interval.
 *
 * <p>The whole cause chain is searched: the failure may surface wrapped, e.g. by Spring Session's filter, by the
 * dispatcher servlet or by a transaction template.
 */
public final class DatabaseUnavailable {

    /** How long a client is asked to wait before trying again (the {@code Retry-After} header). */
    public static final int RETRY_AFTER_SECONDS = 60;

    private DatabaseUnavailable() {
    }

    /** Whether the failure (or one of its causes) says that the database cannot be reached. */
    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (PostgreSQL: the server closed the connection, or refused it);
            // 57P01-57P03: the server is shutting down or starting up.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // A commit or rollback that the database did not complete: the connection died under it (Hikari's
            // "Connection is closed" carries no SQLSTATE). Constraint violations at commit are translated otherwise.
            if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
                return true;
            }
            // A rollback that failed after the database went away hides the original failure: it is kept aside.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != failure && isCause(rollback.getApplicationException())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A one-line description for a log line (no stack trace: the cause is known and expected to pass). */
    public static String describe(Throwable failure) {
        Throwable deepest = failure;
        int depth = 0;
        while (deepest.getCause() != null && deepest.getCause() != deepest && depth++ < 32) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage();
        return deepest.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
