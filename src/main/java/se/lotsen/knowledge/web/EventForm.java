package se.lotsen.knowledge.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;

import se.lotsen.common.DateInput;
import se.lotsen.common.FormErrors;
import se.lotsen.knowledge.Audience;
import se.lotsen.knowledge.EventCommand;
import se.lotsen.knowledge.KnowledgeEvent;
import se.lotsen.knowledge.KnowledgeEventRecorded;
import se.lotsen.knowledge.KnowledgeEvents;
import se.lotsen.knowledge.ParticipantCount;

/**
 * An event as typed in the form, every value as text so that nothing typed is lost. The participants are rows of
 * organisation, audience and number, added and removed with buttons that send the form as it is (no JavaScript):
 * a submit button named {@code row} with the value {@code add-participant} or {@code remove-participant-<index>}.
 */
public record EventForm(
        String kind,
        @Size(max = 200, message = "{validation.size.max}") String topic,
        String date,
        String time,
        @Size(max = 200, message = "{validation.size.max}") String place,
        @Size(max = 200, message = "{validation.size.max}") String organiser,
        List<String> audiences,
        String status,
        List<ParticipantRow> participants,
        @Size(max = 20000, message = "{validation.size.max}") String evaluation,
        String version) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern ROW = Pattern.compile("(add)-participant|remove-participant-(\\d{1,3})");

    public EventForm {
        audiences = audiences == null ? List.of() : List.copyOf(audiences.stream().filter(a -> a != null).toList());
        participants = participants == null ? new ArrayList<>()
                : new ArrayList<>(participants.stream().filter(p -> p != null).toList());
    }

    /** One organisation's participants as typed. */
    public record ParticipantRow(String organisation, String audience, String participants) {

        static ParticipantRow empty() {
            return new ParticipantRow("", "", "");
        }

        boolean blank() {
            return isBlank(organisation) && isBlank(audience) && isBlank(participants);
        }
    }

    static EventForm empty(LocalDate today) {
        return new EventForm("", "", DateInput.format(today), "", "", "", List.of(),
                KnowledgeEventRecorded.Status.PLANNED.name(), List.of(ParticipantRow.empty()), "", "");
    }

    static EventForm of(KnowledgeEvent e) {
        List<ParticipantRow> rows = new ArrayList<>(e.participants().stream()
                .map(p -> new ParticipantRow(p.organisation(), p.audience().name(), String.valueOf(p.participants())))
                .toList());
        if (rows.isEmpty()) {
            rows.add(ParticipantRow.empty());
        }
        return new EventForm(e.kind().name(), e.topic(), DateInput.format(e.date()),
                e.time() == null ? "" : TIME.format(e.time()), e.place() == null ? "" : e.place(), e.organiser(),
                e.audienceList().stream().map(Enum::name).toList(), e.status().name(), rows,
                e.evaluation() == null ? "" : e.evaluation(), String.valueOf(e.version()));
    }

    public boolean audienceChecked(String name) {
        return audiences.contains(name);
    }

    /** The form with its rows changed by a row button, or {@code null} when the value is not a row action. */
    EventForm withRowAction(String action) {
        Matcher m = ROW.matcher(action == null ? "" : action);
        if (!m.matches()) {
            return null;
        }
        List<ParticipantRow> rows = new ArrayList<>(participants);
        if (m.group(1) != null) {
            if (rows.size() < KnowledgeEvents.MAX_PARTICIPANT_ROWS) {
                rows.add(ParticipantRow.empty());
            }
        } else {
            int i = Integer.parseInt(m.group(2));
            if (i < rows.size()) {
                rows.remove(i);
            }
            if (rows.isEmpty()) {
                rows.add(ParticipantRow.empty());
            }
        }
        return new EventForm(kind, topic, date, time, place, organiser, audiences, status, rows, evaluation, version);
    }

    /**
     * Every text of the form, the rows' too, with a control character is refused at its field (the guard's validator
     * sees only the form's own text fields), so that no button of the form accepts one.
     */
    void rejectControlCharacters(BindingResult result) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("kind", kind);
        values.put("topic", topic);
        values.put("date", date);
        values.put("time", time);
        values.put("place", place);
        values.put("organiser", organiser);
        values.put("status", status);
        values.put("evaluation", evaluation);
        values.put("version", version);
        for (String a : audiences) {
            values.merge("audiences", a, (x, y) -> x + y);
        }
        for (int i = 0; i < participants.size(); i++) {
            ParticipantRow r = participants.get(i);
            values.put("participants[" + i + "].organisation", r.organisation());
            values.put("participants[" + i + "].audience", r.audience());
            values.put("participants[" + i + "].participants", r.participants());
        }
        values.forEach((field, value) -> {
            if (se.lotsen.common.PlainText.hasControlCharacter(value) && !result.hasFieldErrors(field)) {
                FormErrors.reject(result, field, "validation.text.controlCharacter");
            }
        });
    }

    int versionNumber() {
        try {
            return Integer.parseInt(version == null ? "" : version.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The command; a value that cannot be read is left out ({@code null}) and the result says which, next to the
     * field, so that the service's rules still run on the rest (all problems at once). Rows left entirely empty are
     * ignored.
     */
    EventCommand toCommand(BindingResult result) {
        KnowledgeEventRecorded.Kind k = parse(KnowledgeEventRecorded.Kind.class, kind, "kind", result);
        KnowledgeEventRecorded.Status s = parse(KnowledgeEventRecorded.Status.class, status, "status", result);
        LocalDate d = null;
        if (!isBlank(date)) {
            try {
                d = DateInput.parseDate(date);
            } catch (IllegalArgumentException e) {
                FormErrors.reject(result, "date", "validation.date");
            }
        }
        LocalTime t = null;
        if (!isBlank(time)) {
            try {
                t = LocalTime.parse(time.trim());
            } catch (DateTimeParseException e) {
                FormErrors.reject(result, "time", "validation.time");
            }
        }
        Set<Audience> chosen = EnumSet.noneOf(Audience.class);
        for (String a : audiences) {
            Audience audience = Arrays.stream(Audience.values()).filter(x -> x.name().equals(a)).findFirst()
                    .orElse(null);
            if (audience == null) {
                FormErrors.reject(result, "audiences", "validation.invalid");
            } else {
                chosen.add(audience);
            }
        }
        // A row left entirely empty stays as null, so that the service's row numbers are the rows shown.
        List<ParticipantCount> counts = new ArrayList<>();
        for (ParticipantRow row : participants) {
            if (row.blank()) {
                counts.add(null);
                continue;
            }
            Audience audience = Arrays.stream(Audience.values()).filter(x -> x.name().equals(row.audience()))
                    .findFirst().orElse(null);
            int number = -1;
            try {
                number = Integer.parseInt(row.participants() == null ? "" : row.participants().trim());
            } catch (NumberFormatException e) {
                number = -1; // the rule names the row: "Antal, rad 2"
            }
            counts.add(new ParticipantCount(row.organisation() == null ? "" : row.organisation(), audience, number));
        }
        return new EventCommand(k, topic, d, t, place, organiser, chosen, s, evaluation, counts);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, BindingResult result) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            FormErrors.reject(result, field, "validation.invalid");
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
