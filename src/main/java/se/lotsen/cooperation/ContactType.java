package se.lotsen.cooperation;

import java.util.List;

/**
 * Typed contacts, each with its own fields and the routine step it can complete. Field kinds: {@code TEXT},
 * {@code TEXTAREA}, {@code YES_NO}, {@code DATE}, or a choice given as {@code CHOICE:A|B|C}.
 */
public enum ContactType {
    POLICE(List.of(
            new Field("reportMade", "YES_NO", true),
            new Field("reportNumber", "TEXT", false),
            new Field("noReportReason", "TEXTAREA", false),
            new Field("secrecyRule", "CHOICE:OSL_10_21|OSL_10_23|CONSENT|OTHER", false),
            new Field("officer", "TEXT", false),
            new Field("policeUnit", "TEXT", false),
            new Field("interviewPlanned", "TEXT", false),
            new Field("evidenceBy", "TEXT", false)), "polisanmalan"),
    HOME_COUNTRY_UD(List.of(
            new Field("contactMayEndanger", "YES_NO", true),
            new Field("riskAssessment", "TEXTAREA", true),
            new Field("requestType", "CHOICE:REPORT_ON_CHILD|SERIOUS_DANGER_NOTICE|PLACEMENT_CONSENT|OTHER", false),
            new Field("reply", "TEXTAREA", false)), "riskbedomning-hemland"),
    HOME_INVESTIGATION(List.of(
            new Field("investigated", "TEXTAREA", true),
            new Field("investigatedBy", "TEXT", true),
            new Field("sources", "TEXTAREA", false),
            new Field("outcome", "TEXTAREA", false)), "utredning-hem"),
    MIGRATIONSVERKET(List.of(
            new Field("applicationDate", "DATE", false),
            new Field("decision", "TEXT", false)), "betanketid"),
    REGIONAL_COORDINATOR(List.of(
            new Field("consent", "CHOICE:YES|NO|GENERAL_CONSULTATION", true)), "regionkoordinator"),
    NATIONAL_HOTLINE(List.of(), "stodtelefon"),
    INTERPRETER(List.of(new Field("language", "TEXT", true)), "tolk"),
    PLACEMENT(List.of(), null),
    HEALTH_CARE(List.of(), null),
    OTHER(List.of(), null);

    /** A field of a typed contact. */
    public record Field(String key, String kind, boolean required) {
        public List<String> choices() {
            return kind.startsWith("CHOICE:") ? List.of(kind.substring(7).split("\\|")) : List.of();
        }
    }

    private final List<Field> fields;
    private final String stepKey;

    ContactType(List<Field> fields, String stepKey) {
        this.fields = fields;
        this.stepKey = stepKey;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The routine step a completed contact of this type can complete, or {@code null}. */
    public String stepKey() {
        return stepKey;
    }
}
