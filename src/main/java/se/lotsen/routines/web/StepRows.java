package se.lotsen.routines.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.lotsen.common.FieldProblems;
import se.lotsen.routines.FieldType;
import se.lotsen.routines.RoutineDocument;
import se.lotsen.routines.RoutineEditing;

/**
 * The rows of legal references and fields to fill in on the step form, both ways, and the row buttons.
 *
 * <p>Each problem names the input it concerns ({@code references[1].law}) and carries the row number (1-based) as
 * its first argument, so the error summary and the message beside the input say "Lagrum, rad 2: …". Rows left
 * entirely empty are ignored.
 *
 * <p>The row buttons work without JavaScript: each is a submit button named {@code row} whose value says what to do
 * ({@code add-reference}, {@code up-field-2}, {@code remove-reference-0}); the form comes back with every value as
 * typed and the rows changed, nothing saved.
 */
final class StepRows {

    static final String REFERENCES = "references";
    static final String FIELDS = "fields";

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern ACTION = Pattern.compile("(add|up|down|remove)-(reference|field)(?:-(\\d{1,3}))?");

    private StepRows() {
    }

    // -- from the step to rows --

    static List<StepForm.ReferenceRow> referenceRows(List<RoutineDocument.LegalReference> references) {
        return references.stream().map(r -> new StepForm.ReferenceRow(nullToEmpty(r.law()), nullToEmpty(r.section()),
                nullToEmpty(r.text()), r.validFrom() == null ? "" : r.validFrom().toString(),
                r.validTo() == null ? "" : r.validTo().toString())).toList();
    }

    static List<StepForm.FieldRow> fieldRows(List<RoutineDocument.StepField> fields) {
        return fields.stream().map(f -> new StepForm.FieldRow(f.key(), f.label(), f.type().name(), f.required()))
                .toList();
    }

    // -- from rows to the step --

    static List<RoutineDocument.LegalReference> references(List<StepForm.ReferenceRow> rows,
                                                           FieldProblems.Collector problems) {
        List<RoutineDocument.LegalReference> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StepForm.ReferenceRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            int number = i + 1;
            String prefix = REFERENCES + "[" + i + "].";
            String law = strip(row.law());
            String section = strip(row.section());
            String text = normaliseNewlines(strip(row.text()));
            boolean ok = true;
            if (law.isEmpty()) {
                problems.add(prefix + "law", "validation.routine.ref.law", number);
                ok = false;
            } else if (law.length() > 200) {
                problems.add(prefix + "law", "validation.routine.ref.long", number);
                ok = false;
            }
            if (section.length() > 100) {
                problems.add(prefix + "section", "validation.routine.ref.long", number);
                ok = false;
            }
            if (text.isEmpty()) {
                problems.add(prefix + "text", "validation.routine.ref.text", number);
                ok = false;
            } else if (text.length() > 2000) {
                problems.add(prefix + "text", "validation.routine.ref.long", number);
                ok = false;
            }
            Optional<LocalDate> from = date(row.validFrom(), prefix + "validFrom", "validation.routine.ref.validFrom",
                    number, problems);
            Optional<LocalDate> to = date(row.validTo(), prefix + "validTo", "validation.routine.ref.validTo",
                    number, problems);
            if (from == null || to == null) {
                ok = false;
            } else if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                problems.add(prefix + "validTo", "validation.routine.ref.order", number);
                ok = false;
            }
            if (ok) {
                result.add(new RoutineDocument.LegalReference(law, section, text, from.orElse(null),
                        to.orElse(null)));
            }
        }
        return result;
    }

    static List<RoutineDocument.StepField> fields(List<StepForm.FieldRow> rows, FieldProblems.Collector problems) {
        List<RoutineDocument.StepField> result = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            StepForm.FieldRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            int number = i + 1;
            String prefix = FIELDS + "[" + i + "].";
            String key = strip(row.key());
            String label = strip(row.label());
            boolean ok = true;
            if (key.isEmpty()) {
                problems.add(prefix + "key", "validation.routine.fieldRow.key.missing", number);
                ok = false;
            } else if (!key.matches(RoutineEditing.KEY_PATTERN) || key.length() > 64) {
                problems.add(prefix + "key", "validation.routine.fieldRow.key", number);
                ok = false;
            } else if (keys.containsKey(key)) {
                problems.add(prefix + "key", "validation.routine.fieldRow.key.duplicate", number, key, keys.get(key));
                ok = false;
            } else {
                keys.put(key, number);
            }
            if (label.isEmpty()) {
                problems.add(prefix + "label", "validation.routine.fieldRow.label", number);
                ok = false;
            } else if (label.length() > 200) {
                problems.add(prefix + "label", "validation.routine.fieldRow.long", number);
                ok = false;
            }
            FieldType type = type(row.type());
            if (type == null) {
                problems.add(prefix + "type", "validation.routine.fieldRow.type", number);
                ok = false;
            }
            if (ok) {
                result.add(new RoutineDocument.StepField(key, label, type, row.isRequired()));
            }
        }
        return result;
    }

    // -- the row buttons --

    /** What a row button asks for; empty when the value is not one (the form is then treated as saved). */
    record RowAction(String verb, String list, int index) {

        /** The id of the input or button to put the focus on when the form comes back. */
        String focusId(StepForm form) {
            String name = "reference".equals(list) ? REFERENCES : FIELDS;
            int size = "reference".equals(list) ? form.references().size() : form.fields().size();
            return switch (verb) {
                case "add" -> name + "[" + (size - 1) + "]." + ("reference".equals(list) ? "law" : "key");
                case "up" -> name + "[" + Math.max(0, index - 1) + "]." + ("reference".equals(list) ? "law" : "key");
                case "down" -> name + "[" + Math.min(size - 1, index + 1) + "]."
                        + ("reference".equals(list) ? "law" : "key");
                default -> size == 0 ? "add-" + list : name + "[" + Math.min(index, size - 1) + "]."
                        + ("reference".equals(list) ? "law" : "key");
            };
        }
    }

    static Optional<RowAction> action(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = ACTION.matcher(value);
        if (!m.matches() || ("add".equals(m.group(1)) != (m.group(3) == null))) {
            return Optional.empty();
        }
        return Optional.of(new RowAction(m.group(1), m.group(2), m.group(3) == null ? -1 : Integer.parseInt(m.group(3))));
    }

    /** The form with the rows changed as the button asks; an index outside the rows changes nothing. */
    static StepForm apply(RowAction action, StepForm form) {
        if ("reference".equals(action.list())) {
            return form.withRows(change(action, form.references(), StepForm.ReferenceRow.empty()), form.fields());
        }
        return form.withRows(form.references(), change(action, form.fields(), StepForm.FieldRow.empty()));
    }

    private static <T> List<T> change(RowAction action, List<T> rows, T empty) {
        List<T> result = new ArrayList<>(rows);
        int i = action.index();
        switch (action.verb()) {
            case "add" -> {
                if (result.size() < StepForm.MAX_ROWS) {
                    result.add(empty);
                }
            }
            case "up" -> {
                if (i > 0 && i < result.size()) {
                    Collections.swap(result, i, i - 1);
                }
            }
            case "down" -> {
                if (i >= 0 && i < result.size() - 1) {
                    Collections.swap(result, i, i + 1);
                }
            }
            case "remove" -> {
                if (i >= 0 && i < result.size()) {
                    result.remove(i);
                }
            }
            default -> {
            }
        }
        return result;
    }

    // -- helpers --

    /** Textareas are sent with CRLF line endings; the routine stores LF. */
    static String normaliseNewlines(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static FieldType type(String text) {
        if (text == null) {
            return null;
        }
        try {
            return FieldType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The date, empty when none was typed, {@code null} when it could not be read (the problem is added). */
    private static Optional<LocalDate> date(String text, String field, String messageKey, int number,
                                            FieldProblems.Collector problems) {
        String t = strip(text);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(t, ISO_DATE));
        } catch (DateTimeParseException e) {
            problems.add(field, messageKey, number);
            return null;
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
