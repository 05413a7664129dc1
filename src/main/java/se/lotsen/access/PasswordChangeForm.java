package se.lotsen.access;

import jakarta.validation.constraints.NotBlank;

/** A user changing their own password. */
public record PasswordChangeForm(
        @NotBlank(message = "{validation.required}") String currentPassword,
        @NotBlank(message = "{validation.required}") String newPassword,
        @NotBlank(message = "{validation.required}") String repeatPassword) {

    public static PasswordChangeForm empty() {
        return new PasswordChangeForm("", "", "");
    }

    /** Never printed with a password. */
    @Override
    public String toString() {
        return "PasswordChangeForm[***]";
    }
}
