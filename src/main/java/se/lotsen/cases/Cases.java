package se.lotsen.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.access.Account;
import se.lotsen.access.AccountId;
import se.lotsen.access.Accounts;
import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.ReviewFlag;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SqlLike;
import se.lotsen.common.SwedishDates;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitId;
import se.lotsen.organisation.UnitKind;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.Person;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.PersonId;
import se.lotsen.persons.Persons;
import se.lotsen.routines.CaseFacts;
import se.lotsen.routines.Checklist;
import se.lotsen.routines.ChecklistItem;
import se.lotsen.routines.Checklists;
import se.lotsen.routines.LinkedStep;
import se.lotsen.routines.OpenCases;
import se.lotsen.routines.Routines;

/**
 * The cases module's facade: intake, reading a case for a {@link CaseGrant}, and every change of a case for a
 * {@link WriteGrant}. Access is decided by {@link CaseAccess} before anything here is called; the invariants of a
 * change live in the {@link CaseFile} aggregate.
 */
@Service
public class Cases implements OpenCases {

    private static final ZoneId SWEDEN = SwedishDates.ZONE;

    private final JdbcClient jdbc;
    private final CaseAccess access;
    private final CaseRepository repository;
    private final Persons persons;
    private final Checklists checklists;
    private final Accounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<CaseClosingCheck> closingChecks;
    private final ObjectProvider<CustodyLookup> custodyLookup;

    public Cases(JdbcClient jdbc, CaseAccess access, CaseRepository repository, Persons persons, Checklists checklists,
                 Accounts accounts, Clock clock, ApplicationEventPublisher events,
                 ObjectProvider<CaseClosingCheck> closingChecks, ObjectProvider<CustodyLookup> custodyLookup) {
        this.jdbc = jdbc;
        this.access = access;
        this.repository = repository;
        this.persons = persons;
        this.checklists = checklists;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
        this.closingChecks = closingChecks;
        this.custodyLookup = custodyLookup;
    }

    // -- intake --

    /**
     * Search before create. Full matches come only from the user's own unit's register. For a jour, which acts for
     * every district at night, strong matches in other units' registers are reported only as "another unit holds an
     * open case about a matching person" (unit, case number, how to reach them), nothing about the person.
     */
    public PersonSearch searchBeforeCreate(CurrentUser user, String identityNumber, String name, Integer birthYear) {
        Unit unit = access.requireCaseWork(user);
        List<Persons.Match> own = persons.searchSimilar(Persons.Register.of(unit.id()), identityNumber, name,
                birthYear);
        List<PersonSearch.KnownElsewhere> elsewhere = List.of();
        if (unit.kind() == UnitKind.JOUR) {
            List<UUID> strong = persons.searchSimilar(Persons.Register.otherThan(unit.id()), identityNumber, name,
                            birthYear).stream().filter(Persons.Match::strong).map(m -> m.person().id().value())
                    .toList();
            elsewhere = knownElsewhere(strong);
        }
        return new PersonSearch(own, elsewhere);
    }

    private List<PersonSearch.KnownElsewhere> knownElsewhere(List<UUID> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        record Row(CaseId id, String number, CaseStatus status, boolean custodyFlag, String unit, String contact,
                   String assigned) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT c.id, c.case_number, c.status, c.custody_decided, u.name, u.contact, a.display_name
                        FROM case_file c JOIN unit u ON u.id = c.unit_id LEFT JOIN account a ON a.id = c.assigned_to
                        WHERE c.person_id IN (:persons) AND c.status <> 'CLOSED'
                        ORDER BY c.received_at DESC LIMIT 20""")
                .param("persons", personIds)
                .query((rs, n) -> new Row(new CaseId(rs.getObject(1, UUID.class)), rs.getString(2),
                        CaseStatus.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)))
                .list();
        // Only cases flagged with a custody are asked about (the decisions module keeps the flag).
        List<CaseId> flagged = rows.stream().filter(Row::custodyFlag).map(Row::id).toList();
        CustodyLookup lookup = custodyLookup.getIfAvailable();
        Map<CaseId, CustodyLookup.Custody> custodies = flagged.isEmpty() || lookup == null ? Map.of()
                : lookup.inForce(flagged);
        return rows.stream().map(r -> new PersonSearch.KnownElsewhere(r.id(), r.number(), r.status(),
                custodies.get(r.id()), r.unit(), r.contact(), r.assigned())).toList();
    }

    /** A person of the user's own unit's register, for intake with an existing person; empty for anyone else's. */
    public Optional<Person> personInRegister(CurrentUser user, PersonId id) {
        Unit unit = access.requireCaseWork(user);
        return persons.find(id).filter(p -> p.unit().equals(unit.id()) && p.mergedInto() == null);
    }

    /**
     * Opens a case at the user's unit, with a new person or one of the unit's register, and starts its checklist.
     * When a jour opens a case about a person another unit holds an open case about (the same identity number, or the
     * case chosen at search-before-create), that case's holder is told, without details; the other unit's person
     * record is never used.
     */
    @Transactional
    public CaseId open(Intake intake, CurrentUser user) {
        Unit unit = access.requireCaseWork(user);
        intakeProblems(intake, user).throwIfAny();
        PersonId personId = intake.existingPersonId() != null ? new PersonId(intake.existingPersonId())
                : persons.create(unit.id(), intake.person(), user.accountId());
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
                            exploitation_other, status, assigned_to, created_by, changed_by_name)
                        VALUES (:id, :number, :unit, :unit, :person, :subject, :received, :channel, :reporter,
                            :contact, :summary, :forms, :other, 'OPEN', :user, :user, :name)""")
                .param("id", id).param("number", caseNumber).param("unit", unit.id().value())
                .param("person", personId.value()).param("subject", intake.subjectType().name())
                .param("received", intake.receivedAt().atOffset(ZoneOffset.UTC))
                .param("channel", intake.channel().name()).param("reporter", blankToNull(intake.reporter()))
                .param("contact", blankToNull(intake.reporterContact())).param("summary", blankToNull(intake.summary()))
                .param("forms", intake.exploitationForms().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")))
                .param("other", blankToNull(intake.exploitationOther())).param("user", user.accountId())
                .param("name", user.displayName())
                .update();
        CaseId caseId = new CaseId(id);
        statusChange(caseId, null, CaseStatus.OPEN, null, user);
        checklists.start(id, Routines.ACUTE, facts(caseId));
        Person person = persons.find(personId).orElse(null);
        events.publishEvent(new CaseOpened(id, intake.subjectType(), intake.receivedAt(), unit.id(),
                AgeGroup.of(person, LocalDate.ofInstant(intake.receivedAt(), SWEDEN)),
                person == null ? null : person.sex(),
                person == null || person.nationality() == null || person.nationality().isBlank() ? null
                        : person.nationality(),
                intake.exploitationForms(), intake.channel()));
        if (unit.kind() == UnitKind.JOUR) {
            for (CaseId other : openCasesElsewhere(caseId, personId, intake.knownElsewhereCaseId())) {
                events.publishEvent(new PersonKnownElsewhere(caseId, caseNumber, unit.id(), other));
            }
        }
        return caseId;
    }

    /**
     * Checks an intake as {@link #open} would, without opening anything: the "check your answers" page is shown only
     * for an intake that would open. Every problem is reported at once.
     */
    @Transactional(readOnly = true)
    public void checkIntake(Intake intake, CurrentUser user) {
        access.requireCaseWork(user);
        intakeProblems(intake, user).throwIfAny();
    }

    /**
     * Opens a case once per confirmation token (the intake's check page): a second confirm with the same token opens
     * nothing and answers the case the first one opened. The token is taken in the transaction that opens the case,
     * so two confirms at the same moment cannot both open one (the second waits for the first and then finds the
     * token taken); when the first fails, the token is free again.
     */
    @Transactional
    public CaseId openOnce(UUID confirmation, Intake intake, CurrentUser user) {
        access.requireCaseWork(user);
        int taken = jdbc.sql("""
                        INSERT INTO intake_confirmation (token, account_id) VALUES (:t, :a)
                        ON CONFLICT (token) DO NOTHING""")
                .param("t", confirmation).param("a", user.accountId()).update();
        if (taken == 0) {
            return jdbc.sql("SELECT case_id FROM intake_confirmation WHERE token = :t AND account_id = :a")
                    .param("t", confirmation).param("a", user.accountId()).query(UUID.class).optional()
                    .map(CaseId::new)
                    .orElseThrow(() -> FieldProblems.of("confirmation", "validation.intake.confirmation"));
        }
        CaseId id = open(intake, user);
        jdbc.sql("UPDATE intake_confirmation SET case_id = :c WHERE token = :t")
                .param("c", id.value()).param("t", confirmation).update();
        return id;
    }

    /** The case a confirmed intake token opened, for the same account. */
    @Transactional(readOnly = true)
    public Optional<CaseId> openedBy(UUID confirmation, CurrentUser user) {
        return jdbc.sql("SELECT case_id FROM intake_confirmation WHERE token = :t AND account_id = :a AND case_id IS NOT NULL")
                .param("t", confirmation).param("a", user.accountId()).query(UUID.class).optional().map(CaseId::new);
    }

    private FieldProblems.Collector intakeProblems(Intake intake, CurrentUser user) {
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
        if (intake.existingPersonId() != null) {
            if (personInRegister(user, new PersonId(intake.existingPersonId())).isEmpty()) {
                problems.add("existingPersonId", "validation.case.person.unknown");
            }
        } else if (intake.person() == null) {
            problems.add("name", "validation.required");
        } else {
            try {
                persons.validate(intake.person());
            } catch (FieldProblems personProblems) {
                personProblems.problems().forEach(p -> problems.add(p.field(), p.messageKey(), p.args()));
            }
        }
        return problems;
    }

    /** Other units' open cases about the same person: by identity number, and the case chosen at intake. */
    private List<CaseId> openCasesElsewhere(CaseId opened, PersonId person, UUID chosen) {
        return jdbc.sql("""
                        SELECT DISTINCT o.id FROM case_file o JOIN person op ON op.id = o.person_id
                        JOIN case_file c ON c.id = :opened JOIN person p ON p.id = :person
                        WHERE o.unit_id <> c.unit_id AND o.status <> 'CLOSED'
                          AND ((p.identity_number IS NOT NULL AND op.identity_number = p.identity_number
                                AND op.merged_into IS NULL)
                               OR o.id = :chosen)""")
                .param("opened", opened.value()).param("person", person.value()).param("chosen", chosen)
                .query(UUID.class).list().stream().map(CaseId::new).toList();
    }

    // -- reading --

    /** The case as the grant may see it, from what was read with the grant (no statement of its own). */
    public CaseView view(CaseGrant grant) {
        grant.requireRead();
        CaseContent c = grant.content();
        CaseHeader h = grant.header();
        return new CaseView(h.id(), h.caseNumber(), h.unit(), h.status(), h.subjectType(), c.person(), c.receivedAt(),
                c.channel(), c.reporter(), c.reporterContact(), c.summary(), c.forms(), c.exploitationOther(),
                new IndicatorAssessment(c.observed(), c.overallAssessment() == null ? "" : c.overallAssessment()),
                c.indicatorsAssessedAt(), c.indicatorsAssessedBy(), c.protectionOutcome(), c.protectionNotes(),
                c.protectionAssessedAt(), c.protectionAssessedBy(), c.custodyDecided(), h.assignedTo(),
                h.assignedToName(), c.journal(), c.statusChanges(),
                facts(h.subjectType(), c.custodyDecided(), c.channel(), c.person()), grant);
    }

    public Checklist checklist(CaseGrant grant) {
        grant.requireRead();
        return checklists.checklist(grant.caseId().value()).orElseThrow(() -> new NotFoundException("checklist"));
    }

    /** Cases the user may see, newest first. */
    public PageResult<CaseSummary> search(CaseQuery query, CurrentUser user, Paging paging) {
        CaseScope scope = access.scope(user);
        if (!scope.any()) {
            return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
        }
        List<String> where = new ArrayList<>(List.of(scope.readable()));
        Map<String, Object> params = new HashMap<>(scope.params());
        boolean searchesText = query.searchesText();
        String text = query.searchText();
        // What a text matches, each its own branch of a UNION: a name's cases (or a case number's) are found through
        // their index and narrowed to the readable ones in the same branch. A disjunction in one statement could not
        // use the indexes, and finding the case ids first read every case twice.
        List<Branch> matches = new ArrayList<>();
        if (query.findsWholeWords()) {
            // Too short for the trigram indexes: names with these whole words, through the word index of the case
            // list's copy of the cases (V36; through the names' own index and each person's cases it took about 100 ms
            // for a surname such as "Ek" at a million cases, 30 ms so). The copy holds all of a person's names in one
            // text, separated by U+001F, which the word parser splits on; several words are checked within each name.
            String words = "plainto_tsquery('simple', :words)";
            String match = "to_tsvector('simple', c.person_names) @@ " + words;
            if (!query.findsOneWord()) {
                match += " AND EXISTS (SELECT 1 FROM unnest(string_to_array(c.person_names, chr(31))) AS nm(name)"
                        + " WHERE to_tsvector('simple', nm.name) @@ " + words + ")";
            }
            matches.add(new Branch("case_search", match));
            params.put("words", text);
        } else if (searchesText) {
            // Any part of a name or alias, through the trigram index of the case list's copy of the cases with their
            // person's names (V34).
            matches.add(new Branch("case_search", "c.person_names LIKE :text"));
            params.put("text", SqlLike.contains(text));
            if (query.findsCaseNumbers()) {
                matches.add(Branch.cases("lower(c.case_number) LIKE :text"));
            }
            if (query.identityDigits() != null) {
                matches.add(Branch.cases(
                        "c.person_id IN (SELECT q.id FROM person q WHERE q.identity_number LIKE :digits)"));
                params.put("digits", SqlLike.contains(query.identityDigits()));
            }
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
        String filter = String.join(" AND ", where);
        String cases = matches.isEmpty() ? Branch.cases("TRUE").sql(filter)
                : matches.stream().map(m -> m.sql(filter)).collect(Collectors.joining(" UNION "));
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        // The page is chosen over the cases alone (the person, unit and assignee are joined for its rows only: joining
        // them for all of a common surname's 2,000 readable matches cost three times the search; README,
        // "Benchmarks"). A text search has to find all its matches to order them, so they are counted in the same
        // statement (the count came at the price of finding them a second time). A list without text reads the
        // newest cases through the received_at index, and counting all of a large unit's cases took seconds (a jour
        // holds hundreds of thousands over the years): it counts up to a limit instead.
        record Row(CaseSummary summary, long matches) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT c.id, c.case_number, u.code, c.status, c.subject_type, p.name, p.identity_number,
                               p.protected_identity, c.received_at, a.display_name, pg.matches
                        FROM (SELECT m.id, m.received_at, m.case_number, """
                        + (searchesText ? "count(*) OVER ()" : "NULL::bigint") + " AS matches FROM (" + cases + ") m"
                        + " ORDER BY m.received_at DESC, m.case_number DESC LIMIT :limit OFFSET :offset) pg"
                        + " JOIN case_file c ON c.id = pg.id JOIN person p ON p.id = c.person_id"
                        + " JOIN unit u ON u.id = c.unit_id LEFT JOIN account a ON a.id = c.assigned_to"
                        // The page's cases are read from case_file and checked there again, whichever branch found
                        // them: the copy decides what is found, never who may see it.
                        + " WHERE " + scope.readable()
                        + " ORDER BY pg.received_at DESC, pg.case_number DESC")
                .params(params)
                .query((rs, n) -> new Row(new CaseSummary(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), CaseStatus.valueOf(rs.getString(4)), SubjectType.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getString(7), !"NONE".equals(rs.getString(8)),
                        rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10)), rs.getLong(11)))
                .list();
        List<CaseSummary> items = rows.stream().map(Row::summary).toList();
        if (searchesText && !rows.isEmpty()) {
            return new PageResult<>(items, paging.page(), paging.size(), rows.get(0).matches());
        }
        // Without text, or a page past the last of a search (no row to carry the count).
        params.put("countLimit", COUNT_LIMIT + 1);
        long counted = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM (" + cases + ") m LIMIT :countLimit) t")
                .params(params)
                .query(Long.class).single();
        boolean more = counted > COUNT_LIMIT;
        long total = more ? Math.max(COUNT_LIMIT, paging.offset() + items.size()) : counted;
        return new PageResult<>(items, paging.page(), paging.size(), total, more);
    }

    /**
     * What one branch of a search reads, aliased {@code c}: {@code case_file}, or the case list's copy of the cases
     * ({@code case_search}, V34: each case's id, unit, status, assignee, date and number with its person's names, kept
     * by PostgreSQL), where the access policy's predicate and the filters read the same column names.
     */
    private record Branch(String table, String match) {

        static Branch cases(String match) {
            return new Branch("case_file", match);
        }

        String sql(String filter) {
            return "SELECT c.id, c.received_at, c.case_number FROM " + table + " c WHERE " + filter + " AND " + match;
        }
    }

    /** The case list counts its matches up to this many and then says "more than". */
    static final int COUNT_LIMIT = 1000;

    /** Who besides the leads may see the case's protected data; for those with that right. */
    public List<ProtectedViewer> protectedViewers(CaseGrant grant) {
        if (!grant.may(CaseRight.PROTECTED_DATA)) {
            return List.of();
        }
        if (grant.content() != null && grant.content().viewers() != null) {
            return grant.content().viewers();
        }
        return jdbc.sql("""
                        SELECT v.account_id, a.display_name, v.named_by_name, v.named_at
                        FROM case_protected_viewer v JOIN account a ON a.id = v.account_id
                        WHERE v.case_id = :c ORDER BY a.display_name""")
                .param("c", grant.caseId().value())
                .query((rs, n) -> new ProtectedViewer(new AccountId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * The workers of the holding unit a case can be assigned to (or named for protected data), for the unit's leads
     * (read with the grant); nobody for anyone else.
     */
    public List<Worker> workersOfHoldingUnit(CaseGrant grant) {
        grant.requireRead();
        List<Worker> workers = grant.content().workers();
        return workers == null ? List.of() : workers;
    }

    // -- changes to the case aggregate --

    @Transactional
    public void recordIndicators(WriteGrant grant, Set<Indicator> observed, String overallAssessment,
                                 Integer expectedVersion) {
        CaseFile file = repository.load(grant.caseId(), expectedVersion);
        file.recordIndicators(observed, overallAssessment);
        repository.save(file, grant.user().displayName());
        completeStepIfOpen(grant, LinkedStep.INDICATORS);
    }

    /** The rules of {@link #recordIndicators}, checked without recording anything (all problems at once). */
    public void checkIndicators(WriteGrant grant, Set<Indicator> observed, String overallAssessment) {
        CaseFile.checkIndicators(grant.header().subjectType(), observed == null ? Set.of() : observed,
                overallAssessment);
    }

    /** The rules of {@link #recordProtection}, checked without recording anything (all problems at once). */
    public void checkProtection(WriteGrant grant, ProtectionOutcome outcome, String notes) {
        CaseFile.checkProtection(grant.header().subjectType(), outcome, notes);
    }

    /** Records the immediate protection assessment of a child; a custody decision changes the checklist. */
    @Transactional
    public void recordProtection(WriteGrant grant, ProtectionOutcome outcome, String notes, Integer expectedVersion) {
        CaseFile file = repository.load(grant.caseId(), expectedVersion);
        file.recordProtection(outcome, notes);
        repository.save(file, grant.user().displayName());
        checklists.evaluate(grant.caseId().value(), facts(grant.caseId()));
        completeStepIfOpen(grant, LinkedStep.PROTECTION_ASSESSMENT);
        events.publishEvent(new ProtectionAssessed(grant.caseId().value(), outcome, clock.instant()));
    }

    /**
     * Closes the case with a reason. Refused ({@link CaseCannotBeClosed}) while a custody is in force or a deadline
     * is open: those must be finished first, each with its own reason.
     */
    @Transactional
    public void close(WriteGrant grant, String reason, Integer expectedVersion) {
        CaseFile file = repository.load(grant.caseId(), expectedVersion);
        List<ClosingBlocker> blockers = new ArrayList<>();
        closingChecks.orderedStream().forEach(check -> blockers.addAll(check.blockers(grant.caseId())));
        CaseStatus before = file.status();
        file.close(reason, blockers);
        repository.save(file, grant.user().displayName());
        statusChange(grant.caseId(), before, CaseStatus.CLOSED, reason, grant.user());
        events.publishEvent(new CaseClosed(grant.caseId(), grant.header().caseNumber(), grant.header().unit().id(),
                clock.instant()));
    }

    /** Reopens a closed case with a reason. */
    @Transactional
    public void reopen(WriteGrant grant, String reason, Integer expectedVersion) {
        CaseFile file = repository.load(grant.caseId(), expectedVersion);
        CaseStatus before = file.status();
        file.reopen(reason);
        repository.save(file, grant.user().displayName());
        statusChange(grant.caseId(), before, CaseStatus.OPEN, reason, grant.user());
    }

    /** "Jag håller i ärendet": the user works the case. */
    @Transactional
    public void assignToMe(WriteGrant grant, Integer expectedVersion) {
        CaseFile file = repository.load(grant.caseId(), expectedVersion);
        file.assign(grant.user().accountId());
        repository.save(file, grant.user().displayName());
    }

    /**
     * A lead of the holding unit assigns the case to a worker of the unit (a manager assigning an incoming case).
     * Taking a case oneself is {@link #assignToMe}.
     */
    @Transactional
    public Account assign(WriteGrant grant, AccountId worker) {
        requireLead(grant);
        Account account = requireWorkerOfHoldingUnit(grant, worker, "caseWorker");
        CaseFile file = repository.load(grant.caseId(), null);
        file.assign(account.id().value());
        repository.save(file, grant.user().displayName());
        return account;
    }

    /**
     * Hands the case to another unit: the receiving unit holds it from now on and the person's record goes with it;
     * the handing unit keeps read access until {@code readUntil} to follow up. Who was named for protected data by the
     * handing unit no longer is.
     */
    @Transactional
    public void handOver(WriteGrant grant, UnitId toUnit, String reason, Instant readUntil) {
        CaseFile file = repository.load(grant.caseId(), null);
        UnitId fromUnit = file.unit();
        CaseStatus before = file.status();
        file.handOverTo(toUnit);
        repository.save(file, grant.user().displayName());
        CaseId id = grant.caseId();
        jdbc.sql("""
                        INSERT INTO case_access (case_id, unit_id, until, reason) VALUES (:c, :u, :until, 'HANDED_OVER')
                        ON CONFLICT (case_id, unit_id) DO UPDATE SET until = greatest(case_access.until, EXCLUDED.until)""")
                .param("c", id.value()).param("u", fromUnit.value()).param("until", readUntil.atOffset(ZoneOffset.UTC))
                .update();
        // The receiving unit holds the case now; any earlier read access of its own is superseded.
        jdbc.sql("DELETE FROM case_access WHERE case_id = :c AND unit_id = :u").param("c", id.value())
                .param("u", toUnit.value()).update();
        jdbc.sql("DELETE FROM case_protected_viewer WHERE case_id = :c").param("c", id.value()).update();
        // The person's record goes with the case into the receiving unit's register; the handing unit keeps its
        // own when it still has other cases about the person.
        PersonId person = grant.header().personId();
        boolean stillUsed = jdbc.sql("SELECT count(*) FROM case_file WHERE person_id = :p AND id <> :c")
                .param("p", person.value()).param("c", id.value()).query(Long.class).single() > 0;
        Persons.Transfer transfer = persons.transfer(person, toUnit, stillUsed, grant.user().accountId());
        jdbc.sql("UPDATE case_file SET person_id = :p WHERE id = :c").param("p", transfer.person().value())
                .param("c", id.value()).update();
        transfer.mergedFrom().ifPresent(merged -> {
            jdbc.sql("UPDATE case_file SET person_id = :keep WHERE person_id = :dup")
                    .param("keep", transfer.person().value()).param("dup", merged.value()).update();
            reevaluateCasesOf(transfer.person());
        });
        statusChange(id, before, CaseStatus.HANDED_OVER, reason, grant.user());
    }

    /**
     * A lead names a worker of the holding unit who may see the address and placement of the case's protected
     * person. Flagged for log review.
     */
    @Transactional
    public void nameProtectedViewer(WriteGrant grant, AccountId worker) {
        requireActiveLead(grant);
        Account account = requireWorkerOfHoldingUnit(grant, worker, "account");
        jdbc.sql("""
                        INSERT INTO case_protected_viewer (case_id, account_id, named_by, named_by_name)
                        VALUES (:c, :a, :by, :name) ON CONFLICT DO NOTHING""")
                .param("c", grant.caseId().value()).param("a", account.id().value())
                .param("by", grant.user().accountId()).param("name", grant.user().displayName()).update();
        touch(grant, CaseFile.Change.PROTECTED_VIEWERS);
        AuditContext.flag(ReviewFlag.PROTECTED_DATA_GRANTED);
    }

    /** A lead takes back the right to see protected data. */
    @Transactional
    public void removeProtectedViewer(WriteGrant grant, AccountId worker) {
        requireActiveLead(grant);
        jdbc.sql("DELETE FROM case_protected_viewer WHERE case_id = :c AND account_id = :a")
                .param("c", grant.caseId().value()).param("a", worker.value()).update();
        touch(grant, CaseFile.Change.PROTECTED_VIEWERS);
    }

    /** Records whether a custody is in force (the decisions module, when it records or ends one); the checklist follows. */
    @Transactional
    public void setCustodyInForce(WriteGrant grant, boolean inForce) {
        CaseFile file = repository.load(grant.caseId(), null);
        file.custodyInForce(inForce);
        repository.save(file, grant.user().displayName());
        checklists.evaluate(grant.caseId().value(), facts(grant.caseId()));
    }

    // -- the person --

    /**
     * Changes what is known about the case's person (the record in the holding unit's register; no other unit's case
     * changes). Without the right to see protected data the address is kept as it is. Lowering the protection level is
     * for a lead, with a reason, and is flagged for log review.
     */
    @Transactional
    public void updatePerson(WriteGrant grant, PersonDetails details, Integer expectedPersonVersion,
                             String protectionReason) {
        grant.requireActive();
        Person before = persons.find(grant.header().personId()).orElseThrow();
        PersonDetails toSave = details;
        if (before.isProtected() && !grant.grant().mayViewProtected()) {
            toSave = details.withAddress(before.address());
        }
        boolean lowered = toSave.protectedIdentity().lowerThan(before.protectedIdentity());
        loweringProblems(grant, before, toSave, protectionReason).throwIfAny();
        persons.update(before.id(), toSave, expectedPersonVersion, protectionReason, grant.user().accountId(),
                grant.user().displayName());
        if (lowered) {
            AuditContext.flag(ReviewFlag.PROTECTION_LOWERED);
            AuditContext.detail("protection lowered " + before.protectedIdentity() + " -> "
                    + toSave.protectedIdentity());
        }
        touch(grant, CaseFile.Change.PERSON);
        reevaluateCasesOf(before.id());
    }

    /**
     * The rules of {@link #updatePerson}, checked without saving anything: the person's details and the lowering of
     * a protection, all problems at once.
     */
    @Transactional(readOnly = true)
    public void checkPerson(WriteGrant grant, PersonDetails details, String protectionReason) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        try {
            persons.validate(details);
        } catch (FieldProblems personProblems) {
            personProblems.problems().forEach(p -> problems.add(p.field(), p.messageKey(), p.args()));
        }
        Person before = persons.find(grant.header().personId()).orElseThrow();
        if (details.protectedIdentity() != null) {
            loweringProblems(grant, before, details, protectionReason).problems()
                    .forEach(p -> problems.add(p.field(), p.messageKey(), p.args()));
        }
        problems.throwIfAny();
    }

    /** Lowering a protection: only a lead, and with a reason. */
    private static FieldProblems.Collector loweringProblems(WriteGrant grant, Person before, PersonDetails toSave,
                                                            String protectionReason) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (toSave.protectedIdentity().lowerThan(before.protectedIdentity())) {
            if (!grant.grant().may(CaseRight.LEAD)) {
                problems.add("protectedIdentity", "validation.person.protection.leadOnly");
            }
            if (protectionReason == null || protectionReason.isBlank()) {
                problems.add("protectionReason", "validation.person.protection.reason");
            } else if (protectionReason.length() > 2000) {
                problems.add("protectionReason", "validation.size.max.n", 2000);
            }
        }
        return problems;
    }

    /**
     * A lead merges two records of the unit's register: the duplicate's names become aliases, its cases move to the
     * record that stays. Records of another unit's register are not found.
     */
    @Transactional
    public void mergePersons(PersonId keep, PersonId duplicate, CurrentUser user) {
        access.requireLead(user);
        if (personInRegister(user, keep).isEmpty() || personInRegister(user, duplicate).isEmpty()) {
            throw new NotFoundException("person");
        }
        persons.merge(keep, duplicate, user.accountId());
        jdbc.sql("UPDATE case_file SET person_id = :keep, updated_at = now() WHERE person_id = :dup")
                .param("keep", keep.value()).param("dup", duplicate.value()).update();
        reevaluateCasesOf(keep);
    }

    /** Candidates for a merge: the lead's unit's register only. */
    public List<Persons.Match> mergeCandidates(CurrentUser user, String identityNumber, String name) {
        Unit unit = access.requireLead(user);
        return persons.searchSimilar(Persons.Register.of(unit.id()), identityNumber, name, null);
    }

    // -- the checklist and the journal --

    /**
     * The work of a linked routine step was done on its own page or in another module (a decision was recorded, the
     * case was handed over): the step is marked done if it applies, is still open and needs no fields.
     */
    @Transactional
    public void completeStepIfOpen(WriteGrant grant, LinkedStep step) {
        checklists.checklist(grant.caseId().value()).flatMap(c -> c.item(step.key()))
                .filter(i -> i.visible() && i.status() == ChecklistItem.Status.OPEN && i.step().fields().isEmpty())
                .ifPresent(i -> checklists.setStatus(grant.caseId().value(), step.key(), ChecklistItem.Status.DONE,
                        null, Map.of(), grant.user().accountId(), grant.user().displayName()));
    }

    /**
     * A worker sets a step's status on the step page or over the API: only what {@link StepActions} offers the grant
     * ({@link StepNotOffered} otherwise, e.g. a linked step ticked done by hand). A linked step takes no field values
     * from the worker: Lotsen fills them in from the work it records.
     */
    @Transactional
    public ChecklistItem changeStep(WriteGrant grant, String stepKey, ChecklistItem.Status status, String reason,
                                    Map<String, String> fields) {
        return changeStep(grant, stepKey, status, reason, fields, null);
    }

    /**
     * As {@link #changeStep(WriteGrant, String, ChecklistItem.Status, String, Map)} on the step's version the worker
     * saw: a step changed since is refused ({@link se.lotsen.common.ConcurrentChangeException}, checked by
     * {@link Checklists}) before what it offers now is asked, so the worker is told of the other's change rather than
     * that the button no longer applies.
     */
    @Transactional
    public ChecklistItem changeStep(WriteGrant grant, String stepKey, ChecklistItem.Status status, String reason,
                                    Map<String, String> fields, Integer expectedVersion) {
        grant.requireActive();
        ChecklistItem item = checklist(grant.grant()).item(stepKey).filter(ChecklistItem::visible)
                .orElseThrow(() -> new NotFoundException("step"));
        checklists.requireVersion(item, grant.caseId().value(), expectedVersion);
        StepActions actions = StepActions.of(item, grant.grant());
        actions.require(status);
        return checklists.setStatus(grant.caseId().value(), stepKey, status, reason,
                actions.linkedStep().isPresent() ? Map.of() : fields, expectedVersion, grant.user().accountId(),
                grant.user().displayName());
    }

    /**
     * Performs the step "Tilldela reservnummer": the case's person, who has no identity number, gets a reservnummer
     * (the persons module), the journal records it and the step is done with the number as its recorded text.
     * Refused ({@link StepNotOffered}) when the step does not offer it: the person already has a number, the step is
     * not open (a second press) or does not apply.
     */
    @Transactional
    public String assignReservnummer(WriteGrant grant) {
        grant.requireActive();
        ChecklistItem item = checklist(grant.grant()).item(LinkedStep.RESERVNUMMER.key())
                .filter(ChecklistItem::visible).orElseThrow(() -> new NotFoundException("step"));
        if (!StepActions.of(item, grant.grant()).perform()) {
            throw new StepNotOffered(StepActions.hasIdentityNumber(grant.grant())
                    ? "validation.reservnummer.exists" : "validation.step.notOffered", false);
        }
        PersonId person = grant.header().personId();
        String number;
        try {
            number = persons.assignReservnummer(person, grant.user().accountId(), grant.user().displayName()).value();
        } catch (FieldProblems taken) {
            throw new StepNotOffered("validation.reservnummer.exists", false);
        }
        touch(grant, CaseFile.Change.PERSON);
        insertJournalEntry(grant.caseId(), clock.instant(), "Reservnummer " + number + " tilldelat.", null,
                grant.user().accountId(), grant.user().displayName());
        checklists.setStatus(grant.caseId().value(), LinkedStep.RESERVNUMMER.key(), ChecklistItem.Status.DONE, null,
                Map.of(LinkedStep.RESERVNUMMER_FIELD, number), grant.user().accountId(), grant.user().displayName());
        reevaluateCasesOf(person);
        return number;
    }

    @Transactional
    public ChecklistItem setChecklistStatus(WriteGrant grant, String stepKey, ChecklistItem.Status status,
                                            String reason, Map<String, String> fields) {
        grant.requireActive();
        return checklists.setStatus(grant.caseId().value(), stepKey, status, reason, fields, grant.user().accountId(),
                grant.user().displayName());
    }

    /** Signs a journal entry; {@code corrects} names an earlier entry of the same case that it corrects. */
    @Transactional
    public JournalEntry addJournalEntry(WriteGrant grant, Instant occurredAt, String text, UUID corrects) {
        CaseId id = grant.caseId();
        journalProblems(id, occurredAt, text, corrects).throwIfAny();
        UUID entryId = insertJournalEntry(id, occurredAt, text, corrects, grant.user().accountId(),
                grant.user().displayName());
        return journal(id).stream().filter(e -> e.id().equals(entryId)).findFirst().orElseThrow();
    }

    /** The rules of {@link #addJournalEntry}, checked without signing anything (all problems at once). */
    @Transactional(readOnly = true)
    public void checkJournalEntry(WriteGrant grant, Instant occurredAt, String text, UUID corrects) {
        journalProblems(grant.caseId(), occurredAt, text, corrects).throwIfAny();
    }

    private FieldProblems.Collector journalProblems(CaseId id, Instant occurredAt, String text, UUID corrects) {
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
        return problems;
    }

    /**
     * A journal entry that records what was done elsewhere in Lotsen (a handover, a receipt, a question), signed by
     * the user who did it.
     */
    @Transactional
    public void addRecordOfWork(WriteGrant grant, String text) {
        insertJournalEntry(grant.caseId(), clock.instant(), text, null, grant.user().accountId(),
                grant.user().displayName());
    }

    /**
     * The method developer's answer to a question about the case, kept in its journal. The consultation grant gives
     * no other access to the case.
     */
    @Transactional
    public void addConsultationAnswer(CaseGrant consultation, String text) {
        if (!consultation.may(CaseRight.CONSULTATION)) {
            throw new AccessDeniedException("no consultation grant");
        }
        insertJournalEntry(consultation.caseId(), clock.instant(), text, null, consultation.user().accountId(),
                consultation.user().displayName());
    }

    // -- for the system: reminders and routines --

    /** Who holds a case, for reminders; no access check (callers are the system). */
    public Optional<CaseHolder> holder(CaseId id) {
        return jdbc.sql("""
                        SELECT c.id, c.case_number, c.unit_id, u.code, c.assigned_to, c.status, c.subject_type
                        FROM case_file c JOIN unit u ON u.id = c.unit_id WHERE c.id = :id""")
                .param("id", id.value())
                .query((rs, n) -> new CaseHolder(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class),
                        CaseStatus.valueOf(rs.getString(6)), SubjectType.valueOf(rs.getString(7))))
                .optional();
    }

    @Override
    public List<VersionUse> byRoutineVersion() {
        return jdbc.sql("""
                        SELECT k.routine_version_id, u.code, u.name, count(*)
                        FROM case_file c JOIN checklist k ON k.case_id = c.id JOIN unit u ON u.id = c.unit_id
                        WHERE c.status <> 'CLOSED' GROUP BY k.routine_version_id, u.code, u.name ORDER BY u.name""")
                .query((rs, n) -> new VersionUse(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getLong(4)))
                .list();
    }

    /** Refuses (403) anyone but a lead of the unit that holds the case. */
    public void requireLead(WriteGrant grant) {
        if (!grant.grant().may(CaseRight.LEAD)) {
            throw new AccessDeniedException("only a lead of the holding unit");
        }
    }

    // -- internals --

    private void requireActiveLead(WriteGrant grant) {
        grant.requireActive();
        requireLead(grant);
    }

    private Account requireWorkerOfHoldingUnit(WriteGrant grant, AccountId worker, String field) {
        Account account = worker == null ? null : accounts.find(worker).orElse(null);
        if (account == null || !account.enabled() || account.unit() == null
                || !account.unit().id().equals(grant.header().unit().id())
                || account.roles().stream().noneMatch(CaseAccess.HANDLER_ROLES::contains)) {
            throw FieldProblems.of(field, "validation.handover.caseWorker");
        }
        return account;
    }

    /** A change stored outside the case row still changes the case: its version moves on. */
    private void touch(WriteGrant grant, CaseFile.Change what) {
        CaseFile file = repository.load(grant.caseId(), null);
        file.touched(what);
        repository.save(file, grant.user().displayName());
    }

    private UUID insertJournalEntry(CaseId id, Instant occurredAt, String text, UUID corrects, UUID authorId,
                                    String authorName) {
        UUID entryId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO journal_entry (id, case_id, number, occurred_at, author_id, author_name, text, corrects)
                        VALUES (:id, :c, (SELECT coalesce(max(number), 0) + 1 FROM journal_entry WHERE case_id = :c),
                            :at, :author, :name, :text, :corrects)""")
                .param("id", entryId).param("c", id.value()).param("at", occurredAt.atOffset(ZoneOffset.UTC))
                .param("author", authorId).param("name", authorName).param("text", text.strip())
                .param("corrects", corrects).update();
        return entryId;
    }

    /** A person's facts changed: every case about the person follows (interpreter, identity, protection…). */
    private void reevaluateCasesOf(PersonId person) {
        for (UUID caseId : jdbc.sql("SELECT id FROM case_file WHERE person_id = :p").param("p", person.value())
                .query(UUID.class).list()) {
            checklists.evaluate(caseId, facts(new CaseId(caseId)));
        }
    }

    /** The facts that decide which routine steps apply. */
    CaseFacts facts(CaseId id) {
        FactsRow row = jdbc.sql("SELECT person_id, subject_type, custody_decided, intake_channel FROM case_file"
                        + " WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> new FactsRow(new PersonId(rs.getObject("person_id", UUID.class)),
                        SubjectType.valueOf(rs.getString("subject_type")), rs.getBoolean("custody_decided"),
                        IntakeChannel.valueOf(rs.getString("intake_channel"))))
                .single();
        return facts(row.subject(), row.custodyDecided(), row.channel(), persons.find(row.person()).orElseThrow());
    }

    private record FactsRow(PersonId person, SubjectType subject, boolean custodyDecided, IntakeChannel channel) {
    }

    private static CaseFacts facts(SubjectType subject, boolean custodyDecided, IntakeChannel channel, Person person) {
        IdentityKind kind = person.identity().kind();
        // Only a person known to be Swedish and registered here skips the steps that turn on hemvist (LVU 6 a §).
        return new CaseFacts(subject == SubjectType.CHILD, custodyDecided, !person.knownSwedishResident(),
                person.isProtected(), kind == IdentityKind.UNKNOWN || kind == IdentityKind.RESERVNUMMER,
                person.interpreterNeeded(), channel.police());
    }

    private void statusChange(CaseId id, CaseStatus from, CaseStatus to, String reason, CurrentUser user) {
        jdbc.sql("""
                        INSERT INTO case_status_change (case_id, from_status, to_status, reason, changed_by, changed_by_name)
                        VALUES (:c, :from, :to, :reason, :by, :name)""")
                .param("c", id.value()).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("reason", blankToNull(reason)).param("by", user.accountId()).param("name", user.displayName())
                .update();
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
