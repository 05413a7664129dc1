package se.lotsen.grants.web;

import org.springframework.validation.BindingResult;

import se.lotsen.common.DateInput;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.grants.Deliverable;
import se.lotsen.grants.Grant;
import se.lotsen.grants.Grants;
import se.lotsen.grants.SekAmount;

/**
 * The grant pages' forms, every value as text so that nothing typed is lost; each is read into the service's form,
 * a value that cannot be read left out ({@code null}) with its problem at its field, so that the service's rules
 * still run on the rest (all problems at once).
 */
final class GrantForms {

    private GrantForms() {
    }

    /** A grant as typed. {@code version}: the grant's version as read (empty for a new grant). */
    public record GrantFormData(String funder, String reference, String amount, String periodFrom, String periodTo,
                                String purpose, String conditions, String reportDue, String heldBackKind,
                                String heldBackValue, String version) {

        static GrantFormData empty() {
            return new GrantFormData("", "", "", "", "", "", "", "", Grant.HeldBackKind.PERCENT.name(), "20", "");
        }

        static GrantFormData of(Grant g) {
            return new GrantFormData(g.funder(), nz(g.reference()), Long.toString(g.amount()),
                    DateInput.format(g.periodFrom()), DateInput.format(g.periodTo()), g.purpose(), nz(g.conditions()),
                    DateInput.format(g.reportDue()), g.heldBackKind().name(), Long.toString(g.heldBackValue()),
                    Integer.toString(g.version()));
        }

        Grants.GrantForm toForm(BindingResult result) {
            return new Grants.GrantForm(funder, reference, GrantForms.amount(amount, "amount", result),
                    date(periodFrom, "periodFrom", result), date(periodTo, "periodTo", result), purpose, conditions,
                    date(reportDue, "reportDue", result), parse(Grant.HeldBackKind.class, heldBackKind, "heldBackKind",
                    result), GrantForms.amount(heldBackValue, "heldBackValue", result));
        }
    }

    /** A deliverable as typed. */
    public record DeliverableFormData(String kind, String description, String status, String note, String version) {

        static DeliverableFormData empty() {
            return new DeliverableFormData("", "", Deliverable.Status.PLANNED.name(), "", "");
        }

        static DeliverableFormData of(Deliverable d) {
            return new DeliverableFormData(d.kind().name(), d.description(), d.status().name(), nz(d.note()),
                    Integer.toString(d.version()));
        }

        Grants.DeliverableForm toForm(BindingResult result) {
            return new Grants.DeliverableForm(parse(Deliverable.Kind.class, kind, "kind", result), description,
                    parse(Deliverable.Status.class, status, "status", result), note);
        }
    }

    /** A payment as typed. */
    public record PaymentFormData(String paidOn, String amount, String note) {

        Grants.PaymentForm toForm(BindingResult result) {
            return new Grants.PaymentForm(date(paidOn, "paidOn", result), GrantForms.amount(amount, "amount", result), note);
        }
    }

    /** A day the report was submitted or approved, with the grant's version as read. */
    public record ReportStatusFormData(String on, String version) {
    }

    /** A report section's title and text, with the section's version as read. */
    public record SectionFormData(String title, String text, String version) {
    }

    /** A confirmation that only carries the version as read (redrafting a section, removing a payment). */
    public record ConfirmFormData(String version) {
    }

    /**
     * After a refused concurrent change the page shows the other person's change and keeps what the user typed; the
     * form then carries the current version, so that saving again (having checked) is a deliberate choice.
     */
    static void freshVersion(org.springframework.ui.Model model, BindingResult result, int current) {
        if (result.hasFieldErrors("version")) {
            model.addAttribute("currentVersion", Integer.toString(current));
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The version sent, or -1 when it cannot be read (so that it never matches: refused as a concurrent change). */
    static int version(String version) {
        try {
            return version == null ? -1 : Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static java.time.LocalDate date(String value, String field, BindingResult result) {
        try {
            return DateInput.parseDate(value);
        } catch (IllegalArgumentException e) {
            FormErrors.reject(result, field, "validation.date");
            return null;
        }
    }

    static Long amount(String value, String field, BindingResult result) {
        try {
            return SekAmount.parse(value);
        } catch (IllegalArgumentException e) {
            FormErrors.reject(result, field, "validation.grant.amount");
            return null;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, BindingResult result) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            FormErrors.reject(result, field, "validation.invalid");
            return null;
        }
    }

    /**
     * Runs the service's save when the form had no problem of its own, or its check otherwise (its problems added
     * at fields without one); the problems of a refused save are put at their fields. Returns the saved value, or
     * {@code null} when the form is to be shown again.
     */
    static <T> T saveOrCheck(BindingResult result, Runnable check, java.util.function.Supplier<T> save) {
        if (result.hasErrors()) {
            FormErrors.check(result, check);
            return null;
        }
        try {
            return save.get();
        } catch (FieldProblems problems) {
            FormErrors.apply(problems, result);
            return null;
        }
    }
}
