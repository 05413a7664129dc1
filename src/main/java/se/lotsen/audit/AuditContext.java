package se.lotsen.audit;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Lets a handler add to the entry that the interceptor writes for the current request: the id of a record it
 * just created, a different outcome (e.g. invalid input), or a short detail without personal data.
 */
public final class AuditContext {

    private static final String RECORD_ID = AuditContext.class.getName() + ".recordId";
    private static final String OUTCOME = AuditContext.class.getName() + ".outcome";
    private static final String DETAIL = AuditContext.class.getName() + ".detail";
    private static final String REVIEW_FLAGS = AuditContext.class.getName() + ".reviewFlags";

    private AuditContext() {
    }

    public static void recordId(Object id) {
        set(RECORD_ID, id == null ? null : id.toString());
    }

    public static void outcome(AuditOutcome outcome) {
        set(OUTCOME, outcome);
    }

    public static void detail(String detail) {
        set(DETAIL, detail);
    }

    /**
     * Flags the request's entry for log review (see {@link ReviewFlag}); flags add up. Say why in
     * {@link #detail(String)} when it helps the reviewer, without personal data.
     */
    public static void flag(ReviewFlag flag) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            @SuppressWarnings("unchecked")
            Set<ReviewFlag> flags = (Set<ReviewFlag>) attributes.getAttribute(REVIEW_FLAGS,
                    RequestAttributes.SCOPE_REQUEST);
            if (flags == null) {
                flags = EnumSet.noneOf(ReviewFlag.class);
                attributes.setAttribute(REVIEW_FLAGS, flags, RequestAttributes.SCOPE_REQUEST);
            }
            flags.add(flag);
        }
    }

    /** The review flags set for the current request (empty when none). */
    @SuppressWarnings("unchecked")
    public static Set<ReviewFlag> currentFlags() {
        Set<ReviewFlag> flags = (Set<ReviewFlag>) get(REVIEW_FLAGS);
        return flags == null ? EnumSet.noneOf(ReviewFlag.class) : EnumSet.copyOf(flags);
    }

    private static void set(String name, Object value) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The record id set for the current request, or {@code null}. */
    public static String currentRecordId() {
        return (String) get(RECORD_ID);
    }

    /** The outcome set for the current request, or {@code null}. */
    public static AuditOutcome currentOutcome() {
        return (AuditOutcome) get(OUTCOME);
    }

    /** The detail set for the current request, or {@code null}. */
    public static String currentDetail() {
        return (String) get(DETAIL);
    }

    private static Object get(String name) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null : attributes.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    }
}
