package se.lotsen.access;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account as entered by an administrator. {@code password} is required when creating, optional when editing.
 */
public record AccountForm(
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "^$|^[a-z0-9][a-z0-9._-]{1,63}$", message = "{validation.account.username}")
        String username,
        @NotBlank(message = "{validation.required}")
        @Size(max = 200, message = "{validation.size.max}")
        String displayName,
        @Email(message = "{validation.email}")
        @Size(max = 320, message = "{validation.size.max}")
        String email,
        String unitCode,
        @NotEmpty(message = "{validation.account.roles}")
        Set<Role> roles,
        Boolean enabled,
        String password) {

    /**
     * An unticked checkbox sends nothing: absent means false. A role sent empty (no such role) is no role, so that
     * the choice is refused at the field rather than failing further in.
     */
    public AccountForm {
        enabled = enabled != null && enabled;
        if (roles != null && roles.stream().anyMatch(java.util.Objects::isNull)) {
            roles = roles.stream().filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    /** Never printed with its password. */
    @Override
    public String toString() {
        return "AccountForm[username=" + username + ", roles=" + roles + ", password=***]";
    }

    public static AccountForm empty() {
        return new AccountForm("", "", "", "", Set.of(), true, "");
    }
}
