package se.lotsen.audit;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why an audit entry deserves a look at log review (loggkontroll). An entry may carry several; they are stored as a
 * sorted, comma-separated list of these codes in {@code audit_entry.review_flag} and are part of the entry's chain
 * value. The Swedish and English names are the message keys {@code audit.flag.<CODE>}.
 */
public enum ReviewFlag {
    /** An account was given a case role (separation of duties: an administrator's grant is reviewed). */
    CASE_ROLE_GRANTED,
    /** A lead named someone who may see a case's protected address and placement. */
    PROTECTED_DATA_GRANTED,
    /** A lead lowered a person's protection level. */
    PROTECTION_LOWERED,
    /** A case was opened through emergency access (nödåtkomst), outside the reader's ordinary rights. */
    EMERGENCY_ACCESS,
    /** A case was read or changed by someone outside its holding unit (follow-up, consultation, emergency access). */
    OUTSIDE_UNIT,
    /** A case about a person with protected identity was read or changed. */
    PROTECTED_PERSON,
    /** A case was read at an hour when the reader's unit does not work. */
    ODD_HOURS,
    /** The reader opened many different cases in a short time. */
    MANY_CASES,
    /** A reviewer asked to see the real identity of the person a case under review is about. */
    IDENTITY_REVEALED;

    /** The stored form: the codes, sorted by declaration order, comma-separated; {@code null} when there are none. */
    public static String format(Collection<ReviewFlag> flags) {
        if (flags == null || flags.isEmpty()) {
            return null;
        }
        return EnumSet.copyOf(flags).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The flags of a stored value; text written before flags had codes is ignored. */
    public static Set<ReviewFlag> parse(String stored) {
        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        if (stored == null || stored.isBlank()) {
            return flags;
        }
        Set<String> names = Arrays.stream(values()).map(Enum::name).collect(Collectors.toSet());
        for (String part : stored.split(",")) {
            String code = part.trim();
            if (names.contains(code)) {
                flags.add(valueOf(code));
            }
        }
        return flags;
    }
}
