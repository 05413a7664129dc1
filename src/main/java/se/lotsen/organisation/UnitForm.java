package se.lotsen.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The fields of a unit as entered by an administrator.
 */
public record UnitForm(
        @NotBlank(message = "{validation.required}")
        @Size(max = 64, message = "{validation.size.max}")
        @Pattern(regexp = "^$|^[a-z0-9]+(-[a-z0-9]+)*$", message = "{validation.unit.code}")
        String code,
        @NotBlank(message = "{validation.required}")
        @Size(max = 200, message = "{validation.size.max}")
        String name,
        @NotNull(message = "{validation.required}")
        UnitKind kind,
        Boolean active,
        @Size(max = 200, message = "{validation.size.max}")
        String committeeName,
        @Size(max = 200, message = "{validation.size.max}")
        String contact) {

    /** An unticked checkbox sends nothing: absent means false. */
    public UnitForm {
        active = active != null && active;
    }

    /** A unit without contact details. */
    public UnitForm(String code, String name, UnitKind kind, Boolean active, String committeeName) {
        this(code, name, kind, active, committeeName, "");
    }

    public static UnitForm empty() {
        return new UnitForm("", "", UnitKind.DISTRICT, true, "", "");
    }
}
