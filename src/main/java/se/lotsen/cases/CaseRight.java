package se.lotsen.cases;

/**
 * What a user may do with one case. {@link CaseAccess} decides, and answers with a {@link CaseGrant} that holds the
 * rights. Nothing else in Lotsen decides access to case data.
 */
public enum CaseRight {
    /**
     * Read the case's content: the holding unit, a unit in its follow-up period after handing the case on, and a
     * user with an unexpired emergency access.
     */
    READ,
    /** Change the case: duty workers, case workers and leads of the holding unit. */
    WRITE,
    /** Read only, after the user's unit handed the case on, until the follow-up period ends. */
    FOLLOW_UP,
    /**
     * Lead the case: the holding unit's duty leads and unit managers assign it, name who else sees protected data and
     * lower a protection level. A lead always sees protected data.
     */
    LEAD,
    /**
     * See the address and placement of a person with protected identity: the holding unit's leads and a case worker a
     * lead has named for the case (LEGAL-AND-PRACTICE §5.3).
     */
    PROTECTED_DATA,
    /**
     * The method developer's consultation: the case's number and unit, and adding an answer to a question asked about
     * the case to its journal. No case content.
     */
    CONSULTATION,
    /**
     * Read through emergency access (nödåtkomst), outside the user's ordinary rights, until the grant expires: read
     * only, without protected data; flagged for log review on every read.
     */
    EMERGENCY,
    /**
     * Read a case selected for a case review (granskning), as one of the review's reviewers within its working period:
     * pseudonymised facts only (case number, age group, sex, unit) and what the review's questions are derived from;
     * never a change, never in the reviewer's case lists. Given without {@link #READ}, so no case page opens with it.
     */
    REVIEW,
    /**
     * The real identity (name, identity number; never an address) of the person a reviewed case is about, on the
     * reviewer's explicit request with a reason; flagged for log review.
     */
    REVIEW_IDENTITY
}
