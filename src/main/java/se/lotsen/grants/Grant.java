package se.lotsen.grants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A grant (statsbidrag) as agreed with its funder: the amount in whole Swedish kronor, the period it pays for, its
 * purpose and conditions (a final report due by a day, a share held back until the funder approves the report), and
 * what has been paid so far ({@code paid}, the sum of its payments). The figures a reader needs are computed here,
 * in one place: the held-back share, what is left, and what is still expected from the funder.
 */
public record Grant(
        UUID id,
        String funder,
        String reference,
        long amount,
        LocalDate periodFrom,
        LocalDate periodTo,
        String purpose,
        String conditions,
        LocalDate reportDue,
        HeldBackKind heldBackKind,
        long heldBackValue,
        LocalDate reportSubmittedOn,
        LocalDate reportApprovedOn,
        long paid,
        int version,
        Instant updatedAt,
        String updatedByName) {

    /** How the held-back share is given: a percentage of the amount, or an amount in kronor. */
    public enum HeldBackKind { PERCENT, AMOUNT }

    /** Where the final report stands. */
    public enum ReportStatus { DRAFT, SUBMITTED, APPROVED }

    /** The held-back share in kronor: a percentage is rounded to the nearest krona (half up). */
    public long heldBack() {
        return heldBackOf(heldBackKind, heldBackValue, amount);
    }

    static long heldBackOf(HeldBackKind kind, long value, long amount) {
        return kind == HeldBackKind.PERCENT ? (amount * value + 50) / 100 : value;
    }

    /** What is left of the amount after the payments so far. */
    public long remaining() {
        return Math.max(0, amount - paid);
    }

    /** The part of the held-back share not yet paid out. */
    public long heldBackRemaining() {
        return Math.min(heldBack(), remaining());
    }

    /**
     * What is still expected from the funder now: before the report is approved, what is left of the amount less the
     * held-back share; once it is approved, the held-back share is released and everything left is expected.
     */
    public long expectedPayment() {
        return reportStatus() == ReportStatus.APPROVED ? remaining() : Math.max(0, remaining() - heldBack());
    }

    /** The largest payment that can be recorded now (the same figure as {@link #expectedPayment()}). */
    public long paymentLimit() {
        return expectedPayment();
    }

    public ReportStatus reportStatus() {
        if (reportApprovedOn != null) {
            return ReportStatus.APPROVED;
        }
        return reportSubmittedOn != null ? ReportStatus.SUBMITTED : ReportStatus.DRAFT;
    }

    /** The report may still be edited (it has not been sent to the funder). */
    public boolean reportEditable() {
        return reportStatus() == ReportStatus.DRAFT;
    }

    /** "Länsstyrelsen i Stockholms län 2026–2027": how a grant is named in lists, titles and on the board. */
    public String name() {
        int from = periodFrom.getYear();
        int to = periodTo.getYear();
        return funder + " " + (from == to ? String.valueOf(from) : from + "–" + to);
    }
}
