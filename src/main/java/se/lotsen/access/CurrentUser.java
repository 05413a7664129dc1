package se.lotsen.access;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import se.lotsen.audit.AuditActor;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitKind;

/**
 * The signed-in user: account, unit and roles. Stored in the HTTP session (so it is serializable) and used as the
 * principal of both page and API requests. The password hash is held only while signing in.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, AuditActor {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AccountId id;
    private final String username;
    private final String displayName;
    private final Unit unit;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    public CurrentUser(AccountId id, String username, String displayName, Unit unit, Set<Role> roles,
                       boolean enabled, boolean locked, String passwordHash) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.unit = unit;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.locked = locked;
        this.passwordHash = passwordHash;
    }

    /** The signed-in user of the current request. */
    public static CurrentUser get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return user;
        }
        throw new IllegalStateException("No signed-in user");
    }

    public AccountId id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The user's unit, or {@code null} (an administrator may have none). */
    public Unit unit() {
        return unit;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public UUID accountId() {
        return id.value();
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String unitCode() {
        return unit == null ? null : unit.code();
    }

    /** Every unit but a jour (which works nights and weekends) keeps office hours; no unit, no office hours. */
    @Override
    public boolean keepsOfficeHours() {
        return unit != null && unit.kind() != UnitKind.JOUR;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Drops the password hash once signed in. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentUser other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "CurrentUser[" + id + "]";
    }

    /** Roles in a stable order, for display. */
    public List<Role> sortedRoles() {
        return roles.stream().sorted().toList();
    }
}
