package se.lotsen.cooperation;

import java.util.List;

import se.lotsen.routines.LinkedStep;

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
            new Field("evidenceBy", "TEXT", false)), LinkedStep.POLICE_REPORT),
    HOME_COUNTRY_UD(List.of(
            new Field("contactMayEndanger", "YES_NO", true),
            new Field("riskAssessment", "TEXTAREA", true),
            new Field("requestType", "CHOICE:REPORT_ON_CHILD|SERIOUS_DANGER_NOTICE|PLACEMENT_CONSENT|OTHER", false),
            new Field("reply", "TEXTAREA", false)), LinkedStep.HOME_COUNTRY_RISK),
    HOME_INVESTIGATION(List.of(
            new Field("investigated", "TEXTAREA", true),
            new Field("investigatedBy", "TEXT", true),
            new Field("sources", "TEXTAREA", false),
            new Field("outcome", "TEXTAREA", false)), LinkedStep.HOME_INVESTIGATION),
    MIGRATIONSVERKET(List.of(
            new Field("applicationDate", "DATE", false),
            new Field("decision", "TEXT", false)), LinkedStep.REFLECTION_PERIOD),
    REGIONAL_COORDINATOR(List.of(
            new Field("consent", "CHOICE:YES|NO|GENERAL_CONSULTATION", true)), LinkedStep.REGIONAL_COORDINATOR),
    NATIONAL_HOTLINE(List.of(), LinkedStep.SUPPORT_LINE),
    INTERPRETER(List.of(new Field("language", "TEXT", true)), LinkedStep.INTERPRETER),
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
    private final LinkedStep step;

    ContactType(List<Field> fields, LinkedStep step) {
        this.fields = fields;
        this.step = step;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The routine step a completed contact of this type can complete, or {@code null}. */
    public LinkedStep step() {
        return step;
    }

    /** The key of that step, or {@code null}. */
    public String stepKey() {
        return step == null ? null : step.key();
    }

    /** Whether a contact of this type always concerns where the person stays. */
    public boolean placement() {
        return this == PLACEMENT;
    }
}
