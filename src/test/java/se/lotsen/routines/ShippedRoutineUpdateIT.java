package se.lotsen.routines;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a changed routine file reaches an installation that already has the routine: published as a new version when
 * the installation still uses what Lotsen shipped, offered as a draft when the method developer has published their
 * own versions. Cases keep their version and progress. Each test works on a routine key of its own, so it needs no
 * database of its own.
 */
@SpringBootTest
class ShippedRoutineUpdateIT {

    private static final UUID METHOD_DEVELOPER = UUID.randomUUID();

    @Autowired
    Routines routines;

    @Autowired
    Checklists checklists;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    /** What an earlier Lotsen shipped: today's routine with the police section as it once (wrongly) read. */
    private RoutineDocument oldShipped() {
        RoutineDocument today = routines.readDefault();
        RoutineDocument.Step intake = today.step("mottagande").orElseThrow();
        RoutineDocument.Step old = new RoutineDocument.Step(intake.key(), intake.title(),
                "Kom barnet med polisen: notera om polisen tillfälligt omhändertagit barnet enligt 13 § polislagen.",
                List.of(new RoutineDocument.LegalReference("polislagen (1984:387)", "13 §", "Fel paragraf.", null, null)),
                intake.performer(), intake.conditions(), intake.fields());
        return RoutineEditing.removeStep(RoutineEditing.changeStep(today, old), "god-man");
    }

    private byte[] bytes(RoutineDocument document) {
        return json.writeValueAsBytes(document);
    }

    private static String key() {
        return "test-shipped-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CaseFacts foreignChild() {
        return new CaseFacts(true, false, true, false, false, false, true);
    }

    /** An installation from before shipped updates existed: version 1 as the old installer wrote it, no record. */
    private void oldInstallation(String key, RoutineDocument v1) {
        UUID routine = UUID.randomUUID();
        jdbc.sql("INSERT INTO routine (id, key, name) VALUES (:id, :key, 'Testrutin')").param("id", routine)
                .param("key", key).update();
        jdbc.sql("""
                        INSERT INTO routine_version (id, routine_id, number, status, document, change_note,
                            published_at, published_by_name)
                        VALUES (:id, :routine, 1, 'PUBLISHED', CAST(:doc AS jsonb), 'Första versionen.', now(), 'Lotsen')""")
                .param("id", UUID.randomUUID()).param("routine", routine).param("doc", json.writeValueAsString(v1))
                .update();
    }

    @Test
    void anOldInstallationGetsTheCorrectedRoutineAsANewVersionAndCasesKeepTheirVersionAndProgress() {
        String key = key();
        oldInstallation(key, oldShipped());
        UUID caseOnV1 = UUID.randomUUID();
        checklists.start(caseOnV1, key, foreignChild());
        checklists.setStatus(caseOnV1, "mottagande", ChecklistItem.Status.DONE, null, Map.of(), METHOD_DEVELOPER,
                "Jour Ett");
        checklists.setStatus(caseOnV1, "identitet", ChecklistItem.Status.NOT_APPLICABLE, "Redan känd.", Map.of(),
                METHOD_DEVELOPER, "Jour Ett");

        assertThat(routines.installShipped(key, "Testrutin", bytes(routines.readDefault())))
                .isEqualTo(Routines.ShippedOutcome.PUBLISHED);

        RoutineVersion v2 = routines.currentPublished(key).orElseThrow();
        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.document()).isEqualTo(routines.readDefault());
        assertThat(v2.publishedByName()).isEqualTo("Lotsen");
        assertThat(v2.changeNote()).startsWith("Uppdaterad av Lotsen")
                .contains("Nya steg: " + routines.readDefault().step("god-man").orElseThrow().title())
                .contains("Ändrade steg: " + routines.readDefault().step("mottagande").orElseThrow().title());
        // The open case keeps version 1 and what was done in it; it is told that a newer version exists.
        Checklist kept = checklists.checklist(caseOnV1).orElseThrow();
        assertThat(kept.version().number()).isEqualTo(1);
        assertThat(kept.version().document().step("mottagande").orElseThrow().guidance()).contains("13 §");
        assertThat(kept.item("mottagande").orElseThrow().status()).isEqualTo(ChecklistItem.Status.DONE);
        assertThat(kept.item("identitet").orElseThrow().status()).isEqualTo(ChecklistItem.Status.NOT_APPLICABLE);
        assertThat(kept.item("god-man")).isEmpty();
        assertThat(kept.newerVersionExists()).isTrue();
        // A new case starts with the corrected version.
        UUID newCase = UUID.randomUUID();
        Checklist started = checklists.start(newCase, key, foreignChild());
        assertThat(started.version().id()).isEqualTo(v2.id());
        assertThat(started.item("god-man").orElseThrow().applicable()).isTrue();
        assertThat(started.version().document().step("mottagande").orElseThrow().guidance())
                .contains("12 § polislagen").doesNotContain("13 §");
        // The same file is handled once.
        assertThat(routines.installShipped(key, "Testrutin", bytes(routines.readDefault())))
                .isEqualTo(Routines.ShippedOutcome.ALREADY_HANDLED);
        assertThat(routines.versions(key)).extracting(RoutineVersion::number).containsExactly(2, 1);
    }

    @Test
    void aFreshInstallationGetsVersion1AndTheSameContentAgainChangesNothing() {
        String key = key();
        byte[] content = bytes(routines.readDefault());

        assertThat(routines.installShipped(key, "Testrutin", content)).isEqualTo(Routines.ShippedOutcome.INSTALLED);
        assertThat(routines.installShipped(key, "Testrutin", content))
                .isEqualTo(Routines.ShippedOutcome.ALREADY_HANDLED);
        // The same content written differently (another file, same routine) is no new version either.
        byte[] reformatted = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(routines.readDefault());
        assertThat(routines.installShipped(key, "Testrutin", reformatted)).isEqualTo(Routines.ShippedOutcome.UNCHANGED);
        assertThat(routines.versions(key)).hasSize(1);
    }

    @Test
    void aDraftBeingWorkedOnMovesUpWhenLotsenPublishesTheCorrectedRoutine() {
        String key = key();
        routines.installShipped(key, "Testrutin", bytes(oldShipped()));
        RoutineVersion draft = routines.createDraft(key, METHOD_DEVELOPER);
        RoutineDocument edited = RoutineEditing.removeStep(draft.document(), "avvikande");
        routines.saveDraft(key, edited);

        assertThat(routines.installShipped(key, "Testrutin", bytes(routines.readDefault())))
                .isEqualTo(Routines.ShippedOutcome.PUBLISHED);

        assertThat(routines.currentPublished(key).orElseThrow().number()).isEqualTo(2);
        RoutineVersion movedDraft = routines.draft(key).orElseThrow();
        assertThat(movedDraft.id()).isEqualTo(draft.id());
        assertThat(movedDraft.number()).isEqualTo(3);
        assertThat(movedDraft.document()).isEqualTo(edited);
    }

    @Test
    void theMethodDevelopersOwnVersionsAreNeverOverwrittenTheCorrectionIsOfferedAsADraft() {
        String key = key();
        routines.installShipped(key, "Testrutin", bytes(oldShipped()));
        RoutineVersion draft = routines.createDraft(key, METHOD_DEVELOPER);
        routines.saveDraft(key, RoutineEditing.removeStep(draft.document(), "avvikande"));
        RoutineVersion own = routines.publish(key, "Avvikanderisken ingår i skyddsbedömningen.", METHOD_DEVELOPER,
                "Sofia Ek");
        // A draft of their own is in the way: left alone, and the offer waits.
        routines.createDraft(key, METHOD_DEVELOPER);
        byte[] corrected = bytes(routines.readDefault());
        assertThat(routines.installShipped(key, "Testrutin", corrected))
                .isEqualTo(Routines.ShippedOutcome.WAITING_FOR_DRAFT);
        assertThat(routines.installShipped(key, "Testrutin", corrected))
                .isEqualTo(Routines.ShippedOutcome.WAITING_FOR_DRAFT);
        routines.discardDraft(key);

        assertThat(routines.installShipped(key, "Testrutin", corrected)).isEqualTo(Routines.ShippedOutcome.DRAFTED);

        assertThat(routines.currentPublished(key).orElseThrow().id()).isEqualTo(own.id());
        RoutineVersion offered = routines.draft(key).orElseThrow();
        assertThat(offered.number()).isEqualTo(own.number() + 1);
        assertThat(offered.document()).isEqualTo(routines.readDefault());
        assertThat(routines.installShipped(key, "Testrutin", corrected))
                .isEqualTo(Routines.ShippedOutcome.ALREADY_HANDLED);
        // Publishing the offer makes it the method developer's version; the next shipped change is offered again.
        routines.publish(key, "Rättelser från Lotsen.", METHOD_DEVELOPER, "Sofia Ek");
        RoutineDocument.Step memo = routines.readDefault().step("pm").orElseThrow();
        RoutineDocument later = RoutineEditing.changeStep(routines.readDefault(), new RoutineDocument.Step(memo.key(),
                memo.title(), memo.guidance() + " Ett senare tillägg.", memo.legalReferences(), memo.performer(),
                memo.conditions(), memo.fields()));
        assertThat(routines.installShipped(key, "Testrutin", bytes(later))).isEqualTo(Routines.ShippedOutcome.DRAFTED);
    }

    @Test
    void theShippedRoutineIsTheOneThisInstallationPublishes() {
        assertThat(routines.installShipped()).isIn(Routines.ShippedOutcome.ALREADY_HANDLED,
                Routines.ShippedOutcome.UNCHANGED);
        assertThat(routines.currentPublished(Routines.ACUTE).orElseThrow().document())
                .isEqualTo(routines.readDefault());
    }
}
