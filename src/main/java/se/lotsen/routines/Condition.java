package se.lotsen.routines;

import java.util.function.Predicate;

/**
 * A condition for when a step applies. A step applies when all its conditions hold; a step without conditions
 * always applies.
 */
public enum Condition {
    CHILD(CaseFacts::child),
    ADULT(CaseFacts::adult),
    CUSTODY_DECIDED(CaseFacts::custodyDecided),
    /**
     * The person may be a foreign national or have hemvist abroad ({@link CaseFacts#possiblyForeign()}); the name is
     * kept because published routine versions store it.
     */
    FOREIGN_NATIONAL(CaseFacts::possiblyForeign),
    PROTECTED_IDENTITY(CaseFacts::protectedIdentity),
    NO_IDENTITY_NUMBER(CaseFacts::noIdentityNumber),
    INTERPRETER_NEEDED(CaseFacts::interpreterNeeded),
    BROUGHT_BY_POLICE(CaseFacts::broughtByPolice);

    private final Predicate<CaseFacts> test;

    Condition(Predicate<CaseFacts> test) {
        this.test = test;
    }

    public boolean holds(CaseFacts facts) {
        return test.test(facts);
    }
}
