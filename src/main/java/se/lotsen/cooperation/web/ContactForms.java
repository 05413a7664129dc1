package se.lotsen.cooperation.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;

import se.lotsen.common.DateInput;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.cooperation.ContactCommand;
import se.lotsen.cooperation.ContactStatus;
import se.lotsen.cooperation.ContactType;
import se.lotsen.cooperation.Partner;
import se.lotsen.cooperation.PartnerKind;

/** The contact forms and what they offer to choose from. */
final class ContactForms {

    static final ZoneId SWEDEN = se.lotsen.common.SwedishDates.ZONE;

    /** The channels a contact can take, in the order shown. */
    static final List<String> CHANNELS = List.of("PHONE", "EMAIL", "SECURE_EMAIL", "MEETING", "VIDEO", "LETTER", "OTHER");

    /** The statuses a worker may choose; a queued status is Lotsen's to set when the partner is closed. */
    static final List<ContactStatus> CHOSEN_STATUSES = List.of(ContactStatus.DONE, ContactStatus.AWAITING_REPLY,
            ContactStatus.CLOSED);

    private ContactForms() {
    }

    /**
     * A contact as typed in the form, every value as text so that nothing typed is lost when something cannot be
     * read; {@code at} is Swedish local time as typed ({@code 2026-11-29 03:10}, read by {@link DateInput}).
     * {@code completeStep} is a checkbox.
     */
    public record ContactForm(
            String type,
            String partnerId,
            String at,
            String channel,
            @Size(max = 20000, message = "{validation.size.max}") String summary,
            String followUpOn,
            String status,
            Map<String, String> fields,
            String completeStep,
            String placement) {

        public ContactForm {
            fields = fields == null ? new LinkedHashMap<>() : fields;
        }

        static ContactForm start(ContactType type, LocalDateTime now) {
            return new ContactForm(type == null ? null : type.name(), "", DateInput.format(now), "PHONE", "", "",
                    "", new LinkedHashMap<>(), "true", "");
        }

        ContactType chosenType() {
            return parseType(type);
        }

        public boolean completeStepChecked() {
            return checked(completeStep);
        }

        public boolean placementChecked() {
            return checked(placement);
        }

        /**
         * The command to record; a value that cannot be read is left out ({@code null}) and the result says which,
         * next to the field, so that the service's rules can still be checked on the rest (all problems at once).
         */
        ContactCommand toCommand(BindingResult result) {
            ContactType t = chosenType();
            if (type != null && !type.isBlank() && t == null) {
                FormErrors.reject(result, "type", "validation.invalid");
            }
            UUID partner = parseUuid(partnerId, "partnerId", result);
            LocalDateTime when = null;
            if (at != null && !at.isBlank()) {
                try {
                    when = DateInput.parseDateTime(at);
                } catch (IllegalArgumentException e) {
                    FormErrors.reject(result, "at", "validation.dateTime");
                }
            }
            LocalDate follow = null;
            if (followUpOn != null && !followUpOn.isBlank()) {
                try {
                    follow = DateInput.parseDate(followUpOn);
                } catch (IllegalArgumentException e) {
                    FormErrors.reject(result, "followUpOn", "validation.date");
                }
            }
            ContactStatus chosenStatus = parseStatus(status, "status", result);
            return new ContactCommand(partner, t, when == null ? null : when.atZone(SWEDEN).toInstant(), channel,
                    summary, follow, chosenStatus, fields, completeStepChecked(), checked(placement));
        }
    }

    /** Changing a contact's status, with a note on what happened. */
    public record StatusForm(String status, @Size(max = 20000, message = "{validation.size.max}") String note,
                             String completeStep) {

        public boolean completeStepChecked() {
            return checked(completeStep);
        }
    }

    /** A checkbox's value: checked when sent as {@code true} or {@code on}. */
    static boolean checked(String value) {
        return "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
    }

    static UUID parseUuid(String value, String field, BindingResult result) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            FormErrors.reject(result, field, "validation.invalid");
            return null;
        }
    }

    static ContactStatus parseStatus(String value, String field, BindingResult result) {
        if (value == null || value.isBlank()) {
            return null;
        }
        ContactStatus s = Arrays.stream(ContactStatus.values()).filter(x -> x.name().equals(value.trim()))
                .findFirst().orElse(null);
        if (s == null || s == ContactStatus.QUEUED) {
            FormErrors.reject(result, field, "validation.invalid");
            return null;
        }
        return s;
    }

    /** Partners to choose from: first those that suit the type of contact, then all others. */
    record PartnerChoices(List<Partner> suggested, List<Partner> others) {
    }

    static PartnerChoices partnerChoices(ContactType type, List<Partner> active) {
        Set<PartnerKind> kinds = suitableKinds(type);
        List<Partner> suggested = new ArrayList<>();
        List<Partner> others = new ArrayList<>();
        for (Partner p : active) {
            (kinds.contains(p.kind()) ? suggested : others).add(p);
        }
        return new PartnerChoices(suggested, others);
    }

    /** The kinds of partner that a contact of the type is usually with. */
    static Set<PartnerKind> suitableKinds(ContactType type) {
        if (type == null) {
            return Set.of();
        }
        return switch (type) {
            case POLICE -> EnumSet.of(PartnerKind.POLICE_LOCAL, PartnerKind.POLICE_TRAFFICKING_UNIT, PartnerKind.NOA);
            case HOME_COUNTRY_UD -> EnumSet.of(PartnerKind.UD_CENTRAL_AUTHORITY, PartnerKind.HOME_COUNTRY_AUTHORITY);
            case HOME_INVESTIGATION -> EnumSet.of(PartnerKind.UD_CENTRAL_AUTHORITY, PartnerKind.HOME_COUNTRY_AUTHORITY,
                    PartnerKind.IOM, PartnerKind.OTHER);
            case MIGRATIONSVERKET -> EnumSet.of(PartnerKind.MIGRATIONSVERKET);
            case REGIONAL_COORDINATOR -> EnumSet.of(PartnerKind.REGIONAL_COORDINATOR_CHILDREN,
                    PartnerKind.REGIONAL_COORDINATOR_ADULTS);
            case NATIONAL_HOTLINE -> EnumSet.of(PartnerKind.NATIONAL_HOTLINE);
            case INTERPRETER -> EnumSet.of(PartnerKind.INTERPRETER_SERVICE);
            case PLACEMENT -> EnumSet.of(PartnerKind.SHELTER, PartnerKind.OTHER);
            case HEALTH_CARE -> EnumSet.of(PartnerKind.HEALTH_CARE, PartnerKind.BARNAHUS);
            case OTHER -> EnumSet.noneOf(PartnerKind.class);
        };
    }

    static ContactType parseType(String type) {
        return Arrays.stream(ContactType.values()).filter(t -> t.name().equals(type)).findFirst().orElse(null);
    }

    /**
     * Puts the problems next to the form's fields; a problem about something the form does not show goes to
     * {@code fallbackField}, so that it is still shown.
     */
    static void apply(FieldProblems problems, BindingResult result, Class<? extends Record> form, String fallbackField) {
        FormErrors.apply(placed(problems, form, fallbackField), result);
    }

    /**
     * Runs the service's check-only rule and adds its problems at fields that have no error yet (placed as
     * {@link #apply} does): a form with other problems shows the service's rules in the same round.
     */
    static void check(BindingResult result, Class<? extends Record> form, String fallbackField, Runnable check) {
        try {
            check.run();
        } catch (FieldProblems problems) {
            FormErrors.applyNew(placed(problems, form, fallbackField), result);
        }
    }

    private static FieldProblems placed(FieldProblems problems, Class<? extends Record> form, String fallbackField) {
        Set<String> names = new java.util.HashSet<>();
        Arrays.stream(form.getRecordComponents()).forEach(c -> names.add(c.getName()));
        List<FieldProblems.Problem> placed = new ArrayList<>();
        for (FieldProblems.Problem p : problems.problems()) {
            boolean known = names.contains(p.field())
                    || (p.field().startsWith("fields[") && names.contains("fields"));
            placed.add(known ? p : new FieldProblems.Problem(fallbackField, p.messageKey(), p.args()));
        }
        return new FieldProblems(placed);
    }
}
