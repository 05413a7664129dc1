package se.lotsen.knowledge;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * An event as the method developer registers or changes it. A value the form could not read is {@code null}; the
 * rules ({@link KnowledgeEvents#check}) name what is missing.
 */
public record EventCommand(
        KnowledgeEventRecorded.Kind kind,
        String topic,
        LocalDate date,
        LocalTime time,
        String place,
        String organiser,
        Set<Audience> audiences,
        KnowledgeEventRecorded.Status status,
        String evaluation,
        List<ParticipantCount> participants) {

    public EventCommand {
        audiences = audiences == null ? Set.of() : Set.copyOf(audiences);
        // Rows left empty in the form are null (so that row numbers stay those shown); they are not saved.
        participants = participants == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(participants));
    }
}
