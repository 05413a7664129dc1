package se.lotsen.routines;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Brings the routine Lotsen ships to this installation at start-up (any mode): see {@link Routines#installShipped()}. */
@Component
@Order(5)
class DefaultRoutineInstaller implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultRoutineInstaller.class);

    private final Routines routines;

    DefaultRoutineInstaller(Routines routines) {
        this.routines = routines;
    }

    @Override
    public void run(ApplicationArguments args) {
        switch (routines.installShipped()) {
            case INSTALLED -> log.info("Installed the routine Lotsen ships as version 1");
            case PUBLISHED -> log.info("Published the updated routine Lotsen ships as a new version; open cases keep "
                    + "their version");
            case DRAFTED -> log.warn("The routine Lotsen ships has changed, and this installation has published "
                    + "versions of its own: the shipped routine is offered as a draft for the method developer");
            case WAITING_FOR_DRAFT -> log.warn("The routine Lotsen ships has changed, and a draft is being worked on: "
                    + "publish or discard the draft, and the shipped routine is offered as a draft at the next start");
            case ALREADY_HANDLED, UNCHANGED -> {
            }
        }
    }
}
