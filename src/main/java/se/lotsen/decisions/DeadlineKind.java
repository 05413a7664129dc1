package se.lotsen.decisions;

/** The kinds of deadline; each has versioned rules in {@code deadline_rule}. */
public enum DeadlineKind {
    LVU_7_SUBMISSION(true),
    LVU_7_COURT_REVIEW(false),
    LVU_8_APPLICATION(true),
    COMMITTEE_REPORT(false),
    LVU_14_REVIEW(false),
    LVU_6A_INITIAL(true),
    LVU_6A_CONTINUATION(true),
    CHILD_PROTECTION_ASSESSMENT(false),
    CHILD_INVESTIGATION_DECISION(false),
    CHILD_INVESTIGATION(false);

    private final boolean custodyLapsesWhenMissed;

    DeadlineKind(boolean custodyLapsesWhenMissed) {
        this.custodyLapsesWhenMissed = custodyLapsesWhenMissed;
    }

    /** Whether missing this deadline ends the custody by law (7 §, 8 §/9 §, 9 a–b §§ LVU). */
    public boolean custodyLapsesWhenMissed() {
        return custodyLapsesWhenMissed;
    }
}
