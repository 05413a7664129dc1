package se.lotsen.cooperation;

/** The status of a contact. */
public enum ContactStatus {
    /** The partner is closed: the contact is queued for its next opening. */
    QUEUED,
    /** Made; nothing more expected. */
    DONE,
    /** Made; a reply or follow-up is expected. */
    AWAITING_REPLY,
    /** Closed without further action. */
    CLOSED
}
