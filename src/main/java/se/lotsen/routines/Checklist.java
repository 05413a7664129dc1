package se.lotsen.routines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A case's checklist: its routine version and its items in routine order, and the number of the newest published
 * version of the routine (to say that a newer version exists).
 */
public record Checklist(UUID caseId, RoutineVersion version, List<ChecklistItem> items, int newestPublished) {

    public Checklist {
        items = List.copyOf(items);
    }

    /** Whether a newer version of the routine was published after the one the case follows. */
    public boolean newerVersionExists() {
        return newestPublished > version.number();
    }

    public List<ChecklistItem> visibleItems() {
        return items.stream().filter(ChecklistItem::visible).toList();
    }

    /** The next step to do: the first open, applicable step in routine order. */
    public Optional<ChecklistItem> next() {
        return items.stream().filter(i -> i.applicable() && i.status() == ChecklistItem.Status.OPEN).findFirst();
    }

    /** The open applicable steps after the next one, at most {@code limit}. */
    public List<ChecklistItem> upcoming(int limit) {
        return items.stream().filter(i -> i.applicable() && i.status() == ChecklistItem.Status.OPEN).skip(1)
                .limit(limit).toList();
    }

    public Optional<ChecklistItem> item(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    /** Visible items grouped by phase, in order. */
    public Map<RoutineDocument.Phase, List<ChecklistItem>> byPhase() {
        Map<RoutineDocument.Phase, List<ChecklistItem>> result = new LinkedHashMap<>();
        for (RoutineDocument.Phase phase : version.document().phases()) {
            List<ChecklistItem> inPhase = visibleItems().stream().filter(i -> i.phaseKey().equals(phase.key())).toList();
            if (!inPhase.isEmpty()) {
                result.put(phase, inPhase);
            }
        }
        return result;
    }

    /** Done or not applicable, out of the visible steps of the phase. */
    public int completedIn(String phaseKey) {
        return (int) visibleItems().stream().filter(i -> i.phaseKey().equals(phaseKey))
                .filter(i -> i.status() != ChecklistItem.Status.OPEN).count();
    }

    public int visibleIn(String phaseKey) {
        return (int) visibleItems().stream().filter(i -> i.phaseKey().equals(phaseKey)).count();
    }

    public int completed() {
        return (int) visibleItems().stream().filter(i -> i.status() != ChecklistItem.Status.OPEN).count();
    }
}
