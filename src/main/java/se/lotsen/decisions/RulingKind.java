package se.lotsen.decisions;

import java.util.Set;

/**
 * What a court (or, for betänketid, Migrationsverket) ruled on a decision, with the decision types it can concern and
 * whether it carries an end date ({@code until}). LEGAL-AND-PRACTICE §11.4–11.7.
 */
public enum RulingKind {
    /** 7 § LVU: the administrative court confirmed the immediate custody. */
    CUSTODY_CONFIRMED(Set.of(DecisionType.LVU_6, DecisionType.LVU_6A), Until.NONE, "7 § LVU"),
    /** 7 § LVU: the court set the custody aside; it ends. */
    CUSTODY_SET_ASIDE(Set.of(DecisionType.LVU_6, DecisionType.LVU_6A), Until.NONE, "7 § LVU"),
    /**
     * 9 a § LVU: continued custody for temporary care, at most two months counted from the day of this ruling; the
     * court may set a shorter end date.
     */
    CONTINUATION_GRANTED(Set.of(DecisionType.LVU_6A), Until.OPTIONAL, "9 a § LVU"),
    /** 8 § andra stycket LVU: the court extended the time for the application to the date it set. */
    EXTENSION_GRANTED(Set.of(DecisionType.LVU_6, DecisionType.LVU_6A), Until.REQUIRED, "8 § andra stycket LVU"),
    /** The court refused the requested extension: the time is what it was. */
    EXTENSION_REFUSED(Set.of(DecisionType.LVU_6, DecisionType.LVU_6A), Until.NONE, "8 § andra stycket LVU"),
    /** 31 e § LVU: the court confirmed the temporary travel ban; the 31 f § four weeks start. */
    TRAVEL_BAN_CONFIRMED(Set.of(DecisionType.LVU_31D_TEMPORARY_TRAVEL_BAN), Until.NONE, "31 e § LVU"),
    /** 31 e § LVU: the court set the temporary travel ban aside; it ends and the police are told. */
    TRAVEL_BAN_SET_ASIDE(Set.of(DecisionType.LVU_31D_TEMPORARY_TRAVEL_BAN), Until.NONE, "31 e § LVU"),
    /** 9 § 2 LVU: the court granted care; the custody turns into care. */
    CARE_GRANTED(Set.of(DecisionType.LVU_6), Until.NONE, "9 § 2 LVU"),
    /** 9 § 2 LVU: the court refused care or continued custody; the custody ends with the ruling. */
    CARE_REFUSED(Set.of(DecisionType.LVU_6, DecisionType.LVU_6A), Until.NONE, "9 § 2 LVU"),
    /** Migrationsverket granted a 30-day residence permit for a reflection period (utlänningslagen 5 kap. 15 §). */
    REFLECTION_PERIOD_GRANTED(Set.of(DecisionType.ADULT_REFLECTION_PERIOD), Until.OPTIONAL, "5 kap. 15 § UtlL");

    /** Whether the ruling carries an end date. */
    public enum Until { NONE, OPTIONAL, REQUIRED }

    private final Set<DecisionType> concerns;
    private final Until until;
    private final String legalBasis;

    RulingKind(Set<DecisionType> concerns, Until until, String legalBasis) {
        this.concerns = concerns;
        this.until = until;
        this.legalBasis = legalBasis;
    }

    public boolean concerns(DecisionType type) {
        return concerns.contains(type);
    }

    public Until until() {
        return until;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /** The rulings that can concern a decision of the type, in the order shown. */
    public static java.util.List<RulingKind> forType(DecisionType type) {
        return java.util.Arrays.stream(values()).filter(k -> k.concerns(type)).toList();
    }
}
