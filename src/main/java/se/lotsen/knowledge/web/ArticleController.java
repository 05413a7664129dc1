package se.lotsen.knowledge.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.NotAudited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.Paging;
import se.lotsen.knowledge.Article;
import se.lotsen.knowledge.ArticleCategory;
import se.lotsen.knowledge.ArticleCommand;
import se.lotsen.knowledge.ArticleVersion;
import se.lotsen.knowledge.Articles;
import se.lotsen.knowledge.StepLink;
import se.lotsen.routines.RoutineDocument;
import se.lotsen.routines.RoutineVersion;
import se.lotsen.routines.Routines;
import se.lotsen.routines.WordDiff;

/**
 * The knowledge base: search (Swedish stemming, tags, categories), an article with its versions and the differences
 * between them, writing and changing articles, and the routine steps an article explains.
 */
@Controller
@RequestMapping("/knowledge/articles")
class ArticleController {

    static final String NOT_PERSONAL = "knowledge base articles: how others work, methods, study-visit notes; no "
            + "personal data";

    private final Articles articles;
    private final Routines routines;

    ArticleController(Articles articles, Routines routines) {
        this.articles = articles;
        this.routines = routines;
    }

    /** An article as typed; the tags as text separated by commas. */
    public record ArticleForm(
            String category,
            @Size(max = 200, message = "{validation.size.max}") String title,
            @Size(max = 1000, message = "{validation.size.max}") String summary,
            @Size(max = 100000, message = "{validation.size.max}") String body,
            @Size(max = 2000, message = "{validation.size.max}") String tags,
            String version) {

        static ArticleForm of(Article a) {
            return new ArticleForm(a.category().name(), a.title(), a.summary(), a.body(), String.join(", ", a.tags()),
                    String.valueOf(a.version()));
        }

        ArticleCommand toCommand(BindingResult result) {
            ArticleCategory c = null;
            if (category != null && !category.isBlank()) {
                c = Arrays.stream(ArticleCategory.values()).filter(x -> x.name().equals(category.trim())).findFirst()
                        .orElse(null);
                if (c == null) {
                    FormErrors.reject(result, "category", "validation.invalid");
                }
            }
            return new ArticleCommand(c, title, summary, body, tags);
        }

        int versionNumber() {
            try {
                return Integer.parseInt(version == null ? "" : version.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    @GetMapping
    @NotAudited(NOT_PERSONAL)
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                  @RequestParam(required = false) String category, @RequestParam(required = false) Integer page,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        KnowledgeAccess.requireReader(user);
        ArticleCategory c = Arrays.stream(ArticleCategory.values()).filter(x -> x.name().equals(category)).findFirst()
                .orElse(null);
        String t = tag == null || tag.isBlank() || tag.length() > 200 ? null : tag.strip();
        String query = q == null || q.length() > 500 ? (q == null ? "" : q.substring(0, 500)) : q;
        model.addAttribute("q", query);
        model.addAttribute("tag", t);
        model.addAttribute("category", c);
        model.addAttribute("categories", ArticleCategory.values());
        model.addAttribute("tagCounts", articles.tagCounts());
        model.addAttribute("result", articles.search(query, t, c, Paging.of(page, null)));
        model.addAttribute("mayEdit", KnowledgeAccess.mayEdit(user));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/knowledge/articles")
                .queryParamIfPresent("q", Optional.of(query).filter(x -> !x.isBlank()))
                .queryParamIfPresent("tag", Optional.ofNullable(t))
                .queryParamIfPresent("category", Optional.ofNullable(c))
                .encode().toUriString());
        return "knowledge/articles";
    }

    @GetMapping("/new")
    @NotAudited(NOT_PERSONAL)
    String newArticle(@AuthenticationPrincipal CurrentUser user, Model model) {
        KnowledgeAccess.requireEditor(user);
        model.addAttribute("articleForm", new ArticleForm("", "", "", "", "", ""));
        return formView(null, model);
    }

    @PostMapping("/new")
    @NotAudited(NOT_PERSONAL)
    String create(@Valid @ModelAttribute("articleForm") ArticleForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        KnowledgeAccess.requireEditor(user);
        return save(null, form, result, user, model, redirect);
    }

    /** A step the article explains, with where it is in the current routine. */
    record LinkedStepView(StepLink link, String stepTitle, String routineName, UUID versionId) {
    }

    @GetMapping("/{id}")
    @NotAudited(NOT_PERSONAL)
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        KnowledgeAccess.requireReader(user);
        Article article = articles.find(id).orElseThrow(() -> new NotFoundException("article"));
        model.addAttribute("article", article);
        model.addAttribute("versions", articles.versions(id));
        model.addAttribute("steps", linkedSteps(id));
        model.addAttribute("mayEdit", KnowledgeAccess.mayEdit(user));
        return "knowledge/article";
    }

    /** The linked steps as the current published routine names them; a step no longer in it is left out. */
    private List<LinkedStepView> linkedSteps(UUID id) {
        List<LinkedStepView> views = new ArrayList<>();
        for (StepLink link : articles.steps(id)) {
            routines.currentPublished(link.routineKey()).ifPresent(v -> v.document().step(link.stepKey())
                    .ifPresent(step -> views.add(new LinkedStepView(link, step.title(), v.routineName(), v.id()))));
        }
        return views;
    }

    @GetMapping("/{id}/edit")
    @NotAudited(NOT_PERSONAL)
    String edit(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        KnowledgeAccess.requireEditor(user);
        Article article = articles.find(id).orElseThrow(() -> new NotFoundException("article"));
        model.addAttribute("articleForm", ArticleForm.of(article));
        return formView(article, model);
    }

    @PostMapping("/{id}/edit")
    @NotAudited(NOT_PERSONAL)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("articleForm") ArticleForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        KnowledgeAccess.requireEditor(user);
        Article article = articles.find(id).orElseThrow(() -> new NotFoundException("article"));
        return save(article, form, result, user, model, redirect);
    }

    private String save(Article existing, ArticleForm form, BindingResult result, CurrentUser user, Model model,
                        RedirectAttributes redirect) {
        ArticleCommand command = form.toCommand(result);
        if (result.hasErrors()) {
            FormErrors.check(result, () -> articles.check(command));
        } else {
            try {
                UUID id;
                if (existing == null) {
                    id = articles.create(command, user.accountId(), user.displayName());
                } else {
                    id = existing.id();
                    articles.update(id, form.versionNumber(), command, user.accountId(), user.displayName());
                }
                redirect.addFlashAttribute("flash", "flash.knowledge.article.saved");
                redirect.addFlashAttribute("flashArg", command.title().strip());
                return "redirect:/knowledge/articles/" + id;
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        FormErrors.inOrder(model, result, form);
        return formView(existing, model);
    }

    private String formView(Article existing, Model model) {
        model.addAttribute("article", existing);
        model.addAttribute("categories", ArticleCategory.values());
        return "knowledge/article-form";
    }

    @GetMapping("/{id}/versions/{number}")
    @NotAudited(NOT_PERSONAL)
    String version(@PathVariable UUID id, @PathVariable int number, @AuthenticationPrincipal CurrentUser user,
                   Model model) {
        KnowledgeAccess.requireReader(user);
        Article article = articles.find(id).orElseThrow(() -> new NotFoundException("article"));
        ArticleVersion version = articles.version(id, number).orElseThrow(() -> new NotFoundException("version"));
        ArticleVersion previous = number > 1 ? articles.version(id, number - 1).orElse(null) : null;
        model.addAttribute("article", article);
        model.addAttribute("version", version);
        model.addAttribute("previous", previous);
        if (previous != null) {
            model.addAttribute("titleDiff", WordDiff.sideBySide(previous.title(), version.title()));
            model.addAttribute("summaryDiff", WordDiff.sideBySide(previous.summary(), version.summary()));
            model.addAttribute("bodyDiff", WordDiff.sideBySide(previous.body(), version.body()));
            model.addAttribute("tagsDiff", WordDiff.sideBySide(String.join(", ", previous.tags()),
                    String.join(", ", version.tags())));
        }
        return "knowledge/article-version";
    }

    /** A step of the current routine, offered for linking. */
    record StepChoice(String value, String title, boolean checked) {
    }

    /** A phase of the current routine with its steps. */
    record PhaseChoice(String title, List<StepChoice> steps) {
    }

    @GetMapping("/{id}/steps")
    @NotAudited(NOT_PERSONAL)
    String steps(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        KnowledgeAccess.requireEditor(user);
        Article article = articles.find(id).orElseThrow(() -> new NotFoundException("article"));
        Set<StepLink> linked = new LinkedHashSet<>(articles.steps(id));
        List<PhaseChoice> phases = new ArrayList<>();
        String routineName = null;
        for (String key : List.of(Routines.ACUTE)) {
            Optional<RoutineVersion> current = routines.currentPublished(key);
            if (current.isEmpty()) {
                continue;
            }
            routineName = current.get().routineName();
            for (RoutineDocument.Phase phase : current.get().document().phases()) {
                phases.add(new PhaseChoice(phase.title(), phase.steps().stream()
                        .map(s -> new StepChoice(key + "/" + s.key(), s.title(),
                                linked.contains(new StepLink(key, s.key()))))
                        .toList()));
            }
        }
        model.addAttribute("article", article);
        model.addAttribute("routineName", routineName);
        model.addAttribute("phases", phases);
        return "knowledge/article-steps";
    }

    @PostMapping("/{id}/steps")
    @NotAudited(NOT_PERSONAL)
    String linkSteps(@PathVariable UUID id, @RequestParam(name = "step", required = false) List<String> chosen,
                     @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        KnowledgeAccess.requireEditor(user);
        Article article = articles.find(id).orElseThrow(() -> new NotFoundException("article"));
        Set<StepLink> links = new LinkedHashSet<>();
        for (String value : chosen == null ? List.<String>of() : chosen) {
            if (se.lotsen.common.PlainText.hasControlCharacter(value)) {
                throw new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.BAD_REQUEST, "a step with a control character");
            }
            int slash = value == null ? -1 : value.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String routineKey = value.substring(0, slash);
            String stepKey = value.substring(slash + 1);
            // Only steps of a published routine: anything else is not offered, so it is ignored.
            boolean exists = routines.currentPublished(routineKey)
                    .flatMap(v -> v.document().step(stepKey)).isPresent();
            if (exists) {
                links.add(new StepLink(routineKey, stepKey));
            }
        }
        articles.linkSteps(id, links);
        redirect.addFlashAttribute("flash", "flash.knowledge.article.steps");
        redirect.addFlashAttribute("flashArg", article.title());
        return "redirect:/knowledge/articles/" + id;
    }
}
