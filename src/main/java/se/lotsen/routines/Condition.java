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
    FOREIGN_NATIONAL(CaseFacts::foreignNational),
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
