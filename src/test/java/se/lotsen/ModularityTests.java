package se.lotsen;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure: no cycles, no access to another module's internals. Also writes the module diagrams
 * (target/spring-modulith-docs).
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LotsenApplication.class);

    @Test
    void modulesAreWellFormed() {
        MODULES.verify();
    }

    @Test
    void theExpectedModulesExist() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("access", "audit", "common", "organisation", "system");
    }

    @Test
    void writeDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
