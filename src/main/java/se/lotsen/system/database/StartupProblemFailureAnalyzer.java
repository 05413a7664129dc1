package se.lotsen.system.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import se.lotsen.common.StartupProblem;

/**
 * Prints a {@link StartupProblem} as a short, clear message instead of a stack trace.
 */
class StartupProblemFailureAnalyzer extends AbstractFailureAnalyzer<StartupProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupProblem cause) {
        return new FailureAnalysis("Lotsen cannot start: " + cause.getMessage(), cause.action(), cause);
    }
}
