package se.lotsen.access;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins and locks an account after too many in a row; a successful sign-in resets the count.
 * A locked account is refused before its password is checked, so guessing on does not help.
 */
@Component
class SignInAttempts {

    private final Accounts accounts;

    SignInAttempts(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        accounts.recordFailedSignIn(AccountUserDetailsService.normalize(event.getAuthentication().getName()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            accounts.recordSuccessfulSignIn(user.username());
        }
    }
}
