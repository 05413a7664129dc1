package se.lotsen.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.audit.AuditContext;
import se.lotsen.audit.ReviewFlag;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SqlLike;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitId;
import se.lotsen.organisation.UnitKind;

/**
 * The access module's facade for accounts: create, change, search, lock and unlock.
 */
@Service
public class Accounts {

    /** The shortest password an administrator may set. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Organisation organisation;
    private final AccessProperties properties;
    private final Clock clock;
    private final AccountSessions sessions;
    private final SignInLimits limits;

    Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Organisation organisation, AccessProperties properties,
             Clock clock, AccountSessions sessions, SignInLimits limits) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.organisation = organisation;
        this.properties = properties;
        this.clock = clock;
        this.sessions = sessions;
        this.limits = limits;
    }

    /**
     * Creates an account. The roles must be compatible ({@link Role#compatible}); granting a case role is flagged for
     * log review.
     */
    @Transactional
    public Account create(AccountForm form) {
        return create(form, true, false);
    }

    /** The rules of {@link #create}, checked without creating anything (all of a form's problems at once). */
    @Transactional(readOnly = true)
    public void check(AccountForm form) {
        create(form, true, true);
    }

    private Account create(AccountForm form, boolean enforcePasswordPolicy, boolean checkOnly) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        String username = form.username() == null ? "" : form.username().trim();
        if (findByUsername(username).isPresent()) {
            problems.add("username", "validation.account.username.taken");
        }
        Unit unit = resolveUnit(form, problems);
        checkRoles(form.roles(), problems);
        if (enforcePasswordPolicy) {
            checkPassword(form.password(), username, true, problems);
        } else if (form.password() == null || form.password().isEmpty()) {
            problems.add("password", "validation.required");
        }
        problems.throwIfAny();
        if (checkOnly) {
            return null;
        }

        AccountId id = new AccountId(UUID.randomUUID());
        jdbc.sql("""
                        INSERT INTO account (id, username, display_name, email, unit_id, password_hash, enabled)
                        VALUES (:id, :username, :name, :email, :unit, :hash, :enabled)""")
                .param("id", id.value()).param("username", username).param("name", form.displayName().trim())
                .param("email", blankToNull(form.email())).param("unit", unit == null ? null : unit.id().value())
                .param("hash", passwordEncoder.encode(form.password())).param("enabled", form.enabled())
                .update();
        writeRoles(id, form.roles());
        flagCaseAccessGranted(null, form.roles(), unit);
        return find(id).orElseThrow();
    }

    /**
     * An administrator changes an account: everything but the username, which is permanent. A blank password keeps
     * the current one. Separation of duties: nobody changes their own roles, unit or enabled state, or sets their own
     * password here (that needs the current password, on the account page). When the account is disabled, its roles
     * or unit change or a new password is set, every session and API token of the account ends at once.
     *
     * @param actor the administrator making the change
     */
    @Transactional
    public Account update(AccountId id, AccountForm form, AccountId actor) {
        return update(id, form, actor, false);
    }

    /** The rules of {@link #update}, checked without changing anything (all of a form's problems at once). */
    @Transactional(readOnly = true)
    public void checkUpdate(AccountId id, AccountForm form, AccountId actor) {
        update(id, form, actor, true);
    }

    private Account update(AccountId id, AccountForm form, AccountId actor, boolean checkOnly) {
        Account existing = find(id).orElseThrow(() -> new NotFoundException("account"));
        FieldProblems.Collector problems = new FieldProblems.Collector();
        Unit unit = resolveUnit(form, problems);
        checkRoles(form.roles(), problems);
        boolean newPassword = form.password() != null && !form.password().isEmpty();
        if (newPassword) {
            checkPassword(form.password(), existing.username(), false, problems);
        }
        boolean rolesChanged = !existing.roles().equals(form.roles() == null ? Set.of() : form.roles());
        boolean unitChanged = !Objects.equals(existing.unit() == null ? null : existing.unit().id(),
                unit == null ? null : unit.id());
        boolean disabled = existing.enabled() && !form.enabled();
        if (id.equals(actor)) {
            if (rolesChanged) {
                problems.add("roles", "validation.account.own.roles");
            }
            if (unitChanged) {
                problems.add("unitCode", "validation.account.own.unit");
            }
            if (!form.enabled()) {
                problems.add("enabled", "validation.account.own.enabled");
            }
            if (newPassword) {
                problems.add("password", "validation.account.own.password");
            }
        }
        problems.throwIfAny();
        if (checkOnly) {
            return null;
        }
        jdbc.sql("""
                        UPDATE account SET display_name = :name, email = :email, unit_id = :unit, enabled = :enabled,
                            version = version + 1
                        WHERE id = :id""")
                .param("name", form.displayName().trim()).param("email", blankToNull(form.email()))
                .param("unit", unit == null ? null : unit.id().value()).param("enabled", form.enabled())
                .param("id", id.value()).update();
        if (newPassword) {
            setPassword(id, form.password());
        }
        writeRoles(id, form.roles());
        flagCaseAccessGranted(existing, form.roles(), unit);
        if (disabled || rolesChanged || unitChanged || newPassword) {
            signOutEverywhere(id, disabled ? "ACCOUNT_DISABLED" : newPassword ? "PASSWORD_SET_BY_ADMIN"
                    : "ROLES_OR_UNIT_CHANGED", null, null);
        }
        return find(id).orElseThrow();
    }

    /**
     * Ends every page session and API token of the account, except the session or token (by its hash) given, which
     * made the change. Returns how many sessions and tokens ended.
     */
    @Transactional
    public int signOutEverywhere(AccountId id, String reason, String keepSessionId, String keepTokenHash) {
        Account account = find(id).orElseThrow(() -> new NotFoundException("account"));
        return revokeTokens(id, reason, keepTokenHash) + sessions.endAll(account.username(), keepSessionId);
    }

    /**
     * Sets a user's own new password after {@link OwnPassword} has checked the current one: the new one must meet
     * the policy and be typed twice the same. Every other session and API token of the account ends; the session or
     * token that made the change is kept.
     */
    @Transactional
    void setOwnPassword(AccountId id, String newPassword, String repeatPassword, String keepSessionId,
                        String keepTokenHash) {
        checkOwnPassword(id, newPassword, repeatPassword);
        setPassword(id, newPassword);
        signOutEverywhere(id, "PASSWORD_CHANGED", keepSessionId, keepTokenHash);
    }

    /** The rules for a user's own new password (the policy, typed twice the same), checked without setting it. */
    void checkOwnPassword(AccountId id, String newPassword, String repeatPassword) {
        Account account = find(id).orElseThrow(() -> new NotFoundException("account"));
        FieldProblems.Collector problems = new FieldProblems.Collector();
        checkPassword(newPassword, account.username(), true, problems, "newPassword");
        if (repeatPassword != null && !repeatPassword.equals(newPassword)) {
            problems.add("repeatPassword", "validation.account.password.repeat");
        }
        problems.throwIfAny();
    }

    /** Whether the password is the account's current one. */
    boolean passwordMatches(AccountId id, String password) {
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE id = :id").param("id", id.value())
                .query(String.class).optional().orElse(null);
        return hash != null && password != null && passwordEncoder.matches(password, hash);
    }

    private void setPassword(AccountId id, String password) {
        jdbc.sql("""
                        UPDATE account SET password_hash = :hash, password_changed_at = now(), failed_attempts = 0,
                            locked_until = NULL WHERE id = :id""")
                .param("hash", passwordEncoder.encode(password)).param("id", id.value()).update();
    }

    /** Lifts the account's lock, the account-wide one and (on this node) those per client address. */
    @Transactional
    public void unlock(AccountId id) {
        Account account = find(id).orElseThrow(() -> new NotFoundException("account"));
        jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE id = :id")
                .param("id", id.value()).update();
        limits.forget(account.username());
    }

    /** Revokes every active API token of the account; returns how many. */
    @Transactional
    public int revokeTokensOf(AccountId id, String reason) {
        return revokeTokens(id, reason, null);
    }

    /** Revokes the account's active tokens except the one with the given hash ({@code null}: all); how many. */
    private int revokeTokens(AccountId id, String reason, String keepTokenHash) {
        return jdbc.sql("""
                        UPDATE api_token SET revoked_at = :now, revoked_reason = :reason
                        WHERE account_id = :id AND revoked_at IS NULL AND token_hash IS DISTINCT FROM :keep""")
                .param("now", now()).param("reason", reason).param("id", id.value()).param("keep", keepTokenHash)
                .update();
    }

    public Optional<Account> find(AccountId id) {
        return jdbc.sql(SELECT_ACCOUNT + " WHERE a.id = :id").param("id", id.value()).query(this::mapAccount)
                .optional();
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql(SELECT_ACCOUNT + " WHERE a.username = :u").param("u", username).query(this::mapAccount)
                .optional();
    }

    /** Accounts whose username, name or e-mail contains the query, by name. */
    public PageResult<Account> search(String query, Paging paging) {
        String like = SqlLike.contains(query);
        String where = " WHERE lower(a.username) LIKE :q OR lower(a.display_name) LIKE :q OR lower(coalesce(a.email, '')) LIKE :q";
        long total = jdbc.sql("SELECT count(*) FROM account a LEFT JOIN unit u ON u.id = a.unit_id" + where).param("q", like).query(Long.class).single();
        List<Account> items = jdbc.sql(SELECT_ACCOUNT + where + " ORDER BY a.display_name, a.username LIMIT :l OFFSET :o")
                .param("q", like).param("l", paging.size()).param("o", paging.offset())
                .query(this::mapAccount).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** Enabled accounts of a unit that hold a role (e.g. the unit's managers), for notifications. */
    public List<Account> withRoleInUnit(UnitId unitId, Role role) {
        return jdbc.sql(SELECT_ACCOUNT + """
                         WHERE a.unit_id = :unit AND a.enabled
                           AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = :role)
                        ORDER BY a.display_name""")
                .param("unit", unitId.value()).param("role", role.name()).query(this::mapAccount).list();
    }

    /** The enabled accounts with the role, whatever their unit, by name. */
    public List<Account> withRole(Role role) {
        return jdbc.sql(SELECT_ACCOUNT + """
                         WHERE a.enabled
                           AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = :role)
                        ORDER BY a.display_name""")
                .param("role", role.name()).query(this::mapAccount).list();
    }

    public boolean anyAdministratorExists() {
        return jdbc.sql("SELECT count(*) FROM account_role WHERE role = 'ADMIN'").query(Long.class).single() > 0;
    }

    // -- sign-in support (used by the security configuration in this module) --

    /** The principal for a username, with its password hash, for signing in. */
    Optional<CurrentUser> loadForSignIn(String username) {
        return findByUsername(username).map(a -> {
            String hash = jdbc.sql("SELECT password_hash FROM account WHERE id = :id").param("id", a.id().value())
                    .query(String.class).single();
            return new CurrentUser(a.id(), a.username(), a.displayName(), a.unit(), a.roles(), a.enabled(),
                    a.lockedAt(clock.instant()), hash);
        });
    }

    /** The principal for an account, without credentials (API tokens). */
    Optional<CurrentUser> loadPrincipal(AccountId id) {
        return find(id).map(a -> new CurrentUser(a.id(), a.username(), a.displayName(), a.unit(), a.roles(),
                a.enabled(), a.lockedAt(clock.instant()), null));
    }

    /** Counts a wrong password; locks the account everywhere when the account-wide limit is reached. */
    @Transactional
    void recordFailedSignIn(String username) {
        jdbc.sql("""
                        UPDATE account SET failed_attempts = failed_attempts + 1,
                            locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END
                        WHERE username = :u""")
                .param("max", properties.lockout().accountMaxAttempts())
                .param("until", now().plus(properties.lockout().duration()))
                .param("u", username).update();
    }

    @Transactional
    void recordSuccessfulSignIn(String username) {
        jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE username = :u AND failed_attempts > 0")
                .param("u", username).update();
    }

    // -- helpers --

    private Unit resolveUnit(AccountForm form, FieldProblems.Collector problems) {
        String code = form.unitCode() == null ? "" : form.unitCode().trim();
        boolean unitNeeded = form.roles() != null && form.roles().stream().anyMatch(Role::needsUnit);
        if (code.isEmpty()) {
            if (unitNeeded) {
                problems.add("unitCode", "validation.account.unit.required");
            }
            return null;
        }
        Optional<Unit> unit = organisation.unitByCode(code);
        if (unit.isEmpty()) {
            problems.add("unitCode", "validation.account.unit.unknown");
            return null;
        }
        return unit.get();
    }

    private static void checkPassword(String password, String username, boolean required,
                                      FieldProblems.Collector problems) {
        checkPassword(password, username, required, problems, "password");
    }

    private static void checkPassword(String password, String username, boolean required,
                                      FieldProblems.Collector problems, String field) {
        if (password == null || password.isEmpty()) {
            if (required) {
                problems.add(field, "validation.required");
            }
            return;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            problems.add(field, "validation.account.password.short", MIN_PASSWORD_LENGTH);
        } else if (password.length() > 128) {
            problems.add(field, "validation.account.password.long", 128);
        } else if (password.toLowerCase().contains(username.toLowerCase())) {
            problems.add(field, "validation.account.password.username");
        }
    }

    /** Separation of duties: administration is never held together with another role. */
    private static void checkRoles(Set<Role> roles, FieldProblems.Collector problems) {
        if (roles != null && !Role.compatible(roles)) {
            problems.add("roles", "validation.account.roles.separation");
        }
    }

    /**
     * A case role given, or an account with case roles moved to another unit, opens case data to someone: the
     * request's audit entry is flagged for log review, with the roles in its detail.
     */
    private static void flagCaseAccessGranted(Account before, Set<Role> roles, Unit unit) {
        Set<Role> caseRoles = roles == null ? Set.of() : roles.stream().filter(Role::isCaseRole)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Set<Role> granted = EnumSet.noneOf(Role.class);
        granted.addAll(caseRoles);
        boolean sameUnit = before != null && Objects.equals(before.unit() == null ? null : before.unit().id(),
                unit == null ? null : unit.id());
        if (before != null && sameUnit) {
            granted.removeAll(before.roles());
        }
        if (!granted.isEmpty()) {
            AuditContext.flag(ReviewFlag.CASE_ROLE_GRANTED);
            AuditContext.detail("case roles granted: " + granted.stream().map(Enum::name)
                    .collect(Collectors.joining(",")) + (unit == null ? "" : " at " + unit.code()));
        }
    }

    private void writeRoles(AccountId id, Set<Role> roles) {
        jdbc.sql("DELETE FROM account_role WHERE account_id = :id").param("id", id.value()).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (:id, :role)")
                    .param("id", id.value()).param("role", role.name()).update();
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static final String SELECT_ACCOUNT = """
            SELECT a.id, a.username, a.display_name, a.email, a.unit_id, a.enabled, a.failed_attempts,
                   a.locked_until,
                   (SELECT string_agg(r.role, ',') FROM account_role r WHERE r.account_id = a.id) AS roles,
                   (SELECT count(*) FROM api_token t
                     WHERE t.account_id = a.id AND t.revoked_at IS NULL AND t.expires_at > now()) AS active_tokens,
                   u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind, u.active AS unit_active
            FROM account a LEFT JOIN unit u ON u.id = a.unit_id""";

    private Account mapAccount(ResultSet rs, int n) throws SQLException {
        UUID unitId = rs.getObject("unit_id", UUID.class);
        Unit unit = unitId == null ? null : new Unit(new UnitId(unitId), rs.getString("unit_code"),
                rs.getString("unit_name"), UnitKind.valueOf(rs.getString("unit_kind")), rs.getBoolean("unit_active"));
        String roleList = rs.getString("roles");
        Set<Role> roles = roleList == null ? EnumSet.noneOf(Role.class)
                : java.util.Arrays.stream(roleList.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
        return new Account(new AccountId(rs.getObject("id", UUID.class)), rs.getString("username"),
                rs.getString("display_name"), rs.getString("email"), unit, roles, rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), lockedUntil == null ? null : lockedUntil.toInstant(),
                rs.getInt("active_tokens"));
    }

    /**
     * For the embedded mode's demo accounts, whose shared password is shorter than the policy allows: creates the
     * account unless the username exists. Never used in production mode.
     */
    @Transactional
    public Optional<Account> createDemoAccountIfAbsent(AccountForm form) {
        if (findByUsername(form.username()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(create(form, false, false));
    }

}
