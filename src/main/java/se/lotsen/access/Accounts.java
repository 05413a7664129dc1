package se.lotsen.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    public Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Organisation organisation,
                    AccessProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.organisation = organisation;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Account create(AccountForm form) {
        return create(form, true);
    }

    private Account create(AccountForm form, boolean enforcePasswordPolicy) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        String username = form.username().trim();
        if (findByUsername(username).isPresent()) {
            problems.add("username", "validation.account.username.taken");
        }
        Unit unit = resolveUnit(form, problems);
        if (enforcePasswordPolicy) {
            checkPassword(form.password(), username, true, problems);
        } else if (form.password() == null || form.password().isEmpty()) {
            problems.add("password", "validation.required");
        }
        problems.throwIfAny();

        AccountId id = new AccountId(UUID.randomUUID());
        jdbc.sql("""
                        INSERT INTO account (id, username, display_name, email, unit_id, password_hash, enabled)
                        VALUES (:id, :username, :name, :email, :unit, :hash, :enabled)""")
                .param("id", id.value()).param("username", username).param("name", form.displayName().trim())
                .param("email", blankToNull(form.email())).param("unit", unit == null ? null : unit.id().value())
                .param("hash", passwordEncoder.encode(form.password())).param("enabled", form.enabled())
                .update();
        writeRoles(id, form.roles());
        return find(id).orElseThrow();
    }

    /** Changes everything but the username, which is permanent. A blank password keeps the current one. */
    @Transactional
    public Account update(AccountId id, AccountForm form) {
        Account existing = find(id).orElseThrow(() -> new NotFoundException("account"));
        FieldProblems.Collector problems = new FieldProblems.Collector();
        Unit unit = resolveUnit(form, problems);
        boolean newPassword = form.password() != null && !form.password().isEmpty();
        if (newPassword) {
            checkPassword(form.password(), existing.username(), false, problems);
        }
        problems.throwIfAny();
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
        if (!form.enabled()) {
            revokeTokensOf(id, "ACCOUNT_DISABLED");
        }
        return find(id).orElseThrow();
    }

    /**
     * A user changes their own password: the current one must be right, the new one must meet the policy and be
     * typed twice the same. Other sessions' API tokens stay valid; the user can revoke them by signing out.
     */
    @Transactional
    public void changeOwnPassword(AccountId id, PasswordChangeForm form) {
        Account account = find(id).orElseThrow(() -> new NotFoundException("account"));
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE id = :id").param("id", id.value())
                .query(String.class).single();
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (!passwordEncoder.matches(form.currentPassword(), hash)) {
            problems.add("currentPassword", "validation.account.password.current");
        }
        checkPassword(form.newPassword(), account.username(), true, problems);
        if (!form.newPassword().equals(form.repeatPassword())) {
            problems.add("repeatPassword", "validation.account.password.repeat");
        }
        problems.throwIfAny();
        setPassword(id, form.newPassword());
    }

    private void setPassword(AccountId id, String password) {
        jdbc.sql("""
                        UPDATE account SET password_hash = :hash, password_changed_at = now(), failed_attempts = 0,
                            locked_until = NULL WHERE id = :id""")
                .param("hash", passwordEncoder.encode(password)).param("id", id.value()).update();
    }

    @Transactional
    public void unlock(AccountId id) {
        int n = jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE id = :id")
                .param("id", id.value()).update();
        if (n == 0) {
            throw new NotFoundException("account");
        }
    }

    /** Revokes every active API token of the account; returns how many. */
    @Transactional
    public int revokeTokensOf(AccountId id, String reason) {
        return jdbc.sql("""
                        UPDATE api_token SET revoked_at = :now, revoked_reason = :reason
                        WHERE account_id = :id AND revoked_at IS NULL""")
                .param("now", now()).param("reason", reason).param("id", id.value()).update();
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

    /** Counts a failed sign-in; locks the account when the limit is reached. */
    @Transactional
    void recordFailedSignIn(String username) {
        jdbc.sql("""
                        UPDATE account SET failed_attempts = failed_attempts + 1,
                            locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END
                        WHERE username = :u""")
                .param("max", properties.lockout().maxAttempts())
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
        if (password == null || password.isEmpty()) {
            if (required) {
                problems.add("password", "validation.required");
            }
            return;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            problems.add("password", "validation.account.password.short", MIN_PASSWORD_LENGTH);
        } else if (password.length() > 128) {
            problems.add("password", "validation.account.password.long", 128);
        } else if (password.toLowerCase().contains(username.toLowerCase())) {
            problems.add("password", "validation.account.password.username");
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
        return Optional.of(create(form, false));
    }

}
