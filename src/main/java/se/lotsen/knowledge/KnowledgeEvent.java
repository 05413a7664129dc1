package se.lotsen.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A training day, seminar or information visit. */
public record KnowledgeEvent(
        UUID id,
        KnowledgeEventRecorded.Kind kind,
        String topic,
        LocalDate date,
        LocalTime time,
        String place,
        String organiser,
        Set<Audience> audiences,
        KnowledgeEventRecorded.Status status,
        String evaluation,
        List<ParticipantCount> participants,
        int version,
        Instant updatedAt,
        String updatedBy) {

    public KnowledgeEvent {
        audiences = Set.copyOf(audiences);
        participants = List.copyOf(participants);
    }

    /** The participants over all organisations. */
    public int totalParticipants() {
        return participants.stream().mapToInt(ParticipantCount::participants).sum();
    }

    /** The audiences in the order of {@link Audience}. */
    public List<Audience> audienceList() {
        return java.util.Arrays.stream(Audience.values()).filter(audiences::contains).toList();
    }
}
