package se.lotsen.knowledge;

/** How many took part from one organisation, and which audience they belong to. Never names. */
public record ParticipantCount(String organisation, Audience audience, int participants) {
}
