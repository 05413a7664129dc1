package se.lotsen.routines;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Installs the shipped routine at start-up when it is missing (any mode). */
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
        if (routines.installDefaultIfMissing()) {
            log.info("Installed the default routine, version 1");
        }
    }
}
