package se.lotsen.routines;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The routine Lotsen ships ({@code routines/akut-manniskohandel.json}). */
class DefaultRoutineTest {

    private final RoutineDocument routine = new Routines(null, JsonMapper.builder().build()).readDefault();

    @Test
    void hasThePhasesAToGInOrder() {
        assertThat(routine.phases()).extracting(p -> p.title().substring(0, 2))
                .containsExactly("A.", "B.", "C.", "D.", "E.", "F.", "G.");
        assertThat(routine.phases()).allSatisfy(p -> assertThat(p.steps()).as(p.title()).isNotEmpty());
    }

    @Test
    void stepKeysAreUniqueAndValid() {
        Set<String> seen = new HashSet<>();
        for (RoutineDocument.Step step : routine.allSteps()) {
            assertThat(seen.add(step.key())).as("duplicate key " + step.key()).isTrue();
            assertThat(step.key()).matches(RoutineEditing.KEY_PATTERN).hasSizeLessThanOrEqualTo(64);
        }
        Set<String> phaseKeys = new HashSet<>();
        routine.phases().forEach(p -> assertThat(phaseKeys.add(p.key())).as("duplicate phase " + p.key()).isTrue());
    }

    @Test
    void coversTheStepsTheRoutineMustHave() {
        assertThat(routine.allSteps()).extracting(RoutineDocument.Step::key).contains(
                "identitet", "indikatorer", "skyddsbedomning", "ordforande", "beslut-dokumenterat", "placering",
                "umgange-vistelseort", "tidsfrister", "polisanmalan", "regionkoordinator", "skyddat-boende",
                "betanketid", "riskbedomning-hemland", "ud-rapport", "utredning-hem", "overlamning");
    }

    @Test
    void everyStepHasATitleGuidanceAndPerformer() {
        assertThat(routine.allSteps()).allSatisfy(step -> {
            assertThat(step.title()).as(step.key() + " title").isNotBlank();
            assertThat(step.guidance()).as(step.key() + " guidance").isNotBlank();
            assertThat(step.performer()).as(step.key() + " performer").isNotNull();
        });
    }

    @Test
    void everyLegalReferenceNamesALawAndExplainsIt() {
        for (RoutineDocument.Step step : routine.allSteps()) {
            for (RoutineDocument.LegalReference ref : step.legalReferences()) {
                assertThat(ref.law()).as(step.key()).isNotBlank();
                assertThat(ref.text()).as(step.key() + " " + ref.shortName()).isNotBlank();
                if (ref.validFrom() != null && ref.validTo() != null) {
                    assertThat(ref.validTo()).isAfterOrEqualTo(ref.validFrom());
                }
            }
            Set<String> fieldKeys = new HashSet<>();
            step.fields().forEach(f -> assertThat(fieldKeys.add(f.key())).as(step.key() + " field " + f.key()).isTrue());
        }
    }

    @Test
    void childProtectionStepsApplyToChildrenAndAdultSupportToAdults() {
        for (String key : List.of("skyddsbedomning", "ordforande", "beslut-dokumenterat", "placering",
                "umgange-vistelseort", "tidsfrister", "riskbedomning-hemland", "ud-rapport", "utredning-hem")) {
            assertThat(routine.step(key).orElseThrow().conditions()).as(key).contains(Condition.CHILD);
        }
        for (String key : List.of("placering", "umgange-vistelseort", "tidsfrister", "beslut-dokumenterat")) {
            assertThat(routine.step(key).orElseThrow().conditions()).as(key).contains(Condition.CUSTODY_DECIDED);
        }
        assertThat(routine.step("skyddat-boende").orElseThrow().conditions()).contains(Condition.ADULT);
        for (String key : List.of("identitet", "indikatorer", "polisanmalan", "regionkoordinator", "overlamning")) {
            assertThat(routine.step(key).orElseThrow().conditions()).as(key).isEmpty();
        }
    }

    @Test
    void theStepsOfTheHomeCountryPhaseAreInTheRightPhase() {
        assertThat(routine.phaseOf("riskbedomning-hemland").orElseThrow().key()).startsWith("e-");
        assertThat(routine.phaseOf("overlamning").orElseThrow().key()).startsWith("g-");
        assertThat(routine.phaseOf("skyddsbedomning").orElseThrow().key()).startsWith("a-");
    }

    private RoutineDocument.Step step(String key) {
        return routine.step(key).orElseThrow(() -> new AssertionError("no step " + key));
    }

    private static String text(RoutineDocument.Step step) {
        StringBuilder all = new StringBuilder(step.title()).append(' ').append(step.guidance());
        step.legalReferences().forEach(r -> all.append(' ').append(r.section()).append(' ').append(r.law())
                .append(' ').append(r.text()));
        return all.toString();
    }

    @Test
    void theOtherLinkedStepsAreAllThere() {
        assertThat(LinkedStep.missingIn(routine)).isEmpty();
    }

    /** 12 § polislagen: the police's temporary custody of someone under 18; 13 § is about public order. */
    @Test
    void thePoliceTakeAChildIntoCustodyUnder12SectionPolislagen() {
        RoutineDocument.Step intake = step("mottagande");
        assertThat(intake.guidance()).contains("12 § polislagen");
        assertThat(intake.legalReferences()).anySatisfy(r -> {
            assertThat(r.law()).startsWith("polislagen");
            assertThat(r.section()).isEqualTo("12 §");
            assertThat(r.text()).contains("under 18 år", "överhängande och allvarlig risk");
        });
        assertThat(routine.allSteps()).allSatisfy(s -> {
            assertThat(text(s)).as(s.key()).doesNotContain("13 § polislagen");
            assertThat(s.legalReferences()).as(s.key()).noneMatch(r -> r.law().startsWith("polislagen")
                    && r.section().startsWith("13"));
        });
    }

    /**
     * What a practitioner asked for next, each a step with its legal basis that applies to the right people: the
     * condition sets are exact, so a child step never lands on an adult's checklist or the other way round.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "god-man                       ; lag (2005:429) om god man för ensamkommande barn ;                 ; CHILD FOREIGN_NATIONAL",
            "sarskild-foretradare          ; lag (1999:997) om särskild företrädare för barn  ; 1 §             ; CHILD",
            "offentligt-bitrade            ; LVU (1990:52)                                    ; 39 §            ; CHILD CUSTODY_DECIDED",
            "malsagandebitrade             ; lag (1988:609) om målsägandebiträde              ; 1 §             ; ",
            "barnahus                      ;                                                  ;                 ; CHILD",
            "information-barnet            ; LVU (1990:52)                                    ; 36 §            ; CHILD CUSTODY_DECIDED",
            "medfoljande-barn              ; socialtjänstlagen (2025:400)                     ; 20 kap. 1 §     ; ADULT",
            "sis-placering                 ; LVU (1990:52)                                    ; 12 §            ; CHILD CUSTODY_DECIDED",
            "lakarundersokning-fore-ansokan; LVU (1990:52)                                    ; 32 §            ; CHILD CUSTODY_DECIDED",
            "utreseforbud-tillfalligt      ; LVU (1990:52)                                    ; 31 d §          ; CHILD",
            "utreseforbud-overvagande      ; LVU (1990:52)                                    ; 31 c §          ; CHILD"})
    void theStepsAPractitionerAskedForAreThereWithTheirLegalBasis(String key, String law, String section,
                                                                   String conditions) {
        RoutineDocument.Step s = step(key);
        assertThat(s.guidance()).hasSizeGreaterThan(80);
        if (law != null) {
            assertThat(s.legalReferences()).as(key).anySatisfy(r -> {
                assertThat(r.law()).isEqualTo(law);
                assertThat(r.section()).isEqualTo(section == null ? "" : section);
            });
        }
        assertThat(s.conditions()).isEqualTo(StepAppliesToTest.conditions(conditions == null ? "" : conditions));
    }

    @Test
    void theTemporaryTravelBanStepCarriesItsDeadlinesAndTheTwoPoliceNotices() {
        RoutineDocument.Step ban = step("utreseforbud-tillfalligt");
        assertThat(ban.legalReferences()).extracting(RoutineDocument.LegalReference::section)
                .containsExactly("31 d §", "31 e §", "31 f §");
        assertThat(ban.guidance()).contains("ordföranden eller en förordnad ledamot", "nästa sammanträde",
                "inom en vecka från beslutsdagen", "inom fyra veckor från dagen för rättens beslut",
                "både när förbudet börjar gälla och när det upphör");
        assertThat(step("utreseforbud-overvagande").guidance()).contains("var sjätte månad",
                "underrätta polisen genast");
        assertThat(step("utreseforbud-overvagande").performer()).isEqualTo(Performer.DISTRICT);
        // The medical examination comes before the care application, at the district.
        assertThat(step("lakarundersokning-fore-ansokan").performer()).isEqualTo(Performer.DISTRICT);
        assertThat(routine.phaseOf("lakarundersokning-fore-ansokan").orElseThrow().key()).startsWith("f-");
    }

    /**
     * Betänketid (utlänningslagen 5 kap. 15 §): the socialnämnd may apply as well as the förundersökningsledare, no
     * preliminary investigation needed, children too; the jurisdiction steps turn on hemvist.
     */
    @Test
    void betanketidConcernsChildrenTooAndTheJurisdictionStepsTurnOnHemvist() {
        RoutineDocument.Step betanketid = step("betanketid");
        assertThat(betanketid.conditions()).containsExactly(Condition.FOREIGN_NATIONAL);
        assertThat(betanketid.guidance()).contains("vuxen eller barn", "Socialnämnden kan ansöka",
                "förundersökningsledaren", "ingen förundersökning", "30 dagar");
        for (String key : List.of("hemvist", "riskbedomning-hemland", "betanketid")) {
            assertThat(step(key).conditions()).as(key).contains(Condition.FOREIGN_NATIONAL);
            assertThat(step(key).guidance()).as(key).contains("känd svensk medborgare");
        }
        assertThat(step("hemvist").guidance()).contains("hemvist, inte medborgarskapet");
    }

    @Test
    void theSmallerWordingFixesOfTheLegalReview() {
        // OSL 10 kap. 23 §: six months since 2025-04-01, one year before; consent rests on OSL 12 kap. 2 §.
        RoutineDocument.Step report = step("polisanmalan");
        assertThat(report.referencesValidOn(java.time.LocalDate.of(2025, 4, 1)))
                .filteredOn(r -> r.section().equals("10 kap. 23 §")).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("sex månader"));
        assertThat(report.referencesValidOn(java.time.LocalDate.of(2025, 3, 31)))
                .filteredOn(r -> r.section().equals("10 kap. 23 §")).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("ett år"));
        assertThat(report.legalReferences()).extracting(RoutineDocument.LegalReference::section).contains("12 kap. 2 §");
        assertThat(report.guidance()).contains("sex månader", "12 kap. 2 §").doesNotContain("minst ett år");
        assertThat(step("regionkoordinator").legalReferences()).extracting(RoutineDocument.LegalReference::section)
                .contains("12 kap. 2 §");
        // 43 §: an official the committee has appointed may ask too, as the delegation order says.
        assertThat(step("handrackning").guidance()).contains("tjänsteman som nämnden förordnat", "delegationsordningen");
        // Feedback to the reporter when the reporter asks for it.
        assertThat(step("forhandsbedomning").guidance()).contains("Har anmälaren begärt det");
        // The protection assessment is due at once; the next day is practice.
        assertThat(step("skyddsbedomning").guidance()).contains("genast", "praxis, inte lag");
        // The chair's report: 6 § andra stycket.
        for (String key : List.of("ordforande", "tidsfrister")) {
            assertThat(step(key).legalReferences()).extracting(RoutineDocument.LegalReference::section).as(key)
                    .contains("6 § andra stycket");
        }
        // 14 §: restricting contact and keeping the whereabouts secret are two decisions.
        assertThat(step("umgange-vistelseort").legalReferences()).extracting(RoutineDocument.LegalReference::section)
                .contains("14 § andra stycket 1", "14 § andra stycket 2", "14 § tredje stycket");
    }
}
