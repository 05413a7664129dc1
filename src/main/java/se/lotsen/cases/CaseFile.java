package se.lotsen.cases;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import se.lotsen.common.FieldProblems;
import se.lotsen.organisation.UnitId;

/**
 * The case aggregate: its status lifecycle, who holds and works it, and its assessments, with the invariants that
 * guard every change. Each method throws when called in the wrong state; {@link CaseRepository} saves the result
 * only if nobody changed the case in the meantime (its version).
 *
 * <ul>
 *   <li>A case with a custody in force or an open statutory deadline cannot be closed (the decisions module reports
 *       them as {@link ClosingBlocker}s); closing and reopening need a reason.</li>
 *   <li>Only an open or handed-over case is handed on, and never to the unit that holds it.</li>
 *   <li>A closed case is not changed, only reopened.</li>
 *   <li>The protection assessment is for children.</li>
 * </ul>
 */
final class CaseFile {

    /** What the last change was, for the message shown to someone whose concurrent change was refused. */
    enum Change {
        INDICATORS, PROTECTION, STATUS, ASSIGNMENT, HANDOVER, CUSTODY, PERSON, PROTECTED_VIEWERS;

        String messageKey() {
            return "change." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final CaseId id;
    private final String caseNumber;
    private final SubjectType subjectType;
    private final int version;
    private UnitId unit;
    private CaseStatus status;
    private UUID assignedTo;
    private boolean custodyInForce;
    private Set<Indicator> indicators;
    private String overallAssessment;
    private ProtectionOutcome protectionOutcome;
    private String protectionNotes;
    private Change change;

    CaseFile(CaseId id, String caseNumber, SubjectType subjectType, int version, UnitId unit, CaseStatus status,
             UUID assignedTo, boolean custodyInForce, Set<Indicator> indicators, String overallAssessment,
             ProtectionOutcome protectionOutcome, String protectionNotes) {
        this.id = id;
        this.caseNumber = caseNumber;
        this.subjectType = subjectType;
        this.version = version;
        this.unit = unit;
        this.status = status;
        this.assignedTo = assignedTo;
        this.custodyInForce = custodyInForce;
        this.indicators = indicators.isEmpty() ? EnumSet.noneOf(Indicator.class) : EnumSet.copyOf(indicators);
        this.overallAssessment = overallAssessment;
        this.protectionOutcome = protectionOutcome;
        this.protectionNotes = protectionNotes;
    }

    // -- transitions --

    /** Closes the case; refused while anything in {@code blockers} is unfinished. */
    void close(String reason, List<ClosingBlocker> blockers) {
        requireTransition(CaseStatus.CLOSED);
        requireReason(reason);
        if (!blockers.isEmpty()) {
            throw new CaseCannotBeClosed(blockers);
        }
        status = CaseStatus.CLOSED;
        change = Change.STATUS;
    }

    /** Reopens a closed case, with a reason. */
    void reopen(String reason) {
        requireTransition(CaseStatus.OPEN);
        requireReason(reason);
        status = CaseStatus.OPEN;
        change = Change.STATUS;
    }

    /**
     * Hands the case to another unit: the receiving unit holds it, with no worker assigned until its manager assigns
     * one.
     */
    void handOverTo(UnitId to) {
        if (!(status == CaseStatus.OPEN || status == CaseStatus.HANDED_OVER)) {
            throw FieldProblems.of("toUnit", "validation.case.status.transition");
        }
        if (unit.equals(to)) {
            throw FieldProblems.of("toUnit", "validation.handover.sameUnit");
        }
        unit = to;
        status = CaseStatus.HANDED_OVER;
        assignedTo = null;
        change = Change.HANDOVER;
    }

    /** Someone of the holding unit works the case now. */
    void assign(UUID account) {
        requireActive();
        assignedTo = account;
        change = Change.ASSIGNMENT;
    }

    void recordIndicators(Set<Indicator> observed, String overall) {
        requireActive();
        checkIndicators(subjectType, observed, overall);
        indicators = observed.isEmpty() ? EnumSet.noneOf(Indicator.class) : EnumSet.copyOf(observed);
        overallAssessment = overall.trim();
        change = Change.INDICATORS;
    }

    /** The immediate protection assessment of a child; that custody was decided makes the custody steps apply. */
    void recordProtection(ProtectionOutcome outcome, String notes) {
        requireActive();
        checkProtection(subjectType, outcome, notes);
        protectionOutcome = outcome;
        protectionNotes = notes.trim();
        if (outcome == ProtectionOutcome.CUSTODY_DECIDED) {
            custodyInForce = true;
        }
        change = Change.PROTECTION;
    }

    /** The rules of an indicator assessment, all problems at once. */
    static void checkIndicators(SubjectType subjectType, Set<Indicator> observed, String overall) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (observed.stream().anyMatch(i -> !i.appliesTo(subjectType))) {
            problems.add("observed", "validation.case.indicator.notForSubject");
        }
        if (overall == null || overall.isBlank()) {
            problems.add("overallAssessment", "validation.case.overallAssessment");
        }
        problems.throwIfAny();
    }

    /** The rules of a protection assessment, all problems at once. */
    static void checkProtection(SubjectType subjectType, ProtectionOutcome outcome, String notes) {
        if (subjectType != SubjectType.CHILD) {
            throw FieldProblems.of("outcome", "validation.case.protection.childOnly");
        }
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (outcome == null) {
            problems.add("outcome", "validation.required");
        }
        if (notes == null || notes.isBlank()) {
            problems.add("notes", "validation.case.protection.notes");
        }
        problems.throwIfAny();
    }

    /** Whether the custody steps of the routine apply: a custody was decided (the decisions module records it). */
    void custodyInForce(boolean inForce) {
        custodyInForce = inForce;
        change = Change.CUSTODY;
    }

    /** A change that belongs to the case but is stored elsewhere (the person, who may see protected data). */
    void touched(Change what) {
        change = what;
    }

    void requireActive() {
        if (!status.active()) {
            throw FieldProblems.of("status", "validation.case.closed");
        }
    }

    private void requireTransition(CaseStatus target) {
        if (!status.canBecome(target)) {
            throw FieldProblems.of("status", "validation.case.status.transition");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw FieldProblems.of("reason", "validation.case.status.reason");
        }
        if (reason.length() > 2000) {
            throw FieldProblems.of("reason", "validation.size.max.n", 2000);
        }
    }

    // -- state, for the repository --

    CaseId id() {
        return id;
    }

    String caseNumber() {
        return caseNumber;
    }

    SubjectType subjectType() {
        return subjectType;
    }

    int version() {
        return version;
    }

    UnitId unit() {
        return unit;
    }

    CaseStatus status() {
        return status;
    }

    UUID assignedTo() {
        return assignedTo;
    }

    boolean custodyInForce() {
        return custodyInForce;
    }

    Set<Indicator> indicators() {
        return indicators;
    }

    String overallAssessment() {
        return overallAssessment;
    }

    ProtectionOutcome protectionOutcome() {
        return protectionOutcome;
    }

    String protectionNotes() {
        return protectionNotes;
    }

    Change change() {
        return change;
    }
}
