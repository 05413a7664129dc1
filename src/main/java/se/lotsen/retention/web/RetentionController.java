package se.lotsen.retention.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.Audited;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.Paging;
import se.lotsen.retention.Retention;
import se.lotsen.retention.RetentionProperties;
import se.lotsen.retention.RetentionRun;

/**
 * The record of gallring for the auditors ({@code /audit/**}): the rules in force with their sources, the mode, every
 * run newest first, and a run's files by case number.
 */
@Controller
@RequestMapping("/audit/retention")
class RetentionController {

    private static final String RECORD_TYPE = "RETENTION_RUN";

    private final Retention retention;
    private final RetentionProperties properties;

    RetentionController(Retention retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @GetMapping
    @Audited(action = AuditAction.SEARCH, recordType = RECORD_TYPE)
    String runs(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", retention.runs(Paging.of(page, null)));
        model.addAttribute("baseUrl", "/audit/retention");
        model.addAttribute("rules", retention.rules());
        model.addAttribute("today", retention.today());
        model.addAttribute("settings", properties);
        return "retention/runs";
    }

    @GetMapping("/{id}")
    @Audited(action = AuditAction.READ, recordType = RECORD_TYPE, idParam = "id")
    String run(@PathVariable UUID id, @RequestParam(required = false) String q,
               @RequestParam(required = false) Integer page, Model model) {
        RetentionRun run = retention.find(id).orElseThrow(() -> new NotFoundException("retention run"));
        String search = q == null ? "" : q.strip();
        model.addAttribute("run", run);
        model.addAttribute("q", search);
        model.addAttribute("result", retention.files(id, search, Paging.of(page, null)));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/audit/retention/" + id)
                .queryParamIfPresent("q", Optional.of(search).filter(s -> !s.isEmpty()))
                .encode().toUriString());
        return "retention/run";
    }
}
