package se.lotsen.routines.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import se.lotsen.common.FieldProblems;
import se.lotsen.routines.FieldType;
import se.lotsen.routines.RoutineDocument;
import se.lotsen.routines.RoutineEditing;

/**
 * The one-line-per-item text format of the step form, both ways.
 *
 * <p>Legal references: {@code lag | paragraf | förklaring | giltig från | giltig till}, the dates as ÅÅÅÅ-MM-DD and
 * optional. An explanation that itself contains {@code |} survives a round trip, because references are always
 * written with all five parts: with more than five parts the middle ones are the explanation.
 *
 * <p>Fields to fill in: {@code nyckel | etikett | TEXT/TEXTAREA/DATE | obligatorisk ja/nej}; type and "required"
 * may be left out (TEXT, not required).
 *
 * <p>Problems name the line (1-based, blank lines counted) so the method developer finds it.
 */
final class StepLines {

    static final String SEPARATOR = " | ";

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> YES = Set.of("ja", "j", "yes", "y", "true", "obligatorisk", "required");
    private static final Set<String> NO = Set.of("", "nej", "n", "no", "false", "valfri", "frivillig", "optional");

    private StepLines() {
    }

    // -- legal references --

    static String formatReferences(List<RoutineDocument.LegalReference> references) {
        return references.stream().map(r -> String.join(SEPARATOR, nullToEmpty(r.law()), nullToEmpty(r.section()),
                        nullToEmpty(r.text()), r.validFrom() == null ? "" : r.validFrom().toString(),
                        r.validTo() == null ? "" : r.validTo().toString()).stripTrailing())
                .collect(Collectors.joining("\n"));
    }

    static List<RoutineDocument.LegalReference> parseReferences(String text, String field,
                                                                 FieldProblems.Collector problems) {
        List<RoutineDocument.LegalReference> result = new ArrayList<>();
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String raw = lines.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            List<String> parts = split(raw);
            if (parts.size() < 3) {
                problems.add(field, "validation.routine.reference.parts", line);
                continue;
            }
            String law = parts.get(0);
            String section = parts.get(1);
            String explanation;
            String from = "";
            String to = "";
            if (parts.size() <= 5) {
                explanation = parts.get(2);
                from = parts.size() > 3 ? parts.get(3) : "";
                to = parts.size() > 4 ? parts.get(4) : "";
            } else {
                explanation = String.join("|", parts.subList(2, parts.size() - 2));
                from = parts.get(parts.size() - 2);
                to = parts.get(parts.size() - 1);
            }
            boolean ok = true;
            if (law.isEmpty()) {
                problems.add(field, "validation.routine.reference.law", line);
                ok = false;
            }
            if (explanation.isEmpty()) {
                problems.add(field, "validation.routine.reference.text", line);
                ok = false;
            }
            if (law.length() > 200 || section.length() > 100 || explanation.length() > 2000) {
                problems.add(field, "validation.routine.reference.long", line);
                ok = false;
            }
            LocalDate validFrom = date(from, field, line, problems);
            LocalDate validTo = date(to, field, line, problems);
            if ((!from.isEmpty() && validFrom == null) || (!to.isEmpty() && validTo == null)) {
                ok = false;
            }
            if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
                problems.add(field, "validation.routine.reference.order", line);
                ok = false;
            }
            if (ok) {
                result.add(new RoutineDocument.LegalReference(law, section, explanation, validFrom, validTo));
            }
        }
        return result;
    }

    // -- fields to fill in --

    static String formatFields(List<RoutineDocument.StepField> fields, Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return fields.stream().map(f -> String.join(SEPARATOR, f.key(), f.label(), f.type().name(),
                        f.required() ? (english ? "yes" : "ja") : (english ? "no" : "nej")))
                .collect(Collectors.joining("\n"));
    }

    static List<RoutineDocument.StepField> parseFields(String text, String field, FieldProblems.Collector problems) {
        List<RoutineDocument.StepField> result = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String raw = lines.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            List<String> parts = split(raw);
            if (parts.size() < 2 || parts.size() > 4) {
                problems.add(field, "validation.routine.field.parts", line);
                continue;
            }
            boolean ok = true;
            String key = parts.get(0);
            if (!key.matches(RoutineEditing.KEY_PATTERN) || key.length() > 64) {
                problems.add(field, "validation.routine.field.key", line);
                ok = false;
            } else if (!keys.add(key)) {
                problems.add(field, "validation.routine.field.key.duplicate", line, key);
                ok = false;
            }
            String label = parts.get(1);
            if (label.isEmpty()) {
                problems.add(field, "validation.routine.field.label", line);
                ok = false;
            } else if (label.length() > 200) {
                problems.add(field, "validation.routine.reference.long", line);
                ok = false;
            }
            FieldType type = type(parts.size() > 2 ? parts.get(2) : "");
            if (type == null) {
                problems.add(field, "validation.routine.field.type", line);
                ok = false;
            }
            String required = parts.size() > 3 ? parts.get(3).toLowerCase(Locale.ROOT) : "";
            if (!YES.contains(required) && !NO.contains(required)) {
                problems.add(field, "validation.routine.field.required", line);
                ok = false;
            }
            if (ok) {
                result.add(new RoutineDocument.StepField(key, label, type, YES.contains(required)));
            }
        }
        return result;
    }

    // -- helpers --

    /** Lines of a textarea, whatever line endings the browser sent. */
    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.asList(normaliseNewlines(text).split("\n", -1));
    }

    /** Textareas are sent with CRLF line endings; the routine stores LF. */
    static String normaliseNewlines(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static List<String> split(String line) {
        return Arrays.stream(line.split("\\|", -1)).map(String::strip).toList();
    }

    private static FieldType type(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "", "TEXT", "TEXTFÄLT" -> FieldType.TEXT;
            case "TEXTAREA", "TEXTRUTA", "FRITEXT" -> FieldType.TEXTAREA;
            case "DATE", "DATUM" -> FieldType.DATE;
            default -> null;
        };
    }

    private static LocalDate date(String text, String field, int line, FieldProblems.Collector problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            problems.add(field, "validation.routine.reference.date", line);
            return null;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
