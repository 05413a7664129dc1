package se.lotsen.cases;

import java.util.Map;

/**
 * A panel that another module adds to the case page (deadlines, decisions, cooperation…), so that the case page can
 * show them without this module depending on theirs. The template fragment is rendered with the model given here.
 */
public interface CasePanel {

    /** Where on the case page. */
    enum Position {
        /** Above the next step: what is due (deadlines). */
        TOP,
        /** In the body, after the checklist. */
        BODY,
        /**
         * In the summary at the top of the case page: rows of its description list ({@code <dt>}/{@code <dd>} pairs),
         * e.g. the next deadline and the custody in force.
         */
        SUMMARY,
        /** Inside "Avsluta ärendet", before the form: what keeps the case from being closed. */
        CLOSING
    }

    /**
     * A section of the case page that the in-page navigation links to: the id of the panel's element and the message
     * key of the link text.
     */
    record Section(String anchor, String titleKey) {
    }

    /** The section the panel is, for the navigation of the case page; {@code null} for none (summary rows). */
    default Section section() {
        return null;
    }

    /**
     * Where the panel goes and what renders it.
     *
     * @param order    order within the position, lowest first
     * @param template the template, e.g. {@code decisions/panels}
     * @param selector the fragment in the template, e.g. {@code deadlines}; it reads its model as {@code pm}
     */
    record Slot(Position position, int order, String template, String selector) {
    }

    Slot slot();

    /**
     * The model for the fragment, for the grant the case page was opened with (the panel shows only what the grant
     * allows: e.g. placement only with {@link CaseRight#PROTECTED_DATA}).
     */
    Map<String, Object> model(CaseGrant grant);
}
