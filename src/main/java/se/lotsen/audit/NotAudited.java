package se.lotsen.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a web handler touches no personal data, and says why. Every handler carries either this or
 * {@link Audited}; a handler with neither is refused.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotAudited {

    /** Why no entry is needed, e.g. "sign-in form, no personal data". */
    String value();
}
