package se.lotsen.routines;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.lotsen.common.StartupProblem;

/**
 * At start-up, after the default routine is installed: the routine Lotsen ships and the version new cases start with
 * have every {@link LinkedStep} other modules complete, with its fields. A renamed or missing step stops Lotsen with a
 * message instead of silently leaving steps open.
 */
@Component
@Order(6)
class LinkedStepsCheck implements ApplicationRunner {

    private final Routines routines;

    LinkedStepsCheck(Routines routines) {
        this.routines = routines;
    }

    @Override
    public void run(ApplicationArguments args) {
        check("the routine Lotsen ships (routines/akut-manniskohandel.json)", routines.readDefault());
        routines.currentPublished(Routines.ACUTE).ifPresent(v ->
                check("the published routine, version " + v.number(), v.document()));
    }

    private static void check(String what, RoutineDocument document) {
        List<String> missing = LinkedStep.missingIn(document);
        if (!missing.isEmpty()) {
            throw new StartupProblem("The steps " + missing + " that Lotsen completes by itself are missing from "
                    + what + ".", "Restore the steps (keys and fields) or change LinkedStep in the routines module.");
        }
    }
}
