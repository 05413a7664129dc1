package se.lotsen.handover;

import java.time.Instant;
import java.util.List;

import se.lotsen.cases.CaseView;
import se.lotsen.cooperation.Contact;
import se.lotsen.decisions.Deadline;
import se.lotsen.decisions.Decision;
import se.lotsen.routines.Checklist;
import se.lotsen.routines.ChecklistItem;

/**
 * Everything that goes to the district with a case (SEED-SUMMARY point 6): the memo of what happened (the intake and
 * the journal), the person (protected identity respected by {@link CaseView#visibleAddress()}), every decision with
 * decision-maker, time and legal basis, every deadline with its dates and status, every cooperation contact, and the
 * handling manual: every routine step of the case with its status, who did it, the guidance, and what remains. It is
 * marked secret with the provision, the date and the authority ({@link SecrecyMark}, OSL 5 kap. 5 §).
 */
public record HandoverPackage(
        CaseView caseView,
        Checklist checklist,
        List<Decision> decisions,
        List<Deadline> deadlines,
        List<Contact> contacts,
        List<Handover> handovers,
        Instant generatedAt,
        String generatedByName,
        SecrecyMark secrecyMark) {

    /** The steps that remain: applicable and still open, in routine order. */
    public List<ChecklistItem> remaining() {
        return checklist.items().stream().filter(i -> i.applicable() && i.status() == ChecklistItem.Status.OPEN).toList();
    }

    /** Every step of the handling manual shown for the case (applicable, or already dealt with). */
    public List<ChecklistItem> manual() {
        return checklist.visibleItems();
    }
}
