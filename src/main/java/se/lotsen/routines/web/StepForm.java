package se.lotsen.routines.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import se.lotsen.routines.Condition;
import se.lotsen.routines.Performer;

/**
 * A routine step as the method developer enters it. Legal references and fields to fill in are rows of their own
 * inputs (see {@link StepRows}), which the method developer adds, moves and removes with buttons that send the form
 * as it is; the key is entered only for a new step.
 */
record StepForm(
        String key,
        @NotBlank(message = "{validation.required}")
        @Size(max = 200, message = "{validation.size.max}")
        String title,
        @NotBlank(message = "{validation.required}")
        @Size(max = 4000, message = "{validation.size.max}")
        String guidance,
        @NotNull(message = "{validation.required}")
        Performer performer,
        Set<Condition> conditions,
        List<ReferenceRow> references,
        List<FieldRow> fields) {

    /** At most this many rows of each kind: more is not a routine step but a mistake (or a forged request). */
    static final int MAX_ROWS = 30;

    /**
     * No ticked checkbox sends nothing: absent means no conditions. Rows missing from the request (a gap in the
     * numbering) are dropped.
     */
    StepForm {
        conditions = conditions == null ? Set.of() : Set.copyOf(conditions);
        references = rows(references);
        fields = rows(fields);
    }

    /** One legal reference as typed; the dates as ÅÅÅÅ-MM-DD text, so that a typing mistake is kept and named. */
    record ReferenceRow(String law, String section, String text, String validFrom, String validTo) {

        static ReferenceRow empty() {
            return new ReferenceRow("", "", "", "", "");
        }

        boolean blank() {
            return isBlank(law) && isBlank(section) && isBlank(text) && isBlank(validFrom) && isBlank(validTo);
        }
    }

    /** One field to fill in as typed; the type as the name of a {@link se.lotsen.routines.FieldType}. */
    record FieldRow(String key, String label, String type, Boolean required) {

        static FieldRow empty() {
            return new FieldRow("", "", "TEXT", false);
        }

        boolean blank() {
            return isBlank(key) && isBlank(label);
        }

        public boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }
    }

    static StepForm empty() {
        return new StepForm("", "", "", Performer.JOUR, Set.of(), List.of(), List.of());
    }

    StepForm withRows(List<ReferenceRow> references, List<FieldRow> fields) {
        return new StepForm(key, title, guidance, performer, conditions, references, fields);
    }

    private static <T> List<T> rows(List<T> rows) {
        List<T> result = new ArrayList<>();
        if (rows != null) {
            for (T row : rows) {
                if (row != null && result.size() < MAX_ROWS) {
                    result.add(row);
                }
            }
        }
        return result;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
