package se.lotsen.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SqlLike;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitId;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.Person;
import se.lotsen.persons.PersonId;
import se.lotsen.persons.Persons;
import se.lotsen.routines.CaseFacts;
import se.lotsen.routines.Checklist;
import se.lotsen.routines.ChecklistItem;
import se.lotsen.routines.Checklists;
import se.lotsen.routines.OpenCases;
import se.lotsen.routines.Routines;

/**
 * The cases module's facade. Every read and change of a case goes through here, and here is the access rule: only
 * staff of the unit that holds a case, in a case-handling role, may see it; for everyone else it does not exist
 * (404). Administrators and auditors see no case content.
 */
@Service
public class Cases implements OpenCases {

    static final Set<Role> CASE_ROLES = EnumSet.of(Role.DUTY_WORKER, Role.DUTY_LEAD, Role.METHOD_DEVELOPER,
            Role.CASE_WORKER, Role.UNIT_MANAGER);
    /** Roles that keep read access to a case their unit handed over, for the follow-up period. */
    static final Set<Role> FOLLOW_UP_ROLES = EnumSet.of(Role.DUTY_WORKER, Role.DUTY_LEAD, Role.CASE_WORKER,
            Role.UNIT_MANAGER);
    /** Roles that may see the address and placement of a person with protected identity (besides the assignee). */
    static final Set<Role> PROTECTED_VIEW_ROLES = EnumSet.of(Role.DUTY_LEAD, Role.UNIT_MANAGER);
    private static final ZoneId SWEDEN = se.lotsen.common.SwedishDates.ZONE;

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Checklists checklists;
    private final Organisation organisation;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    public Cases(JdbcClient jdbc, Persons persons, Checklists checklists, Organisation organisation, Clock clock,
                 org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.checklists = checklists;
        this.organisation = organisation;
        this.clock = clock;
        this.events = events;
    }

    // -- intake --

    /** Opens a case at the user's unit, with a new or an existing person, and starts its checklist. */
    @Transactional
    public CaseId open(Intake intake, CurrentUser user) {
        Unit unit = requireCaseRole(user);
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (intake.subjectType() == null) {
            problems.add("subjectType", "validation.required");
        }
        if (intake.channel() == null) {
            problems.add("channel", "validation.required");
        }
        if (intake.receivedAt() == null) {
            problems.add("receivedAt", "validation.required");
        } else if (intake.receivedAt().isAfter(clock.instant().plusSeconds(300))) {
            problems.add("receivedAt", "validation.case.receivedAt.future");
        }
        if (intake.exploitationForms().contains(ExploitationForm.OTHER)
                && (intake.exploitationOther() == null || intake.exploitationOther().isBlank())) {
            problems.add("exploitationOther", "validation.case.exploitationOther");
        }
        PersonId personId;
        if (intake.existingPersonId() != null) {
            Person existing = persons.find(new PersonId(intake.existingPersonId()))
                    .filter(p -> p.mergedInto() == null)
                    .orElseThrow(() -> FieldProblems.of("existingPersonId", "validation.case.person.unknown"));
            problems.throwIfAny();
            personId = existing.id();
        } else {
            if (intake.person() == null) {
                problems.add("name", "validation.required");
                problems.throwIfAny();
            }
            try {
                persons.validate(intake.person());
            } catch (FieldProblems personProblems) {
                personProblems.problems().forEach(p -> problems.add(p.field(), p.messageKey(), p.args()));
            }
            problems.throwIfAny();
            personId = persons.create(intake.person(), user.accountId());
        }
        UUID id = UUID.randomUUID();
        int year = LocalDate.now(clock.withZone(SWEDEN)).getYear();
        int number = jdbc.sql("""
                        INSERT INTO case_number_sequence (unit_id, year, last) VALUES (:u, :y, 1)
                        ON CONFLICT (unit_id, year) DO UPDATE SET last = case_number_sequence.last + 1
                        RETURNING last""")
                .param("u", unit.id().value()).param("y", year).query(Integer.class).single();
        String caseNumber = String.format("%s-%d-%04d", unit.code().toUpperCase(), year, number);
        jdbc.sql("""
                        INSERT INTO case_file (id, case_number, unit_id, opened_by_unit_id, person_id, subject_type,
                            received_at, intake_channel, reporter, reporter_contact, summary, exploitation_forms,
                            exploitation_other, status, assigned_to, created_by)
                        VALUES (:id, :number, :unit, :unit, :person, :subject, :received, :channel, :reporter,
                            :contact, :summary, :forms, :other, 'OPEN', :user, :user)""")
                .param("id", id).param("number", caseNumber).param("unit", unit.id().value())
                .param("person", personId.value()).param("subject", intake.subjectType().name())
                .param("received", intake.receivedAt().atOffset(ZoneOffset.UTC))
                .param("channel", intake.channel().name()).param("reporter", blankToNull(intake.reporter()))
                .param("contact", blankToNull(intake.reporterContact())).param("summary", blankToNull(intake.summary()))
                .param("forms", intake.exploitationForms().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")))
                .param("other", blankToNull(intake.exploitationOther())).param("user", user.accountId())
                .update();
        statusChange(new CaseId(id), null, CaseStatus.OPEN, null, user);
        checklists.start(id, Routines.ACUTE, facts(new CaseId(id)));
        events.publishEvent(new CaseOpened(id, intake.subjectType(), intake.receivedAt()));
        return new CaseId(id);
    }

    // -- reading --

    /** The case for a user who may read it; {@link NotFoundException} for everyone else. */
    public CaseView get(CaseId id, CurrentUser user) {
        Row row = requireRead(id, user);
        Person person = persons.find(new PersonId(row.personId)).orElseThrow();
        Unit unit = organisation.unit(new UnitId(row.unitId)).orElseThrow();
        boolean mayViewProtected = user.roles().stream().anyMatch(PROTECTED_VIEW_ROLES::contains)
                || user.accountId().equals(row.assignedTo);
        return new CaseView(id, row.caseNumber, unit, row.status, row.subjectType, person, row.receivedAt,
                row.channel, row.reporter, row.reporterContact, row.summary, row.forms, row.exploitationOther,
                new IndicatorAssessment(indicators(id), row.overallAssessment == null ? "" : row.overallAssessment),
                row.indicatorsAssessedAt, row.indicatorsAssessedBy, row.protectionOutcome, row.protectionNotes,
                row.protectionAssessedAt, row.protectionAssessedBy, row.custodyDecided, row.assignedTo,
                row.assignedToName, journal(id), statusChanges(id), facts(row, person), mayViewProtected,
                holds(user, row.unitId));
    }

    /** Whether the user may read the case (without revealing whether it exists). */
    public boolean mayRead(CaseId id, CurrentUser user) {
        return row(id).map(r -> mayRead(user, r)).orElse(false);
    }

    /** Whether the user's unit holds the case (full access), not only keeps read access after a handover. */
    public boolean mayWrite(CaseId id, CurrentUser user) {
        return row(id).map(r -> holds(user, r.unitId)).orElse(false);
    }

    public Checklist checklist(CaseId id, CurrentUser user) {
        requireRead(id, user);
        return checklists.checklist(id.value()).orElseThrow(() -> new NotFoundException("checklist"));
    }

    /** Cases the user may see, newest first. */
    public PageResult<CaseSummary> search(CaseQuery query, CurrentUser user, Paging paging) {
        if (user.unit() == null || user.roles().stream().noneMatch(CASE_ROLES::contains)) {
            return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
        }
        List<String> where = new ArrayList<>(List.of("(c.unit_id = :unit OR EXISTS (SELECT 1 FROM case_access s "
                + "WHERE s.case_id = c.id AND s.unit_id = :unit AND s.until > now()))"));
        Map<String, Object> params = new HashMap<>();
        params.put("unit", user.unit().id().value());
        if (query.text() != null && !query.text().isBlank()) {
            String text = query.text().trim();
            String digits = text.replaceAll("[^0-9]", "");
            StringBuilder clause = new StringBuilder("(lower(c.case_number) LIKE :text OR EXISTS (SELECT 1 FROM person_name n "
                    + "WHERE n.person_id = p.id AND lower(n.name) LIKE :text)");
            params.put("text", SqlLike.contains(text));
            if (digits.length() >= 4) {
                clause.append(" OR p.identity_number LIKE :digits");
                params.put("digits", SqlLike.contains(digits));
            }
            where.add(clause.append(")").toString());
        }
        if (query.status() != null) {
            where.add("c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.mine()) {
            where.add("c.assigned_to = :me");
            params.put("me", user.accountId());
        }
        if (query.from() != null) {
            where.add("c.received_at >= :from");
            params.put("from", query.from().atStartOfDay(SWEDEN).toOffsetDateTime());
        }
        if (query.to() != null) {
            where.add("c.received_at < :to");
            params.put("to", query.to().plusDays(1).atStartOfDay(SWEDEN).toOffsetDateTime());
        }
        String from = " FROM case_file c JOIN person p ON p.id = c.person_id JOIN unit u ON u.id = c.unit_id"
                + " LEFT JOIN account a ON a.id = c.assigned_to WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<CaseSummary> items = jdbc.sql("""
                        SELECT c.id, c.case_number, u.code, c.status, c.subject_type, p.name, p.identity_number,
                               p.protected_identity, c.received_at, a.display_name""" + from
                        + " ORDER BY c.received_at DESC, c.case_number DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new CaseSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        CaseStatus.valueOf(rs.getString(4)), SubjectType.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7), !"NONE".equals(rs.getString(8)),
                        rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10)))
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    // -- changes --

    @Transactional
    public void recordIndicators(CaseId id, Set<Indicator> observed, String overallAssessment, CurrentUser user) {
        Row row = requireAccess(id, user);
        requireActive(row);
        Set<Indicator> invalid = observed.stream().filter(i -> !i.appliesTo(row.subjectType)).collect(Collectors.toSet());
        if (!invalid.isEmpty()) {
            throw FieldProblems.of("observed", "validation.case.indicator.notForSubject");
        }
        if (overallAssessment == null || overallAssessment.isBlank()) {
            throw FieldProblems.of("overallAssessment", "validation.case.overallAssessment");
        }
        jdbc.sql("DELETE FROM case_indicator WHERE case_id = :id").param("id", id.value()).update();
        for (Indicator i : observed) {
            jdbc.sql("INSERT INTO case_indicator (case_id, indicator_key) VALUES (:id, :k)")
                    .param("id", id.value()).param("k", i.name()).update();
        }
        jdbc.sql("""
                        UPDATE case_file SET overall_assessment = :a, indicators_assessed_at = now(),
                            indicators_assessed_by = :by, updated_at = now(), version = version + 1 WHERE id = :id""")
                .param("a", overallAssessment.trim()).param("by", user.displayName()).param("id", id.value()).update();
        completeStepIfOpen(id, "indikatorer", user);
    }

    /**
     * The work of a routine step was done on its own page (or in another module, e.g. a decision was recorded): the
     * step is marked done if it applies, is still open and needs no fields.
     */
    @Transactional
    public void completeStepIfOpen(CaseId id, String stepKey, CurrentUser user) {
        checklists.checklist(id.value()).flatMap(c -> c.item(stepKey))
                .filter(i -> i.visible() && i.status() == ChecklistItem.Status.OPEN && i.step().fields().isEmpty())
                .ifPresent(i -> checklists.setStatus(id.value(), stepKey, ChecklistItem.Status.DONE, null, Map.of(),
                        user.accountId(), user.displayName()));
    }

    /** Records the immediate protection assessment of a child; a custody decision changes the checklist. */
    @Transactional
    public void recordProtection(CaseId id, ProtectionOutcome outcome, String notes, CurrentUser user) {
        Row row = requireAccess(id, user);
        requireActive(row);
        if (row.subjectType != SubjectType.CHILD) {
            throw FieldProblems.of("outcome", "validation.case.protection.childOnly");
        }
        if (outcome == null) {
            throw FieldProblems.of("outcome", "validation.required");
        }
        if (notes == null || notes.isBlank()) {
            throw FieldProblems.of("notes", "validation.case.protection.notes");
        }
        jdbc.sql("""
                        UPDATE case_file SET protection_outcome = :o, protection_notes = :n, protection_assessed_at = now(),
                            protection_assessed_by = :by,
                            custody_decided = custody_decided OR :custody, updated_at = now(), version = version + 1
                        WHERE id = :id""")
                .param("o", outcome.name()).param("n", notes.trim()).param("by", user.displayName())
                .param("custody", outcome == ProtectionOutcome.CUSTODY_DECIDED).param("id", id.value()).update();
        checklists.evaluate(id.value(), facts(id));
        completeStepIfOpen(id, "skyddsbedomning", user);
        events.publishEvent(new ProtectionAssessed(id.value(), outcome, clock.instant()));
    }

    /**
     * Records whether an immediate custody is in force for the case (set by the decisions module); the checklist
     * follows.
     */
    @Transactional
    public void setCustodyDecided(CaseId id, boolean decided) {
        jdbc.sql("UPDATE case_file SET custody_decided = :d, updated_at = now() WHERE id = :id")
                .param("d", decided).param("id", id.value()).update();
        checklists.evaluate(id.value(), facts(id));
    }

    /** Who holds the case, for reminders; no access check (callers are the system or already checked). */
    public java.util.Optional<CaseHolder> holder(CaseId id) {
        return jdbc.sql("""
                        SELECT c.id, c.case_number, c.unit_id, u.code, c.assigned_to, c.status, c.subject_type
                        FROM case_file c JOIN unit u ON u.id = c.unit_id WHERE c.id = :id""")
                .param("id", id.value())
                .query((rs, n) -> new CaseHolder(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class),
                        CaseStatus.valueOf(rs.getString(6)), SubjectType.valueOf(rs.getString(7))))
                .optional();
    }

    /**
     * Throws {@link NotFoundException} unless the user may read the case; for other modules that show case data
     * (decisions, deadlines) so that the access rule stays in one place.
     */
    public CaseHolder requireReadable(CaseId id, CurrentUser user) {
        requireRead(id, user);
        return holder(id).orElseThrow(() -> new NotFoundException("case"));
    }

    /** As {@link #requireReadable} and the case must be active (not closed) to be changed. */
    public CaseHolder requireWritable(CaseId id, CurrentUser user) {
        Row row = requireAccess(id, user);
        requireActive(row);
        return holder(id).orElseThrow(() -> new NotFoundException("case"));
    }

    /**
     * Hands the case to another unit: the receiving unit gets full access and the case has no assigned worker until
     * its manager assigns one; the handing unit keeps read access until {@code readUntil} to follow up. Only the holding
     * unit may hand a case on (also back to the jour, or on to another district).
     */
    @Transactional
    public CaseHolder handOver(CaseId id, UnitId toUnit, String reason, Instant readUntil, CurrentUser user) {
        Row row = requireAccess(id, user);
        if (!(row.status == CaseStatus.OPEN || row.status == CaseStatus.HANDED_OVER)) {
            throw FieldProblems.of("toUnit", "validation.case.status.transition");
        }
        if (row.unitId.equals(toUnit.value())) {
            throw FieldProblems.of("toUnit", "validation.handover.sameUnit");
        }
        jdbc.sql("""
                        UPDATE case_file SET unit_id = :to, status = 'HANDED_OVER', assigned_to = NULL, updated_at = now(),
                            version = version + 1 WHERE id = :id""")
                .param("to", toUnit.value()).param("id", id.value()).update();
        jdbc.sql("""
                        INSERT INTO case_access (case_id, unit_id, until, reason) VALUES (:c, :u, :until, 'HANDED_OVER')
                        ON CONFLICT (case_id, unit_id) DO UPDATE SET until = greatest(case_access.until, EXCLUDED.until)""")
                .param("c", id.value()).param("u", row.unitId).param("until", readUntil.atOffset(ZoneOffset.UTC)).update();
        // The receiving unit holds the case now; any earlier read access of its own is superseded.
        jdbc.sql("DELETE FROM case_access WHERE case_id = :c AND unit_id = :u").param("c", id.value())
                .param("u", toUnit.value()).update();
        statusChange(id, row.status, CaseStatus.HANDED_OVER, reason, user);
        return holder(id).orElseThrow();
    }

    /** Assigns the case to a worker of the holding unit (a manager assigning an incoming case). */
    @Transactional
    public void assign(CaseId id, UUID accountId, CurrentUser user) {
        Row row = requireAccess(id, user);
        requireActive(row);
        jdbc.sql("UPDATE case_file SET assigned_to = :a, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("a", accountId).param("id", id.value()).update();
    }

    /**
     * A journal entry written on behalf of the system or another module (e.g. a consultation answered by the method
     * developer), signed with the given author's name; no access check: the caller has done its own.
     */
    @Transactional
    public void addJournalEntryBy(CaseId id, Instant occurredAt, String text, UUID authorId, String authorName) {
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM journal_entry WHERE case_id = :c")
                .param("c", id.value()).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO journal_entry (id, case_id, number, occurred_at, author_id, author_name, text)
                        VALUES (:id, :c, :n, :at, :author, :name, :text)""")
                .param("id", UUID.randomUUID()).param("c", id.value()).param("n", number)
                .param("at", occurredAt.atOffset(ZoneOffset.UTC)).param("author", authorId).param("name", authorName)
                .param("text", text.strip()).update();
    }

    /** The units whose cases the user may see (today: their own unit, with a case role). */
    public List<UUID> readableUnits(CurrentUser user) {
        if (user.unit() == null || user.roles().stream().noneMatch(CASE_ROLES::contains)) {
            return List.of();
        }
        return List.of(user.unit().id().value());
    }

    /** Changes what is known about the case's person; the checklist follows the new facts. */
    @Transactional
    public void updatePerson(CaseId id, se.lotsen.persons.PersonDetails details, CurrentUser user) {
        Row row = requireAccess(id, user);
        requireActive(row);
        persons.update(new PersonId(row.personId), details, user.accountId());
        reevaluateCasesOf(new PersonId(row.personId));
    }

    /** Signs a journal entry; {@code corrects} names an earlier entry of the same case that it corrects. */
    @Transactional
    public JournalEntry addJournalEntry(CaseId id, Instant occurredAt, String text, UUID corrects, CurrentUser user) {
        requireAccess(id, user);
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (text == null || text.isBlank()) {
            problems.add("text", "validation.required");
        } else if (text.length() > 20000) {
            problems.add("text", "validation.size.max.n", 20000);
        }
        if (occurredAt == null) {
            problems.add("occurredAt", "validation.required");
        } else if (occurredAt.isAfter(clock.instant().plusSeconds(300))) {
            problems.add("occurredAt", "validation.case.receivedAt.future");
        }
        if (corrects != null && jdbc.sql("SELECT count(*) FROM journal_entry WHERE id = :e AND case_id = :c")
                .param("e", corrects).param("c", id.value()).query(Long.class).single() == 0) {
            problems.add("corrects", "validation.case.journal.corrects");
        }
        problems.throwIfAny();
        UUID entryId = UUID.randomUUID();
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM journal_entry WHERE case_id = :c")
                .param("c", id.value()).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO journal_entry (id, case_id, number, occurred_at, author_id, author_name, text, corrects)
                        VALUES (:id, :c, :n, :at, :author, :name, :text, :corrects)""")
                .param("id", entryId).param("c", id.value()).param("n", number)
                .param("at", occurredAt.atOffset(ZoneOffset.UTC)).param("author", user.accountId())
                .param("name", user.displayName()).param("text", text.strip()).param("corrects", corrects).update();
        return journal(id).stream().filter(e -> e.id().equals(entryId)).findFirst().orElseThrow();
    }

    /** A guarded status change: only the transitions of {@link CaseStatus#next()}; closing and reopening need a reason. */
    @Transactional
    public void changeStatus(CaseId id, CaseStatus target, String reason, CurrentUser user) {
        Row row = requireAccess(id, user);
        if (target == null || target == CaseStatus.HANDED_OVER || !row.status.canBecome(target)) {
            // A handover goes through handOver, which moves access with the case.
            throw FieldProblems.of("status", "validation.case.status.transition");
        }
        if ((target == CaseStatus.OPEN || target == CaseStatus.CLOSED) && (reason == null || reason.isBlank())) {
            throw FieldProblems.of("reason", "validation.case.status.reason");
        }
        if (reason != null && reason.length() > 2000) {
            throw FieldProblems.of("reason", "validation.size.max.n", 2000);
        }
        int updated = jdbc.sql("""
                        UPDATE case_file SET status = :to, closed_at = CASE WHEN :to = 'CLOSED' THEN now() ELSE NULL END,
                            updated_at = now(), version = version + 1 WHERE id = :id AND status = :from""")
                .param("to", target.name()).param("from", row.status.name()).param("id", id.value()).update();
        if (updated == 0) {
            throw FieldProblems.of("status", "validation.case.status.transition");
        }
        statusChange(id, row.status, target, reason, user);
    }

    /** The user takes the case ("Jag håller i ärendet"). */
    @Transactional
    public void assignToMe(CaseId id, CurrentUser user) {
        Row row = requireAccess(id, user);
        requireActive(row);
        jdbc.sql("UPDATE case_file SET assigned_to = :me, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("me", user.accountId()).param("id", id.value()).update();
    }

    @Transactional
    public ChecklistItem setChecklistStatus(CaseId id, String stepKey, ChecklistItem.Status status, String reason,
                                            Map<String, String> fields, CurrentUser user) {
        Row row = requireAccess(id, user);
        requireActive(row);
        return checklists.setStatus(id.value(), stepKey, status, reason, fields, user.accountId(), user.displayName());
    }

    /**
     * A duty team lead merges two person records: the duplicate's names become aliases, its cases move to the
     * person that stays. Both records keep their history.
     */
    @Transactional
    public void mergePersons(PersonId keep, PersonId duplicate, CurrentUser user) {
        if (!user.has(Role.DUTY_LEAD)) {
            throw new org.springframework.security.access.AccessDeniedException("duty lead only");
        }
        persons.merge(keep, duplicate, user.accountId());
        jdbc.sql("UPDATE case_file SET person_id = :keep, updated_at = now() WHERE person_id = :dup")
                .param("keep", keep.value()).param("dup", duplicate.value()).update();
        reevaluateCasesOf(keep);
    }

    /** A person's facts changed: every case about the person follows (interpreter, identity, protection…). */
    private void reevaluateCasesOf(PersonId person) {
        for (UUID caseId : jdbc.sql("SELECT id FROM case_file WHERE person_id = :p").param("p", person.value())
                .query(UUID.class).list()) {
            checklists.evaluate(caseId, facts(new CaseId(caseId)));
        }
    }

    // -- routines' view of open cases --

    @Override
    public Map<UUID, List<CaseRef>> byRoutineVersion() {
        Map<UUID, List<CaseRef>> result = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT k.routine_version_id, c.id, c.case_number, u.code
                        FROM case_file c JOIN checklist k ON k.case_id = c.id JOIN unit u ON u.id = c.unit_id
                        WHERE c.status <> 'CLOSED' ORDER BY c.case_number""")
                .query((rs, n) -> result.computeIfAbsent(rs.getObject(1, UUID.class), v -> new ArrayList<>())
                        .add(new CaseRef(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4))))
                .list();
        return result;
    }

    // -- internals --

    /** The facts that decide which routine steps apply. */
    CaseFacts facts(CaseId id) {
        Row row = row(id).orElseThrow();
        return facts(row, persons.find(new PersonId(row.personId)).orElseThrow());
    }

    private static CaseFacts facts(Row row, Person person) {
        IdentityKind kind = person.identity().kind();
        return new CaseFacts(row.subjectType == SubjectType.CHILD, row.custodyDecided, person.foreignNational(),
                person.isProtected(), kind == IdentityKind.UNKNOWN || kind == IdentityKind.RESERVNUMMER,
                person.interpreterNeeded(), row.channel.police());
    }

    private Unit requireCaseRole(CurrentUser user) {
        if (user.unit() == null || user.roles().stream().noneMatch(CASE_ROLES::contains)) {
            throw new org.springframework.security.access.AccessDeniedException("no case role");
        }
        return user.unit();
    }

    /** Read access: the holding unit, or a unit that keeps read access for a while after handing the case over. */
    private Row requireRead(CaseId id, CurrentUser user) {
        return row(id).filter(r -> mayRead(user, r)).orElseThrow(() -> new NotFoundException("case"));
    }

    /** Full access: only the holding unit. A unit with read access only is refused (it knows the case exists). */
    private Row requireAccess(CaseId id, CurrentUser user) {
        Row row = requireRead(id, user);
        if (!holds(user, row.unitId)) {
            throw new org.springframework.security.access.AccessDeniedException("read-only access after handover");
        }
        return row;
    }

    private boolean mayRead(CurrentUser user, Row row) {
        if (holds(user, row.unitId)) {
            return true;
        }
        // Follow-up access after a handover is for those who worked the case, not the method developer.
        return user.unit() != null && user.roles().stream().anyMatch(FOLLOW_UP_ROLES::contains)
                && jdbc.sql("SELECT count(*) FROM case_access WHERE case_id = :c AND unit_id = :u AND until > now()")
                .param("c", row.id).param("u", user.unit().id().value()).query(Long.class).single() > 0;
    }

    private static void requireActive(Row row) {
        if (!row.status.active()) {
            throw FieldProblems.of("status", "validation.case.closed");
        }
    }

    private static boolean holds(CurrentUser user, UUID unitId) {
        return user.unit() != null && user.unit().id().value().equals(unitId)
                && user.roles().stream().anyMatch(CASE_ROLES::contains);
    }

    private void statusChange(CaseId id, CaseStatus from, CaseStatus to, String reason, CurrentUser user) {
        jdbc.sql("""
                        INSERT INTO case_status_change (case_id, from_status, to_status, reason, changed_by, changed_by_name)
                        VALUES (:c, :from, :to, :reason, :by, :name)""")
                .param("c", id.value()).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("reason", blankToNull(reason)).param("by", user.accountId()).param("name", user.displayName())
                .update();
    }

    private Set<Indicator> indicators(CaseId id) {
        Set<Indicator> result = EnumSet.noneOf(Indicator.class);
        jdbc.sql("SELECT indicator_key FROM case_indicator WHERE case_id = :id").param("id", id.value())
                .query(String.class).list().forEach(k -> {
                    try {
                        result.add(Indicator.valueOf(k));
                    } catch (IllegalArgumentException ignored) {
                        // an indicator removed from the catalogue stays in the database, unshown
                    }
                });
        return result;
    }

    private List<JournalEntry> journal(CaseId id) {
        return jdbc.sql("""
                        SELECT j.*, o.number AS corrects_number FROM journal_entry j
                        LEFT JOIN journal_entry o ON o.id = j.corrects
                        WHERE j.case_id = :c ORDER BY j.occurred_at, j.number""")
                .param("c", id.value())
                .query((rs, n) -> new JournalEntry(rs.getObject("id", UUID.class), rs.getInt("number"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("author_name"),
                        rs.getString("text"), rs.getObject("corrects", UUID.class),
                        (Integer) rs.getObject("corrects_number")))
                .list();
    }

    private List<CaseView.StatusChange> statusChanges(CaseId id) {
        return jdbc.sql("SELECT * FROM case_status_change WHERE case_id = :c ORDER BY id").param("c", id.value())
                .query((rs, n) -> new CaseView.StatusChange(
                        rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
                        CaseStatus.valueOf(rs.getString("to_status")), rs.getString("reason"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("changed_by_name")))
                .list();
    }

    private record Row(UUID id, String caseNumber, UUID unitId, UUID personId, SubjectType subjectType,
                       Instant receivedAt, IntakeChannel channel, String reporter, String reporterContact,
                       String summary, Set<ExploitationForm> forms, String exploitationOther,
                       String overallAssessment, Instant indicatorsAssessedAt, String indicatorsAssessedBy,
                       ProtectionOutcome protectionOutcome, String protectionNotes, Instant protectionAssessedAt,
                       String protectionAssessedBy, boolean custodyDecided, CaseStatus status, UUID assignedTo,
                       String assignedToName) {
    }

    private java.util.Optional<Row> row(CaseId id) {
        return jdbc.sql("""
                        SELECT c.*, a.display_name AS assigned_name FROM case_file c
                        LEFT JOIN account a ON a.id = c.assigned_to WHERE c.id = :id""")
                .param("id", id.value()).query(Cases::mapRow).optional();
    }

    private static Row mapRow(ResultSet rs, int n) throws SQLException {
        String forms = rs.getString("exploitation_forms");
        Set<ExploitationForm> formSet = EnumSet.noneOf(ExploitationForm.class);
        if (forms != null && !forms.isBlank()) {
            Arrays.stream(forms.split(",")).map(ExploitationForm::valueOf).forEach(formSet::add);
        }
        String outcome = rs.getString("protection_outcome");
        return new Row(rs.getObject("id", UUID.class), rs.getString("case_number"), rs.getObject("unit_id", UUID.class),
                rs.getObject("person_id", UUID.class), SubjectType.valueOf(rs.getString("subject_type")),
                instant(rs, "received_at"), IntakeChannel.valueOf(rs.getString("intake_channel")),
                rs.getString("reporter"), rs.getString("reporter_contact"), rs.getString("summary"), formSet,
                rs.getString("exploitation_other"), rs.getString("overall_assessment"),
                instant(rs, "indicators_assessed_at"), rs.getString("indicators_assessed_by"),
                outcome == null ? null : ProtectionOutcome.valueOf(outcome), rs.getString("protection_notes"),
                instant(rs, "protection_assessed_at"), rs.getString("protection_assessed_by"),
                rs.getBoolean("custody_decided"), CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("assigned_to", UUID.class), rs.getString("assigned_name"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
