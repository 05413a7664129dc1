package se.lotsen.reporting.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.Audited;
import se.lotsen.reporting.Reporting;
import se.lotsen.reporting.Statistics;

/**
 * The statistics over the API: the same figures as the page, {@code null} where a count is suppressed. Method
 * developer, leads and auditors; 403 for everyone else; 400 with the field for a bad date or an unknown unit.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics")
class StatisticsApiController {

    private final Reporting reporting;

    StatisticsApiController(Reporting reporting) {
        this.reporting = reporting;
    }

    @GetMapping
    @Operation(summary = "Statistics for a period (YYYY-MM-DD, both days included; default the last 12 months) and "
            + "optionally a unit code; counts below the threshold are null")
    @Audited(action = AuditAction.READ, recordType = "STATISTICS")
    Statistics statistics(@RequestParam(required = false) LocalDate from,
                          @RequestParam(required = false) LocalDate to,
                          @RequestParam(required = false) String unit,
                          @AuthenticationPrincipal CurrentUser user) {
        Reporting.requireReader(user);
        Reporting.Period period = reporting.check(from, to, unit);
        AuditContext.detail("period " + period.from() + "–" + period.to() + (unit == null ? "" : ", unit " + unit));
        return reporting.statistics(user, period, unit);
    }
}
