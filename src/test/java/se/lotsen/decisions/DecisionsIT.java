package se.lotsen.decisions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.ApiTokens;
import se.lotsen.access.CurrentUser;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.Intake;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.cases.ProtectionOutcome;
import se.lotsen.cases.SubjectType;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitForm;
import se.lotsen.organisation.UnitKind;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;
import se.lotsen.routines.ChecklistItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lotsen.decisions.DeadlineKind.CHILD_INVESTIGATION_DECISION;
import static se.lotsen.decisions.DeadlineKind.CHILD_PROTECTION_ASSESSMENT;
import static se.lotsen.decisions.DeadlineKind.COMMITTEE_REPORT;
import static se.lotsen.decisions.DeadlineKind.LVU_14_REVIEW;
import static se.lotsen.decisions.DeadlineKind.LVU_7_COURT_REVIEW;
import static se.lotsen.decisions.DeadlineKind.LVU_7_SUBMISSION;
import static se.lotsen.decisions.DeadlineKind.LVU_8_APPLICATION;

/**
 * Decisions and their statutory deadlines against the beans and the real database, with principals of the demo
 * accounts: the child-protection deadlines of every child case, the deadlines of a 6 § custody (7 §, 8 §, the report
 * at the committee's next meeting) computed with lag (1930:173), validation, the Swedish date of a decision, meeting,
 * extending and closing deadlines, the 14 § and 6 a § regimes, derived statuses, the access rule and the board.
 * Expected dates are the hand-checked vectors of the legal reference (§1.7–1.8), never computed by the code under test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionsIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final String RINKEBY = "rinkeby-kista";

    @Autowired
    Cases cases;

    @Autowired
    se.lotsen.cases.CaseAccess access;

    @Autowired
    Decisions decisions;

    @Autowired
    Deadlines deadlines;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    Organisation organisation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final Map<String, CurrentUser> users = new HashMap<>();

    // -- helpers --

    /** The principal of a demo account, as the API builds it from a bearer token. */
    private CurrentUser user(String username) {
        return users.computeIfAbsent(username, u -> {
            Account a = accounts.findByUsername(u).orElseThrow();
            return apiTokens.authenticate(apiTokens.issue(a.id()).token()).orElseThrow();
        });
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SWEDEN));
    }

    /** A moment {@code days} days before today, at a time of day that is certainly in the past. */
    private Instant daysAgo(int days, int hour) {
        Instant t = today().minusDays(days).atTime(LocalTime.of(hour, 0)).atZone(SWEDEN).toInstant();
        Instant latest = clock.instant().minusSeconds(600);
        return t.isAfter(latest) ? latest : t;
    }

    private static PersonDetails person(String name, Integer statedAge) {
        return new PersonDetails(IdentityKind.UNKNOWN, "", name, "", null, statedAge, false, Sex.UNKNOWN, "RO", "",
                false, "", "", ProtectedIdentity.NONE, "");
    }

    private CaseId open(CurrentUser user, SubjectType type, Instant receivedAt) {
        return cases.open(new Intake(type, receivedAt, IntakeChannel.POLICE_PL12, "Polisen", "114 14",
                "Ung person påträffad", Set.of(ExploitationForm.SEXUAL), null, null,
                person("Testperson " + UUID.randomUUID().toString().substring(0, 8),
                        type == SubjectType.CHILD ? 15 : 24), null), user);
    }

    private CaseId openChild(CurrentUser user, Instant receivedAt) {
        return open(user, SubjectType.CHILD, receivedAt);
    }

    /** A decision command, changed by the test where needed. */
    private static final class Cmd {
        DecisionType type;
        Instant decidedAt;
        Instant executedAt;
        String decidedBy = "Anna Ordförande";
        Mandate mandate = Mandate.CHAIR;
        String committee = RINKEBY;
        Set<String> grounds = Set.of("LVU_2");
        String urgency = "Risk för fortsatt exploatering; rättens beslut kan inte avvaktas.";
        String residence;
        String basis;
        String details;
        UUID custodyId;
        /** The tests' decision times are the legal reference's dates, often months back: confirmed as typed. */
        boolean timeConfirmed = true;

        Cmd(DecisionType type, Instant decidedAt, Instant executedAt) {
            this.type = type;
            this.decidedAt = decidedAt;
            this.executedAt = executedAt;
            if (type == DecisionType.LVU_6A) {
                residence = "Rumänien";
                basis = "BRUSSELS_IIB";
            }
            if (type != null && !type.custody()) {
                grounds = Set.of();
                urgency = null;
            }
        }

        Cmd mandate(Mandate m) {
            mandate = m;
            return this;
        }

        Cmd custody(UUID id) {
            custodyId = id;
            return this;
        }

        DecisionCommand build() {
            return new DecisionCommand(type, decidedAt, executedAt, decidedBy, mandate, committee, grounds, urgency,
                    residence, basis, null, details, custodyId, false, timeConfirmed);
        }
    }

    private static Cmd lvu6(Instant decided, Instant executed) {
        return new Cmd(DecisionType.LVU_6, decided, executed);
    }

    private Decision record(CaseId id, Cmd cmd, CurrentUser user) {
        return decisions.record(access.write(id, user), cmd.build());
    }

    private List<Deadline> deadlinesOf(CaseId id) {
        return decisions.deadlines(access.read(id, user("jour1")));
    }

    private List<Deadline> deadlinesOf(CaseId id, UUID decisionId) {
        return deadlinesOf(id).stream().filter(d -> decisionId.equals(d.decisionId())).toList();
    }

    private static Deadline one(List<Deadline> list, DeadlineKind kind) {
        List<Deadline> ofKind = list.stream().filter(d -> d.kind() == kind).toList();
        assertThat(ofKind).as("deadlines of kind %s in %s", kind, list).hasSize(1);
        return ofKind.get(0);
    }

    private Deadline reread(Deadline d) {
        return deadlines.find(d.id()).orElseThrow();
    }

    private String storedStatus(UUID deadlineId) {
        return jdbc.sql("SELECT status FROM deadline WHERE id = :id").param("id", deadlineId).query(String.class).single();
    }

    /** The first known meeting of the unit's committee strictly after the day, straight from the table. */
    private Optional<LocalDate> firstMeetingAfter(String unitCode, LocalDate day) {
        return jdbc.sql("""
                        SELECT m.meeting_date FROM committee_meeting m JOIN committee c ON c.id = m.committee_id
                        JOIN unit u ON u.id = c.unit_id WHERE u.code = :code AND m.meeting_date > :day
                        ORDER BY m.meeting_date LIMIT 1""")
                .param("code", unitCode).param("day", day).query(LocalDate.class).optional();
    }

    private static void assertFieldProblem(ThrowingCallable call, String field, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FieldProblems.class, p -> {
            assertThat(p.problems()).extracting(FieldProblems.Problem::field).as("fields").contains(field);
            assertThat(p.problems()).filteredOn(x -> x.field().equals(field))
                    .extracting(FieldProblems.Problem::messageKey).as("message key of %s", field).contains(messageKey);
        });
    }

    private Optional<ChecklistItem> placering(CaseId id) {
        return cases.checklist(access.read(id, user("jour1"))).item("placering");
    }

    // -- the facades through the access policy, as pages and the API use them --

    /** Marks a deadline met as jour1 (Elin Berg), who holds the tests' cases; {@code byName} is who that is. */
    private Deadline met(Deadline d, LocalDate on, String evidence, String byName) {
        assertThat(byName).isEqualTo("Elin Berg");
        return deadlines.markMet(access.write(new CaseId(d.caseId()), user("jour1")), d.deadlineId(), on, evidence,
                false);
    }

    private Deadline extend(Deadline d, LocalDate newDate, String note) {
        return deadlines.extend(access.write(new CaseId(d.caseId()), user("jour1")), d.deadlineId(), newDate, note);
    }

    private Decision end(CaseId id, Decision custody, CustodyEnd reason, Instant at, String note, CurrentUser user) {
        return decisions.endCustody(access.write(id, user), custody.decisionId(), reason, at, note);
    }

    private se.lotsen.cases.CaseView view(CaseId id, CurrentUser user) {
        return cases.view(access.read(id, user));
    }

    // -- the child-protection deadlines of every child case --

    @Test
    void openingAChildCaseStartsTheProtectionAssessmentAndTheInvestigationDecision() {
        CurrentUser jour1 = user("jour1");
        // 23:30 UTC on Thursday is 00:30 on Friday 2026-03-20 in Sweden: the Swedish date counts.
        CaseId id = openChild(jour1, Instant.parse("2026-03-19T23:30:00Z"));

        List<Deadline> list = deadlinesOf(id);
        assertThat(list).extracting(Deadline::kind)
                .containsExactlyInAnyOrder(CHILD_PROTECTION_ASSESSMENT, CHILD_INVESTIGATION_DECISION);

        Deadline protection = one(list, CHILD_PROTECTION_ASSESSMENT);
        assertThat(protection.decisionId()).isNull();
        assertThat(protection.anchorDate()).isEqualTo(LocalDate.of(2026, 3, 20));
        // "Genast" (20 kap. 1 § SoL, LEGAL-AND-PRACTICE §11.13): due the day the report came in; the next day is
        // practice, not law, and this time does not move.
        assertThat(protection.nominalDate()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(protection.dueDate()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(protection.rule().moves()).isFalse();
        assertThat(protection.legalBasis()).isEqualTo("20 kap. 1 § socialtjänstlagen (2025:400)");
        assertThat(protection.status()).as("passed and not met").isEqualTo(DeadlineStatus.OVERDUE);

        Deadline investigation = one(list, CHILD_INVESTIGATION_DECISION);
        assertThat(investigation.anchorDate()).isEqualTo(LocalDate.of(2026, 3, 20));
        // 14 days: Friday 2026-04-03 is långfredagen, so the last day moves past Easter to Tuesday 2026-04-07.
        assertThat(investigation.nominalDate()).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(investigation.dueDate()).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(investigation.legalBasis()).isEqualTo("20 kap. 2 § socialtjänstlagen (2025:400)");
        assertThat(investigation.status()).as("a passed investigation decision is overdue, nothing lapses")
                .isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(storedStatus(investigation.id())).as("overdue is derived, not stored").isEqualTo("PENDING");

        LocalDate assessedOn = today();
        cases.recordProtection(access.write(id, jour1), ProtectionOutcome.DECISION_PENDING,
                "Behov av skydd, ordföranden kontaktad", null);

        Deadline met = reread(protection);
        assertThat(met.status()).isEqualTo(DeadlineStatus.MET);
        assertThat(met.metOn()).isIn(assessedOn, today());
        assertThat(reread(investigation).status()).isEqualTo(DeadlineStatus.OVERDUE);
    }

    @Test
    void theRuleValidOnTheDayOfReceiptApplies() {
        // Received before SoL (2025:400) applied on 2025-07-01: the old law's rule and legal basis.
        CaseId old = openChild(user("jour1"), at("2025-03-03T10:00:00+01:00"));

        List<Deadline> list = deadlinesOf(old);
        assertThat(one(list, CHILD_PROTECTION_ASSESSMENT).legalBasis()).contains("2001:453");
        assertThat(one(list, CHILD_INVESTIGATION_DECISION).legalBasis()).contains("2001:453");
        assertThat(one(list, CHILD_INVESTIGATION_DECISION).dueDate()).isEqualTo(LocalDate.of(2025, 3, 17));
    }

    @Test
    void anAdultCaseGetsNoChildProtectionDeadlines() {
        CaseId adult = open(user("jour1"), SubjectType.ADULT, daysAgo(1, 10));

        assertThat(deadlinesOf(adult)).isEmpty();
    }

    // -- a chair's 6 § decision --

    @Test
    void aChairsDecisionOnAFridayEveningBeforeChristmasStartsTheSevenAndEightSectionTimesAndTheReport() {
        CurrentUser jour1 = user("jour1");
        CaseId id = openChild(jour1, at("2025-12-19T17:00:00+01:00"));

        Decision d = record(id, lvu6(at("2025-12-19T19:00:00+01:00"), at("2025-12-19T21:00:00+01:00")), jour1);

        assertThat(d.caseId()).isEqualTo(id.value());
        assertThat(d.type()).isEqualTo(DecisionType.LVU_6);
        assertThat(d.decidedAt()).isEqualTo(at("2025-12-19T19:00:00+01:00"));
        assertThat(d.executedAt()).isEqualTo(at("2025-12-19T21:00:00+01:00"));
        assertThat(d.mandate()).isEqualTo(Mandate.CHAIR);
        assertThat(d.committeeUnitCode()).isEqualTo(RINKEBY);
        assertThat(d.grounds()).containsExactly("LVU_2");
        assertThat(d.decidedByName()).isEqualTo("Anna Ordförande");
        assertThat(d.recordedByName()).isEqualTo(jour1.displayName());
        assertThat(d.active()).isTrue();
        assertThat(decisions.forCase(access.read(id, jour1))).extracting(Decision::id).containsExactly(d.id());
        assertThat(decisions.activeCustody(id.value())).map(Decision::id).hasValue(d.id());

        List<Deadline> own = deadlinesOf(id, d.id());
        assertThat(own).extracting(Deadline::kind)
                .containsExactlyInAnyOrder(LVU_7_SUBMISSION, LVU_8_APPLICATION, COMMITTEE_REPORT);

        Deadline submission = one(own, LVU_7_SUBMISSION);
        assertThat(submission.anchorDate()).isEqualTo(LocalDate.of(2025, 12, 19));
        assertThat(submission.nominalDate()).as("the same weekday a week later: annandag jul")
                .isEqualTo(LocalDate.of(2025, 12, 26));
        assertThat(submission.dueDate()).as("moved to the next working day").isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(submission.legalBasis()).isEqualTo("7 § LVU (1990:52)");
        assertThat(submission.warning()).isNull();

        Deadline application = one(own, LVU_8_APPLICATION);
        assertThat(application.anchorDate()).as("from the execution").isEqualTo(LocalDate.of(2025, 12, 19));
        assertThat(application.nominalDate()).isEqualTo(LocalDate.of(2026, 1, 16));
        assertThat(application.dueDate()).as("a Friday: no move").isEqualTo(LocalDate.of(2026, 1, 16));
        assertThat(application.legalBasis()).isEqualTo("8 § LVU (1990:52)");

        Deadline report = one(own, COMMITTEE_REPORT);
        assertThat(report.legalBasis()).isEqualTo("6 § andra stycket och 31 d § LVU (1990:52)");
        Optional<LocalDate> meeting = firstMeetingAfter(RINKEBY, LocalDate.of(2025, 12, 19));
        if (meeting.isPresent()) {
            assertThat(report.nominalDate()).isEqualTo(meeting.get());
            assertThat(report.dueDate()).isEqualTo(meeting.get());
            // A first known meeting more than six weeks after the decision suggests an outdated meeting calendar.
            assertThat(report.warning()).isEqualTo(meeting.get().isAfter(LocalDate.of(2025, 12, 19).plusWeeks(6))
                    ? "deadline.warning.meetingFar" : null);
            assertThat(report.status()).isEqualTo(meeting.get().isBefore(today())
                    ? DeadlineStatus.OVERDUE : DeadlineStatus.PENDING);
        } else {
            assertThat(report.nominalDate()).isNull();
            assertThat(report.dueDate()).isNull();
            assertThat(report.warning()).isEqualTo("deadline.warning.noMeeting");
        }

        // Derived statuses: both times passed unmet, and missing either ends the custody by law.
        assertThat(submission.status()).isEqualTo(DeadlineStatus.LAPSED);
        assertThat(submission.rule().consequence()).isNotBlank();
        assertThat(application.status()).isEqualTo(DeadlineStatus.LAPSED);
        assertThat(application.rule().consequence()).isNotBlank();
        assertThat(storedStatus(submission.id())).isEqualTo("PENDING");
        assertThat(own).noneMatch(x -> x.kind() == LVU_7_COURT_REVIEW);

        // The custody is a fact of the case: the placement step of the checklist now applies.
        assertThat(view(id, jour1).custodyDecided()).isTrue();
        assertThat(placering(id)).hasValueSatisfying(p -> assertThat(p.applicable()).isTrue());
    }

    @Test
    void aDecisionOfTheCommitteeItselfNeedsNoReportButOneOfAnAppointedMemberDoes() {
        CurrentUser jour1 = user("jour1");
        CaseId byCommittee = openChild(jour1, at("2025-12-19T17:00:00+01:00"));
        CaseId byMember = openChild(jour1, at("2025-12-19T17:00:00+01:00"));

        Decision committee = record(byCommittee, lvu6(at("2025-12-19T19:00:00+01:00"), null)
                .mandate(Mandate.COMMITTEE), jour1);
        Decision member = record(byMember, lvu6(at("2025-12-19T19:00:00+01:00"), null)
                .mandate(Mandate.APPOINTED_MEMBER), jour1);

        assertThat(deadlinesOf(byCommittee, committee.id())).extracting(Deadline::kind)
                .containsExactly(LVU_7_SUBMISSION);
        assertThat(deadlinesOf(byMember, member.id())).extracting(Deadline::kind)
                .containsExactlyInAnyOrder(LVU_7_SUBMISSION, COMMITTEE_REPORT);
    }

    @Test
    @Transactional // rolled back: the committee's meetings and the new unit disappear again
    void withoutAKnownMeetingTheReportHasNoDateAndAWarning() {
        CurrentUser jour1 = user("jour1");
        Unit rinkeby = organisation.unitByCode(RINKEBY).orElseThrow();
        jdbc.sql("DELETE FROM committee_meeting WHERE committee_id IN (SELECT id FROM committee WHERE unit_id = :u)")
                .param("u", rinkeby.id().value()).update();
        Unit fresh = organisation.createUnit(new UnitForm("utan-sammantraden-" + UUID.randomUUID().toString()
                .substring(0, 8), "Förvaltning utan sammanträden", UnitKind.DISTRICT, true, "Nämnd utan datum"));

        for (String committee : List.of(RINKEBY, fresh.code())) {
            CaseId id = openChild(jour1, daysAgo(2, 9));
            Cmd cmd = lvu6(daysAgo(2, 10), null);
            cmd.committee = committee;
            Decision d = record(id, cmd, jour1);

            Deadline report = one(deadlinesOf(id, d.id()), COMMITTEE_REPORT);
            assertThat(report.nominalDate()).as(committee).isNull();
            assertThat(report.dueDate()).as(committee).isNull();
            assertThat(report.warning()).as(committee).isEqualTo("deadline.warning.noMeeting");
            assertThat(report.status()).as(committee).isEqualTo(DeadlineStatus.PENDING);
            assertThat(d.committeeUnitCode()).isEqualTo(committee);
        }
    }

    // -- validation --

    @Test
    void invalidDecisionsAreRefusedNamingTheField() {
        CurrentUser jour1 = user("jour1");
        CaseId child = openChild(jour1, daysAgo(1, 8));
        CaseId adult = open(jour1, SubjectType.ADULT, daysAgo(1, 8));
        Instant decided = daysAgo(1, 10);
        Instant executed = daysAgo(1, 11);

        // The adult is 24 (stated): LVU covers only those under 20 (1 § tredje stycket).
        assertFieldProblem(() -> record(adult, lvu6(decided, executed), jour1), "type", "validation.decision.over20");
        assertFieldProblem(() -> record(child, new Cmd(DecisionType.ADULT_PROTECTED_HOUSING, decided, null), jour1),
                "type", "validation.decision.adultOnly");
        assertFieldProblem(() -> record(child, new Cmd(null, decided, null), jour1), "type", "validation.required");

        assertFieldProblem(() -> record(child, lvu6(decided, executed).mandate(null), jour1),
                "mandate", "validation.decision.mandate");
        for (String committee : new String[] {null, " ", "socialjouren", "no-such-unit"}) {
            Cmd cmd = lvu6(decided, executed);
            cmd.committee = committee;
            assertFieldProblem(() -> record(child, cmd, jour1), "committeeUnitCode", "validation.decision.committee");
        }

        Cmd noGrounds = lvu6(decided, executed);
        noGrounds.grounds = Set.of();
        assertFieldProblem(() -> record(child, noGrounds, jour1), "grounds", "validation.decision.grounds");
        Cmd unknownGround = lvu6(decided, executed);
        unknownGround.grounds = Set.of("LVU_2", "LVU_99");
        assertFieldProblem(() -> record(child, unknownGround, jour1), "grounds", "validation.decision.grounds");
        Cmd noUrgency = lvu6(decided, executed);
        noUrgency.urgency = "  ";
        assertFieldProblem(() -> record(child, noUrgency, jour1), "urgencyReason", "validation.decision.urgency");

        assertFieldProblem(() -> record(child, lvu6(decided, decided.minusSeconds(60)), jour1),
                "executedAt", "validation.decision.executedBeforeDecided");
        // More than a day ahead is refused even when confirmed (closer ahead asks for confirmation: LegalExactnessIT).
        assertFieldProblem(() -> record(child, lvu6(clock.instant().plusSeconds(2 * 86400), null), jour1),
                "decidedAt", "validation.case.receivedAt.future");
        assertFieldProblem(() -> record(child, lvu6(null, null), jour1), "decidedAt", "validation.required");
        Cmd nobody = lvu6(decided, executed);
        nobody.decidedBy = " ";
        assertFieldProblem(() -> record(child, nobody, jour1), "decidedByName", "validation.required");

        Cmd noResidence = new Cmd(DecisionType.LVU_6A, decided, executed);
        noResidence.residence = null;
        assertFieldProblem(() -> record(child, noResidence, jour1), "habitualResidence", "validation.decision.residence");
        Cmd noBasis = new Cmd(DecisionType.LVU_6A, decided, executed);
        noBasis.basis = null;
        assertFieldProblem(() -> record(child, noBasis, jour1), "jurisdictionBasis", "validation.decision.jurisdiction");
        Cmd unknownBasis = new Cmd(DecisionType.LVU_6A, decided, executed);
        unknownBasis.basis = "GUESSWORK";
        assertFieldProblem(() -> record(child, unknownBasis, jour1), "jurisdictionBasis", "validation.decision.jurisdiction");

        assertFieldProblem(() -> record(child, new Cmd(DecisionType.LVU_43_POLICE_ASSISTANCE, decided, null), jour1),
                "type", "validation.decision.policeNeedsDecision");
        assertFieldProblem(() -> record(child, new Cmd(DecisionType.LVU_11_PLACEMENT, decided, null), jour1),
                "type", "validation.decision.needsCustody");

        // Nothing of the refused decisions was kept.
        assertThat(decisions.forCase(access.read(child, jour1))).isEmpty();
        assertThat(decisions.forCase(access.read(adult, jour1))).isEmpty();
        assertThat(deadlinesOf(child)).extracting(Deadline::kind)
                .containsExactlyInAnyOrder(CHILD_PROTECTION_ASSESSMENT, CHILD_INVESTIGATION_DECISION);
        assertThat(view(child, jour1).custodyDecided()).isFalse();
    }

    @Test
    void aCaseHasAtMostOneActiveCustodyAndPoliceAssistanceNeedsOne() {
        CurrentUser jour1 = user("jour1");
        CaseId id = openChild(jour1, daysAgo(1, 8));
        CaseId other = openChild(jour1, daysAgo(1, 8));
        Decision custody = record(id, lvu6(daysAgo(1, 10), daysAgo(1, 11)), jour1);
        Decision otherCustody = record(other, lvu6(daysAgo(1, 10), null), jour1);

        assertFieldProblem(() -> record(id, lvu6(daysAgo(1, 12), null), jour1), "type",
                "validation.decision.custodyExists");
        assertFieldProblem(() -> record(id, new Cmd(DecisionType.LVU_6A, daysAgo(1, 12), null), jour1), "type",
                "validation.decision.custodyExists");
        // Another case's custody cannot be named.
        assertFieldProblem(() -> record(id, new Cmd(DecisionType.LVU_43_POLICE_ASSISTANCE, daysAgo(1, 12), null)
                .custody(otherCustody.id()), jour1), "type", "validation.decision.policeNeedsDecision");

        Decision police = record(id, new Cmd(DecisionType.LVU_43_POLICE_ASSISTANCE, daysAgo(1, 12), null), jour1);
        assertThat(police.custodyId()).isEqualTo(custody.id());
        assertThat(decisions.forCase(access.read(id, jour1))).extracting(Decision::type)
                .containsExactly(DecisionType.LVU_6, DecisionType.LVU_43_POLICE_ASSISTANCE);
    }

    // -- the Swedish date --

    @Test
    void aDecisionAtHalfPastMidnightSwedishTimeCountsFromThatSwedishDay() {
        CurrentUser jour1 = user("jour1");
        CaseId id = openChild(jour1, Instant.parse("2026-11-25T22:00:00Z"));

        // 23:30 UTC on Wednesday is 00:30 on Thursday 2026-11-26 in Sweden (the JVM runs in UTC in the tests).
        Decision d = record(id, lvu6(Instant.parse("2026-11-25T23:30:00Z"), null).mandate(Mandate.COMMITTEE), jour1);

        Deadline submission = one(deadlinesOf(id, d.id()), LVU_7_SUBMISSION);
        assertThat(submission.anchorDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(submission.nominalDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(submission.dueDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(submission.status()).isEqualTo(today().isAfter(LocalDate.of(2026, 12, 3))
                ? DeadlineStatus.LAPSED : DeadlineStatus.PENDING);
        assertThat(deadlinesOf(id, d.id())).noneMatch(x -> x.kind() == LVU_8_APPLICATION);

        // Executed at 09:00 Swedish time on Thursday: four weeks is julafton, so the last day is Monday 2026-12-28.
        Decision executed = decisions.recordExecution(access.write(id, jour1), d.decisionId(), Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(executed.executedAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        Deadline application = one(deadlinesOf(id, d.id()), LVU_8_APPLICATION);
        assertThat(application.anchorDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(application.nominalDate()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(application.dueDate()).isEqualTo(LocalDate.of(2026, 12, 28));

        assertFieldProblem(() -> decisions.recordExecution(access.write(id, jour1), d.decisionId(), Instant.parse("2026-11-26T09:00:00Z")),
                "executedAt", "validation.decision.executionNotExpected");
        assertThat(deadlinesOf(id, d.id())).filteredOn(x -> x.kind() == LVU_8_APPLICATION).hasSize(1);
    }

    // -- meeting deadlines --

    @Test
    void submittingToTheCourtStartsTheCourtsReviewWeek() {
        CurrentUser jour1 = user("jour1");
        CaseId id = openChild(jour1, at("2025-12-19T17:00:00+01:00"));
        Decision d = record(id, lvu6(at("2025-12-19T19:00:00+01:00"), at("2025-12-19T21:00:00+01:00"))
                .mandate(Mandate.COMMITTEE), jour1);
        Deadline submission = one(deadlinesOf(id, d.id()), LVU_7_SUBMISSION);

        assertFieldProblem(() -> met(submission, LocalDate.of(2025, 12, 18), "FR mål 1234-25",
                "Elin Berg"), "metOn", "validation.deadline.beforeAnchor");
        assertFieldProblem(() -> met(submission, today().plusDays(1), "FR mål 1234-25",
                "Elin Berg"), "metOn", "validation.date.past");
        assertFieldProblem(() -> met(submission, LocalDate.of(2025, 12, 30), "FR mål 1234-25",
                "Elin Berg"), "metOn", "validation.deadline.tooLate");
        assertThat(reread(submission).status()).isEqualTo(DeadlineStatus.LAPSED);
        assertThat(deadlinesOf(id, d.id())).noneMatch(x -> x.kind() == LVU_7_COURT_REVIEW);

        Deadline met = met(submission, LocalDate.of(2025, 12, 24), "FR mål 1234-25", "Elin Berg");

        assertThat(met.status()).isEqualTo(DeadlineStatus.MET);
        assertThat(met.metOn()).isEqualTo(LocalDate.of(2025, 12, 24));
        assertThat(met.evidence()).isEqualTo("FR mål 1234-25");
        assertThat(met.metByName()).isEqualTo("Elin Berg");
        assertThat(met.metAt()).isNotNull();

        Deadline review = one(deadlinesOf(id, d.id()), LVU_7_COURT_REVIEW);
        assertThat(review.anchorDate()).as("from the day it reached the court").isEqualTo(LocalDate.of(2025, 12, 24));
        assertThat(review.nominalDate()).as("nyårsafton").isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(review.dueDate()).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(review.legalBasis()).isEqualTo("7 § andra stycket LVU (1990:52)");
        assertThat(review.status()).as("the court's delay does not end the custody").isEqualTo(DeadlineStatus.OVERDUE);

        assertFieldProblem(() -> met(submission, LocalDate.of(2025, 12, 24), "FR mål 1234-25",
                "Elin Berg"), "metOn", "validation.deadline.notOpen");
        assertThat(deadlinesOf(id, d.id())).filteredOn(x -> x.kind() == LVU_7_COURT_REVIEW).hasSize(1);
    }

    @Test
    void restrictionsUnder14SectionAreReviewedEveryThreeMonths() {
        CurrentUser jour1 = user("jour1");
        CaseId id = openChild(jour1, at("2025-12-19T17:00:00+01:00"));
        Decision custody = record(id, lvu6(at("2025-12-19T19:00:00+01:00"), at("2025-12-19T21:00:00+01:00"))
                .mandate(Mandate.COMMITTEE), jour1);

        Decision restrictions = record(id, new Cmd(DecisionType.LVU_14_CONTACT, at("2025-12-19T19:30:00+01:00"),
                null).mandate(Mandate.COMMITTEE), jour1);

        assertThat(restrictions.custodyId()).as("linked to the active custody").isEqualTo(custody.id());
        Deadline first = one(deadlinesOf(id, restrictions.id()), LVU_14_REVIEW);
        assertThat(first.anchorDate()).isEqualTo(LocalDate.of(2025, 12, 19));
        assertThat(first.nominalDate()).isEqualTo(LocalDate.of(2026, 3, 19));
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 3, 19));
        assertThat(first.legalBasis()).contains("14 §").contains("LVU");
        assertThat(first.status()).isEqualTo(DeadlineStatus.OVERDUE);

        met(first, LocalDate.of(2026, 3, 10), "Nämndens övervägande 2026-03-10", "Elin Berg");

        List<Deadline> reviews = deadlinesOf(id, restrictions.id()).stream().filter(x -> x.kind() == LVU_14_REVIEW)
                .toList();
        assertThat(reviews).hasSize(2);
        assertThat(reread(first).status()).isEqualTo(DeadlineStatus.MET);
        Deadline next = reviews.stream().filter(x -> !x.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(next.anchorDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(next.nominalDate()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(next.dueDate()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(next.status()).isEqualTo(DeadlineStatus.OVERDUE);

        // 2026-06-09 + 3 months = Wednesday 2026-09-09.
        met(next, LocalDate.of(2026, 6, 9), null, "Elin Berg");
        List<Deadline> open = deadlinesOf(id, restrictions.id()).stream()
                .filter(x -> x.kind() == LVU_14_REVIEW && x.status().open()).toList();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).dueDate()).isEqualTo(LocalDate.of(2026, 9, 9));
    }

    // -- extending the 8 § time --

    @Test
    void theCourtMayExtendTheApplicationTimeOnlyToALaterDate() {
        CurrentUser jour1 = user("jour1");
        CaseId id = openChild(jour1, daysAgo(3, 8));
        Decision d = record(id, lvu6(daysAgo(3, 10), daysAgo(3, 11)).mandate(Mandate.COMMITTEE), jour1);
        List<Deadline> own = deadlinesOf(id, d.id());
        Deadline application = one(own, LVU_8_APPLICATION);
        LocalDate due = application.dueDate();
        assertThat(due).isAfterOrEqualTo(today().minusDays(3).plusWeeks(4));
        assertThat(application.status()).isEqualTo(DeadlineStatus.PENDING);

        assertFieldProblem(() -> extend(application, due.minusDays(1), "Förlängt av rätten"),
                "newDate", "validation.deadline.extendLater");
        assertFieldProblem(() -> extend(application, due, "Förlängt av rätten"),
                "newDate", "validation.deadline.extendLater");
        assertFieldProblem(() -> extend(application, due.plusWeeks(2), " "),
                "note", "validation.deadline.extensionNote");
        assertFieldProblem(() -> extend(one(own, LVU_7_SUBMISSION), due.plusWeeks(2), "Förlängt"),
                "newDate", "validation.deadline.notExtendable");
        assertFieldProblem(() -> extend(one(deadlinesOf(id), CHILD_INVESTIGATION_DECISION),
                due.plusWeeks(2), "Förlängt"), "newDate", "validation.deadline.notExtendable");
        assertThat(reread(application).dueDate()).isEqualTo(due);

        Deadline extended = extend(application, due.plusWeeks(2), " FR mål 1234-25, förlängd tid ");

        assertThat(extended.status()).isEqualTo(DeadlineStatus.EXTENDED);
        assertThat(extended.dueDate()).isEqualTo(due.plusWeeks(2));
        assertThat(extended.nominalDate()).as("the statutory day stays on record").isEqualTo(application.nominalDate());
        assertThat(extended.extensionNote()).isEqualTo("FR mål 1234-25, förlängd tid");
        assertThat(extended.status().open()).isTrue();

        assertFieldProblem(() -> extend(application, due.plusWeeks(1), "Tidigare"),
                "newDate", "validation.deadline.extendLater");
        assertThat(extend(application, due.plusWeeks(3), "Förlängd igen").dueDate())
                .isEqualTo(due.plusWeeks(3));
    }

    @Test
    void anExtensionThatHasItselfPassedLapses() {
        CurrentUser jour1 = user("jour1");
        CaseId id = openChild(jour1, at("2025-12-19T17:00:00+01:00"));
        Decision d = record(id, lvu6(at("2025-12-19T19:00:00+01:00"), at("2025-12-19T21:00:00+01:00"))
                .mandate(Mandate.COMMITTEE), jour1);
        Deadline application = one(deadlinesOf(id, d.id()), LVU_8_APPLICATION);

        Deadline extended = extend(application, LocalDate.of(2026, 2, 13), "FR mål 1234-25");

        assertThat(extended.dueDate()).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(extended.status()).isEqualTo(DeadlineStatus.LAPSED);
        assertThat(storedStatus(extended.id())).isEqualTo("EXTENDED");
    }

    // -- ending a custody --

    @Test
    void endingTheCustodyClosesItsDeadlinesAndThoseOfLinkedDecisionsButNotTheReport() {
        CurrentUser jour1 = user("jour1");
        CaseId id = openChild(jour1, daysAgo(2, 8));
        Decision custody = record(id, lvu6(daysAgo(2, 10), daysAgo(2, 11)), jour1);
        Decision restrictions = record(id, new Cmd(DecisionType.LVU_14_CONTACT, daysAgo(2, 12), null), jour1);
        Decision placement = record(id, new Cmd(DecisionType.LVU_11_PLACEMENT, daysAgo(2, 12), null)
                .mandate(Mandate.COMMITTEE), jour1);
        List<Deadline> before = deadlinesOf(id);
        assertThat(placement.custodyId()).isEqualTo(custody.id());
        assertThat(view(id, jour1).custodyDecided()).isTrue();
        assertThat(placering(id)).hasValueSatisfying(p -> {
            assertThat(p.applicable()).isTrue();
            assertThat(p.status()).isEqualTo(ChecklistItem.Status.OPEN);
        });

        assertFieldProblem(() -> end(id, custody, CustodyEnd.GROUNDS_CEASED,
                custody.decidedAt().minusSeconds(60), null, jour1), "endedAt", "validation.decision.endBeforeDecision");
        assertFieldProblem(() -> end(id, custody, CustodyEnd.GROUNDS_CEASED,
                clock.instant().plusSeconds(3600), null, jour1), "endedAt", "validation.case.receivedAt.future");
        assertFieldProblem(() -> end(id, custody, CustodyEnd.OTHER, daysAgo(1, 9), " ", jour1),
                "note", "validation.decision.endNote");
        assertFieldProblem(() -> end(id, restrictions, CustodyEnd.GROUNDS_CEASED,
                daysAgo(1, 9), null, jour1), "reason", "validation.decision.notActiveCustody");

        Instant endedAt = daysAgo(1, 9);
        Decision ended = end(id, custody, CustodyEnd.GROUNDS_CEASED, endedAt,
                "Grunderna för omhändertagandet har upphört", jour1);

        assertThat(ended.endedAt()).isEqualTo(endedAt);
        assertThat(ended.endReason()).isEqualTo(CustodyEnd.GROUNDS_CEASED);
        assertThat(ended.active()).isFalse();
        assertThat(decisions.forCase(access.read(id, jour1))).as("linked decisions end with the custody")
                .allSatisfy(x -> assertThat(x.endedAt()).isNotNull());
        assertThat(decisions.activeCustody(id.value())).isEmpty();

        List<Deadline> after = deadlinesOf(id);
        for (Deadline d : after) {
            Deadline was = before.stream().filter(b -> b.id().equals(d.id())).findFirst().orElseThrow();
            switch (d.kind()) {
                case LVU_7_SUBMISSION, LVU_8_APPLICATION, LVU_14_REVIEW -> {
                    assertThat(d.status()).as(d.kind().name()).isEqualTo(DeadlineStatus.CLOSED);
                    assertThat(d.closedReason()).as(d.kind().name()).contains("GROUNDS_CEASED");
                }
                case COMMITTEE_REPORT -> assertThat(d.status().open())
                        .as("the chair's report must still be made").isTrue();
                default -> assertThat(d.status()).as(d.kind().name()).isEqualTo(was.status());
            }
        }
        assertThat(after).extracting(Deadline::kind).contains(LVU_7_SUBMISSION, LVU_8_APPLICATION, LVU_14_REVIEW);
        assertThat(after).filteredOn(x -> x.kind() == COMMITTEE_REPORT).hasSize(2);
        assertThat(after).filteredOn(x -> x.decisionId() != null && x.decisionId().equals(restrictions.id())
                && x.kind() == COMMITTEE_REPORT).hasSize(1);

        // The case no longer has a custody: the placement step, never done, is no longer shown.
        assertThat(view(id, jour1).custodyDecided()).isFalse();
        assertThat(placering(id)).hasValueSatisfying(p -> {
            assertThat(p.applicable()).isFalse();
            assertThat(p.visible()).isFalse();
        });
        assertThat(cases.checklist(access.read(id, jour1)).visibleItems()).extracting(ChecklistItem::key).doesNotContain("placering");

        // Ending again is refused; police assistance has no decision to carry out; a new custody may be decided.
        assertFieldProblem(() -> end(id, custody, CustodyEnd.GROUNDS_CEASED, daysAgo(1, 10),
                null, jour1), "reason", "validation.decision.notActiveCustody");
        assertFieldProblem(() -> record(id, new Cmd(DecisionType.LVU_43_POLICE_ASSISTANCE, daysAgo(1, 10), null),
                jour1), "type", "validation.decision.policeNeedsDecision");
        assertFieldProblem(() -> record(id, new Cmd(DecisionType.LVU_43_POLICE_ASSISTANCE, daysAgo(1, 10), null)
                .custody(custody.id()), jour1), "type", "validation.decision.policeNeedsDecision");
        Decision again = record(id, lvu6(daysAgo(0, 1), null), jour1);
        assertThat(decisions.activeCustody(id.value())).map(Decision::id).hasValue(again.id());
        assertThat(view(id, jour1).custodyDecided()).isTrue();
    }

    @Test
    void aPlacementStepAlreadyDoneStaysVisibleWhenTheCustodyEnds() {
        CurrentUser jour1 = user("jour1");
        CaseId id = openChild(jour1, daysAgo(2, 8));
        Decision custody = record(id, lvu6(daysAgo(2, 10), daysAgo(2, 11)), jour1);
        cases.setChecklistStatus(access.write(id, jour1), "placering", ChecklistItem.Status.DONE, null, Map.of());

        end(id, custody, CustodyEnd.COURT_SET_ASIDE, daysAgo(1, 9), null, jour1);

        assertThat(view(id, jour1).custodyDecided()).isFalse();
        assertThat(placering(id)).hasValueSatisfying(p -> {
            assertThat(p.applicable()).isFalse();
            assertThat(p.status()).isEqualTo(ChecklistItem.Status.DONE);
            assertThat(p.visible()).isTrue();
        });
        assertThat(one(deadlinesOf(id, custody.id()), LVU_7_SUBMISSION).closedReason()).contains("COURT_SET_ASIDE");
    }

    // -- access --

    @Test
    void anotherUnitDoesNotSeeTheCaseDecisionsOrDeadlines() {
        CurrentUser jour1 = user("jour1");
        CaseId id = openChild(jour1, daysAgo(1, 8));
        Decision custody = record(id, lvu6(daysAgo(1, 10), null), jour1);

        for (String outsider : List.of("rinkeby1", "rinkebychef", "admin")) {
            CurrentUser other = user(outsider);
            assertThatThrownBy(() -> record(id, new Cmd(DecisionType.LVU_11_PLACEMENT, daysAgo(1, 11), null), other))
                    .as(outsider).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> decisions.forCase(access.read(id, other))).as(outsider)
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> decisions.deadlines(access.read(id, other))).as(outsider)
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> end(id, custody, CustodyEnd.GROUNDS_CEASED, daysAgo(0, 1),
                    null, other)).as(outsider).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> decisions.recordExecution(access.write(id, other), custody.decisionId(),
                    daysAgo(0, 1)))
                    .as(outsider).isInstanceOf(NotFoundException.class);
        }
        assertThat(decisions.forCase(access.read(id, jour1))).extracting(Decision::id).containsExactly(custody.id());
        assertThat(decisions.activeCustody(id.value())).isPresent();

        // Colleagues of the same unit see them.
        assertThat(decisions.forCase(access.read(id, user("jour2")))).hasSize(1);
        assertThat(decisions.deadlines(access.read(id, user("jourchef")))).isNotEmpty();
    }

    // -- the board --

    @Test
    @Transactional // rolled back: the committee's meetings are deleted to get a report without a date
    void theBoardListsOpenDeadlinesOfTheUnitsOverdueAndLapsedFirst() {
        CurrentUser jour1 = user("jour1");
        Unit rinkebyUnit = organisation.unitByCode(RINKEBY).orElseThrow();
        jdbc.sql("DELETE FROM committee_meeting WHERE committee_id IN (SELECT id FROM committee WHERE unit_id = :u)")
                .param("u", rinkebyUnit.id().value()).update();
        CaseId undated = openChild(jour1, daysAgo(1, 8));
        Decision chair = record(undated, lvu6(daysAgo(1, 10), null), jour1);
        Deadline noDate = one(deadlinesOf(undated, chair.id()), COMMITTEE_REPORT);
        assertThat(noDate.dueDate()).isNull();
        CaseId old = openChild(jour1, at("2025-12-19T17:00:00+01:00"));
        Decision oldCustody = record(old, lvu6(at("2025-12-19T19:00:00+01:00"), at("2025-12-19T21:00:00+01:00"))
                .mandate(Mandate.COMMITTEE), jour1);
        CaseId recent = openChild(jour1, daysAgo(3, 8));
        Decision recentCustody = record(recent, lvu6(daysAgo(3, 10), daysAgo(3, 11)).mandate(Mandate.COMMITTEE), jour1);
        Deadline lapsed = one(deadlinesOf(old, oldCustody.id()), LVU_7_SUBMISSION);
        Deadline soon = one(deadlinesOf(recent, recentCustody.id()), LVU_7_SUBMISSION);
        Deadline later = one(deadlinesOf(recent, recentCustody.id()), LVU_8_APPLICATION);
        assertThat(later.dueDate()).isAfter(today().plusDays(14));
        Unit jour = organisation.unitByCode("socialjouren").orElseThrow();

        List<Deadlines.BoardRow> rows = wholeBoard(jour1);

        List<UUID> ids = rows.stream().map(r -> r.deadline().id()).toList();
        assertThat(ids).contains(lapsed.id(), soon.id(), noDate.id()).doesNotContain(later.id());
        assertThat(ids).doesNotHaveDuplicates();
        Deadlines.BoardRow lapsedRow = rows.get(ids.indexOf(lapsed.id()));
        assertThat(lapsedRow.deadline().status()).isEqualTo(DeadlineStatus.LAPSED);
        assertThat(lapsedRow.caseNumber()).isEqualTo(view(old, jour1).caseNumber());
        assertThat(lapsedRow.unitCode()).isEqualTo("socialjouren");
        assertThat(rows.get(ids.indexOf(soon.id())).deadline().status()).isEqualTo(DeadlineStatus.PENDING);
        assertThat(ids.indexOf(lapsed.id())).isLessThan(ids.indexOf(soon.id()));
        assertThat(ids.indexOf(lapsed.id())).as("a passed deadline before one without a date")
                .isLessThan(ids.indexOf(noDate.id()));
        assertThat(rows.get(ids.indexOf(noDate.id())).deadline().status()).isEqualTo(DeadlineStatus.PENDING);

        LocalDate until = today().plusDays(14);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.unitCode()).isEqualTo("socialjouren");
            assertThat(r.deadline().status().open()).as("open: %s", r.deadline()).isTrue();
            assertThat(r.deadline().dueDate() == null || !r.deadline().dueDate().isAfter(until))
                    .as("due within 14 days: %s", r.deadline()).isTrue();
        });
        // Overdue and lapsed first; then by due date.
        int firstCurrent = -1;
        for (int i = 0; i < rows.size(); i++) {
            DeadlineStatus s = rows.get(i).deadline().status();
            boolean passed = s == DeadlineStatus.OVERDUE || s == DeadlineStatus.LAPSED;
            if (!passed && firstCurrent < 0) {
                firstCurrent = i;
            }
            if (passed) {
                assertThat(firstCurrent).as("passed deadline at %d after a current one at %d", i, firstCurrent)
                        .isEqualTo(-1);
            }
        }
        List<LocalDate> currentDates = rows.subList(firstCurrent < 0 ? rows.size() : firstCurrent, rows.size())
                .stream().map(r -> r.deadline().dueDate()).filter(x -> x != null).toList();
        assertThat(currentDates).isSorted();

        Unit rinkeby = organisation.unitByCode(RINKEBY).orElseThrow();
        assertThat(wholeBoard(user("rinkeby1"))).extracting(r -> r.deadline().id())
                .doesNotContain(lapsed.id(), soon.id());
        assertThat(wholeBoard(user("admin"))).isEmpty();
        assertThat(wholeBoard(user("metod"))).as("the method developer sees no cases").isEmpty();
    }

    /** Every page of the user's 14-day board, in order. */
    private List<Deadlines.BoardRow> wholeBoard(CurrentUser user) {
        List<Deadlines.BoardRow> rows = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            Deadlines.Board board = deadlines.board(access.scope(user), 14, "", se.lotsen.common.Paging.of(page, 100));
            rows.addAll(board.rows().items());
            if (!board.rows().hasNext()) {
                return rows;
            }
        }
    }
}
