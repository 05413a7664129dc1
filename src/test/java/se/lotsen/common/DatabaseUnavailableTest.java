package se.lotsen.common;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void recognisesAnUnreachableDatabaseHoweverItIsWrapped() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
                "lotsen - Connection is not available, request timed out after 5000ms");
        assertThat(DatabaseUnavailable.isCause(poolTimeout)).isTrue();
        assertThat(DatabaseUnavailable.isCause(new ServletException("Request processing failed",
                new CannotCreateTransactionException("no connection", poolTimeout)))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new InternalAuthenticationServiceException("accounts",
                new CannotGetJdbcConnectionException("no connection")))).isTrue();
        // PostgreSQL: the connection was closed by the server shutting down.
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("An I/O error occurred", "08006"))).isTrue();
        // The rollback failed too (the connection was gone): the original failure is kept aside.
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
                "terminating connection due to administrator command"));
        assertThat(DatabaseUnavailable.isCause(new ServletException(rollbackFailed))).isTrue();
        // The commit failed and so did the rollback after it; Spring keeps no application exception then
        // (DatabaseOutageIT met it as a 500 once).
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void doesNotMistakeOtherFailuresForAnOutage() {
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("no SQL failure under it"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(null)).isFalse();
    }

    @Test
    void describesTheRootCauseOnOneLine() {
        assertThat(DatabaseUnavailable.describe(new CannotCreateTransactionException("x",
                new SQLTransientConnectionException("timed out\nsecond line"))))
                .isEqualTo("SQLTransientConnectionException: timed out");
    }
}
