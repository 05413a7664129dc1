package se.lotsen.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a web handler reads or changes personal data. The audit interceptor writes one entry per request
 * with the actor, time, channel, address, outcome and the record named here.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    AuditAction action();

    /** The kind of record, e.g. {@code ACCOUNT}, {@code UNIT}, {@code CASE}. */
    String recordType();

    /**
     * The name of the path variable that holds the record's id. Empty when there is none (lists, creates); a
     * handler may then set the id with {@link AuditContext#recordId(String)}.
     */
    String idParam() default "";
}
