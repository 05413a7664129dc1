package se.lotsen.cases;

import java.util.List;
import java.util.Optional;

import se.lotsen.organisation.UnitKind;
import se.lotsen.routines.Checklist;
import se.lotsen.routines.ChecklistItem;
import se.lotsen.routines.LinkedStep;
import se.lotsen.routines.Performer;

/**
 * "Nästa steg" for one viewer: the one place that decides what the case page offers as the next thing to do, from the
 * viewer's grant and the checklist.
 *
 * <ul>
 *   <li>A viewer who may not change the case (closed, handed over and only followed up, emergency access, another
 *       unit holds it) gets no step to do, only the reason ({@link StepActions.ReadOnly}, the same reasons and texts
 *       as the step page).</li>
 *   <li>Otherwise the steps are the holding unit's own: a jour sees the open steps the routine gives the jour, a
 *       district sees the receipt of the handover first, then its own steps in routine order. Steps of the other
 *       performer are not offered (the jour is not sent to the district's investigation, nor the district to the
 *       jour's night work).</li>
 * </ul>
 *
 * @param readOnly     why the viewer may not change the case; {@code null} when they may
 * @param performer    whose steps are offered: the holding unit's ({@link Performer#DISTRICT} for a district)
 * @param step         the next step to do, or {@code null} when none is left for this viewer
 * @param after        the open steps after it (at most three)
 * @param othersRemain open steps remain, but for the other performer (e.g. the district after the handover)
 */
public record NextStep(StepActions.ReadOnly readOnly, Performer performer, ChecklistItem step,
                       List<ChecklistItem> after, boolean othersRemain) {

    /** How many steps "Därefter" lists. */
    static final int AFTER = 3;

    public NextStep {
        after = List.copyOf(after);
    }

    /** The next step for the viewer with this grant. */
    public static NextStep of(CaseGrant grant, Checklist checklist) {
        Performer performer = grant.header().unit().kind() == UnitKind.DISTRICT ? Performer.DISTRICT : Performer.JOUR;
        StepActions.ReadOnly readOnly = StepActions.readOnlyFor(grant);
        if (readOnly != null) {
            return new NextStep(readOnly, performer, null, List.of(), false);
        }
        List<ChecklistItem> open = checklist.items().stream()
                .filter(i -> i.applicable() && i.status() == ChecklistItem.Status.OPEN).toList();
        List<ChecklistItem> own = open.stream().filter(i -> i.step().performer() == performer)
                .sorted(java.util.Comparator.comparingInt(i -> firstFor(performer, i) ? 0 : 1))
                .toList();
        ChecklistItem next = own.isEmpty() ? null : own.get(0);
        List<ChecklistItem> after = own.stream().skip(1).limit(AFTER).toList();
        return new NextStep(null, performer, next, after, own.size() < open.size());
    }

    /** A district starts with the receipt of the handover, wherever the routine puts it. */
    private static boolean firstFor(Performer performer, ChecklistItem item) {
        return performer == Performer.DISTRICT && LinkedStep.RECEIPT.key().equals(item.key());
    }

    /** The viewer may change the case: the page offers steps and forms. */
    public boolean editable() {
        return readOnly == null;
    }

    public Optional<ChecklistItem> next() {
        return Optional.ofNullable(step);
    }

    /** The message key explaining the read-only state (shared with the step page), or {@code null}. */
    public String readOnlyMessageKey() {
        return readOnly == null ? null : "step.readOnly." + readOnly.name();
    }

    /**
     * The message key for "nothing to do here": every step done, or the rest belongs to the other performer (the
     * district after the handover, or the jour's night steps that the district does not redo).
     */
    public String noneMessageKey() {
        if (!othersRemain) {
            return "case.next.none";
        }
        return performer == Performer.JOUR ? "case.next.noneForJour" : "case.next.noneForDistrict";
    }
}
