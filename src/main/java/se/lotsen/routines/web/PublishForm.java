package se.lotsen.routines.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The change note the method developer writes when publishing: what changed and why, for every reader. */
record PublishForm(
        @NotBlank(message = "{validation.required}")
        @Size(max = 2000, message = "{validation.size.max}")
        String changeNote) {

    static PublishForm empty() {
        return new PublishForm("");
    }
}
