package se.lotsen.common;

/**
 * A problem that stops Lotsen from starting, with a message written for the person who runs it.
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    public StartupProblem(String description, String action) {
        super(description);
        this.action = action;
    }

    public StartupProblem(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
