package se.lotsen.decisions;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import se.lotsen.common.FieldProblems;

/**
 * A recorded decision; a custody (6 § or 6 a § LVU) is an aggregate with guarded changes: {@link #execute} and
 * {@link #end}, each refused in the wrong state.
 *
 * @param placement whether the decision's texts concern a placement or whereabouts (11 § LVU, protected housing, or
 *                  marked so): hidden from those without the right when the person's identity is protected
 * @param masked    whether the texts were hidden from this reader
 */
public record Decision(
        UUID id,
        UUID caseId,
        DecisionType type,
        UUID custodyId,
        Instant decidedAt,
        Instant executedAt,
        String decidedByName,
        Mandate mandate,
        String committeeUnitCode,
        Set<String> grounds,
        String urgencyReason,
        String habitualResidence,
        String jurisdictionBasis,
        String jurisdictionNotes,
        String details,
        Instant endedAt,
        CustodyEnd endReason,
        String endNote,
        String recordedByName,
        String ageBasis,
        boolean placement,
        boolean masked) {

    public boolean active() {
        return endedAt == null;
    }

    public DecisionId decisionId() {
        return new DecisionId(id);
    }

    /** The custody was carried out at {@code at}: the 8 § time (or the 6 a § weeks) start from that day. */
    Decision execute(Instant at, Instant now) {
        if (!type.custody() || executedAt != null || !active()) {
            throw FieldProblems.of("executedAt", "validation.decision.executionNotExpected");
        }
        if (at == null) {
            throw FieldProblems.of("executedAt", "validation.required");
        }
        if (at.isBefore(decidedAt)) {
            throw FieldProblems.of("executedAt", "validation.decision.executedBeforeDecided");
        }
        if (at.isAfter(now.plusSeconds(300))) {
            throw FieldProblems.of("executedAt", "validation.case.receivedAt.future");
        }
        return new Decision(id, caseId, type, custodyId, decidedAt, at, decidedByName, mandate, committeeUnitCode,
                grounds, urgencyReason, habitualResidence, jurisdictionBasis, jurisdictionNotes, details, endedAt,
                endReason, endNote, recordedByName, ageBasis, placement, masked);
    }

    /**
     * The decision's status, from its own deadlines: lapsed when one whose miss ends it by law has passed (and no
     * extension was requested), or when it was ended as lapsed; ended when the court or the committee ended it.
     */
    public DecisionStatus status(java.util.List<Deadline> own) {
        if (endedAt != null) {
            return endReason == CustodyEnd.LAPSED ? DecisionStatus.LAPSED : DecisionStatus.ENDED;
        }
        boolean lapsed = own.stream().anyMatch(d -> id.equals(d.decisionId()) && d.status() == DeadlineStatus.LAPSED);
        return lapsed ? DecisionStatus.LAPSED : DecisionStatus.IN_FORCE;
    }

    /** The custody or travel ban ends, with its reason (a lapse by law included); only one in force ends. */
    Decision end(CustodyEnd reason, Instant at, String note, Instant now) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (!type.lasting() || !active()) {
            problems.add("reason", "validation.decision.notActiveCustody");
        }
        if (reason == null) {
            problems.add("reason", "validation.required");
        } else if (!CustodyEnd.forType(type).contains(reason)) {
            problems.add("reason", "validation.decision.endReasonNotForType");
        }
        if (at == null) {
            problems.add("endedAt", "validation.required");
        } else if (at.isBefore(decidedAt)) {
            problems.add("endedAt", "validation.decision.endBeforeDecision");
        } else if (at.isAfter(now.plusSeconds(300))) {
            problems.add("endedAt", "validation.case.receivedAt.future");
        }
        if (reason == CustodyEnd.OTHER && (note == null || note.isBlank())) {
            problems.add("note", "validation.decision.endNote");
        }
        if (note != null && note.length() > 2000) {
            problems.add("note", "validation.size.max.n", 2000);
        }
        problems.throwIfAny();
        return new Decision(id, caseId, type, custodyId, decidedAt, executedAt, decidedByName, mandate,
                committeeUnitCode, grounds, urgencyReason, habitualResidence, jurisdictionBasis, jurisdictionNotes,
                details, at, reason, note == null || note.isBlank() ? null : note.strip(), recordedByName, ageBasis,
                placement, masked);
    }

    /** The decision as someone without the right to see placement sees it: its free texts are not shown. */
    Decision withPlacementHidden() {
        if (!placement) {
            return this;
        }
        return new Decision(id, caseId, type, custodyId, decidedAt, executedAt, decidedByName, mandate,
                committeeUnitCode, grounds, null, null, jurisdictionBasis, null, null, endedAt, endReason, null,
                recordedByName, ageBasis, placement, true);
    }
}
