package se.lotsen.decisions;

import java.util.ArrayList;
import java.util.List;

import se.lotsen.cases.ClosingBlocker;

/**
 * What keeps a case from being closed, from its decisions and deadlines as already read: a custody (6 § or 6 a § LVU)
 * in force and every open deadline. The one form of the rule: {@link DecisionClosingCheck} applies it to what it reads
 * when the case is closed, and the case page to what it has already read, so it shows the blockers beforehand without
 * another statement.
 */
public final class ClosingBlockers {

    private ClosingBlockers() {
    }

    public static List<ClosingBlocker> of(List<Decision> decisions, List<Deadline> deadlines) {
        List<ClosingBlocker> blockers = new ArrayList<>();
        decisions.stream().filter(d -> d.type().custody() && d.active())
                .forEach(d -> blockers.add(new ClosingBlocker("case.close.blocked.custody", List.of(
                        d.type().legalBasis(), d.decidedAt().atZone(se.lotsen.common.SwedishDates.ZONE)
                                .toLocalDate().toString()))));
        deadlines.stream().filter(d -> d.status().open())
                .forEach(d -> blockers.add(new ClosingBlocker("case.close.blocked.deadline", List.of(
                        d.legalBasis(), d.dueDate() == null ? "–" : d.dueDate().toString()))));
        return blockers;
    }
}
