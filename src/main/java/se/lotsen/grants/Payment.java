package se.lotsen.grants;

import java.time.LocalDate;
import java.util.UUID;

/** A payment received from the funder: the day, the amount in whole kronor and a note. */
public record Payment(UUID id, UUID grantId, LocalDate paidOn, long amount, String note, String recordedByName) {
}
