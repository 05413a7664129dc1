package se.lotsen.cases;

import se.lotsen.access.CurrentUser;
import se.lotsen.common.FieldProblems;

/**
 * The right to change one case, from {@link CaseGrant#write()}. Every method of Lotsen that changes case data takes
 * one, so it cannot be called by someone who only may read (or not even that).
 */
public final class WriteGrant {

    private final CaseGrant grant;

    WriteGrant(CaseGrant grant) {
        this.grant = grant;
    }

    public CaseGrant grant() {
        return grant;
    }

    public CaseId caseId() {
        return grant.caseId();
    }

    public CaseHeader header() {
        return grant.header();
    }

    public CurrentUser user() {
        return grant.user();
    }

    /** Most changes need the case not to be closed; a closed case is only reopened. */
    public WriteGrant requireActive() {
        if (!grant.header().active()) {
            throw FieldProblems.of("status", "validation.case.closed");
        }
        return this;
    }
}
