package se.lotsen.audit.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditOutcome;

/**
 * The log review's filter as the page and the CSV export receive it. {@code flag} is a {@link se.lotsen.audit.ReviewFlag}
 * code or {@link #ANY_FLAG}; {@code flagged=true} is the older form of "any flag".
 */
record LogFilterForm(
        @Size(max = 80, message = "{validation.size.max}") String caseNumber,
        @Size(max = 200, message = "{validation.size.max}") String person,
        @Size(max = 64, message = "{validation.size.max}") String user,
        @Size(max = 64, message = "{validation.size.max}") String unit,
        AuditAction action,
        @Size(max = 64, message = "{validation.size.max}") String recordType,
        @Size(max = 128, message = "{validation.size.max}") String recordId,
        AuditOutcome outcome,
        @Size(max = 32, message = "{validation.size.max}") String flag,
        LocalDate from,
        LocalDate to,
        Boolean flagged) {

    static final String ANY_FLAG = "ANY";

    static LogFilterForm empty() {
        return new LogFilterForm(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same filter without the record: every record the other fields select. */
    LogFilterForm withoutRecordId() {
        return new LogFilterForm(caseNumber, person, user, unit, action, recordType, null, outcome, flag, from, to,
                flagged);
    }

    /** The flag filter, with the older {@code flagged=true} read as "any flag". */
    String flagOrAny() {
        if ((flag == null || flag.isBlank()) && Boolean.TRUE.equals(flagged)) {
            return ANY_FLAG;
        }
        return flag == null || flag.isBlank() ? null : flag.trim();
    }
}
