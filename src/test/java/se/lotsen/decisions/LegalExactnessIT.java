package se.lotsen.decisions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import se.lotsen.MutableClock;
import se.lotsen.MutableClockConfiguration;
import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.ApiTokens;
import se.lotsen.access.CurrentUser;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.Intake;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.cases.SubjectType;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.SwedishDates;
import se.lotsen.decisions.CourtRulings.RulingCommand;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second round of legal exactness (issue 10, LEGAL-AND-PRACTICE §11), with the statute's and the issue's own
 * example dates. The clock stands at Thursday 2026-12-03 12:00 Swedish time, so that what has passed and what has not
 * is the same on every run. Expected dates are worked out by hand from the statute, never by the code under test.
 */
@Import(MutableClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegalExactnessIT {

    private static final String RINKEBY = "rinkeby-kista";
    private static final Instant NOW = LocalDateTime.parse("2026-12-03T12:00").atZone(SwedishDates.ZONE).toInstant();

    @Autowired
    MutableClock clock;

    @Autowired
    Cases cases;

    @Autowired
    CaseAccess access;

    @Autowired
    Decisions decisions;

    @Autowired
    Deadlines deadlines;

    @Autowired
    CourtRulings rulings;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens apiTokens;

    private final Map<String, CurrentUser> users = new HashMap<>();

    @BeforeEach
    void standTheClockAtNoonOnTheThirdOfDecember() {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), NOW));
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    // -- helpers --

    private CurrentUser jour1() {
        return users.computeIfAbsent("jour1", u -> {
            Account a = accounts.findByUsername(u).orElseThrow();
            return apiTokens.authenticate(apiTokens.issue(a.id()).token()).orElseThrow();
        });
    }

    /** Swedish local time as an instant. */
    private static Instant at(String swedishLocal) {
        return LocalDateTime.parse(swedishLocal).atZone(SwedishDates.ZONE).toInstant();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private CaseId open(SubjectType type, PersonDetails person) {
        return cases.open(new Intake(type, at("2026-09-30T18:00"), IntakeChannel.POLICE_PL12, "Polisen", "114 14",
                "Ung person påträffad", Set.of(ExploitationForm.SEXUAL), null, null, person, null), jour1());
    }

    private static PersonDetails person(IdentityKind kind, String number, LocalDate born, Integer statedAge,
                                        boolean assessed) {
        return new PersonDetails(kind, number, "Testperson " + UUID.randomUUID().toString().substring(0, 8), "", born,
                statedAge, assessed, Sex.UNKNOWN, "RO", "", false, "", "", ProtectedIdentity.NONE, "");
    }

    private CaseId child() {
        return open(SubjectType.CHILD, person(IdentityKind.UNKNOWN, "", null, 15, false));
    }

    /** A valid fictional personnummer for the birth date: YYYYMMDD, a birth number and its Luhn check digit. */
    private static String personnummer(LocalDate born, int birthNumber) {
        String nine = String.format("%02d%02d%02d%03d", born.getYear() % 100, born.getMonthValue(), born.getDayOfMonth(),
                birthNumber);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return String.format("%04d", born.getYear()) + nine.substring(2) + ((10 - sum % 10) % 10);
    }

    private static DecisionCommand command(DecisionType type, Instant decided, Instant executed, Mandate mandate,
                                           Set<String> grounds, boolean confirmed) {
        boolean custody = type.custody();
        return new DecisionCommand(type, decided, executed, "Anna Ordförande", mandate,
                mandate == null ? null : RINKEBY, custody ? grounds : Set.of(),
                custody ? "Risk för fortsatt exploatering; rättens beslut kan inte avvaktas." : null,
                type == DecisionType.LVU_6A ? "Rumänien" : null, type == DecisionType.LVU_6A ? "BRUSSELS_IIB" : null,
                null, null, null, false, confirmed);
    }

    private Decision record(CaseId id, DecisionType type, Instant decided, Instant executed, Mandate mandate,
                            Set<String> grounds) {
        return decisions.record(access.write(id, jour1()), command(type, decided, executed, mandate, grounds, true));
    }

    private CourtRuling ruling(CaseId id, Decision d, RulingKind kind, String on, String until, String caseNumber) {
        return rulings.record(access.write(id, jour1()), d.decisionId(),
                new RulingCommand(kind, day(on), until == null ? null : day(until), caseNumber));
    }

    private List<Deadline> deadlinesOf(CaseId id, Decision d) {
        return decisions.deadlines(access.read(id, jour1())).stream().filter(x -> d.id().equals(x.decisionId()))
                .toList();
    }

    private static List<Deadline> ofKind(List<Deadline> list, DeadlineKind kind) {
        return list.stream().filter(x -> x.kind() == kind).toList();
    }

    private static Deadline one(List<Deadline> list, DeadlineKind kind) {
        List<Deadline> found = ofKind(list, kind);
        assertThat(found).as("deadlines of kind %s in %s", kind, list).hasSize(1);
        return found.get(0);
    }

    private static Deadline openOne(List<Deadline> list, DeadlineKind kind) {
        List<Deadline> found = ofKind(list, kind).stream().filter(x -> x.status().open()).toList();
        assertThat(found).as("open deadlines of kind %s in %s", kind, list).hasSize(1);
        return found.get(0);
    }

    private DecisionStatus status(CaseId id, Decision d) {
        Decision now = decisions.forCase(access.read(id, jour1())).stream().filter(x -> x.id().equals(d.id()))
                .findFirst().orElseThrow();
        return now.status(deadlinesOf(id, d));
    }

    private Deadline met(CaseId id, Deadline d, String on, String evidence) {
        return deadlines.markMet(access.write(id, jour1()), d.deadlineId(), day(on), evidence, false);
    }

    private Deadline requestExtension(CaseId id, Deadline d, String on) {
        return deadlines.requestExtension(access.write(id, jour1()), d.deadlineId(), day(on));
    }

    private static void assertFieldProblem(ThrowingCallable call, String field, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FieldProblems.class, p ->
                assertThat(p.problems()).filteredOn(x -> x.field().equals(field))
                        .extracting(FieldProblems.Problem::messageKey).as("message key of %s in %s", field, p.problems())
                        .contains(messageKey));
    }

    private static final Set<String> HOME = Set.of("LVU_2");
    private static final Set<String> OWN = Set.of("LVU_3");

    // -- 1. 6 a § continuation: from the day the court gives its decision (9 a § fjärde stycket) --

    @Test
    void eachContinuationRunsTwoMonthsFromTheCourtsOwnDecisionDay() {
        CaseId id = child();
        // The issue's example: custody carried out 2026-10-01, continuations granted 2026-11-05 and 2026-12-01.
        Decision custody = record(id, DecisionType.LVU_6A, at("2026-09-30T22:10"), at("2026-10-01T09:30"),
                Mandate.CHAIR, HOME);
        Deadline application = one(deadlinesOf(id, custody), DeadlineKind.LVU_6A_INITIAL);
        assertThat(application.dueDate()).as("four weeks from the execution (8 § första stycket 2)")
                .isEqualTo(day("2026-10-29"));
        assertThat(application.rule().description()).contains("Ansökan om fortsatt omhändertagande")
                .doesNotContain("upphör efter fyra veckor");
        ruling(id, custody, RulingKind.CUSTODY_CONFIRMED, "2026-10-06", null, "FR 4711-26");
        met(id, application, "2026-10-20", "Ansökan om fortsatt omhändertagande, FR 4711-26");

        ruling(id, custody, RulingKind.CONTINUATION_GRANTED, "2026-11-05", null, "FR 4711-26");
        // The court's confirmation answered the 7 § submission (its day was not recorded): closed, not "met".
        assertThat(one(deadlinesOf(id, custody), DeadlineKind.LVU_7_SUBMISSION).closedReason())
                .isEqualTo("deadline.closed.answeredByRuling");
        Deadline first = openOne(deadlinesOf(id, custody), DeadlineKind.LVU_9B_APPLICATION);
        assertThat(first.anchorDate()).isEqualTo(day("2026-11-05"));
        // Lotsen used to chain from the previous end and said 2026-12-29; the law allows at most 2027-01-05.
        assertThat(first.dueDate()).isEqualTo(day("2027-01-05"));
        assertThat(first.legalBasis()).contains("9 b §");

        met(id, first, "2026-11-27", "Ny ansökan om fortsatt omhändertagande");
        ruling(id, custody, RulingKind.CONTINUATION_GRANTED, "2026-12-01", null, "FR 4711-26");
        Deadline second = openOne(deadlinesOf(id, custody), DeadlineKind.LVU_9B_APPLICATION);
        // Lotsen used to say 2027-03-01; two months from 2026-12-01 is 2027-02-01.
        assertThat(second.dueDate()).isEqualTo(day("2027-02-01"));
        assertThat(second.warning()).as("well within a year").isNull();
        assertThat(ofKind(deadlinesOf(id, custody), DeadlineKind.LVU_9B_APPLICATION)).hasSize(2);
        assertThat(status(id, custody)).isEqualTo(DecisionStatus.IN_FORCE);
    }

    @Test
    void aShorterEndDateSetByTheCourtIsKeptAsSetAndNeverMovedByLag1930_173() {
        CaseId id = child();
        Decision custody = record(id, DecisionType.LVU_6A, at("2026-09-30T22:10"), at("2026-10-01T09:30"),
                Mandate.CHAIR, HOME);
        // 2026-12-20 is a Sunday: a statutory time would move to Monday; the court's date does not.
        ruling(id, custody, RulingKind.CONTINUATION_GRANTED, "2026-11-05", "2026-12-20", "FR 4712-26");
        Deadline period = openOne(deadlinesOf(id, custody), DeadlineKind.LVU_9B_APPLICATION);
        assertThat(period.dueDate()).isEqualTo(day("2026-12-20"));
        assertThat(period.nominalDate()).isEqualTo(day("2026-12-20"));

        // The court cannot grant more than two months from its own day.
        assertFieldProblem(() -> ruling(id, custody, RulingKind.CONTINUATION_GRANTED, "2026-11-20", "2027-01-21", null),
                "until", "validation.ruling.continuationTooLong");
        // Nor can the same ruling be recorded twice.
        assertFieldProblem(() -> ruling(id, custody, RulingKind.CONTINUATION_GRANTED, "2026-11-05", "2026-12-20", null),
                "kind", "validation.ruling.duplicate");
        // A 6 a § custody does not turn into care under LVU: that end does not fit it.
        assertFieldProblem(() -> decisions.endCustody(access.write(id, jour1()), custody.decisionId(),
                CustodyEnd.CARE_GRANTED, at("2026-12-01T10:00"), null), "reason",
                "validation.decision.endReasonNotForType");
        // Nor a continuation for a 6 § custody, which has no such regime.
        CaseId six = child();
        Decision lvu6 = record(six, DecisionType.LVU_6, at("2026-11-30T21:00"), at("2026-11-30T23:00"),
                Mandate.CHAIR, HOME);
        assertFieldProblem(() -> ruling(six, lvu6, RulingKind.CONTINUATION_GRANTED, "2026-12-02", null, null),
                "kind", "validation.ruling.kindNotForDecision");
    }

    @Test
    void moreThanAYearOfContinuationsIsAWarningNotAStop() {
        CaseId id = child();
        Decision custody = record(id, DecisionType.LVU_6A, at("2025-10-01T22:00"), at("2025-10-02T09:00"),
                Mandate.CHAIR, HOME);
        ruling(id, custody, RulingKind.CONTINUATION_GRANTED, "2025-10-28", null, null);
        ruling(id, custody, RulingKind.CONTINUATION_GRANTED, "2026-11-05", null, null);
        Deadline period = openOne(deadlinesOf(id, custody), DeadlineKind.LVU_9B_APPLICATION);
        assertThat(period.dueDate()).isEqualTo(day("2027-01-05"));
        assertThat(period.warning()).isEqualTo("deadline.warning.continuationYear");
    }

    @Test
    void aMissedNewApplicationLapsesTheContinuedCustody() {
        CaseId id = child();
        Decision custody = record(id, DecisionType.LVU_6A, at("2026-08-03T22:00"), at("2026-08-04T08:00"),
                Mandate.CHAIR, HOME);
        ruling(id, custody, RulingKind.CONTINUATION_GRANTED, "2026-08-31", "2026-10-31", null);
        Deadline period = openOne(deadlinesOf(id, custody), DeadlineKind.LVU_9B_APPLICATION);
        assertThat(period.status()).isEqualTo(DeadlineStatus.LAPSED);
        assertThat(status(id, custody)).isEqualTo(DecisionStatus.LAPSED);
        assertFieldProblem(() -> met(id, period, "2026-11-02", null), "metOn", "validation.deadline.tooLate");
    }

    // -- 2. extension requested: not lapsed until the court decides (9 § 1, 8 § andra stycket) --

    @Test
    void aRequestedExtensionKeepsTheCustodyUntilTheCourtDecides() {
        CaseId id = child();
        Decision custody = record(id, DecisionType.LVU_6, at("2026-10-01T21:00"), at("2026-10-01T23:30"),
                Mandate.CHAIR, HOME);
        // Submitted in time and confirmed by the court (7 §): only the 8 § time is left to decide the custody's fate.
        ruling(id, custody, RulingKind.CUSTODY_CONFIRMED, "2026-10-06", null, "FR 5100-26");
        Deadline application = one(deadlinesOf(id, custody), DeadlineKind.LVU_8_APPLICATION);
        assertThat(application.dueDate()).isEqualTo(day("2026-10-29"));
        assertFieldProblem(() -> requestExtension(id, application, "2026-10-30"), "requestedOn",
                "validation.deadline.requestTooLate");

        Deadline requested = requestExtension(id, application, "2026-10-27");
        assertThat(requested.status()).as("past the last day, yet not lapsed")
                .isEqualTo(DeadlineStatus.EXTENSION_REQUESTED);
        assertThat(requested.extensionRequestedOn()).isEqualTo(day("2026-10-27"));
        assertThat(status(id, custody)).isEqualTo(DecisionStatus.IN_FORCE);
        assertFieldProblem(() -> requestExtension(id, requested, "2026-10-28"), "requestedOn",
                "validation.deadline.notOpen");

        // The court grants the extension to a date it sets: that date is the new last day, as set.
        ruling(id, custody, RulingKind.EXTENSION_GRANTED, "2026-11-03", "2026-12-13", "FR 5100-26");
        Deadline extended = one(deadlinesOf(id, custody), DeadlineKind.LVU_8_APPLICATION);
        assertThat(extended.status()).isEqualTo(DeadlineStatus.EXTENDED);
        assertThat(extended.dueDate()).as("a Sunday, as the court set it").isEqualTo(day("2026-12-13"));
        assertThat(status(id, custody)).isEqualTo(DecisionStatus.IN_FORCE);

        // The application is made; the court then grants care and the custody ends as care.
        met(id, extended, "2026-12-02", "Ansökan om vård");
        ruling(id, custody, RulingKind.CARE_GRANTED, "2026-12-03", null, "FR 5100-26");
        assertThat(status(id, custody)).isEqualTo(DecisionStatus.ENDED);
        Decision ended = decisions.forCase(access.read(id, jour1())).stream()
                .filter(x -> x.id().equals(custody.id())).findFirst().orElseThrow();
        assertThat(ended.endReason()).isEqualTo(CustodyEnd.CARE_GRANTED);
    }

    @Test
    void withoutARequestTheMissedApplicationLapsesAndARefusedExtensionLapsesToo() {
        CaseId id = child();
        Decision custody = record(id, DecisionType.LVU_6, at("2026-10-01T21:00"), at("2026-10-01T23:30"),
                Mandate.CHAIR, HOME);
        ruling(id, custody, RulingKind.CUSTODY_CONFIRMED, "2026-10-06", null, null);
        Deadline application = one(deadlinesOf(id, custody), DeadlineKind.LVU_8_APPLICATION);
        assertThat(application.status()).isEqualTo(DeadlineStatus.LAPSED);
        assertThat(status(id, custody)).isEqualTo(DecisionStatus.LAPSED);
        assertThat(application.rule().consequence()).contains("förlängning").contains("9 § 1");

        CaseId other = child();
        Decision second = record(other, DecisionType.LVU_6, at("2026-10-01T21:00"), at("2026-10-01T23:30"),
                Mandate.CHAIR, HOME);
        ruling(other, second, RulingKind.CUSTODY_CONFIRMED, "2026-10-06", null, null);
        requestExtension(other, one(deadlinesOf(other, second), DeadlineKind.LVU_8_APPLICATION), "2026-10-29");
        assertThat(status(other, second)).isEqualTo(DecisionStatus.IN_FORCE);
        ruling(other, second, RulingKind.EXTENSION_REFUSED, "2026-11-04", null, null);
        assertThat(one(deadlinesOf(other, second), DeadlineKind.LVU_8_APPLICATION).status())
                .isEqualTo(DeadlineStatus.LAPSED);
        assertThat(status(other, second)).isEqualTo(DecisionStatus.LAPSED);
    }

    @Test
    void theSixASectionApplicationTimeCanBeExtendedToo() {
        CaseId id = child();
        Decision custody = record(id, DecisionType.LVU_6A, at("2026-11-10T22:00"), at("2026-11-11T08:00"),
                Mandate.CHAIR, HOME);
        Deadline application = one(deadlinesOf(id, custody), DeadlineKind.LVU_6A_INITIAL);
        assertThat(application.dueDate()).isEqualTo(day("2026-12-09"));
        requestExtension(id, application, "2026-12-02");
        ruling(id, custody, RulingKind.EXTENSION_GRANTED, "2026-12-03", "2026-12-23", null);
        Deadline extended = one(deadlinesOf(id, custody), DeadlineKind.LVU_6A_INITIAL);
        assertThat(extended.status()).isEqualTo(DeadlineStatus.EXTENDED);
        assertThat(extended.dueDate()).isEqualTo(day("2026-12-23"));
    }

    // -- 3. the temporary travel ban (31 d–f §§) --

    @Test
    void aTemporaryTravelBanIsSubmittedWithinAWeekAndAppliedForWithinFourWeeksOfTheConfirmation() {
        CaseId id = child();
        // Decided by the chair on Friday night 2026-11-27, because the committee could not be awaited.
        Decision ban = record(id, DecisionType.LVU_31D_TEMPORARY_TRAVEL_BAN, at("2026-11-27T23:40"), null,
                Mandate.CHAIR, Set.of());
        List<Deadline> own = deadlinesOf(id, ban);
        Deadline submission = one(own, DeadlineKind.LVU_31E_SUBMISSION);
        assertThat(submission.dueDate()).as("one week from the decision day (31 e §)").isEqualTo(day("2026-12-04"));
        assertThat(submission.legalBasis()).isEqualTo("31 e § LVU (1990:52)");
        assertThat(one(own, DeadlineKind.COMMITTEE_REPORT).legalBasis()).contains("31 d §");
        Deadline police = one(own, DeadlineKind.TRAVEL_BAN_POLICE_NOTICE);
        assertThat(police.dueDate()).as("the police are told at once").isEqualTo(day("2026-11-27"));
        assertThat(status(id, ban)).isEqualTo(DecisionStatus.IN_FORCE);

        ruling(id, ban, RulingKind.TRAVEL_BAN_CONFIRMED, "2026-12-02", null, "FR 6000-26");
        own = deadlinesOf(id, ban);
        // The court could not confirm what was not submitted: the submission is answered by the ruling (its day is
        // not known, so it is closed with that reason, not marked met on a day Lotsen would invent).
        Deadline answered = one(own, DeadlineKind.LVU_31E_SUBMISSION);
        assertThat(answered.status()).isEqualTo(DeadlineStatus.CLOSED);
        assertThat(answered.closedReason()).isEqualTo("deadline.closed.answeredByRuling");
        assertThat(answered.metOn()).isNull();
        Deadline application = one(own, DeadlineKind.LVU_31F_APPLICATION);
        assertThat(application.dueDate()).as("four weeks from the court's day (31 f §)").isEqualTo(day("2026-12-30"));

        // The court sets it aside later: it ends, and the police must be told that it ended.
        ruling(id, ban, RulingKind.TRAVEL_BAN_SET_ASIDE, "2026-12-03", null, "FR 6000-26");
        assertThat(status(id, ban)).isEqualTo(DecisionStatus.ENDED);
        List<Deadline> notices = ofKind(deadlinesOf(id, ban), DeadlineKind.TRAVEL_BAN_POLICE_NOTICE);
        assertThat(notices).extracting(Deadline::anchorDate).contains(day("2026-12-03"));
        assertThat(notices).filteredOn(x -> x.status().open()).extracting(Deadline::dueDate)
                .containsExactly(day("2026-12-03"));
    }

    @Test
    void anUnsubmittedTemporaryBanLapsesAfterAWeek() {
        CaseId id = child();
        Decision ban = record(id, DecisionType.LVU_31D_TEMPORARY_TRAVEL_BAN, at("2026-11-20T10:00"), null,
                Mandate.COMMITTEE, Set.of());
        Deadline submission = one(deadlinesOf(id, ban), DeadlineKind.LVU_31E_SUBMISSION);
        assertThat(submission.dueDate()).isEqualTo(day("2026-11-27"));
        assertThat(submission.status()).isEqualTo(DeadlineStatus.LAPSED);
        assertThat(submission.rule().consequence()).contains("Polisen");
        assertThat(status(id, ban)).isEqualTo(DecisionStatus.LAPSED);
        assertThat(deadlinesOf(id, ban)).noneMatch(x -> x.kind() == DeadlineKind.COMMITTEE_REPORT);
    }

    @Test
    void aTravelBanByTheCourtIsReconsideredEverySixMonths() {
        CaseId id = child();
        Decision ban = decisions.record(access.write(id, jour1()), new DecisionCommand(
                DecisionType.LVU_31A_TRAVEL_BAN, at("2026-11-16T11:00"), null, "Förvaltningsrätten i Stockholm", null,
                null, Set.of(), null, null, null, null, null, null, false, true));
        assertThat(one(deadlinesOf(id, ban), DeadlineKind.LVU_31C_REVIEW).dueDate()).isEqualTo(day("2027-05-17"));
    }

    // -- 4. 18- and 19-year-olds, and the presumption of a child --

    @Test
    void aNineteenYearOldMayBeTakenIntoCustodyOnOwnBehaviourOnly() {
        // Born 2007-05-10: 19 on 2026-12-02, turns 20 on 2027-05-10. Registered as an adult.
        LocalDate born = day("2007-05-10");
        CaseId id = open(SubjectType.ADULT, person(IdentityKind.PERSONNUMMER, personnummer(born, 238), null, null,
                false));
        LvuAge age = decisions.ageOn(access.read(id, jour1()).header(), day("2026-12-02"));
        assertThat(age.coverage()).isEqualTo(LvuAge.Coverage.YOUNG_ADULT);
        assertThat(age.basis()).isEqualTo(LvuAge.Basis.IDENTITY_NUMBER);
        assertThat(age.years()).isEqualTo(19);
        assertThat(age.turns20()).isEqualTo(day("2027-05-10"));

        assertFieldProblem(() -> record(id, DecisionType.LVU_6, at("2026-12-02T22:00"), null, Mandate.CHAIR, HOME),
                "grounds", "validation.decision.youngAdultGrounds");
        assertFieldProblem(() -> record(id, DecisionType.LVU_6A, at("2026-12-02T22:00"), null, Mandate.CHAIR, OWN),
                "type", "validation.decision.under18Only");
        assertFieldProblem(() -> record(id, DecisionType.LVU_31D_TEMPORARY_TRAVEL_BAN, at("2026-12-02T22:00"), null,
                Mandate.CHAIR, Set.of()), "type", "validation.decision.under18Only");

        Decision custody = record(id, DecisionType.LVU_6, at("2026-12-02T22:00"), at("2026-12-02T23:00"),
                Mandate.CHAIR, OWN);
        assertThat(custody.ageBasis()).isEqualTo("YOUNG_ADULT:IDENTITY_NUMBER");
        assertThat(one(deadlinesOf(id, custody), DeadlineKind.LVU_7_SUBMISSION).dueDate()).isEqualTo(day("2026-12-09"));
    }

    @Test
    void fromTheTwentiethBirthdayLvuNoLongerApplies() {
        CaseId id = open(SubjectType.ADULT, person(IdentityKind.UNKNOWN, "", day("2006-12-02"), null, false));
        assertFieldProblem(() -> record(id, DecisionType.LVU_6, at("2026-12-02T22:00"), null, Mandate.CHAIR, OWN),
                "type", "validation.decision.over20");
        // The day before the birthday it still applies.
        Decision custody = record(id, DecisionType.LVU_6, at("2026-12-01T22:00"), null, Mandate.CHAIR, OWN);
        assertThat(custody.ageBasis()).isEqualTo("YOUNG_ADULT:BIRTH_DATE");
    }

    @Test
    void anUncertainAgeThatMayBeAChildsIsTreatedAsAChildAndTheChoiceIsRecorded() {
        // Registered as an adult, but the assessed age is 16: presumed a child (directive 2011/36/EU art. 13.2).
        CaseId assessed = open(SubjectType.ADULT, person(IdentityKind.UNKNOWN, "", null, 16, true));
        Decision custody = record(assessed, DecisionType.LVU_6, at("2026-12-02T22:00"), null, Mandate.CHAIR, HOME);
        assertThat(custody.ageBasis()).isEqualTo("PRESUMED_CHILD:ASSESSED_AGE");

        // Registered as a child though the stated age is 19: the worker's choice stands and is visible.
        CaseId stated = open(SubjectType.CHILD, person(IdentityKind.UNKNOWN, "", null, 19, false));
        Decision sixA = record(stated, DecisionType.LVU_6A, at("2026-12-02T22:00"), null, Mandate.CHAIR, HOME);
        assertThat(sixA.ageBasis()).isEqualTo("PRESUMED_CHILD:STATED_AGE");

        // An adult of unknown age: LVU needs an age first.
        CaseId unknown = open(SubjectType.ADULT, person(IdentityKind.UNKNOWN, "", null, null, false));
        assertFieldProblem(() -> record(unknown, DecisionType.LVU_6, at("2026-12-02T22:00"), null, Mandate.CHAIR, OWN),
                "type", "validation.decision.ageUnknown");
    }

    // -- 6. the decision time is entered and unusual times are confirmed --

    @Test
    void aTimeInTheFutureOrMoreThanAWeekBackAsksForConfirmation() {
        CaseId id = child();
        DecisionCommand tenDaysAgo = command(DecisionType.LVU_6, at("2026-11-23T23:50"), null, Mandate.CHAIR, HOME,
                false);
        assertFieldProblem(() -> decisions.record(access.write(id, jour1()), tenDaysAgo), "decidedAt",
                "validation.decision.confirmUnusualTime");
        DecisionCommand inAnHour = command(DecisionType.LVU_6, at("2026-12-03T13:00"), null, Mandate.CHAIR, HOME,
                false);
        assertFieldProblem(() -> decisions.record(access.write(id, jour1()), inAnHour), "decidedAt",
                "validation.decision.confirmUnusualTime");
        DecisionCommand inTwoDays = command(DecisionType.LVU_6, at("2026-12-05T12:00"), null, Mandate.CHAIR, HOME,
                true);
        assertFieldProblem(() -> decisions.record(access.write(id, jour1()), inTwoDays), "decidedAt",
                "validation.case.receivedAt.future");
        DecisionCommand noTime = command(DecisionType.LVU_6, null, null, Mandate.CHAIR, HOME, false);
        assertFieldProblem(() -> decisions.record(access.write(id, jour1()), noTime), "decidedAt",
                "validation.required");

        // Confirmed, ten days back is recorded and counts from its own day.
        Decision d = decisions.record(access.write(id, jour1()), command(DecisionType.LVU_6, at("2026-11-23T23:50"),
                null, Mandate.CHAIR, HOME, true));
        assertThat(one(deadlinesOf(id, d), DeadlineKind.LVU_7_SUBMISSION).anchorDate()).isEqualTo(day("2026-11-23"));
    }

    // -- 7. smaller errors --

    @Test
    void theSubmissionIsMetWithoutTheCourtsCaseNumber() {
        CaseId id = child();
        Decision custody = record(id, DecisionType.LVU_6, at("2026-12-01T21:00"), null, Mandate.CHAIR, HOME);
        Deadline met = met(id, one(deadlinesOf(id, custody), DeadlineKind.LVU_7_SUBMISSION), "2026-12-02", null);
        assertThat(met.status()).isEqualTo(DeadlineStatus.MET);
        assertThat(met.evidence()).isNull();
        assertThat(one(deadlinesOf(id, custody), DeadlineKind.LVU_7_COURT_REVIEW).anchorDate())
                .isEqualTo(day("2026-12-02"));
    }

    @Test
    void contactAndSecretWhereaboutsAreTwoDecisionsEachReviewedEveryThreeMonths() {
        CaseId id = child();
        record(id, DecisionType.LVU_6, at("2026-12-01T21:00"), null, Mandate.CHAIR, HOME);
        Decision contact = record(id, DecisionType.LVU_14_CONTACT, at("2026-12-01T21:10"), null, Mandate.CHAIR,
                Set.of());
        Decision whereabouts = record(id, DecisionType.LVU_14_WHEREABOUTS, at("2026-12-01T21:10"), null,
                Mandate.CHAIR, Set.of());
        assertThat(one(deadlinesOf(id, contact), DeadlineKind.LVU_14_REVIEW).dueDate()).isEqualTo(day("2027-03-01"));
        assertThat(one(deadlinesOf(id, whereabouts), DeadlineKind.LVU_14_REVIEW).dueDate()).isEqualTo(day("2027-03-01"));
        assertThat(whereabouts.placement()).as("concerns the whereabouts").isTrue();
        assertThat(contact.placement()).isFalse();
        assertFieldProblem(() -> record(id, DecisionType.LVU_14_RESTRICTIONS, at("2026-12-01T21:10"), null,
                Mandate.CHAIR, Set.of()), "type", "validation.decision.typeReplaced");
        assertFieldProblem(() -> record(id, DecisionType.LVU_6A_CONTINUATION, at("2026-12-01T21:10"), null, null,
                Set.of()), "type", "validation.decision.typeReplaced");
    }

    @Test
    void anAppointedOfficialMayRequestPoliceAssistanceButDecideNothingElse() {
        CaseId id = child();
        assertFieldProblem(() -> record(id, DecisionType.LVU_6, at("2026-12-01T21:00"), null,
                Mandate.APPOINTED_OFFICIAL, HOME), "mandate", "validation.decision.officialOnlyFor43");
        record(id, DecisionType.LVU_6, at("2026-12-01T21:00"), null, Mandate.CHAIR, HOME);
        Decision police = record(id, DecisionType.LVU_43_POLICE_ASSISTANCE, at("2026-12-01T21:30"), null,
                Mandate.APPOINTED_OFFICIAL, Set.of());
        assertThat(police.mandate()).isEqualTo(Mandate.APPOINTED_OFFICIAL);
        assertThat(deadlinesOf(id, police)).as("a 43 § request is not reported like a chair's decision").isEmpty();
    }

    @Test
    void theSocialCommitteeMayApplyForAReflectionPeriodForAChildAndItsThirtyDaysAreWatched() {
        CaseId id = child();
        Decision application = record(id, DecisionType.ADULT_REFLECTION_PERIOD, at("2026-11-18T10:00"), null, null,
                Set.of());
        ruling(id, application, RulingKind.REFLECTION_PERIOD_GRANTED, "2026-11-20", null, "MIG 123-26");
        Deadline end = one(deadlinesOf(id, application), DeadlineKind.REFLECTION_PERIOD_END);
        assertThat(end.dueDate()).as("30 days, a Sunday, not moved").isEqualTo(day("2026-12-20"));
        assertThat(end.legalBasis()).contains("5 kap. 15 §");
    }
}
