package se.lotsen.decisions;

/** The kinds of deadline; each has versioned rules in {@code deadline_rule}. */
public enum DeadlineKind {
    LVU_7_SUBMISSION(true),
    LVU_7_COURT_REVIEW(false),
    /** 8 § LVU: the application for care (6 §) or for continued custody (6 a §, 9 a §); extendable by the court. */
    LVU_8_APPLICATION(true),
    COMMITTEE_REPORT(false),
    LVU_14_REVIEW(false),
    /** 8 § första stycket 2 for a 6 a § custody: the application for continued custody within four weeks. */
    LVU_6A_INITIAL(true),
    /** Replaced by {@link #LVU_9B_APPLICATION}; kept for deadlines recorded before the correction. */
    LVU_6A_CONTINUATION(true),
    /** 9 a–9 b §§: apply again before the period the court granted runs out (its last day, never moved). */
    LVU_9B_APPLICATION(true),
    /** 31 e §: submit a temporary travel ban to the court within one week of the decision day. */
    LVU_31E_SUBMISSION(true),
    /** 31 f §: apply for a travel ban within four weeks of the court's confirmation. */
    LVU_31F_APPLICATION(true),
    /** 31 c §: reconsider a travel ban at least every six months. */
    LVU_31C_REVIEW(false),
    /** Tell the police at once when a travel ban starts and when it ends. */
    TRAVEL_BAN_POLICE_NOTICE(false),
    /** The 30-day residence permit for a reflection period ends (utlänningslagen 5 kap. 15 §). */
    REFLECTION_PERIOD_END(false),
    CHILD_PROTECTION_ASSESSMENT(false),
    CHILD_INVESTIGATION_DECISION(false),
    CHILD_INVESTIGATION(false);

    private final boolean decisionLapsesWhenMissed;

    DeadlineKind(boolean decisionLapsesWhenMissed) {
        this.decisionLapsesWhenMissed = decisionLapsesWhenMissed;
    }

    /**
     * Whether missing this deadline ends the decision by law: the custody (7 §, 8 § with 9 § 1, 9 b § LVU) or the
     * temporary travel ban (31 e §, 31 f §).
     */
    public boolean custodyLapsesWhenMissed() {
        return decisionLapsesWhenMissed;
    }

    /** The 8 § time: the court may extend it, and a requested extension keeps the custody (8 § andra stycket, 9 § 1). */
    public boolean extendable() {
        return this == LVU_8_APPLICATION || this == LVU_6A_INITIAL;
    }
}
