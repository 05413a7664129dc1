package se.lotsen.access;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads local accounts for signing in. Usernames are lower case; what the user typed is normalised. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.loadForSignIn(normalize(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }

    static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
