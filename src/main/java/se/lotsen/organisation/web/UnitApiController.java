package se.lotsen.organisation.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.audit.NotAudited;
import se.lotsen.organisation.Organisation;

/** The units over the API. */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Organisation")
class UnitApiController {

    private final Organisation organisation;

    UnitApiController(Organisation organisation) {
        this.organisation = organisation;
    }

    record UnitJson(String id, String code, String name, String kind) {
    }

    @GetMapping
    @Operation(summary = "The active units: jours and district offices")
    @NotAudited("units are organisational data, not personal data")
    List<UnitJson> units() {
        return organisation.activeUnits().stream()
                .map(u -> new UnitJson(u.id().toString(), u.code(), u.name(), u.kind().name())).toList();
    }
}
