package se.lotsen.cases;

import java.util.List;

/** The case cannot be closed yet: a custody is in force or a statutory deadline is open. Answered with 409. */
public class CaseCannotBeClosed extends RuntimeException {

    private final List<ClosingBlocker> blockers;

    public CaseCannotBeClosed(List<ClosingBlocker> blockers) {
        super("the case cannot be closed: " + blockers.stream().map(ClosingBlocker::messageKey).toList());
        this.blockers = List.copyOf(blockers);
    }

    public List<ClosingBlocker> blockers() {
        return blockers;
    }
}
