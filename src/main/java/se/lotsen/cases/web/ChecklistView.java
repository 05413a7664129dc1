package se.lotsen.cases.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;

import se.lotsen.common.SwedishDates;
import se.lotsen.routines.Checklist;
import se.lotsen.routines.ChecklistItem;
import se.lotsen.routines.RoutineDocument;

/**
 * The case page's checklist as it is shown: the visible steps grouped by phase, each row with its links, texts and
 * status ready to print. Worked out once in Java instead of per step in the template, where every link, message and
 * date of every row was an interpreted expression: the rows were the largest part of the page's rendering (README,
 * "Benchmarks").
 *
 * @param completed the visible steps done or not applicable
 * @param visible   the visible steps
 * @param phases    the phases with visible steps, in the routine's order
 */
record ChecklistView(int completed, int visible, List<Phase> phases) {

    /**
     * A phase: its fragment id, title, progress, whether it is shown open, and its rows.
     */
    record Phase(String anchor, String title, int done, int all, boolean open, List<Row> rows) {

        public boolean complete() {
            return done == all;
        }
    }

    /**
     * A step's row: the link to its page and its title, who performs it, the link to where its work is done (only
     * while it is open and the viewer may change the case) and its text, who did it and when, and its status.
     */
    record Row(String href, String title, String performer, String workHref, String workLabel, String doneBy,
               String statusClass, String symbol, String status) {
    }

    /**
     * The checklist of a case for one viewer.
     *
     * @param contextPath the application's context path, for the links
     * @param editable    whether the viewer may change the case (the links to where a step's work is done)
     * @param openPhases  the keys of the phases shown open (the next step's, the one just changed)
     */
    static ChecklistView of(Checklist checklist, UUID caseId, String contextPath, boolean editable,
                            java.util.Collection<String> openPhases, Locale locale, MessageSource messages,
                            SwedishDates dates) {
        // What is visible, done and grouped is the checklist's to say; this only prepares it for printing.
        String caseHref = contextPath + "/cases/" + caseId;
        List<Phase> phases = new ArrayList<>();
        for (Map.Entry<RoutineDocument.Phase, List<ChecklistItem>> entry : checklist.byPhase().entrySet()) {
            String key = entry.getKey().key();
            List<Row> rows = entry.getValue().stream()
                    .map(item -> row(item, caseId, caseHref, contextPath, editable, locale, messages, dates)).toList();
            phases.add(new Phase(CaseController.phaseAnchor(key), entry.getKey().title(), checklist.completedIn(key),
                    checklist.visibleIn(key), openPhases.contains(key), rows));
        }
        return new ChecklistView(checklist.completed(), checklist.visibleItems().size(), List.copyOf(phases));
    }

    private static Row row(ChecklistItem item, UUID caseId, String caseHref, String contextPath, boolean editable,
                           Locale locale, MessageSource messages, SwedishDates dates) {
        StepLinks.Link work = editable && item.status() == ChecklistItem.Status.OPEN
                ? StepLinks.of(caseId, item.key()).orElse(null) : null;
        String doneBy = item.doneByName() == null ? null : message(messages, "case.checklist.doneBy",
                new Object[] {item.doneByName(), dates.dateTime(item.doneAt(), locale)}, locale);
        String symbol = switch (item.status()) {
            case DONE -> "✓";
            case NOT_APPLICABLE -> "–";
            case OPEN -> "○";
        };
        return new Row(caseHref + "/steps/" + item.key(), item.step().title(),
                message(messages, "performer." + item.step().performer(), null, locale),
                work == null ? null : contextPath + work.href(),
                work == null ? null : message(messages, work.labelKey(), null, locale),
                doneBy, "task-status--" + item.status().name().toLowerCase(Locale.ROOT), symbol,
                message(messages, "stepStatus." + item.status(), null, locale));
    }

    /** A message; its key when there is none (as the template showed a missing one), never an error page. */
    private static String message(MessageSource messages, String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }
}
