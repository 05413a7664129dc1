package se.lotsen.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import se.lotsen.common.SwedishDates;
import se.lotsen.routines.Checklist;
import se.lotsen.routines.ChecklistItem;
import se.lotsen.routines.ChecklistItem.Status;
import se.lotsen.routines.Performer;
import se.lotsen.routines.RoutineDocument;
import se.lotsen.routines.RoutineVersion;

/** The case page's checklist rows, as {@link ChecklistView} works them out for the template. */
class ChecklistViewTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    private static final Locale SV = Locale.forLanguageTag("sv-SE");
    private static final Instant DONE_AT = Instant.parse("2026-03-27T22:40:00Z");

    private final StaticMessageSource messages = new StaticMessageSource();

    ChecklistViewTest() {
        messages.addMessage("performer.JOUR", SV, "Jouren");
        messages.addMessage("performer.DISTRICT", SV, "Stadsdelsförvaltningen");
        messages.addMessage("stepStatus.OPEN", SV, "Att göra");
        messages.addMessage("stepStatus.DONE", SV, "Klart");
        messages.addMessage("stepStatus.NOT_APPLICABLE", SV, "Inte aktuellt");
        messages.addMessage("case.checklist.doneBy", SV, "– {0}, {1}");
        messages.addMessage("step.link.indikatorer", SV, "Bedöm indikatorerna");
    }

    private static RoutineDocument.Step step(String key, Performer performer) {
        return new RoutineDocument.Step(key, "Steg " + key, "", List.of(), performer, null, null);
    }

    private static ChecklistItem item(RoutineDocument.Step step, String phase, boolean applicable, Status status) {
        boolean done = status != Status.OPEN;
        return new ChecklistItem(step, phase, phase, applicable, status, done ? "Anna Fiktiv" : null,
                done ? DONE_AT : null, null, null, 0);
    }

    private Checklist checklist() {
        RoutineDocument.Step indicators = step("indikatorer", Performer.JOUR);
        RoutineDocument.Step call = step("ring-upp", Performer.JOUR);
        RoutineDocument.Step notNow = step("inte-nu", Performer.JOUR);
        RoutineDocument.Step skipped = step("hoppas-over", Performer.DISTRICT);
        RoutineDocument.Step plan = step("plan", Performer.DISTRICT);
        RoutineDocument.Step hidden = step("dold", Performer.DISTRICT);
        RoutineDocument document = new RoutineDocument(List.of(
                new RoutineDocument.Phase("a", "A. Mottagande", List.of(indicators, call, notNow)),
                new RoutineDocument.Phase("b", "B. Tom", List.of(hidden)),
                new RoutineDocument.Phase("c", "C. Stadsdelen", List.of(skipped, plan))));
        RoutineVersion version = new RoutineVersion(UUID.randomUUID(), "rutin", "Rutin", 1,
                RoutineVersion.Status.PUBLISHED, document, null, DONE_AT, "Metodutvecklare");
        return new Checklist(CASE, version, List.of(
                item(indicators, "a", true, Status.OPEN),
                item(call, "a", true, Status.DONE),
                item(notNow, "a", false, Status.OPEN),
                item(hidden, "b", false, Status.OPEN),
                item(skipped, "c", false, Status.NOT_APPLICABLE),
                item(plan, "c", true, Status.DONE)), 1);
    }

    private ChecklistView view(boolean editable, List<String> open) {
        return ChecklistView.of(checklist(), CASE, "/lotsen", editable, open, SV, messages, new SwedishDates());
    }

    @Test
    void phasesHoldTheirVisibleStepsWithTheirProgress() {
        ChecklistView view = view(true, List.of("a"));
        // A step neither applicable nor dealt with is not shown; a phase without shown steps is left out.
        assertThat(view.phases()).extracting(ChecklistView.Phase::anchor).containsExactly("phase-a", "phase-c");
        assertThat(view.visible()).isEqualTo(4);
        assertThat(view.completed()).isEqualTo(3);
        ChecklistView.Phase a = view.phases().get(0);
        assertThat(a.title()).isEqualTo("A. Mottagande");
        assertThat(a.done()).isEqualTo(1);
        assertThat(a.all()).isEqualTo(2);
        assertThat(a.complete()).isFalse();
        assertThat(a.open()).isTrue();
        ChecklistView.Phase c = view.phases().get(1);
        assertThat(c.complete()).isTrue();
        assertThat(c.open()).isFalse();
    }

    @Test
    void aRowCarriesItsLinksTextsAndStatus() {
        ChecklistView.Phase a = view(true, List.of()).phases().get(0);
        ChecklistView.Row open = a.rows().get(0);
        assertThat(open.href()).isEqualTo("/lotsen/cases/" + CASE + "/steps/indikatorer");
        assertThat(open.title()).isEqualTo("Steg indikatorer");
        assertThat(open.performer()).isEqualTo("Jouren");
        assertThat(open.workHref()).isEqualTo("/lotsen/cases/" + CASE + "/indicators");
        assertThat(open.workLabel()).isEqualTo("Bedöm indikatorerna");
        assertThat(open.doneBy()).isNull();
        assertThat(open.statusClass()).isEqualTo("task-status--open");
        assertThat(open.symbol()).isEqualTo("○");
        assertThat(open.status()).isEqualTo("Att göra");

        ChecklistView.Row done = a.rows().get(1);
        assertThat(done.workHref()).isNull();
        assertThat(done.doneBy()).isEqualTo("– Anna Fiktiv, fre 27 mars 2026 kl. 23.40");
        assertThat(done.statusClass()).isEqualTo("task-status--done");
        assertThat(done.symbol()).isEqualTo("✓");
        assertThat(done.status()).isEqualTo("Klart");

        ChecklistView.Row skipped = view(true, List.of()).phases().get(1).rows().get(0);
        assertThat(skipped.statusClass()).isEqualTo("task-status--not_applicable");
        assertThat(skipped.symbol()).isEqualTo("–");
        assertThat(skipped.status()).isEqualTo("Inte aktuellt");
        assertThat(skipped.performer()).isEqualTo("Stadsdelsförvaltningen");
    }

    @Test
    void theLinkToWhereAStepsWorkIsDoneIsOnlyForThoseWhoMayChangeTheCase() {
        assertThat(view(false, List.of()).phases().get(0).rows().get(0).workHref()).isNull();
    }

    @Test
    void aMessageThatIsMissingShowsItsKeyNotAnErrorPage() {
        ChecklistView view = ChecklistView.of(checklist(), CASE, "", true, List.of(), Locale.ENGLISH,
                new StaticMessageSource(), new SwedishDates());
        assertThat(view.phases().get(0).rows().get(0).performer()).isEqualTo("performer.JOUR");
        assertThat(view.phases().get(0).rows().get(0).href()).isEqualTo("/cases/" + CASE + "/steps/indikatorer");
    }
}
