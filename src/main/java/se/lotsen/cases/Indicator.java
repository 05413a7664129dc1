package se.lotsen.cases;

import java.util.Arrays;
import java.util.List;

/**
 * The indicator catalogue (LEGAL-AND-PRACTICE §3): general indicators (NSPM/MMM), child-specific indicators
 * (Migrationsverket, UNODC, the Norwegian list) and the ILO/EC operational indicators grouped by the elements of
 * the trafficking definition, each with a weight. Texts are message keys {@code indicator.<name>}. Any score built
 * from them is advisory: the worker's overall assessment decides.
 */
public enum Indicator {
    // General (NSPM "Tecken på att någon är utsatt")
    NO_ID_OR_FALSE_ID(Element.GENERAL, Weight.MEDIUM, Audience.BOTH),
    NO_CONTACT_DETAILS_OF_RECEIVERS(Element.GENERAL, Weight.MEDIUM, Audience.BOTH),
    CONTROLLED_BY_CALLER(Element.GENERAL, Weight.STRONG, Audience.BOTH),
    DISAPPEARS_UNEXPLAINED(Element.GENERAL, Weight.MEDIUM, Audience.BOTH),
    UNEXPLAINED_MONEY_OR_CLOTHES(Element.GENERAL, Weight.WEAK, Audience.BOTH),
    CRIMINAL_NETWORK(Element.GENERAL, Weight.MEDIUM, Audience.BOTH),
    // Children
    ENTERED_ILLEGALLY(Element.CHILD, Weight.MEDIUM, Audience.CHILD),
    INSTRUCTED_PHONE_NUMBER(Element.CHILD, Weight.STRONG, Audience.CHILD),
    NO_ACCESS_TO_GUARDIANS(Element.CHILD, Weight.MEDIUM, Audience.CHILD),
    INTIMIDATED_NOT_CHILDLIKE(Element.CHILD, Weight.MEDIUM, Audience.CHILD),
    NO_SCHOOL_NO_PLAY(Element.CHILD, Weight.MEDIUM, Audience.CHILD),
    TRAVELS_WITH_NON_RELATIVES(Element.CHILD, Weight.MEDIUM, Audience.CHILD),
    FIXER_ADULT_NEARBY(Element.CHILD, Weight.STRONG, Audience.CHILD),
    UNDOCUMENTED_RELATION_TO_ADULT(Element.CHILD, Weight.MEDIUM, Audience.CHILD),
    LEARNED_STORY(Element.CHILD, Weight.MEDIUM, Audience.CHILD),
    CLAIMED_AGE_DOES_NOT_MATCH(Element.CHILD, Weight.MEDIUM, Audience.CHILD),
    KNOWN_IN_SEVERAL_CITIES(Element.CHILD, Weight.MEDIUM, Audience.CHILD),
    NOT_ALLOWED_ALONE_WITH_HELPERS(Element.CHILD, Weight.STRONG, Audience.CHILD),
    // ILO/EC: recruitment
    DECEIVED_ABOUT_WORK(Element.DECEPTIVE_RECRUITMENT, Weight.STRONG, Audience.BOTH),
    DECEIVED_ABOUT_CONDITIONS(Element.DECEPTIVE_RECRUITMENT, Weight.MEDIUM, Audience.BOTH),
    ABDUCTED_OR_SOLD(Element.COERCIVE_RECRUITMENT, Weight.STRONG, Audience.BOTH),
    DEBT_BONDAGE_AT_RECRUITMENT(Element.COERCIVE_RECRUITMENT, Weight.STRONG, Audience.BOTH),
    ABUSE_OF_DIFFICULT_SITUATION(Element.VULNERABILITY_AT_RECRUITMENT, Weight.MEDIUM, Audience.BOTH),
    // ILO/EC: exploitation
    EXCESSIVE_HOURS(Element.EXPLOITATIVE_CONDITIONS, Weight.MEDIUM, Audience.BOTH),
    NO_OR_LOW_PAY(Element.EXPLOITATIVE_CONDITIONS, Weight.MEDIUM, Audience.BOTH),
    BAD_LIVING_CONDITIONS(Element.EXPLOITATIVE_CONDITIONS, Weight.WEAK, Audience.BOTH),
    SEXUAL_SERVICES_DEMANDED(Element.EXPLOITATIVE_CONDITIONS, Weight.STRONG, Audience.BOTH),
    // ILO/EC: coercion at destination
    DOCUMENTS_CONFISCATED(Element.COERCION_AT_DESTINATION, Weight.STRONG, Audience.BOTH),
    VIOLENCE_OR_THREATS(Element.COERCION_AT_DESTINATION, Weight.STRONG, Audience.BOTH),
    ISOLATED_OR_CONFINED(Element.COERCION_AT_DESTINATION, Weight.STRONG, Audience.BOTH),
    DEBT_AT_DESTINATION(Element.COERCION_AT_DESTINATION, Weight.MEDIUM, Audience.BOTH),
    // ILO/EC: abuse of vulnerability at destination
    DEPENDENT_ON_EXPLOITER(Element.VULNERABILITY_AT_DESTINATION, Weight.MEDIUM, Audience.BOTH),
    NO_LANGUAGE_NO_NETWORK(Element.VULNERABILITY_AT_DESTINATION, Weight.WEAK, Audience.BOTH),
    FEAR_OF_AUTHORITIES(Element.VULNERABILITY_AT_DESTINATION, Weight.WEAK, Audience.BOTH);

    /** The element of the trafficking definition (ILO/EC) or the list the indicator comes from. */
    public enum Element {
        GENERAL, CHILD, DECEPTIVE_RECRUITMENT, COERCIVE_RECRUITMENT, VULNERABILITY_AT_RECRUITMENT,
        EXPLOITATIVE_CONDITIONS, COERCION_AT_DESTINATION, VULNERABILITY_AT_DESTINATION
    }

    /** ILO/EC grading. */
    public enum Weight {
        STRONG(3), MEDIUM(2), WEAK(1);

        private final int points;

        Weight(int points) {
            this.points = points;
        }

        public int points() {
            return points;
        }
    }

    /** For whom the indicator is listed. */
    public enum Audience { CHILD, BOTH }

    private final Element element;
    private final Weight weight;
    private final Audience audience;

    Indicator(Element element, Weight weight, Audience audience) {
        this.element = element;
        this.weight = weight;
        this.audience = audience;
    }

    public Element element() {
        return element;
    }

    public Weight weight() {
        return weight;
    }

    public boolean appliesTo(SubjectType subject) {
        return audience == Audience.BOTH || subject == SubjectType.CHILD;
    }

    public String messageKey() {
        return "indicator." + name();
    }

    public static List<Indicator> forSubject(SubjectType subject) {
        return Arrays.stream(values()).filter(i -> i.appliesTo(subject)).toList();
    }
}
