package se.lotsen.access;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * The one place that counts wrong passwords and refuses guessing: sign-in on the page, the token endpoint and the
 * current password of a password change all come here. A wrong password counts towards the per-address limits
 * ({@link SignInLimits}) and the account-wide lock in the database ({@link Accounts}); a successful sign-in resets the
 * account-wide count.
 */
@Component
class SignInAttempts {

    private final Accounts accounts;
    private final SignInLimits limits;

    SignInAttempts(Accounts accounts, SignInLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
    }

    /** Refuses an attempt for the account from the current client address while it is limited. */
    void requireAllowed(String username) {
        limits.refusal(AccountUserDetailsService.normalize(username), SignInLimits.currentAddress())
                .ifPresent(wait -> {
                    throw new TooManyAttempts(wait);
                });
    }

    /** Counts a wrong password for the account from the current client address. */
    void failed(String username) {
        String normalized = AccountUserDetailsService.normalize(username);
        limits.failed(normalized, SignInLimits.currentAddress());
        accounts.recordFailedSignIn(normalized);
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            accounts.recordSuccessfulSignIn(user.username());
            limits.succeeded(user.username(), SignInLimits.currentAddress());
        }
    }
}
