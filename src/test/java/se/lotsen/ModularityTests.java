package se.lotsen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import se.lotsen.cases.CaseClosed;
import se.lotsen.cases.CaseOpened;
import se.lotsen.cases.EmergencyAccessGranted;
import se.lotsen.retention.RetentionRunFinished;
import se.lotsen.cases.PersonKnownElsewhere;
import se.lotsen.cases.ProtectionAssessed;
import se.lotsen.consultation.QuestionAnswered;
import se.lotsen.consultation.QuestionAsked;
import se.lotsen.decisions.CustodyDecided;
import se.lotsen.decisions.CustodyEnded;
import se.lotsen.decisions.DeadlineClosed;
import se.lotsen.decisions.DeadlineMet;
import se.lotsen.decisions.DeadlineScheduled;
import se.lotsen.decisions.DecisionRecorded;
import se.lotsen.decisions.DeadlineReminderDue;
import se.lotsen.handover.CaseHandedOver;
import se.lotsen.handover.HandoverAcknowledged;
import se.lotsen.handover.HandoverAssigned;
import se.lotsen.handover.HandoverLate;
import se.lotsen.knowledge.KnowledgeEventRecorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure: no cycles, no access to another module's internals, and the domain events between modules
 * as {@link #EVENTS} documents them. Also writes the module diagrams and the table of events
 * (target/spring-modulith-docs/events.adoc).
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LotsenApplication.class);

    /** Where the documentation is written. */
    static final Path DOCS = Path.of("target", "spring-modulith-docs");

    /**
     * One domain event: the module that publishes it (and owns its type), the modules that listen to it, and what
     * it is for. {@code sameTransaction}: the listeners run inside the publishing transaction ({@code @EventListener})
     * because the change is incomplete without them; otherwise they run after the commit from the event publication
     * registry ({@code @ApplicationModuleListener}), retried until they succeed.
     */
    record Flow(Class<?> event, String publisher, Set<String> listeners, boolean sameTransaction, String purpose) {
    }

    /** The events between Lotsen's modules. A change in the code that this table does not show fails the build. */
    static final List<Flow> EVENTS = List.of(
            new Flow(CaseOpened.class, "cases", Set.of("decisions", "reporting"), true,
                    "starts the child-protection deadlines (a case never exists without them); the statistics count "
                            + "the case (unit, age group, sex, country of origin, forms, channel; no identity)"),
            new Flow(ProtectionAssessed.class, "cases", Set.of("decisions"), true,
                    "starts the deadlines that follow the immediate protection assessment"),
            new Flow(CaseClosed.class, "cases", Set.of(), false,
                    "a case was closed with its reason; no listener yet (the case itself refuses to close over a "
                            + "custody or an open deadline)"),
            new Flow(PersonKnownElsewhere.class, "cases", Set.of("notifications"), false,
                    "a jour opened a case for a person another unit holds an open case about: that case's holder "
                            + "and leads are told"),
            new Flow(EmergencyAccessGranted.class, "cases", Set.of("notifications"), false,
                    "a user opened a case through emergency access (nödåtkomst): the holding unit's leads and every "
                            + "auditor are told, in the app and by e-mail"),
            new Flow(CustodyDecided.class, "decisions", Set.of(), false,
                    "an immediate custody (6 § / 6 a § LVU) was decided; no listener yet"),
            new Flow(CustodyEnded.class, "decisions", Set.of(), false,
                    "a custody ended with its reason; no listener yet"),
            new Flow(DeadlineMet.class, "decisions", Set.of("reporting"), false,
                    "a statutory deadline was met, with its last day (what follows it starts in the same "
                            + "transaction, inside the decisions module); the statistics count it, on time or not"),
            new Flow(DeadlineScheduled.class, "decisions", Set.of("reporting"), false,
                    "a deadline was started or its last day moved (the court extended it): the statistics count it "
                            + "as missed once the last day has passed unmet"),
            new Flow(DeadlineClosed.class, "decisions", Set.of("reporting"), false,
                    "a deadline stopped applying unmet (the custody ended, the court's ruling answered it), with the "
                            + "day: the statistics leave it out of the kept rate unless its last day had passed"),
            new Flow(DecisionRecorded.class, "decisions", Set.of("reporting"), false,
                    "a decision of any type was recorded: the statistics count it by type"),
            new Flow(DeadlineReminderDue.class, "decisions", Set.of("notifications"), false,
                    "a reminder is due: the case's worker and the leads of the unit holding the case when it is "
                            + "delivered"),
            new Flow(CaseHandedOver.class, "handover", Set.of("notifications", "reporting"), false,
                    "the receiving unit's leads are told; unread reminders follow the case; the statistics measure "
                            + "the time from intake to handover"),
            new Flow(HandoverAssigned.class, "handover", Set.of("notifications"), false,
                    "the assigned case worker is told"),
            new Flow(HandoverAcknowledged.class, "handover", Set.of("reporting"), false,
                    "the receiving unit acknowledged receipt (escalation stops by the handover's own state); the "
                            + "statistics measure the time from intake to acknowledgement"),
            new Flow(HandoverLate.class, "handover", Set.of("notifications"), false,
                    "receipt not acknowledged in time: the receiving unit's leads and the handing jour's duty leads"),
            new Flow(QuestionAsked.class, "consultation", Set.of("notifications", "reporting"), false,
                    "the method developers are told, by e-mail when urgent; the statistics count it"),
            new Flow(QuestionAnswered.class, "consultation", Set.of("notifications", "reporting"), false,
                    "the asker is told; the statistics count it"),
            new Flow(KnowledgeEventRecorded.class, "knowledge", Set.of("reporting"), false,
                    "a training day, seminar or information visit was registered or changed: the statistics count "
                            + "the events held and their participants"),
            new Flow(RetentionRunFinished.class, "retention", Set.of("notifications"), false,
                    "a gallring run is over: every auditor is told when it stopped, and once a week when a report "
                            + "lists files whose last day under the law is near while erasure is off"));

    /**
     * Listeners that run after the commit, from the registry, although the event's other listeners run in the
     * publishing transaction: the statistics must never hold up or undo opening a case.
     */
    static final Map<Class<?>, Set<String>> AFTER_COMMIT_TOO = Map.of(CaseOpened.class, Set.of("reporting"));

    static boolean afterCommit(Flow flow, String listener) {
        return !flow.sameTransaction() || AFTER_COMMIT_TOO.getOrDefault(flow.event(), Set.of()).contains(listener);
    }

    /** Events that stay inside one module (its own listener, its own package-private type). */
    static final Set<String> INTERNAL_EVENTS = Set.of(
            // notifications: the mail is sent after the notifications are saved, in its own retried listener
            "se.lotsen.notifications.NotificationsCreated");

    @Test
    void modulesAreWellFormed() {
        MODULES.verify();
    }

    @Test
    void theExpectedModulesExist() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("access", "audit", "common", "organisation", "system");
    }

    /** Every event another module listens to is in the table, with that module among its listeners, and back. */
    @Test
    void theListenersAreTheOnesDocumented() {
        Set<String> actual = new TreeSet<>();
        MODULES.forEach(module -> module.getEventsListenedTo(MODULES).stream()
                .filter(event -> !module.contains(event))
                .forEach(event -> actual.add(event.getName() + " -> " + module.getIdentifier())));
        Set<String> documented = new TreeSet<>();
        EVENTS.forEach(flow -> flow.listeners().forEach(l -> documented.add(flow.event().getName() + " -> " + l)));
        assertThat(actual).as("events listened to across modules (listener module after the arrow)")
                .containsExactlyElementsOf(documented);

        // And when: in the publishing transaction (@EventListener) or after the commit, from the registry.
        for (Flow flow : EVENTS) {
            for (String listener : flow.listeners()) {
                List<JavaMethod> methods = MODULES.getModuleByName(listener).orElseThrow().getBasePackage().stream()
                        .flatMap(c -> c.getMethods().stream())
                        .filter(m -> m.getRawParameterTypes().size() == 1
                                && m.getRawParameterTypes().get(0).isEquivalentTo(flow.event()))
                        .filter(m -> m.isAnnotatedWith(EventListener.class)
                                || m.isAnnotatedWith(ApplicationModuleListener.class))
                        .toList();
                assertThat(methods).as("listeners of %s in %s", flow.event().getSimpleName(), listener).isNotEmpty()
                        .allSatisfy(m -> assertThat(m.isAnnotatedWith(ApplicationModuleListener.class))
                                .as("%s runs after the commit", m.getFullName()).isEqualTo(afterCommit(flow, listener)));
            }
        }
    }

    /**
     * Each event type belongs to the module that publishes it, and only that module creates it. Every record created
     * next to a {@code publishEvent} call is in the table or one of the {@link #INTERNAL_EVENTS}.
     */
    @Test
    void thePublishersAreTheOnesDocumented() {
        for (Flow flow : EVENTS) {
            assertThat(moduleOf(flow.event())).as("the module of %s", flow.event().getSimpleName())
                    .isEqualTo(flow.publisher());
            JavaClass type = javaClass(flow.event());
            Set<String> creators = type.getConstructorCallsToSelf().stream()
                    .map(call -> moduleOf(call.getOriginOwner()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(creators).as("modules that create %s", flow.event().getSimpleName())
                    .containsExactly(flow.publisher());
        }
        Set<String> published = new TreeSet<>();
        MODULES.forEach(module -> module.getBasePackage().stream()
                .flatMap(c -> c.getCodeUnits().stream())
                .filter(ModularityTests::publishesEvents)
                .flatMap(unit -> unit.getConstructorCallsFromSelf().stream())
                .map(JavaConstructorCall::getTargetOwner)
                .filter(type -> type.isRecord() && type.getPackageName().startsWith("se.lotsen"))
                .filter(type -> !type.getSimpleName().endsWith("Id")) // typed ids go along with events
                .forEach(type -> published.add(type.getName())));
        Set<String> documented = new TreeSet<>(INTERNAL_EVENTS);
        EVENTS.forEach(flow -> documented.add(flow.event().getName()));
        assertThat(published).as("records created where an event is published").containsExactlyElementsOf(documented);
    }

    @Test
    void writeDocumentation() throws IOException {
        // No module canvases: Spring Modulith 2.0.3 cannot read its own extracted Javadoc when a comment contains
        // quotes (spring-modulith#1872, fixed in 2.0.9, which this build cannot resolve yet). events.adoc covers the
        // events, which is what the canvases would add.
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        Files.createDirectories(DOCS);
        Files.writeString(DOCS.resolve("events.adoc"), eventTable());
        assertThat(DOCS.resolve("events.adoc")).content().contains(QuestionAsked.class.getSimpleName());
    }

    /** The table of events as AsciiDoc. */
    static String eventTable() {
        List<String> lines = new ArrayList<>();
        lines.add("= Events between Lotsen's modules");
        lines.add("");
        lines.add("Generated by ModularityTests from its table, which the build checks against the code.");
        lines.add("");
        lines.add("[cols=\"2,1,2,1,4\"]");
        lines.add("|===");
        lines.add("| Event | Published by | Listened to by | When | Purpose");
        for (Flow flow : EVENTS) {
            lines.add("");
            lines.add("| `" + flow.event().getSimpleName() + "`");
            lines.add("| " + flow.publisher());
            lines.add("| " + (flow.listeners().isEmpty() ? "–" : String.join(", ", new TreeSet<>(flow.listeners()))));
            lines.add("| " + (flow.listeners().isEmpty() ? "–" : String.join("; ", new TreeSet<>(flow.listeners())
                    .stream().map(l -> (flow.listeners().size() > 1 && flow.sameTransaction() ? l + ": " : "")
                            + (afterCommit(flow, l) ? "after commit, retried" : "same transaction"))
                    .distinct().toList())));
            lines.add("| " + flow.purpose());
        }
        lines.add("|===");
        return String.join("\n", lines) + "\n";
    }

    private static boolean publishesEvents(JavaCodeUnit unit) {
        return unit.getMethodCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().isAssignableTo(ApplicationEventPublisher.class)
                        && call.getName().equals("publishEvent"));
    }

    private static String moduleOf(Class<?> type) {
        return MODULES.getModuleByType(type).map(m -> m.getIdentifier().toString()).orElse("?");
    }

    private static String moduleOf(JavaClass type) {
        return MODULES.getModuleByType(type).map(m -> m.getIdentifier().toString()).orElse("?");
    }

    private static JavaClass javaClass(Class<?> type) {
        return MODULES.getModuleByType(type).flatMap(m -> m.getType(type.getName())).orElseThrow();
    }
}
