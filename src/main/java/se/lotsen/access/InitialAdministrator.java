package se.lotsen.access;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import se.lotsen.common.FieldProblems;
import se.lotsen.common.StartupProblem;

/**
 * Production mode starts without accounts. When no administrator exists and {@code LOTSEN_INITIAL_ADMIN_USERNAME}
 * and {@code LOTSEN_INITIAL_ADMIN_PASSWORD} are set, one administrator is created from them (the password must meet
 * the password policy). Without them, Lotsen refuses to start until an administrator exists, since nobody could sign
 * in. When several nodes start at once on a new database, one of them creates it.
 */
@Component
@ConditionalOnProperty(name = "lotsen.mode", havingValue = "external")
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final Accounts accounts;
    private final AccessProperties properties;

    InitialAdministrator(Accounts accounts, AccessProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAdministratorExists()) {
            return;
        }
        AccessProperties.InitialAdmin admin = properties.initialAdmin();
        if (!StringUtils.hasText(admin.username()) || !StringUtils.hasText(admin.password())) {
            throw new StartupProblem("no administrator account exists, so nobody could sign in.",
                    "Set LOTSEN_INITIAL_ADMIN_USERNAME and LOTSEN_INITIAL_ADMIN_PASSWORD (at least "
                            + Accounts.MIN_PASSWORD_LENGTH + " characters) for the first start; remove them afterwards.");
        }
        try {
            accounts.create(new AccountForm(admin.username().trim().toLowerCase(java.util.Locale.ROOT),
                    "Administratör", null, null, Set.of(Role.ADMIN), true, admin.password()));
        } catch (DuplicateKeyException e) {
            // Nodes started at once on a new database: another one created it a moment ago.
            if (accounts.anyAdministratorExists()) {
                log.info("The initial administrator account was created by another node");
                return;
            }
            throw e;
        } catch (FieldProblems e) {
            throw new StartupProblem("LOTSEN_INITIAL_ADMIN_USERNAME or LOTSEN_INITIAL_ADMIN_PASSWORD is not acceptable "
                    + e.problems().stream().map(FieldProblems.Problem::messageKey).toList() + ".",
                    "Use a username of 2–64 characters a–z, 0–9, '.', '-' or '_', and a password of at least "
                            + Accounts.MIN_PASSWORD_LENGTH + " characters that does not contain the username.");
        }
        log.info("Created the initial administrator account");
    }
}
