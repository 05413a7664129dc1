package se.lotsen.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.CurrentUser;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.Person;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.PersonId;
import se.lotsen.persons.Persons;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;
import se.lotsen.routines.Checklist;
import se.lotsen.routines.ChecklistItem;
import se.lotsen.routines.Condition;
import se.lotsen.routines.RoutineDocument;
import se.lotsen.routines.RoutineVersion;
import se.lotsen.routines.Routines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cases facade against the real database: intake and case numbers, the checklist and its re-evaluation, the
 * access rule, checklist steps, the journal, the status lifecycle, search and paging, duplicates and merging, and
 * protected addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CasesIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Pattern CASE_NUMBER = Pattern.compile("^SOCIALJOUREN-(\\d{4})-(\\d{4})$");

    @Autowired
    Cases cases;

    @Autowired
    CaseAccess access;

    @Autowired
    Persons persons;

    @Autowired
    Routines routines;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    // -- helpers --

    /** The principal of a demo account, built like the application builds it at sign-in. */
    private CurrentUser user(String username) {
        Account a = accounts.findByUsername(username).orElseThrow();
        return new CurrentUser(a.id(), a.username(), a.displayName(), a.unit(), a.roles(), a.enabled(), false, null);
    }

    private static PersonDetails person(String name, IdentityKind kind, String number, String aliases,
                                        String nationality, boolean interpreter, String interpreterLanguage,
                                        ProtectedIdentity protectedIdentity, String address) {
        return new PersonDetails(kind, number, name, aliases, null, null, false, Sex.UNKNOWN, nationality, "",
                interpreter, interpreterLanguage, "", protectedIdentity, address);
    }

    private static PersonDetails unknownPerson(String name) {
        return person(name, IdentityKind.UNKNOWN, "", "", "", false, "", ProtectedIdentity.NONE, "");
    }

    private static PersonDetails personWithNumber(String name, String number) {
        return person(name, IdentityKind.PERSONNUMMER, number, "", "", false, "", ProtectedIdentity.NONE, "");
    }

    private Instant hoursAgo(int hours) {
        return clock.instant().minusSeconds(3600L * hours);
    }

    private CaseId open(CurrentUser user, SubjectType type, PersonDetails person) {
        return open(user, type, IntakeChannel.OTHER, person, hoursAgo(1));
    }

    private CaseId open(CurrentUser user, SubjectType type, IntakeChannel channel, PersonDetails person,
                        Instant receivedAt) {
        return cases.open(new Intake(type, receivedAt, channel, "Anmälare", "070-000 00 00", "Sammanfattning",
                Set.of(ExploitationForm.FORCED_LABOUR), null, null, person, null), user);
    }

    private static Set<String> applicableKeys(Checklist checklist) {
        return checklist.items().stream().filter(ChecklistItem::applicable).map(ChecklistItem::key)
                .collect(Collectors.toSet());
    }

    /** The steps of the checklist's routine version whose conditions all hold, by an oracle of the test's own. */
    private static Set<String> stepsWhoseConditionsHold(RoutineVersion version, Set<Condition> holding) {
        return version.document().allSteps().stream().filter(s -> holding.containsAll(s.conditions()))
                .map(RoutineDocument.Step::key).collect(Collectors.toSet());
    }

    private static void assertFieldProblem(ThrowingCallable call, String field, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FieldProblems.class, p -> {
            assertThat(p.problems()).extracting(FieldProblems.Problem::field).as("fields").contains(field);
            assertThat(p.problems()).filteredOn(x -> x.field().equals(field))
                    .extracting(FieldProblems.Problem::messageKey).as("message key of %s", field).contains(messageKey);
        });
    }

    private static int sequenceOf(String caseNumber) {
        Matcher m = CASE_NUMBER.matcher(caseNumber);
        assertThat(m.matches()).as("case number %s", caseNumber).isTrue();
        return Integer.parseInt(m.group(2));
    }

    private List<UUID> ids(PageResult<CaseSummary> page) {
        return page.items().stream().map(CaseSummary::id).toList();
    }

    private PageResult<CaseSummary> search(CurrentUser user, CaseQuery query) {
        return cases.search(query, user, Paging.of(0, 100));
    }

    private static CaseQuery text(String text) {
        return new CaseQuery(text, null, false, null, null);
    }


    // -- the facade through the access policy, as the pages and the API use it --

    private CaseView view(CaseId id, CurrentUser user) {
        return cases.view(access.read(id, user));
    }

    private Checklist checklist(CaseId id, CurrentUser user) {
        return cases.checklist(access.read(id, user));
    }

    private boolean mayRead(CaseId id, CurrentUser user) {
        return access.find(id, user).filter(g -> g.may(CaseRight.READ)).isPresent();
    }

    private ChecklistItem setStep(CaseId id, String key, ChecklistItem.Status status, String reason,
                                  Map<String, String> fields, CurrentUser user) {
        return cases.setChecklistStatus(access.write(id, user), key, status, reason, fields);
    }

    private JournalEntry journal(CaseId id, Instant at, String text, UUID corrects, CurrentUser user) {
        return cases.addJournalEntry(access.write(id, user), at, text, corrects);
    }

    private void changeStatus(CaseId id, CaseStatus target, String reason, CurrentUser user) {
        WriteGrant grant = access.write(id, user);
        if (target == CaseStatus.CLOSED) {
            cases.close(grant, reason, null);
        } else if (target == CaseStatus.OPEN) {
            cases.reopen(grant, reason, null);
        } else {
            throw FieldProblems.of("status", "validation.case.status.transition");
        }
    }

    private void protection(CaseId id, ProtectionOutcome outcome, String notes, CurrentUser user) {
        cases.recordProtection(access.write(id, user), outcome, notes, null);
    }

    private void assignToMe(CaseId id, CurrentUser user) {
        cases.assignToMe(access.write(id, user), null);
    }

    private void handOver(CaseId id, se.lotsen.organisation.UnitId to, String reason, Instant until,
                          CurrentUser user) {
        cases.handOver(access.write(id, user), to, reason, until);
    }

    private void updatePerson(CaseId id, PersonDetails details, CurrentUser user) {
        cases.updatePerson(access.write(id, user), details, null, null);
    }

    // -- intake and case numbers --

    @Test
    void openingAChildCaseGivesTheNextCaseNumberOfTheUnitAndYear() {
        CurrentUser jour1 = user("jour1");
        CurrentUser rinkeby1 = user("rinkeby1");
        int year = LocalDate.now(clock.withZone(SWEDEN)).getYear();

        CaseId first = open(jour1, SubjectType.CHILD, unknownPerson("Barn Ett " + TestIdentityNumbers.token()));
        CaseId elsewhere = open(rinkeby1, SubjectType.CHILD, unknownPerson("Barn Två " + TestIdentityNumbers.token()));
        CaseId second = open(jour1, SubjectType.CHILD, unknownPerson("Barn Tre " + TestIdentityNumbers.token()));

        CaseView v1 = view(first, jour1);
        CaseView v2 = view(second, jour1);
        assertThat(v1.caseNumber()).matches(CASE_NUMBER).startsWith("SOCIALJOUREN-" + year + "-");
        assertThat(v2.caseNumber()).matches(CASE_NUMBER).startsWith("SOCIALJOUREN-" + year + "-");
        assertThat(sequenceOf(v1.caseNumber())).isPositive();
        // numbered per unit: the other unit's case in between takes no number from this unit
        assertThat(sequenceOf(v2.caseNumber())).isEqualTo(sequenceOf(v1.caseNumber()) + 1);
        assertThat(view(elsewhere, rinkeby1).caseNumber()).startsWith("RINKEBY-KISTA-" + year + "-");

        assertThat(v1.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(v1.subjectType()).isEqualTo(SubjectType.CHILD);
        assertThat(v1.unit().code()).isEqualTo("socialjouren");
        assertThat(v1.assignedTo()).as("the opener holds the case").isEqualTo(jour1.accountId());
        assertThat(v1.person().identity().kind()).isEqualTo(IdentityKind.UNKNOWN);
        assertThat(v1.person().identity().value()).isNull();
        assertThat(v1.statusChanges()).hasSize(1);
        assertThat(v1.statusChanges().get(0).from()).isNull();
        assertThat(v1.statusChanges().get(0).to()).isEqualTo(CaseStatus.OPEN);
        assertThat(v1.journal()).isEmpty();
    }

    @Test
    void openRefusesAnIncompleteIntakeNamingEachField() {
        CurrentUser jour1 = user("jour1");

        assertThatThrownBy(() -> cases.open(new Intake(null, null, null, null, null, null, Set.of(), null, null,
                unknownPerson(" "), null), jour1)).isInstanceOfSatisfying(FieldProblems.class, p ->
                assertThat(p.problems()).extracting(FieldProblems.Problem::field)
                        .contains("subjectType", "receivedAt", "channel", "name"));

        assertFieldProblem(() -> open(jour1, SubjectType.ADULT, IntakeChannel.OTHER, unknownPerson("Framtida"),
                clock.instant().plusSeconds(3600)), "receivedAt", "validation.case.receivedAt.future");
        assertFieldProblem(() -> open(jour1, SubjectType.ADULT, IntakeChannel.OTHER,
                        personWithNumber("Fel Siffra", TestIdentityNumbers.wrongCheckDigit(
                                TestIdentityNumbers.personnummer())), hoursAgo(1)),
                "identityNumber", "validation.identity.checkDigit");
    }

    @Test
    void onlyCaseRolesWithAUnitMayOpenCases() {
        for (String username : List.of("admin", "granskare")) {
            assertThatThrownBy(() -> open(user(username), SubjectType.ADULT, unknownPerson("Ingen Enhet")))
                    .as(username).isInstanceOf(AccessDeniedException.class);
        }
    }

    // -- the checklist --

    @Test
    void childChecklistStartsFromTheCurrentPublishedRoutineWithOnlyApplicableSteps() {
        CurrentUser jour1 = user("jour1");
        RoutineVersion current = routines.currentPublished(Routines.ACUTE).orElseThrow();

        CaseId id = open(jour1, SubjectType.CHILD, unknownPerson("Checklista Barn " + TestIdentityNumbers.token()));

        Checklist checklist = checklist(id, jour1);
        assertThat(checklist.version().id()).isEqualTo(current.id());
        assertThat(checklist.version().published()).isTrue();
        assertThat(checklist.items()).extracting(ChecklistItem::key).containsExactlyElementsOf(
                current.document().allSteps().stream().map(RoutineDocument.Step::key).toList());
        assertThat(checklist.items()).allMatch(i -> i.status() == ChecklistItem.Status.OPEN);
        // Nationality unknown: the person may be a foreign national or have hemvist abroad.
        assertThat(applicableKeys(checklist)).isEqualTo(stepsWhoseConditionsHold(current,
                EnumSet.of(Condition.CHILD, Condition.NO_IDENTITY_NUMBER, Condition.FOREIGN_NATIONAL)));
        // a child without a custody decision
        assertThat(applicableKeys(checklist)).contains("skyddsbedomning", "reservnummer")
                .doesNotContain("placering", "beslut-dokumenterat", "tidsfrister", "skyddat-boende", "tolk",
                        "skyddade-uppgifter");
        assertThat(checklist.visibleItems()).extracting(ChecklistItem::key).contains("skyddsbedomning")
                .doesNotContain("placering");
    }

    @Test
    void adultChecklistHasAdultStepsAndNoChildSteps() {
        CurrentUser jour1 = user("jour1");
        String pnr = TestIdentityNumbers.personnummer();

        CaseId id = open(jour1, SubjectType.ADULT, person("Vuxen " + TestIdentityNumbers.token(),
                IdentityKind.PERSONNUMMER, pnr, "", "SE", false, "", ProtectedIdentity.NONE, ""));

        Checklist checklist = checklist(id, jour1);
        assertThat(applicableKeys(checklist)).isEqualTo(stepsWhoseConditionsHold(checklist.version(),
                EnumSet.of(Condition.ADULT)));
        assertThat(applicableKeys(checklist)).contains("skyddat-boende", "rattigheter")
                .doesNotContain("skyddsbedomning", "placering", "reservnummer", "betanketid");
    }

    /**
     * Jurisdiction turns on hemvist, not citizenship (LVU 6 a §): only a person known to be Swedish and registered as
     * living here (nationality SE and a personnummer) skips the 6 a § assessment, the home-country risk assessment and
     * betänketid; a foreign national, an unknown nationality or a Swedish citizen without a personnummer keeps them.
     * Betänketid concerns children too (utlänningslagen 5 kap. 15 §).
     */
    @Test
    void foreignNationalGetsTheHomeCountryStepsForAChildAndBetanketidForAnAdult() {
        CurrentUser jour1 = user("jour1");

        CaseId child = open(jour1, SubjectType.CHILD, person("Utländskt Barn " + TestIdentityNumbers.token(),
                IdentityKind.UNKNOWN, "", "", "AF", false, "", ProtectedIdentity.NONE, ""));
        CaseId adult = open(jour1, SubjectType.ADULT, person("Utländsk Vuxen " + TestIdentityNumbers.token(),
                IdentityKind.UNKNOWN, "", "", "NG", false, "", ProtectedIdentity.NONE, ""));
        CaseId swedishChild = open(jour1, SubjectType.CHILD, person("Svenskt Barn " + TestIdentityNumbers.token(),
                IdentityKind.UNKNOWN, "", "", "SE", false, "", ProtectedIdentity.NONE, ""));

        Checklist c = checklist(child, jour1);
        assertThat(applicableKeys(c)).isEqualTo(stepsWhoseConditionsHold(c.version(),
                EnumSet.of(Condition.CHILD, Condition.FOREIGN_NATIONAL, Condition.NO_IDENTITY_NUMBER)));
        assertThat(applicableKeys(c)).contains("riskbedomning-hemland", "hemvist", "betanketid", "god-man");

        Checklist a = checklist(adult, jour1);
        assertThat(applicableKeys(a)).isEqualTo(stepsWhoseConditionsHold(a.version(),
                EnumSet.of(Condition.ADULT, Condition.FOREIGN_NATIONAL, Condition.NO_IDENTITY_NUMBER)));
        assertThat(applicableKeys(a)).contains("betanketid").doesNotContain("riskbedomning-hemland");

        // A Swedish citizen without a personnummer may have hemvist abroad: the steps apply.
        assertThat(applicableKeys(checklist(swedishChild, jour1)))
                .contains("riskbedomning-hemland", "hemvist", "betanketid");

        CaseId unknownNationality = open(jour1, SubjectType.CHILD, person("Okänt Land " + TestIdentityNumbers.token(),
                IdentityKind.PERSONNUMMER, TestIdentityNumbers.personnummer(), "", "", false, "",
                ProtectedIdentity.NONE, ""));
        assertThat(applicableKeys(checklist(unknownNationality, jour1)))
                .contains("riskbedomning-hemland", "hemvist", "betanketid");

        CaseId swedishResident = open(jour1, SubjectType.CHILD, person("Svenskt Folkbokfört Barn "
                + TestIdentityNumbers.token(), IdentityKind.PERSONNUMMER, TestIdentityNumbers.personnummer(), "",
                "SE", false, "", ProtectedIdentity.NONE, ""));
        Checklist resident = checklist(swedishResident, jour1);
        assertThat(applicableKeys(resident)).isEqualTo(stepsWhoseConditionsHold(resident.version(),
                EnumSet.of(Condition.CHILD)));
        assertThat(applicableKeys(resident)).doesNotContain("riskbedomning-hemland", "hemvist", "betanketid");

        // Learning the person is Swedish and registered here re-evaluates the steps; unknown again brings them back.
        cases.updatePerson(access.write(swedishChild, jour1), person("Svenskt Barn", IdentityKind.PERSONNUMMER,
                TestIdentityNumbers.personnummer(), "", "SE", false, "", ProtectedIdentity.NONE, ""), null, null);
        assertThat(applicableKeys(checklist(swedishChild, jour1))).doesNotContain("riskbedomning-hemland", "hemvist");
    }

    @Test
    void policeInterpreterAndProtectedIdentityMakeTheirStepsApply() {
        CurrentUser jour1 = user("jour1");

        CaseId id = open(jour1, SubjectType.CHILD, IntakeChannel.POLICE_PL12,
                person("Polis Tolk " + TestIdentityNumbers.token(), IdentityKind.UNKNOWN, "", "", "", true,
                        "tigrinja", ProtectedIdentity.SEKRETESSMARKERING, "Okänd adress 1"), hoursAgo(2));

        Checklist checklist = checklist(id, jour1);
        assertThat(applicableKeys(checklist)).isEqualTo(stepsWhoseConditionsHold(checklist.version(),
                EnumSet.of(Condition.CHILD, Condition.NO_IDENTITY_NUMBER, Condition.BROUGHT_BY_POLICE,
                        Condition.INTERPRETER_NEEDED, Condition.PROTECTED_IDENTITY, Condition.FOREIGN_NATIONAL)));
        assertThat(applicableKeys(checklist)).contains("tolk", "skyddade-uppgifter");
    }

    @Test
    void custodyDecisionMakesTheCustodyStepsApply() {
        CurrentUser jour1 = user("jour1");
        CaseId id = open(jour1, SubjectType.CHILD, unknownPerson("Omhändertagen " + TestIdentityNumbers.token()));
        setStep(id, "skyddsbedomning", ChecklistItem.Status.DONE, null, Map.of(), jour1);
        assertThat(applicableKeys(checklist(id, jour1)))
                .doesNotContain("beslut-dokumenterat", "placering", "tidsfrister");

        protection(id, ProtectionOutcome.CUSTODY_DECIDED, "Beslut enligt 6 § LVU.", jour1);

        Checklist after = checklist(id, jour1);
        assertThat(applicableKeys(after)).contains("beslut-dokumenterat", "placering", "tidsfrister");
        assertThat(applicableKeys(after)).isEqualTo(stepsWhoseConditionsHold(after.version(),
                EnumSet.of(Condition.CHILD, Condition.NO_IDENTITY_NUMBER, Condition.CUSTODY_DECIDED,
                        Condition.FOREIGN_NATIONAL)));
        // statuses already set are kept
        assertThat(after.item("skyddsbedomning").orElseThrow().status()).isEqualTo(ChecklistItem.Status.DONE);
        CaseView view = view(id, jour1);
        assertThat(view.custodyDecided()).isTrue();
        assertThat(view.protectionOutcome()).isEqualTo(ProtectionOutcome.CUSTODY_DECIDED);
        assertThat(view.protectionNotes()).isEqualTo("Beslut enligt 6 § LVU.");
    }

    @Test
    void protectionAssessmentIsForChildrenAndNeedsNotes() {
        CurrentUser jour1 = user("jour1");
        CaseId adult = open(jour1, SubjectType.ADULT, unknownPerson("Vuxen Skydd " + TestIdentityNumbers.token()));
        CaseId child = open(jour1, SubjectType.CHILD, unknownPerson("Barn Skydd " + TestIdentityNumbers.token()));

        assertFieldProblem(() -> protection(adult, ProtectionOutcome.CUSTODY_DECIDED, "x", jour1),
                "outcome", "validation.case.protection.childOnly");
        assertFieldProblem(() -> protection(child, ProtectionOutcome.CUSTODY_DECIDED, " ", jour1),
                "notes", "validation.case.protection.notes");
        assertThat(view(child, jour1).custodyDecided()).isFalse();
        assertThat(applicableKeys(checklist(child, jour1))).doesNotContain("placering");
    }

    // -- the access rule --

    @Test
    void otherUnitsAdministratorsAndAuditorsDoNotSeeTheCase() {
        CurrentUser jour1 = user("jour1");
        CaseId id = open(jour1, SubjectType.CHILD, unknownPerson("Hemligt Barn " + TestIdentityNumbers.token()));
        UUID firstEntry = journal(id, hoursAgo(1), "Första anteckningen.", null, jour1).id();

        // The method developer of the same unit has no access to case content either (only consultation).
        for (String username : List.of("rinkeby1", "rinkebychef", "sodermalm1", "admin", "granskare", "metod")) {
            CurrentUser other = user(username);
            assertThat(mayRead(id, other)).as(username).isFalse();
            assertThatThrownBy(() -> view(id, other)).as("get as %s", username)
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> checklist(id, other)).as("checklist as %s", username)
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> setStep(id, "mottagande", ChecklistItem.Status.DONE, null,
                    Map.of(), other)).as("setChecklistStatus as %s", username).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> journal(id, hoursAgo(1), "Obehörig", null, other))
                    .as("addJournalEntry as %s", username).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> journal(id, hoursAgo(1), "Obehörig", firstEntry, other))
                    .as("correction as %s", username).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> changeStatus(id, CaseStatus.CLOSED, "Obehörig", other))
                    .as("changeStatus as %s", username).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> protection(id, ProtectionOutcome.NO_IMMEDIATE_NEED, "x", other))
                    .as("recordProtection as %s", username).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> assignToMe(id, other))
                    .as("assignToMe as %s", username).isInstanceOf(NotFoundException.class);
            assertThat(ids(search(other, CaseQuery.all()))).as("search as %s", username).doesNotContain(id.value());
        }
        // A case that does not exist looks the same.
        CaseId none = new CaseId(UUID.randomUUID());
        assertThatThrownBy(() -> view(none, jour1)).isInstanceOf(NotFoundException.class);

        // Nothing was changed, and colleagues at the unit see the case.
        CaseView view = view(id, user("jour2"));
        assertThat(view.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(view.journal()).hasSize(1);
        assertThat(view.assignedTo()).isEqualTo(jour1.accountId());
        assertThat(view.protectionOutcome()).isNull();
        assertThat(checklist(id, user("jourchef")).item("mottagande").orElseThrow().status())
                .isEqualTo(ChecklistItem.Status.OPEN);
        assertThat(mayRead(id, user("metod"))).isFalse();
        assertThat(access.consultation(id, user("metod")).rights()).as("only the consultation grant")
                .containsExactly(CaseRight.CONSULTATION);
    }

    // -- checklist steps --

    @Test
    void stepWithARequiredFieldNeedsItToBeDone() {
        CurrentUser jour1 = user("jour1");
        CaseId id = open(jour1, SubjectType.CHILD, unknownPerson("Polisanmälan " + TestIdentityNumbers.token()));

        assertFieldProblem(() -> setStep(id, "polisanmalan", ChecklistItem.Status.DONE, null,
                Map.of(), jour1), "fields[diarienummer]", "validation.checklist.fieldRequired");
        assertFieldProblem(() -> setStep(id, "polisanmalan", ChecklistItem.Status.DONE, null,
                Map.of("diarienummer", "   "), jour1), "fields[diarienummer]", "validation.checklist.fieldRequired");
        assertThatThrownBy(() -> setStep(id, "polisanmalan", ChecklistItem.Status.DONE, null,
                null, jour1)).isInstanceOf(FieldProblems.class);
        assertThat(checklist(id, jour1).item("polisanmalan").orElseThrow().status())
                .isEqualTo(ChecklistItem.Status.OPEN);

        ChecklistItem done = setStep(id, "polisanmalan", ChecklistItem.Status.DONE, null,
                Map.of("diarienummer", " 5000-K123456-26 "), jour1);

        assertThat(done.status()).isEqualTo(ChecklistItem.Status.DONE);
        assertThat(done.fieldValues()).containsEntry("diarienummer", "5000-K123456-26");
        assertThat(done.doneByName()).isEqualTo("Elin Berg");
        assertThat(done.doneAt()).isNotNull();
        ChecklistItem stored = checklist(id, jour1).item("polisanmalan").orElseThrow();
        assertThat(stored.status()).isEqualTo(ChecklistItem.Status.DONE);
        assertThat(stored.fieldValues()).containsEntry("diarienummer", "5000-K123456-26");
    }

    @Test
    void notApplicableNeedsAReason() {
        CurrentUser jour1 = user("jour1");
        CaseId id = open(jour1, SubjectType.CHILD, unknownPerson("Ej Aktuellt " + TestIdentityNumbers.token()));

        assertFieldProblem(() -> setStep(id, "stodtelefon", ChecklistItem.Status.NOT_APPLICABLE,
                null, Map.of(), jour1), "reason", "validation.checklist.reason");
        assertFieldProblem(() -> setStep(id, "stodtelefon", ChecklistItem.Status.NOT_APPLICABLE,
                "  ", Map.of(), jour1), "reason", "validation.checklist.reason");
        assertThat(checklist(id, jour1).item("stodtelefon").orElseThrow().status())
                .isEqualTo(ChecklistItem.Status.OPEN);

        ChecklistItem item = setStep(id, "stodtelefon", ChecklistItem.Status.NOT_APPLICABLE,
                "Inte behövligt i natt.", Map.of(), jour1);

        assertThat(item.status()).isEqualTo(ChecklistItem.Status.NOT_APPLICABLE);
        assertThat(item.reason()).isEqualTo("Inte behövligt i natt.");
    }

    @Test
    void unknownAndNotApplicableStepsAreNotFound() {
        CurrentUser jour1 = user("jour1");
        CaseId id = open(jour1, SubjectType.CHILD, unknownPerson("Okänt Steg " + TestIdentityNumbers.token()));

        assertThatThrownBy(() -> setStep(id, "finns-inte", ChecklistItem.Status.DONE, null,
                Map.of(), jour1)).isInstanceOf(NotFoundException.class);
        // 'placering' does not apply to a child without custody decision
        assertThatThrownBy(() -> setStep(id, "placering", ChecklistItem.Status.DONE, null,
                Map.of(), jour1)).isInstanceOf(NotFoundException.class);
    }

    // -- the journal --

    @Test
    void journalEntriesAreNumberedAndACorrectionReferencesAnEarlierEntry() {
        CurrentUser jour1 = user("jour1");
        CurrentUser jour2 = user("jour2");
        CaseId id = open(jour1, SubjectType.CHILD, unknownPerson("Journal " + TestIdentityNumbers.token()));

        JournalEntry first = journal(id, hoursAgo(3), "  Samtal med polisen.  ", null, jour1);
        JournalEntry second = journal(id, hoursAgo(2), "Barnet placerat tillfälligt.", null, jour2);
        JournalEntry correction = journal(id, hoursAgo(1),
                "Rättelse: samtalet var med gränspolisen.", first.id(), jour1);

        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(correction.number()).isEqualTo(3);
        assertThat(first.text()).isEqualTo("Samtal med polisen.");
        assertThat(first.authorName()).isEqualTo("Elin Berg");
        assertThat(second.authorName()).isEqualTo("Karim Nasser");
        assertThat(first.corrects()).isNull();
        assertThat(correction.corrects()).isEqualTo(first.id());
        assertThat(correction.correctsNumber()).isEqualTo(1);
        assertThat(first.signedAt()).isNotNull();

        List<JournalEntry> journal = view(id, jour1).journal();
        assertThat(journal).extracting(JournalEntry::number).containsExactly(1, 2, 3);
        assertThat(journal.get(2).correctsNumber()).isEqualTo(1);
        // the corrected entry stays as it was
        assertThat(journal.get(0).text()).isEqualTo("Samtal med polisen.");
    }

    @Test
    void aCorrectionOfAnotherCasesEntryIsRefused() {
        CurrentUser jour1 = user("jour1");
        CaseId one = open(jour1, SubjectType.CHILD, unknownPerson("Rättelse Ett " + TestIdentityNumbers.token()));
        CaseId other = open(jour1, SubjectType.CHILD, unknownPerson("Rättelse Två " + TestIdentityNumbers.token()));
        journal(one, hoursAgo(2), "Anteckning i ärende ett.", null, jour1);
        JournalEntry foreign = journal(other, hoursAgo(2), "Anteckning i ärende två.", null, jour1);

        assertFieldProblem(() -> journal(one, hoursAgo(1), "Rättar fel ärende.", foreign.id(), jour1),
                "corrects", "validation.case.journal.corrects");
        assertFieldProblem(() -> journal(one, hoursAgo(1), "Rättar inget.", UUID.randomUUID(), jour1),
                "corrects", "validation.case.journal.corrects");
        assertFieldProblem(() -> journal(one, hoursAgo(1), "   ", null, jour1),
                "text", "validation.required");
        assertFieldProblem(() -> journal(one, clock.instant().plusSeconds(3600), "Framtid", null,
                jour1), "occurredAt", "validation.case.receivedAt.future");

        assertThat(view(one, jour1).journal()).hasSize(1);
        assertThat(view(other, jour1).journal()).hasSize(1);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveASignedEntry() {
        CurrentUser jour1 = user("jour1");
        CaseId id = open(jour1, SubjectType.CHILD, unknownPerson("Oföränderlig " + TestIdentityNumbers.token()));
        JournalEntry entry = journal(id, hoursAgo(1), "Signerad text.", null, jour1);

        assertThatThrownBy(() -> jdbc.sql("UPDATE journal_entry SET text = 'Ändrad' WHERE id = :id")
                .param("id", entry.id()).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal_entry WHERE id = :id")
                .param("id", entry.id()).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal_entry WHERE case_id = :c")
                .param("c", id.value()).update()).isInstanceOf(DataAccessException.class);

        assertThat(jdbc.sql("SELECT text FROM journal_entry WHERE id = :id").param("id", entry.id())
                .query(String.class).single()).isEqualTo("Signerad text.");
        assertThat(view(id, jour1).journal()).hasSize(1);
    }

    // -- status --

    @Test
    void closingAndReopeningNeedAReasonAndOnlyAllowedTransitionsHappen() {
        CurrentUser jour1 = user("jour1");
        CaseId id = open(jour1, SubjectType.ADULT, unknownPerson("Status " + TestIdentityNumbers.token()));

        assertFieldProblem(() -> changeStatus(id, CaseStatus.CLOSED, null, jour1), "reason",
                "validation.case.status.reason");
        assertFieldProblem(() -> changeStatus(id, CaseStatus.CLOSED, "  ", jour1), "reason",
                "validation.case.status.reason");
        assertFieldProblem(() -> changeStatus(id, CaseStatus.OPEN, "redan öppet", jour1), "status",
                "validation.case.status.transition");
        assertFieldProblem(() -> changeStatus(id, null, "inget mål", jour1), "status",
                "validation.case.status.transition");
        assertThat(view(id, jour1).status()).isEqualTo(CaseStatus.OPEN);

        changeStatus(id, CaseStatus.CLOSED, "Personen har lämnat landet.", jour1);
        assertThat(view(id, jour1).status()).isEqualTo(CaseStatus.CLOSED);

        assertFieldProblem(() -> changeStatus(id, CaseStatus.HANDED_OVER, "lämna över", jour1), "status",
                "validation.case.status.transition");
        // a closed case's checklist cannot be worked on
        assertFieldProblem(() -> setStep(id, "mottagande", ChecklistItem.Status.DONE, null,
                Map.of(), jour1), "status", "validation.case.closed");
        assertFieldProblem(() -> changeStatus(id, CaseStatus.OPEN, "", jour1), "reason",
                "validation.case.status.reason");
        assertThat(view(id, jour1).status()).isEqualTo(CaseStatus.CLOSED);

        changeStatus(id, CaseStatus.OPEN, "Personen har återkommit.", jour1);

        CaseView view = view(id, jour1);
        assertThat(view.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(view.statusChanges()).extracting(CaseView.StatusChange::from)
                .containsExactly(null, CaseStatus.OPEN, CaseStatus.CLOSED);
        assertThat(view.statusChanges()).extracting(CaseView.StatusChange::to)
                .containsExactly(CaseStatus.OPEN, CaseStatus.CLOSED, CaseStatus.OPEN);
        assertThat(view.statusChanges()).extracting(CaseView.StatusChange::reason)
                .containsExactly(null, "Personen har lämnat landet.", "Personen har återkommit.");
        assertThat(view.statusChanges()).extracting(CaseView.StatusChange::byName).containsOnly("Elin Berg");
    }

    @Test
    void aHandedOverCaseCanOnlyBeClosed() {
        CurrentUser jour1 = user("jour1");
        CurrentUser rinkeby1 = user("rinkeby1");
        CaseId id = open(jour1, SubjectType.ADULT, unknownPerson("Överlämnad " + TestIdentityNumbers.token()));

        // a handover moves the case to another unit, so it is not a plain status change
        assertFieldProblem(() -> changeStatus(id, CaseStatus.HANDED_OVER, "lämna över", jour1), "status",
                "validation.case.status.transition");
        handOver(id, rinkeby1.unit().id(), "Bor i Rinkeby.", clock.instant().plusSeconds(3600L * 24 * 7),
                jour1);

        assertThat(view(id, rinkeby1).status()).isEqualTo(CaseStatus.HANDED_OVER);
        assertFieldProblem(() -> changeStatus(id, CaseStatus.OPEN, "tillbaka", rinkeby1), "status",
                "validation.case.status.transition");
        assertFieldProblem(() -> changeStatus(id, CaseStatus.HANDED_OVER, null, rinkeby1), "status",
                "validation.case.status.transition");
        assertFieldProblem(() -> changeStatus(id, CaseStatus.CLOSED, " ", rinkeby1), "reason",
                "validation.case.status.reason");
        changeStatus(id, CaseStatus.CLOSED, "Klart i stadsdelen.", rinkeby1);
        assertThat(view(id, rinkeby1).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(view(id, rinkeby1).statusChanges()).extracting(CaseView.StatusChange::to)
                .containsExactly(CaseStatus.OPEN, CaseStatus.HANDED_OVER, CaseStatus.CLOSED);
    }

    // -- search and paging --

    @Test
    void aSearchCountsAllItsMatchesExactlyOnEveryPageAndPastTheLast() {
        CurrentUser jour1 = user("jour1");
        String token = TestIdentityNumbers.token();
        List<UUID> opened = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            opened.add(open(jour1, SubjectType.ADULT, unknownPerson("Sida" + i + " " + token)).value());
        }
        CaseQuery query = text(token);
        PageResult<CaseSummary> first = cases.search(query, jour1, Paging.of(0, 3));
        PageResult<CaseSummary> second = cases.search(query, jour1, Paging.of(1, 3));
        PageResult<CaseSummary> third = cases.search(query, jour1, Paging.of(2, 3));
        PageResult<CaseSummary> past = cases.search(query, jour1, Paging.of(5, 3));
        for (PageResult<CaseSummary> page : List.of(first, second, third, past)) {
            assertThat(page.total()).as("page %d", page.page()).isEqualTo(7);
            assertThat(page.atLeast()).isFalse();
        }
        assertThat(first.items()).hasSize(3);
        assertThat(third.items()).hasSize(1);
        assertThat(past.items()).isEmpty();
        List<UUID> all = new java.util.ArrayList<>(ids(first));
        all.addAll(ids(second));
        all.addAll(ids(third));
        java.util.Collections.reverse(opened);
        assertThat(all).as("each match once, newest first").containsExactlyElementsOf(opened);
        // Another unit's search finds none of them, and counts none.
        PageResult<CaseSummary> rinkeby = cases.search(query, user("rinkeby1"), Paging.of(0, 3));
        assertThat(rinkeby.items()).isEmpty();
        assertThat(rinkeby.total()).isZero();
    }

    @Test
    void searchFindsByCaseNumberNameAliasAndIdentityNumberCaseInsensitively() {
        CurrentUser jour1 = user("jour1");
        String token = TestIdentityNumbers.token();
        String pnr = TestIdentityNumbers.personnummer();
        CaseId a = open(jour1, SubjectType.CHILD, person("Amina " + token, IdentityKind.UNKNOWN, "",
                "Ghazal" + token + ", Mina", "", false, "", ProtectedIdentity.NONE, ""));
        CaseId b = open(jour1, SubjectType.ADULT, personWithNumber("Bertil " + token, pnr));
        String caseNumberA = view(a, jour1).caseNumber();

        // case number, any part, any case
        assertThat(ids(search(jour1, text(caseNumberA)))).containsExactly(a.value());
        assertThat(ids(search(jour1, text(caseNumberA.toLowerCase().substring(6))))).contains(a.value())
                .doesNotContain(b.value());
        // a case number by a part with a digit in it: the unit's code alone is part of every one of its case numbers
        String unitPart = caseNumberA.substring(0, caseNumberA.indexOf('-'));
        assertThat(ids(search(jour1, text(unitPart)))).doesNotContain(a.value(), b.value());
        assertThat(ids(search(jour1, text(caseNumberA.substring(0, caseNumberA.length() - 1)))))
                .contains(a.value());
        // name, any case
        assertThat(ids(search(jour1, text(token)))).containsExactlyInAnyOrder(a.value(), b.value());
        assertThat(ids(search(jour1, text(token.toUpperCase())))).containsExactlyInAnyOrder(a.value(), b.value());
        assertThat(ids(search(jour1, text("amina " + token.toLowerCase())))).containsExactly(a.value());
        assertThat(ids(search(jour1, text("BERTIL")))).contains(b.value()).doesNotContain(a.value());
        // alias
        assertThat(ids(search(jour1, text("ghazal" + token.toLowerCase())))).containsExactly(a.value());
        // identity number: twelve digits, ten digits with separator, and a part
        assertThat(ids(search(jour1, text(pnr)))).containsExactly(b.value());
        assertThat(ids(search(jour1, text(TestIdentityNumbers.tenDigits(pnr))))).containsExactly(b.value());
        assertThat(ids(search(jour1, text(TestIdentityNumbers.display(pnr))))).containsExactly(b.value());
        assertThat(ids(search(jour1, text(pnr.substring(4))))).contains(b.value());
        // LIKE wildcards are taken literally
        assertThat(ids(search(jour1, text(token + "%")))).isEmpty();
        assertThat(ids(search(jour1, text("Amina_" + token)))).isEmpty();

        CaseSummary summary = search(jour1, text(TestIdentityNumbers.display(pnr))).items().get(0);
        assertThat(summary.personName()).isEqualTo("Bertil " + token);
        assertThat(summary.identityNumber()).isEqualTo(pnr);
        assertThat(summary.unitCode()).isEqualTo("socialjouren");
        assertThat(summary.assignedToName()).isEqualTo("Elin Berg");
        assertThat(summary.subjectType()).isEqualTo(SubjectType.ADULT);
    }

    @Test
    void aSearchWithoutThreeLettersInARowFindsWholeNameWordsOnly() {
        CurrentUser jour1 = user("jour1");
        String token = TestIdentityNumbers.token();
        CaseId ek = open(jour1, SubjectType.ADULT, unknownPerson("Amina Ek " + token));
        CaseId ekstrom = open(jour1, SubjectType.ADULT, unknownPerson("Bertil Ekström " + token));
        CaseId hyphen = open(jour1, SubjectType.CHILD, unknownPerson("Cecilia Ek-Lind " + token));
        CaseId alias = open(jour1, SubjectType.CHILD, person("Dana " + token, IdentityKind.UNKNOWN, "", "Öz, Li", "",
                false, "", ProtectedIdentity.NONE, ""));

        assertThat(text("Ek").findsWholeWords()).isTrue();
        assertThat(text(" a b ").findsWholeWords()).isTrue();
        assertThat(text("Eko").findsWholeWords()).isFalse();
        assertThat(text("Ek " + token).findsWholeWords()).isFalse();
        assertThat(text("  ").findsWholeWords()).isFalse();
        // the word, in any case, also as part of a double name; not a longer name that begins with it
        for (String word : List.of("Ek", "ek", "EK", " Ek ")) {
            assertThat(ids(search(jour1, text(word)))).as("'%s'", word).contains(ek.value(), hyphen.value())
                    .doesNotContain(ekstrom.value(), alias.value());
        }
        // an alias, a Swedish letter in either case
        assertThat(ids(search(jour1, text("öZ")))).contains(alias.value()).doesNotContain(ek.value());
        assertThat(ids(search(jour1, text("li")))).contains(alias.value()).doesNotContain(hyphen.value());
        // several words are found within one name, in any order, never across two: Öz and Li are two aliases
        CaseId twoWords = open(jour1, SubjectType.ADULT, unknownPerson("Ed Bo " + token));
        assertThat(ids(search(jour1, text("bo ed")))).contains(twoWords.value());
        assertThat(ids(search(jour1, text("öz li")))).doesNotContain(alias.value());
        assertThat(ids(search(jour1, text("Li, Öz")))).doesNotContain(alias.value());
        // one letter is a word too; what is no word finds nothing and fails nothing
        assertThat(ids(search(jour1, text("E")))).doesNotContain(ek.value(), ekstrom.value(), hyphen.value());
        for (String noWord : List.of("%", "_", "-", "&", "!", "'", "\\", ":*", "|")) {
            assertThat(search(jour1, text(noWord)).items()).as("'%s'", noWord).isEmpty();
        }
        // three letters in a row find any part again, so Ekström is found by "Eks"
        assertThat(ids(search(jour1, text("Ekstr")))).contains(ekstrom.value());
        // another unit's user finds none of them
        assertThat(ids(search(user("rinkeby1"), text("Ek")))).doesNotContain(ek.value(), hyphen.value());
    }

    @Test
    void searchIgnoresTheCaseOfSwedishLetters() {
        CurrentUser jour1 = user("jour1");
        String token = TestIdentityNumbers.token();
        CaseId id = open(jour1, SubjectType.ADULT, unknownPerson("Åsa Örnsköld Ängel " + token));

        assertThat(ids(search(jour1, text("Åsa Örnsköld Ängel " + token)))).containsExactly(id.value());
        assertThat(ids(search(jour1, text("åsa örnsköld ängel " + token)))).as("lower case å, ö, ä")
                .containsExactly(id.value());
        assertThat(ids(search(jour1, text("ÅSA ÖRNSKÖLD ÄNGEL " + token)))).as("upper case Å, Ö, Ä")
                .containsExactly(id.value());
    }

    /**
     * The names a case is searched by are kept with the case (V34) and follow the person: a new name, the former one
     * (now an alias) and an alias added later find every case of the person at once, and no text finds a case by the
     * end of one name and the beginning of the next.
     */
    @Test
    void aPersonsCasesAreFoundByEveryNameTheyGetAndNeverAcrossTwoNames() {
        CurrentUser jour1 = user("jour1");
        String token = TestIdentityNumbers.token().toLowerCase();
        CaseId first = open(jour1, SubjectType.ADULT, person("Första" + token + " Namn", IdentityKind.UNKNOWN, "",
                "Smeknamn" + token, "", false, "", ProtectedIdentity.NONE, ""));
        PersonId personId = view(first, jour1).person().id();
        CaseId second = cases.open(new Intake(SubjectType.ADULT, hoursAgo(1), IntakeChannel.OTHER, null, null, null,
                Set.of(), null, personId.value(), null, null), jour1);

        assertThat(ids(search(jour1, text("smeknamn" + token)))).containsExactlyInAnyOrder(first.value(),
                second.value());
        // the end of the alias and the beginning of the name are two names, whichever order they are kept in
        assertThat(search(jour1, text(token + "\nförsta")).items()).isEmpty();
        assertThat(search(jour1, text("namn smeknamn" + token)).items()).isEmpty();
        assertThat(search(jour1, text("namn\nsmeknamn")).items()).isEmpty();

        updatePerson(first, person("Andra" + token + " Namn", IdentityKind.UNKNOWN, "",
                "Smeknamn" + token + ", Tillagt" + token, "", false, "", ProtectedIdentity.NONE, ""), jour1);

        for (String name : List.of("andra" + token, "första" + token, "tillagt" + token, "SMEKNAMN" + token)) {
            assertThat(ids(search(jour1, text(name)))).as(name).containsExactlyInAnyOrder(first.value(),
                    second.value());
        }
        // what no name of the person holds finds neither case
        assertThat(ids(search(jour1, text("tredje" + token)))).isEmpty();
    }

    /**
     * The case list's copy of the cases (V34) is written by PostgreSQL alone: a write from anywhere else is refused,
     * and after everything the tests before did to cases and people it is still exactly what it copies.
     */
    @Test
    void theSearchCopyOfTheCasesIsWrittenByTheDatabaseAloneAndAlwaysMatches() {
        CurrentUser jour1 = user("jour1");
        String token = TestIdentityNumbers.token().toLowerCase();
        CaseId id = open(jour1, SubjectType.CHILD, unknownPerson("Härledd " + token));

        assertThatThrownBy(() -> jdbc.sql("UPDATE case_search SET person_names = 'någon annan', unit_id = :u"
                        + " WHERE id = :id").param("u", UUID.randomUUID()).param("id", id.value()).update())
                .hasStackTraceContaining("written by their triggers only");
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO case_search (id, unit_id, status, received_at, case_number, person_names)
                        SELECT id, unit_id, status, received_at, case_number || '-x', 'x' FROM case_file LIMIT 1
                        ON CONFLICT DO NOTHING""").update())
                .hasStackTraceContaining("written by their triggers only");
        assertThat(ids(search(jour1, text("härledd " + token)))).containsExactly(id.value());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM case_file c FULL JOIN case_search s ON s.id = c.id
                        WHERE (c.id, c.unit_id, c.status, c.assigned_to, c.received_at, c.case_number,
                               person_search_names(c.person_id))
                              IS DISTINCT FROM
                              (s.id, s.unit_id, s.status, s.assigned_to, s.received_at, s.case_number,
                               s.person_names)""")
                .query(Long.class).single()).as("cases whose copy differs from them, or is missing").isZero();
    }

    @Test
    void searchFiltersByStatusMineAndOnlyShowsTheUnitsCases() {
        CurrentUser jour1 = user("jour1");
        CurrentUser jour2 = user("jour2");
        CurrentUser rinkeby1 = user("rinkeby1");
        String token = TestIdentityNumbers.token();
        CaseId mine = open(jour1, SubjectType.CHILD, unknownPerson("Min " + token));
        CaseId closed = open(jour1, SubjectType.ADULT, unknownPerson("Stängd " + token));
        CaseId colleagues = open(jour2, SubjectType.ADULT, unknownPerson("Kollegans " + token));
        CaseId otherUnit = open(rinkeby1, SubjectType.ADULT, unknownPerson("Rinkeby " + token));
        changeStatus(closed, CaseStatus.CLOSED, "Avslutat.", jour1);

        assertThat(ids(search(jour1, text(token)))).containsExactlyInAnyOrder(mine.value(), closed.value(),
                colleagues.value());
        assertThat(ids(search(jour1, new CaseQuery(token, CaseStatus.CLOSED, false, null, null))))
                .containsExactly(closed.value());
        assertThat(ids(search(jour1, new CaseQuery(token, CaseStatus.OPEN, false, null, null))))
                .containsExactlyInAnyOrder(mine.value(), colleagues.value());
        assertThat(ids(search(jour1, new CaseQuery(token, CaseStatus.HANDED_OVER, false, null, null)))).isEmpty();
        assertThat(ids(search(jour1, new CaseQuery(token, null, true, null, null))))
                .containsExactlyInAnyOrder(mine.value(), closed.value());
        assertThat(ids(search(jour2, new CaseQuery(token, null, true, null, null))))
                .containsExactly(colleagues.value());
        assertThat(ids(search(rinkeby1, text(token)))).containsExactly(otherUnit.value());
        assertThat(search(user("admin"), text(token)).total()).isZero();
        assertThat(search(user("granskare"), text(token)).total()).isZero();

        // "mine" follows the assignment
        assignToMe(colleagues, jour1);
        assertThat(ids(search(jour1, new CaseQuery(token, CaseStatus.OPEN, true, null, null))))
                .containsExactlyInAnyOrder(mine.value(), colleagues.value());
        assertThat(ids(search(jour2, new CaseQuery(token, null, true, null, null)))).isEmpty();
    }

    @Test
    void searchByDateRangeUsesSwedishDays() {
        CurrentUser jour1 = user("jour1");
        String token = TestIdentityNumbers.token();
        LocalDate day = LocalDate.now(clock.withZone(SWEDEN)).minusDays(40);
        // late in the evening of 'day' and just after midnight: in UTC both are on 'day'
        Instant lateEvening = day.atTime(LocalTime.of(23, 30)).atZone(SWEDEN).toInstant();
        Instant afterMidnight = day.plusDays(1).atTime(LocalTime.of(0, 30)).atZone(SWEDEN).toInstant();
        CaseId evening = open(jour1, SubjectType.ADULT, IntakeChannel.OTHER, unknownPerson("Kväll " + token),
                lateEvening);
        CaseId night = open(jour1, SubjectType.ADULT, IntakeChannel.OTHER, unknownPerson("Natt " + token),
                afterMidnight);

        assertThat(ids(search(jour1, new CaseQuery(token, null, false, day, day))))
                .containsExactly(evening.value());
        assertThat(ids(search(jour1, new CaseQuery(token, null, false, day.plusDays(1), day.plusDays(1)))))
                .containsExactly(night.value());
        assertThat(ids(search(jour1, new CaseQuery(token, null, false, day, day.plusDays(1)))))
                .containsExactly(night.value(), evening.value());
        assertThat(ids(search(jour1, new CaseQuery(token, null, false, day.plusDays(1), null))))
                .containsExactly(night.value());
        assertThat(ids(search(jour1, new CaseQuery(token, null, false, null, day)))).containsExactly(evening.value());
        assertThat(ids(search(jour1, new CaseQuery(token, null, false, day.plusDays(2), null)))).isEmpty();
        assertThat(ids(search(jour1, new CaseQuery(token, null, false, null, day.minusDays(1))))).isEmpty();
        assertThat(view(evening, jour1).receivedAt()).isEqualTo(lateEvening);
    }

    @Test
    void searchResultsArePagedNewestFirst() {
        CurrentUser jour1 = user("jour1");
        String token = TestIdentityNumbers.token();
        CaseId oldest = open(jour1, SubjectType.ADULT, IntakeChannel.OTHER, unknownPerson("Ett " + token),
                hoursAgo(30));
        CaseId newest = open(jour1, SubjectType.ADULT, IntakeChannel.OTHER, unknownPerson("Två " + token),
                hoursAgo(10));
        CaseId middle = open(jour1, SubjectType.ADULT, IntakeChannel.OTHER, unknownPerson("Tre " + token),
                hoursAgo(20));

        PageResult<CaseSummary> first = cases.search(text(token), jour1, Paging.of(0, 2));
        PageResult<CaseSummary> second = cases.search(text(token), jour1, Paging.of(1, 2));
        PageResult<CaseSummary> beyond = cases.search(text(token), jour1, Paging.of(2, 2));

        assertThat(first.total()).isEqualTo(3);
        assertThat(second.total()).isEqualTo(3);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(2);
        assertThat(ids(first)).containsExactly(newest.value(), middle.value());
        assertThat(ids(second)).containsExactly(oldest.value());
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
    }

    // -- persons: duplicates, merging, protected identity --

    @Test
    void aSecondPersonWithTheSamePersonnummerIsRefused() {
        CurrentUser jour1 = user("jour1");
        String pnr = TestIdentityNumbers.personnummer();
        String token = TestIdentityNumbers.token();
        open(jour1, SubjectType.ADULT, personWithNumber("Först " + token, pnr));

        // the same number typed in another form
        assertFieldProblem(() -> open(jour1, SubjectType.ADULT,
                        personWithNumber("Dubblett " + token, TestIdentityNumbers.tenDigits(pnr))),
                "identityNumber", "validation.identity.exists");

        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE identity_number = :n").param("n", pnr)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE name = :n").param("n", "Dubblett " + token)
                .query(Long.class).single()).as("no half-created person").isZero();
        assertThat(search(jour1, text(token)).total()).as("no second case").isEqualTo(1);
    }

    @Test
    void aDutyLeadMergesDuplicatesMovingCasesAndKeepingAliases() {
        CurrentUser jour1 = user("jour1");
        CurrentUser jourchef = user("jourchef");
        String token = TestIdentityNumbers.token();
        String pnr = TestIdentityNumbers.personnummer();
        CaseId keptCase = open(jour1, SubjectType.ADULT, person("Behålls " + token, IdentityKind.UNKNOWN, "",
                "Kallas Keep" + token, "", false, "", ProtectedIdentity.NONE, ""));
        CaseId dupCase1 = open(jour1, SubjectType.ADULT, person("Dubblett " + token, IdentityKind.PERSONNUMMER,
                pnr, "Kallas Dup" + token, "", false, "", ProtectedIdentity.NONE, ""));
        PersonId keep = view(keptCase, jour1).person().id();
        PersonId duplicate = view(dupCase1, jour1).person().id();
        CaseId dupCase2 = cases.open(new Intake(SubjectType.ADULT, hoursAgo(1), IntakeChannel.OTHER, null, null,
                null, Set.of(), null, duplicate.value(), null, null), jour1);
        assertThat(view(dupCase2, jour1).person().id()).isEqualTo(duplicate);

        // a duty worker may not merge
        assertThatThrownBy(() -> cases.mergePersons(keep, duplicate, jour1)).isInstanceOf(AccessDeniedException.class);
        assertThat(persons.find(duplicate).orElseThrow().mergedInto()).isNull();
        assertThat(view(dupCase1, jour1).person().id()).isEqualTo(duplicate);

        cases.mergePersons(keep, duplicate, jourchef);

        assertThat(view(dupCase1, jour1).person().id()).isEqualTo(keep);
        assertThat(view(dupCase2, jour1).person().id()).isEqualTo(keep);
        assertThat(view(keptCase, jour1).person().id()).isEqualTo(keep);
        Person kept = persons.find(keep).orElseThrow();
        assertThat(kept.name()).isEqualTo("Behålls " + token);
        assertThat(kept.aliases()).contains("Kallas Keep" + token, "Dubblett " + token, "Kallas Dup" + token);
        assertThat(kept.identity().value()).as("the duplicate's number moves to the person kept").isEqualTo(pnr);
        Person dup = persons.find(duplicate).orElseThrow();
        assertThat(dup.mergedInto()).isEqualTo(keep);
        assertThat(dup.name()).as("the duplicate is kept, never deleted").isEqualTo("Dubblett " + token);
        assertThat(persons.history(keep)).extracting(Persons.HistoryEntry::action).contains("MERGED_FROM");
        assertThat(persons.history(duplicate)).extracting(Persons.HistoryEntry::action).contains("MERGED_INTO");
        // the cases are found by every name
        assertThat(ids(search(jour1, text("Kallas Dup" + token))))
                .containsExactlyInAnyOrder(keptCase.value(), dupCase1.value(), dupCase2.value());
        // merging again, or with itself, is refused
        assertThatThrownBy(() -> cases.mergePersons(keep, duplicate, jourchef)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cases.mergePersons(keep, keep, jourchef)).isInstanceOf(FieldProblems.class);
    }

    /**
     * The merge gives the kept person the duplicate's personnummer, so "Tilldela reservnummer" (NO_IDENTITY_NUMBER)
     * no longer applies to any case of that person, including the cases the kept person already had.
     */
    @Test
    void mergingReEvaluatesTheChecklistsOfEveryCaseOfTheKeptPerson() {
        CurrentUser jour1 = user("jour1");
        String token = TestIdentityNumbers.token();
        CaseId keptCase = open(jour1, SubjectType.ADULT, unknownPerson("Utan Nummer " + token));
        CaseId dupCase = open(jour1, SubjectType.ADULT,
                personWithNumber("Med Nummer " + token, TestIdentityNumbers.personnummer()));
        assertThat(applicableKeys(checklist(keptCase, jour1))).contains("reservnummer");
        PersonId keep = view(keptCase, jour1).person().id();
        PersonId duplicate = view(dupCase, jour1).person().id();

        cases.mergePersons(keep, duplicate, user("jourchef"));

        assertThat(view(keptCase, jour1).facts().noIdentityNumber()).isFalse();
        assertThat(applicableKeys(checklist(dupCase, jour1))).doesNotContain("reservnummer");
        assertThat(applicableKeys(checklist(keptCase, jour1)))
                .as("checklist of the kept person's own case after the merge gave the person a personnummer")
                .doesNotContain("reservnummer");
    }

    /** A person's details are shared by all of the person's cases; so are the steps that follow from them. */
    @Test
    void changingAPersonReEvaluatesEveryCaseOfThePerson() {
        CurrentUser jour1 = user("jour1");
        String name = "Delad Person " + TestIdentityNumbers.token();
        CaseId first = open(jour1, SubjectType.ADULT, unknownPerson(name));
        PersonId personId = view(first, jour1).person().id();
        CaseId second = cases.open(new Intake(SubjectType.ADULT, hoursAgo(1), IntakeChannel.OTHER, null, null, null,
                Set.of(), null, personId.value(), null, null), jour1);
        assertThat(applicableKeys(checklist(second, jour1))).doesNotContain("tolk");

        updatePerson(first, person(name, IdentityKind.UNKNOWN, "", "", "", true, "tigrinja",
                ProtectedIdentity.NONE, ""), jour1);

        assertThat(applicableKeys(checklist(first, jour1))).contains("tolk");
        assertThat(view(second, jour1).facts().interpreterNeeded()).isTrue();
        assertThat(applicableKeys(checklist(second, jour1)))
                .as("the other case of the same person, who now needs an interpreter").contains("tolk");
    }

    @Test
    void aProtectedAddressIsShownOnlyToTheLeadsAndTheWorkersTheyName() {
        CurrentUser jour1 = user("jour1");
        CurrentUser jour2 = user("jour2");
        CurrentUser jourchef = user("jourchef");
        CaseId id = open(jour1, SubjectType.CHILD, person("Skyddad " + TestIdentityNumbers.token(),
                IdentityKind.UNKNOWN, "", "", "", false, "", ProtectedIdentity.SKYDDAD_FOLKBOKFORING,
                "Hemliga vägen 7, Solna"));
        CaseId open = open(jour1, SubjectType.CHILD, person("Oskyddad " + TestIdentityNumbers.token(),
                IdentityKind.UNKNOWN, "", "", "", false, "", ProtectedIdentity.NONE, "Öppna gatan 1"));

        CaseView asColleague = view(id, jour2);
        assertThat(asColleague.person().isProtected()).isTrue();
        assertThat(asColleague.mayViewProtected()).isFalse();
        assertThat(asColleague.visibleAddress()).isNull();
        // The worker who opened the case and holds it does not see it either: taking a case gives no such right.
        assertThat(view(id, jour1).visibleAddress()).as("the assignee").isNull();
        assignToMe(id, jour2);
        assertThat(view(id, jour2).visibleAddress()).as("after 'Jag håller i ärendet'").isNull();
        // The method developer has no access to the case at all.
        assertThatThrownBy(() -> view(id, user("metod"))).isInstanceOf(NotFoundException.class);

        assertThat(view(id, jourchef).visibleAddress()).as("the unit's lead").isEqualTo("Hemliga vägen 7, Solna");
        assertThat(view(open, jour2).visibleAddress()).as("no protection").isEqualTo("Öppna gatan 1");

        // Only a lead names who else may see it, and only workers of the unit.
        assertThatThrownBy(() -> cases.nameProtectedViewer(access.write(id, jour1), jour2.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertFieldProblem(() -> cases.nameProtectedViewer(access.write(id, jourchef), user("rinkeby1").id()),
                "account", "validation.handover.caseWorker");
        cases.nameProtectedViewer(access.write(id, jourchef), jour2.id());
        assertThat(view(id, jour2).visibleAddress()).as("named by the lead").isEqualTo("Hemliga vägen 7, Solna");
        assertThat(view(id, jour1).visibleAddress()).as("not named").isNull();
        assertThat(cases.protectedViewers(access.read(id, jourchef))).extracting(ProtectedViewer::displayName)
                .containsExactly("Karim Nasser");
        assertThat(cases.protectedViewers(access.read(id, jour1))).as("only those with the right see the list")
                .isEmpty();

        cases.removeProtectedViewer(access.write(id, jourchef), jour2.id());
        assertThat(view(id, jour2).visibleAddress()).isNull();
    }
}
