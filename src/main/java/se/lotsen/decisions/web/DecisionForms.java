package se.lotsen.decisions.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;

import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.decisions.CustodyEnd;
import se.lotsen.decisions.DecisionCommand;
import se.lotsen.decisions.DecisionType;
import se.lotsen.decisions.Mandate;

/** The forms of the decision and deadline pages. Each is one flat record so every typed value binds back. */
final class DecisionForms {

    /** Swedish local time: what people type in a date-time field ({@code 2026-12-03 23:50}). */
    static final ZoneId SWEDEN = se.lotsen.common.SwedishDates.ZONE;

    private DecisionForms() {
    }

    /**
     * A decision to record; the field names are those of {@link DecisionCommand}. The decision and execution times
     * are never filled in for the worker: a decision taken at 23:50 and registered at 00:20 must not start 7 § LVU a
     * day late. {@code unusualTimeConfirmed}: the worker has checked a time that lies in the future or more than a
     * week back (the checkbox shown when the service asks for it).
     */
    public record DecisionForm(
            DecisionType type,
            LocalDateTime decidedAt,
            LocalDateTime executedAt,
            @Size(max = 200, message = "{validation.size.max}") String decidedByName,
            Mandate mandate,
            @Size(max = 64, message = "{validation.size.max}") String committeeUnitCode,
            Set<String> grounds,
            @Size(max = 20000, message = "{validation.size.max}") String urgencyReason,
            @Size(max = 200, message = "{validation.size.max}") String habitualResidence,
            @Size(max = 40, message = "{validation.size.max}") String jurisdictionBasis,
            @Size(max = 20000, message = "{validation.size.max}") String jurisdictionNotes,
            @Size(max = 20000, message = "{validation.size.max}") String details,
            UUID custodyId,
            Boolean placement,
            Boolean unusualTimeConfirmed) {

        public DecisionForm {
            grounds = grounds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(grounds);
            placement = placement != null && placement;
            unusualTimeConfirmed = unusualTimeConfirmed != null && unusualTimeConfirmed;
        }

        /** An empty form for a type: no decision time, no execution time (they are entered, never defaulted). */
        static DecisionForm start(DecisionType type, String committeeUnitCode) {
            return new DecisionForm(type, null, null, "", null, committeeUnitCode, Set.of(), "", "", null, "", "",
                    null, false, false);
        }

        DecisionCommand toCommand() {
            return new DecisionCommand(type, instant(decidedAt), instant(executedAt), decidedByName, mandate,
                    committeeUnitCode, grounds, urgencyReason, habitualResidence, jurisdictionBasis,
                    jurisdictionNotes, details, custodyId, placement, unusualTimeConfirmed);
        }
    }

    /** When a custody was carried out. */
    public record ExecutionForm(LocalDateTime executedAt) {
    }

    /** Why and when a custody ended. */
    public record EndForm(CustodyEnd reason,
                          LocalDateTime endedAt,
                          @Size(max = 2000, message = "{validation.size.max}") String note) {
    }

    /** A deadline met on a day, with evidence; for the decision to investigate, whether an investigation opens. */
    public record MetForm(LocalDate metOn,
                          @Size(max = 500, message = "{validation.size.max}") String evidence,
                          Boolean investigationOpened) {

        public MetForm {
            investigationOpened = investigationOpened != null && investigationOpened;
        }
    }

    /** The committee asked the court to extend the 8 § time, on a day (9 § 1 LVU). */
    public record ExtensionRequestForm(LocalDate requestedOn) {
    }

    /** The court's ruling on a decision: its kind, its day, the end date it set and the court's case number. */
    public record RulingForm(se.lotsen.decisions.RulingKind kind,
                             LocalDate decidedOn,
                             LocalDate until,
                             @Size(max = 100, message = "{validation.size.max}") String courtCaseNumber) {
    }

    static java.time.Instant instant(LocalDateTime swedishTime) {
        return swedishTime == null ? null : swedishTime.atZone(SWEDEN).toInstant();
    }

    /**
     * Puts the problems next to their fields. A problem about something the form has no field for (e.g. the case was
     * closed meanwhile) is shown at {@code fallbackField}, so that it is never lost and never breaks the page.
     */
    static void apply(FieldProblems problems, BindingResult result, Class<? extends Record> form, String fallbackField) {
        FormErrors.apply(placed(problems, form, fallbackField), result);
    }

    /**
     * Runs the service's check-only rule and adds its problems at the fields that have no error yet (placed as
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
        Set<String> fields = new LinkedHashSet<>();
        Arrays.stream(form.getRecordComponents()).forEach(c -> fields.add(c.getName()));
        List<FieldProblems.Problem> placed = new ArrayList<>();
        for (FieldProblems.Problem p : problems.problems()) {
            placed.add(fields.contains(p.field()) ? p
                    : new FieldProblems.Problem(fallbackField, p.messageKey(), p.args()));
        }
        return new FieldProblems(placed);
    }

}
