package se.lotsen.access;

import java.time.Clock;

import org.springframework.stereotype.Service;

import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;

/**
 * A user changes their own password, on the account page or over the API. The current password is checked like a
 * sign-in: a wrong one counts towards the same limits and the lock ({@link SignInAttempts}), and a locked or limited
 * account cannot change it. Every other session and token of the account then ends.
 */
@Service
public class OwnPassword {

    private final Accounts accounts;
    private final SignInAttempts attempts;
    private final Clock clock;

    OwnPassword(Accounts accounts, SignInAttempts attempts, Clock clock) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.clock = clock;
    }

    /**
     * @param keepSessionId the page session that made the change, kept ({@code null} over the API)
     * @param keepToken     the bearer token that made the change, kept ({@code null} on a page)
     * @throws TooManyAttempts while wrong passwords limit the account from this client address
     * @throws FieldProblems     on {@code currentPassword}, {@code newPassword} or {@code repeatPassword}
     */
    public void change(CurrentUser user, String currentPassword, String newPassword, String repeatPassword,
                       String keepSessionId, String keepToken) {
        Account account = accounts.find(user.id()).orElseThrow(() -> new NotFoundException("account"));
        attempts.requireAllowed(account.username());
        if (account.lockedAt(clock.instant())) {
            throw FieldProblems.of("currentPassword", "validation.account.password.locked");
        }
        if (!accounts.passwordMatches(user.id(), currentPassword)) {
            attempts.failed(account.username());
            throw FieldProblems.of("currentPassword", "validation.account.password.current");
        }
        accounts.setOwnPassword(user.id(), newPassword, repeatPassword, keepSessionId,
                keepToken == null ? null : ApiTokens.hash(keepToken));
    }

    /**
     * The rules for the new password (the policy, typed twice the same), checked without changing anything and
     * without trying the current password (no attempt is counted): a form with other problems shows these too.
     */
    public void checkNew(CurrentUser user, String newPassword, String repeatPassword) {
        accounts.checkOwnPassword(user.id(), newPassword, repeatPassword);
    }
}
