package se.lotsen.knowledge.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.NotAudited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.Paging;
import se.lotsen.knowledge.Audience;
import se.lotsen.knowledge.EventCommand;
import se.lotsen.knowledge.KnowledgeEvent;
import se.lotsen.knowledge.KnowledgeEventRecorded;
import se.lotsen.knowledge.KnowledgeEvents;
import se.lotsen.knowledge.MaterialType;

/**
 * Training days, seminars and information visits: the list, the month calendar, one event with its participants and
 * materials, and the forms. Nothing here is personal data: participants are counted per organisation.
 */
@Controller
@RequestMapping("/knowledge/events")
class EventController {

    static final String NOT_PERSONAL = "events, participant counts per organisation and training materials; no "
            + "personal data";

    private final KnowledgeEvents events;
    private final MessageSource messages;
    private final Clock clock;

    EventController(KnowledgeEvents events, MessageSource messages, Clock clock) {
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @NotAudited(NOT_PERSONAL)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        KnowledgeAccess.requireReader(user);
        KnowledgeEventRecorded.Kind k = parse(KnowledgeEventRecorded.Kind.class, kind);
        KnowledgeEventRecorded.Status s = parse(KnowledgeEventRecorded.Status.class, status);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", k);
        model.addAttribute("status", s);
        model.addAttribute("kinds", KnowledgeEventRecorded.Kind.values());
        model.addAttribute("statuses", KnowledgeEventRecorded.Status.values());
        model.addAttribute("result", events.search(q, k, s, Paging.of(page, null)));
        model.addAttribute("mayEdit", KnowledgeAccess.mayEdit(user));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/knowledge/events")
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(x -> !x.isBlank()))
                .queryParamIfPresent("kind", Optional.ofNullable(k))
                .queryParamIfPresent("status", Optional.ofNullable(s))
                .encode().toUriString());
        return "knowledge/events";
    }

    /** A week of the calendar: seven days, those outside the month marked. */
    record Day(LocalDate date, boolean inMonth, boolean today, List<KnowledgeEvents.EventRow> events) {
    }

    @GetMapping("/calendar")
    @NotAudited(NOT_PERSONAL)
    String calendar(@RequestParam(required = false) String month, @AuthenticationPrincipal CurrentUser user,
                    Model model, Locale locale) {
        KnowledgeAccess.requireReader(user);
        LocalDate today = LocalDate.now(clock);
        YearMonth shown = YearMonth.from(today);
        if (month != null && !month.isBlank()) {
            try {
                shown = YearMonth.parse(month.trim());
            } catch (DateTimeParseException e) {
                shown = YearMonth.from(today);
            }
            if (shown.getYear() < 2000 || shown.getYear() > 2100) {
                shown = YearMonth.from(today);
            }
        }
        Map<LocalDate, List<KnowledgeEvents.EventRow>> byDay = events.month(shown).stream()
                .collect(Collectors.groupingBy(KnowledgeEvents.EventRow::date));
        List<List<Day>> weeks = new ArrayList<>();
        LocalDate d = shown.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = shown.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        while (!d.isAfter(end)) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, d = d.plusDays(1)) {
                week.add(new Day(d, YearMonth.from(d).equals(shown), d.equals(today), byDay.getOrDefault(d, List.of())));
            }
            weeks.add(week);
        }
        model.addAttribute("month", shown);
        model.addAttribute("firstDay", shown.atDay(1));
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("weeks", weeks);
        java.time.format.DateTimeFormatter monthName = java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        model.addAttribute("monthLabel", monthName.format(shown));
        model.addAttribute("previousLabel", monthName.format(shown.minusMonths(1)));
        model.addAttribute("nextLabel", monthName.format(shown.plusMonths(1)));
        model.addAttribute("weekdays", Arrays.stream(DayOfWeek.values())
                .map(day -> day.getDisplayName(java.time.format.TextStyle.FULL, locale)).toList());
        model.addAttribute("monthEvents", events.month(shown));
        model.addAttribute("mayEdit", KnowledgeAccess.mayEdit(user));
        return "knowledge/calendar";
    }

    @GetMapping("/new")
    @NotAudited(NOT_PERSONAL)
    String newEvent(@AuthenticationPrincipal CurrentUser user, Model model) {
        KnowledgeAccess.requireEditor(user);
        model.addAttribute("eventForm", EventForm.empty(LocalDate.now(clock)));
        return formView(null, model);
    }

    @PostMapping("/new")
    @NotAudited(NOT_PERSONAL)
    String create(@Valid @ModelAttribute("eventForm") EventForm form, BindingResult result,
                  @RequestParam(required = false) String row, @AuthenticationPrincipal CurrentUser user,
                  Model model, RedirectAttributes redirect) {
        KnowledgeAccess.requireEditor(user);
        return save(null, form, result, row, user, model, redirect);
    }

    @GetMapping("/{id}")
    @NotAudited(NOT_PERSONAL)
    String show(@PathVariable UUID id, @RequestParam(required = false) String upload,
                @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        KnowledgeAccess.requireReader(user);
        KnowledgeEvent event = events.find(id).orElseThrow(() -> new NotFoundException("event"));
        if ("too-large".equals(upload) && KnowledgeAccess.mayEdit(user)) {
            model.addAttribute("uploadError", messages.getMessage("validation.knowledge.material.tooLarge",
                    new Object[] {KnowledgeEvents.megabytes(events.maxMaterialSize())}, locale));
        }
        return showView(event, user, model);
    }

    private String showView(KnowledgeEvent event, CurrentUser user, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("materials", events.materials(event.id()));
        model.addAttribute("mayEdit", KnowledgeAccess.mayEdit(user));
        model.addAttribute("maxSize", KnowledgeEvents.megabytes(events.maxMaterialSize()));
        model.addAttribute("accepted", MaterialType.acceptedExtensions());
        model.addAttribute("acceptAttribute", Arrays.stream(MaterialType.values())
                .map(t -> "." + t.extension()).collect(Collectors.joining(",")) + ",.jpeg");
        return "knowledge/event";
    }

    @GetMapping("/{id}/edit")
    @NotAudited(NOT_PERSONAL)
    String edit(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        KnowledgeAccess.requireEditor(user);
        KnowledgeEvent event = events.find(id).orElseThrow(() -> new NotFoundException("event"));
        model.addAttribute("eventForm", EventForm.of(event));
        return formView(event, model);
    }

    @PostMapping("/{id}/edit")
    @NotAudited(NOT_PERSONAL)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("eventForm") EventForm form, BindingResult result,
                  @RequestParam(required = false) String row, @AuthenticationPrincipal CurrentUser user,
                  Model model, RedirectAttributes redirect) {
        KnowledgeAccess.requireEditor(user);
        KnowledgeEvent event = events.find(id).orElseThrow(() -> new NotFoundException("event"));
        return save(event, form, result, row, user, model, redirect);
    }

    private String save(KnowledgeEvent existing, EventForm form, BindingResult result, String row, CurrentUser user,
                        Model model, RedirectAttributes redirect) {
        form.rejectControlCharacters(result);
        if (row != null && !row.isBlank() && result.hasErrors()) {
            // A row button on a form with text that cannot be taken: the form comes back with the errors, rows as sent.
            FormErrors.inOrder(model, result, form);
            return formView(existing, model);
        }
        if (row != null && !row.isBlank()) {
            // A row button: the form comes back with the rows changed and every value as typed; nothing is saved.
            EventForm shown = form.withRowAction(row);
            if (shown == null) {
                // Only the form's own row buttons send this; anything else is a forged or broken request.
                throw new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.BAD_REQUEST, "unknown row action");
            }
            model.addAttribute("eventForm", shown);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "eventForm",
                    new BeanPropertyBindingResult(shown, "eventForm"));
            return formView(existing, model);
        }
        EventCommand command = form.toCommand(result);
        if (result.hasErrors()) {
            FormErrors.check(result, () -> events.check(command));
        } else {
            try {
                UUID id;
                if (existing == null) {
                    id = events.create(command, user.displayName());
                } else {
                    id = existing.id();
                    events.update(id, form.versionNumber(), command, user.displayName());
                }
                redirect.addFlashAttribute("flash", existing == null ? "flash.knowledge.event.created"
                        : "flash.knowledge.event.saved");
                redirect.addFlashAttribute("flashArg", command.topic().strip());
                return "redirect:/knowledge/events/" + id;
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        FormErrors.inOrder(model, result, form);
        return formView(existing, model);
    }

    private String formView(KnowledgeEvent existing, Model model) {
        model.addAttribute("event", existing);
        model.addAttribute("kinds", KnowledgeEventRecorded.Kind.values());
        model.addAttribute("statuses", KnowledgeEventRecorded.Status.values());
        model.addAttribute("audienceChoices", Audience.values());
        return "knowledge/event-form";
    }

    // -- materials ---------------------------------------------------------------------------------------------

    /**
     * Uploads a material. The form sends the CSRF token in its address as well as in the body, so that a file
     * larger than the container's multipart limit still reaches {@link UploadLimitAdvice} with a translated answer
     * instead of failing the CSRF check.
     */
    @PostMapping("/{id}/materials")
    @NotAudited(NOT_PERSONAL)
    String upload(@PathVariable UUID id, HttpServletRequest request, @AuthenticationPrincipal CurrentUser user,
                  Model model, RedirectAttributes redirect, Locale locale) throws IOException {
        KnowledgeAccess.requireEditor(user);
        KnowledgeEvent event = events.find(id).orElseThrow(() -> new NotFoundException("event"));
        MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file")
                : null;
        try {
            var saved = events.addMaterial(id, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), user.displayName());
            redirect.addFlashAttribute("flash", "flash.knowledge.material.added");
            redirect.addFlashAttribute("flashArg", saved.filename());
            return "redirect:/knowledge/events/" + id;
        } catch (FieldProblems problems) {
            FieldProblems.Problem p = problems.problems().get(0);
            model.addAttribute("uploadError", messages.getMessage(p.messageKey(), p.args(), locale));
            return showView(event, user, model);
        }
    }

    /**
     * A material, only ever as a download: {@code Content-Disposition: attachment} with the name in RFC 5987 form,
     * the content type Lotsen found when it checked the file (never what the uploader's browser said), and
     * {@code nosniff} so that no browser guesses another type and shows it inline.
     */
    @GetMapping("/{id}/materials/{materialId}")
    @NotAudited(NOT_PERSONAL)
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID materialId,
                                    @AuthenticationPrincipal CurrentUser user) {
        KnowledgeAccess.requireReader(user);
        KnowledgeEvents.MaterialFile file = events.materialFile(id, materialId)
                .orElseThrow(() -> new NotFoundException("material"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.material().type().contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.material().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }

    @PostMapping("/{id}/materials/{materialId}/remove")
    @NotAudited(NOT_PERSONAL)
    String remove(@PathVariable UUID id, @PathVariable UUID materialId, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes redirect) {
        KnowledgeAccess.requireEditor(user);
        var file = events.materialFile(id, materialId).orElseThrow(() -> new NotFoundException("material"));
        events.removeMaterial(id, materialId);
        redirect.addFlashAttribute("flash", "flash.knowledge.material.removed");
        redirect.addFlashAttribute("flashArg", file.material().filename());
        return "redirect:/knowledge/events/" + id;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }
}
