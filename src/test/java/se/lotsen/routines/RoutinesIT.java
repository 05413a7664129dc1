package se.lotsen.routines;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import se.lotsen.common.FieldProblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Routine versions and checklists against the real (embedded) PostgreSQL. The property gives this class its own
 * application context and so its own fresh database: the tests below publish versions and rely on the order.
 */
@SpringBootTest
@TestPropertySource(properties = "lotsen.test.isolation=routines-it")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutinesIT {

    @Autowired
    Routines routines;

    @Autowired
    Checklists checklists;

    @Autowired
    JdbcClient jdbc;

    private static final UUID METHOD_DEVELOPER = UUID.randomUUID();

    private static CaseFacts childInCustody() {
        return new CaseFacts(true, true, true, false, false, false, true);
    }

    private static CaseFacts adult() {
        return new CaseFacts(false, false, true, false, false, false, false);
    }

    @Test
    @Order(1)
    void theDefaultRoutineIsInstalledAsPublishedVersion1AtStartUp() {
        List<RoutineVersion> versions = routines.versions(Routines.ACUTE);

        assertThat(versions).hasSize(1);
        RoutineVersion v1 = versions.get(0);
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.published()).isTrue();
        assertThat(v1.publishedAt()).isNotNull();
        assertThat(v1.changeNote()).isNotBlank();
        assertThat(v1.routineName()).contains("människohandel");
        assertThat(v1.document()).isEqualTo(routines.readDefault());
        assertThat(routines.currentPublished(Routines.ACUTE)).contains(v1);
        assertThat(routines.draft(Routines.ACUTE)).isEmpty();
        // Installing again does nothing.
        assertThat(routines.installShipped()).isEqualTo(Routines.ShippedOutcome.ALREADY_HANDLED);
        assertThat(routines.versions(Routines.ACUTE)).hasSize(1);
    }

    @Test
    @Order(2)
    void aDraftIsACopyOfThePublishedVersionNumberedNext() {
        RoutineVersion v1 = routines.currentPublished(Routines.ACUTE).orElseThrow();

        RoutineVersion draft = routines.createDraft(Routines.ACUTE, METHOD_DEVELOPER);

        assertThat(draft.number()).isEqualTo(2);
        assertThat(draft.status()).isEqualTo(RoutineVersion.Status.DRAFT);
        assertThat(draft.document()).isEqualTo(v1.document());
        assertThat(draft.publishedAt()).isNull();
        // At most one draft: asking again returns the same one.
        assertThat(routines.createDraft(Routines.ACUTE, METHOD_DEVELOPER).id()).isEqualTo(draft.id());
        // New cases still start with the published version.
        assertThat(routines.currentPublished(Routines.ACUTE).orElseThrow().id()).isEqualTo(v1.id());
    }

    @Test
    @Order(3)
    void theDraftIsSavedAndPublishedOnlyWithAChangeNote() {
        RoutineVersion draft = routines.draft(Routines.ACUTE).orElseThrow();
        RoutineDocument.Step added = new RoutineDocument.Step("transport-skyddat-boende",
                "Ordna trygg transport till skyddat boende", "Åk aldrig ensam med personen; ta med en kollega.",
                List.of(new RoutineDocument.LegalReference("socialtjänstlagen (2025:400)", "9 kap. 5 §",
                        "Skyddat boende.", null, null)),
                Performer.JOUR, Set.of(Condition.ADULT), List.of());
        RoutineDocument edited = RoutineEditing.moveStep(
                RoutineEditing.addStep(draft.document(), "d-stod", added), "transport-skyddat-boende", true);

        RoutineVersion saved = routines.saveDraft(Routines.ACUTE, edited);

        assertThat(saved.id()).isEqualTo(draft.id());
        assertThat(saved.document()).isEqualTo(edited);
        assertThat(routines.draft(Routines.ACUTE).orElseThrow().document().step("transport-skyddat-boende"))
                .contains(added);

        for (String blank : new String[] {null, "", "   \n "}) {
            assertThatThrownBy(() -> routines.publish(Routines.ACUTE, blank, METHOD_DEVELOPER, "Sofia Ek"))
                    .isInstanceOfSatisfying(FieldProblems.class, p -> assertThat(p.problems())
                            .extracting(FieldProblems.Problem::field).containsExactly("changeNote"));
        }
        assertThatThrownBy(() -> routines.publish(Routines.ACUTE, "x".repeat(2001), METHOD_DEVELOPER, "Sofia Ek"))
                .isInstanceOf(FieldProblems.class);
        assertThat(routines.draft(Routines.ACUTE)).isPresent();

        RoutineVersion v2 = routines.publish(Routines.ACUTE, "  Nytt steg om transport till skyddat boende.  ",
                METHOD_DEVELOPER, "Sofia Ek");

        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.published()).isTrue();
        assertThat(v2.changeNote()).isEqualTo("Nytt steg om transport till skyddat boende.");
        assertThat(v2.publishedByName()).isEqualTo("Sofia Ek");
        assertThat(v2.publishedAt()).isNotNull();
        assertThat(v2.document()).isEqualTo(edited);
        assertThat(routines.currentPublished(Routines.ACUTE).orElseThrow().id()).isEqualTo(v2.id());
        assertThat(routines.draft(Routines.ACUTE)).isEmpty();
        assertThat(routines.versions(Routines.ACUTE)).extracting(RoutineVersion::number).containsExactly(2, 1);
    }

    @Test
    @Order(4)
    void aPublishedVersionCannotBeChangedOrDeleted() {
        RoutineVersion v1 = routines.versions(Routines.ACUTE).stream().filter(v -> v.number() == 1).findFirst()
                .orElseThrow();

        assertThatThrownBy(() -> jdbc.sql("UPDATE routine_version SET change_note = 'ändrad' WHERE id = :id")
                .param("id", v1.id()).update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("a published routine version cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("UPDATE routine_version SET document = '{\"phases\": []}'::jsonb WHERE id = :id")
                .param("id", v1.id()).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM routine_version WHERE id = :id").param("id", v1.id()).update())
                .isInstanceOf(DataAccessException.class);
        // The service cannot reach it either: saving and discarding need a draft.
        assertThatThrownBy(() -> routines.saveDraft(Routines.ACUTE, new RoutineDocument(List.of())))
                .isInstanceOf(se.lotsen.common.NotFoundException.class);
        assertThat(routines.version(v1.id()).orElseThrow()).isEqualTo(v1);
    }

    @Test
    @Order(5)
    void aDiscardedDraftLeavesThePublishedVersionsAlone() {
        RoutineVersion current = routines.currentPublished(Routines.ACUTE).orElseThrow();
        RoutineVersion draft = routines.createDraft(Routines.ACUTE, METHOD_DEVELOPER);
        assertThat(draft.number()).isEqualTo(current.number() + 1);
        routines.saveDraft(Routines.ACUTE, RoutineEditing.removeStep(draft.document(), "identitet"));

        routines.discardDraft(Routines.ACUTE);

        assertThat(routines.draft(Routines.ACUTE)).isEmpty();
        assertThat(routines.version(draft.id())).isEmpty();
        assertThat(routines.currentPublished(Routines.ACUTE)).contains(current);
    }

    @Test
    @Order(6)
    void anEmptyDraftCannotBePublished() {
        routines.createDraft(Routines.ACUTE, METHOD_DEVELOPER);
        routines.saveDraft(Routines.ACUTE, new RoutineDocument(routines.draft(Routines.ACUTE).orElseThrow()
                .document().phases().stream().map(p -> new RoutineDocument.Phase(p.key(), p.title(), List.of()))
                .toList()));

        assertThatThrownBy(() -> routines.publish(Routines.ACUTE, "Tom", METHOD_DEVELOPER, "Sofia Ek"))
                .isInstanceOfSatisfying(FieldProblems.class, p -> assertThat(p.problems().get(0).messageKey())
                        .isEqualTo("validation.routine.empty"));
        routines.discardDraft(Routines.ACUTE);
    }

    @Test
    @Order(10)
    void aChecklistStartsWithTheCurrentVersionAndFollowsTheFacts() {
        UUID caseId = UUID.randomUUID();
        RoutineVersion current = routines.currentPublished(Routines.ACUTE).orElseThrow();

        Checklist checklist = checklists.start(caseId, Routines.ACUTE, childInCustody());

        assertThat(checklist.version().id()).isEqualTo(current.id());
        assertThat(checklist.items()).hasSize(current.document().allSteps().size());
        assertThat(checklist.item("placering").orElseThrow().applicable()).isTrue();
        assertThat(checklist.item("skyddat-boende").orElseThrow().applicable()).isFalse();
        assertThat(checklist.visibleItems()).extracting(ChecklistItem::key)
                .contains("skyddsbedomning", "placering").doesNotContain("skyddat-boende");
        // Betänketid concerns foreign children as well as adults (utlänningslagen 5 kap. 15 §).
        assertThat(checklist.item("betanketid").orElseThrow().applicable()).isTrue();
        assertThat(checklist.items()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ChecklistItem.Status.OPEN));
        assertThat(checklist.next().orElseThrow().key()).isEqualTo("mottagande");

        // The person turns out to be an adult: child steps no longer apply, adult support does.
        Checklist evaluated = checklists.evaluate(caseId, adult());

        assertThat(evaluated.item("placering").orElseThrow().applicable()).isFalse();
        assertThat(evaluated.item("skyddat-boende").orElseThrow().applicable()).isTrue();
        assertThat(evaluated.item("betanketid").orElseThrow().applicable()).isTrue();
        assertThat(evaluated.visibleItems()).extracting(ChecklistItem::key).doesNotContain("placering");
    }

    @Test
    @Order(11)
    void doneNeedsTheRequiredFieldsAndNotApplicableNeedsAReason() {
        UUID caseId = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        checklists.start(caseId, Routines.ACUTE, childInCustody());

        assertThatThrownBy(() -> checklists.setStatus(caseId, "polisanmalan", ChecklistItem.Status.DONE, null,
                Map.of(), worker, "Elin Berg"))
                .isInstanceOfSatisfying(FieldProblems.class, p -> assertThat(p.problems())
                        .extracting(FieldProblems.Problem::field, FieldProblems.Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("fields[diarienummer]",
                                "validation.checklist.fieldRequired")));
        assertThat(checklists.checklist(caseId).orElseThrow().item("polisanmalan").orElseThrow().status())
                .isEqualTo(ChecklistItem.Status.OPEN);

        ChecklistItem done = checklists.setStatus(caseId, "polisanmalan", ChecklistItem.Status.DONE, null,
                Map.of("diarienummer", " 5000-K123456-26 "), worker, "Elin Berg");

        assertThat(done.status()).isEqualTo(ChecklistItem.Status.DONE);
        assertThat(done.doneByName()).isEqualTo("Elin Berg");
        assertThat(done.doneAt()).isNotNull();
        assertThat(done.fieldValues()).containsExactly(Map.entry("diarienummer", "5000-K123456-26"));

        // A step that does not apply to the case (no interpreter is needed) cannot be marked at all.
        assertThatThrownBy(() -> checklists.setStatus(caseId, "tolk", ChecklistItem.Status.NOT_APPLICABLE,
                "Behövs inte", Map.of(), worker, "Elin Berg"))
                .isInstanceOf(se.lotsen.common.NotFoundException.class);

        assertThatThrownBy(() -> checklists.setStatus(caseId, "vardnadshavare", ChecklistItem.Status.NOT_APPLICABLE,
                "  ", Map.of(), worker, "Elin Berg"))
                .isInstanceOfSatisfying(FieldProblems.class, p -> assertThat(p.problems())
                        .extracting(FieldProblems.Problem::field).containsExactly("reason"));

        ChecklistItem notApplicable = checklists.setStatus(caseId, "vardnadshavare",
                ChecklistItem.Status.NOT_APPLICABLE, "Vårdnadshavarna är misstänkta; polisen avråder.", Map.of(),
                worker, "Elin Berg");

        assertThat(notApplicable.status()).isEqualTo(ChecklistItem.Status.NOT_APPLICABLE);
        assertThat(notApplicable.reason()).isEqualTo("Vårdnadshavarna är misstänkta; polisen avråder.");

        ChecklistItem reopened = checklists.setStatus(caseId, "polisanmalan", ChecklistItem.Status.OPEN, null,
                null, worker, "Elin Berg");

        assertThat(reopened.status()).isEqualTo(ChecklistItem.Status.OPEN);
        assertThat(reopened.doneByName()).isNull();
        assertThat(reopened.doneAt()).isNull();
        assertThat(checklists.checklist(caseId).orElseThrow().completed()).isEqualTo(1);
    }

    @Test
    @Order(12)
    void anOpenCaseKeepsItsVersionWhenANewOneIsPublished() {
        UUID caseId = UUID.randomUUID();
        RoutineVersion before = checklists.start(caseId, Routines.ACUTE, adult()).version();
        RoutineVersion draft = routines.createDraft(Routines.ACUTE, METHOD_DEVELOPER);
        routines.saveDraft(Routines.ACUTE, RoutineEditing.removeStep(draft.document(), "rattigheter"));
        RoutineVersion newer = routines.publish(Routines.ACUTE, "Steget om rättigheter ingår i skyddat boende.",
                METHOD_DEVELOPER, "Sofia Ek");

        Checklist checklist = checklists.evaluate(caseId, adult());

        assertThat(newer.number()).isEqualTo(before.number() + 1);
        assertThat(checklists.versionOf(caseId).id()).isEqualTo(before.id());
        assertThat(checklist.item("rattigheter")).isPresent();
        assertThat(checklists.start(UUID.randomUUID(), Routines.ACUTE, adult()).item("rattigheter")).isEmpty();
    }

    @Test
    @Order(20)
    void twoMethodDevelopersEditingAtOnceKeepBothChanges() throws Exception {
        routines.createDraft(Routines.ACUTE, null);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<?>> edits = new java.util.ArrayList<>();
            for (String key : java.util.List.of("samtidig-a", "samtidig-b")) {
                edits.add(pool.submit(() -> {
                    start.await();
                    return routines.editDraft(Routines.ACUTE, doc -> RoutineEditing.addStep(doc, "a-mottagande",
                            new RoutineDocument.Step(key, "Samtidigt steg " + key, "Vägledning", java.util.List.of(),
                                    Performer.JOUR, java.util.Set.of(), java.util.List.of())));
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> edit : edits) {
                edit.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        RoutineDocument draft = routines.draft(Routines.ACUTE).orElseThrow().document();
        assertThat(draft.step("samtidig-a")).isPresent();
        assertThat(draft.step("samtidig-b")).isPresent();
        routines.discardDraft(Routines.ACUTE);
    }
}
