package se.lotsen.cases;

import java.util.Map;

import se.lotsen.access.CurrentUser;

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
        BODY
    }

    Position position();

    /** Order within the position, lowest first. */
    int order();

    /** The template, e.g. {@code decisions/panels}. */
    String template();

    /** The fragment in the template, e.g. {@code deadlines}; it reads its model as {@code pm}. */
    String selector();

    /** The model for the fragment; the case is readable by the user (already checked). */
    Map<String, Object> model(CaseId caseId, CurrentUser user);
}
