package se.lotsen.cooperation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.lotsen.common.SwedishDates;
import se.lotsen.cooperation.Contact;
import se.lotsen.cooperation.ContactStatus;
import se.lotsen.cooperation.ContactType;

/**
 * A contact in words for people: its typed fields as label and value ("Polisanmälan gjord: Ja"), and its status as
 * a word with an icon. Templates use it as {@code @contactTexts}, also in the handover package and its PDF.
 */
@Component("contactTexts")
public class ContactTexts {

    private final MessageSource messages;
    private final SwedishDates dates;

    public ContactTexts(MessageSource messages, SwedishDates dates) {
        this.messages = messages;
        this.dates = dates;
    }

    /** One typed field as shown: its label and its value in words. */
    public record Line(String label, String value) {
    }

    /** The contact's typed fields that have a value, in the order of the type, in words. */
    public List<Line> fields(Contact contact, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (ContactType.Field f : contact.type().fields()) {
            String value = contact.fields().get(f.key());
            if (value == null || value.isBlank()) {
                continue;
            }
            lines.add(new Line(label(f.key(), locale), value(f, value, locale)));
        }
        return lines;
    }

    /** The label of a typed field, e.g. "Polisens diarienummer". */
    public String label(String fieldKey, Locale locale) {
        return messages.getMessage("contactField." + fieldKey, null, fieldKey, locale);
    }

    /** A value of a typed field in words: Ja/Nej, the choice's name, a date for people, or the text as written. */
    public String value(ContactType.Field field, String value, Locale locale) {
        if (field.kind().equals("YES_NO")) {
            return messages.getMessage("contactValue." + value, null, value, locale);
        }
        if (!field.choices().isEmpty()) {
            return messages.getMessage("contactChoice." + field.key() + "." + value, null, value, locale);
        }
        if (field.kind().equals("DATE")) {
            try {
                return dates.date(LocalDate.parse(value), locale);
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    /** The icon that goes with the status word (never the only signal). */
    public String icon(ContactStatus status) {
        return switch (status) {
            case QUEUED -> "◷";
            case DONE -> "✓";
            case AWAITING_REPLY -> "…";
            case CLOSED -> "–";
        };
    }

    /** The CSS modifier of the status. */
    public String tone(ContactStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
