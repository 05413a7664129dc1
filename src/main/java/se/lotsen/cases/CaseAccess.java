package se.lotsen.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.ReviewFlag;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SqlLike;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitId;
import se.lotsen.organisation.UnitKind;
import se.lotsen.persons.PersonId;

/**
 * The access policy for case data: the one place that decides who may read or change a case, see the protected data
 * of the person it is about, or consult on it. Every page, endpoint, list, board, panel, PDF and e-mail of case data
 * asks here, either for a {@link CaseGrant} (one case) or for the {@link CaseScope} (lists).
 *
 * <ul>
 *   <li>Duty workers, case workers and leads of the unit that holds a case read and change it.</li>
 *   <li>The same roles of a unit that handed the case on read it, and only read it, until the follow-up period ends
 *       (questions included: asking writes into the case).</li>
 *   <li>The holding unit's leads, and a case worker a lead has named for the case, see the address and placement of a
 *       person with protected identity; nobody else does.</li>
 *   <li>The method developer has no access to case content: only the case's number and unit when answering a question
 *       asked about it ({@link CaseRight#CONSULTATION}).</li>
 *   <li>Administrators and auditors see no case or person data.</li>
 *   <li>Emergency access (nödåtkomst): a user who handles cases (not the method developer, an administrator or an
 *       auditor) may open any case by its number with a reason ({@link #requestEmergencyAccess}). The grant reads
 *       the case, and only reads it, without protected data, until it expires; the case never appears in the user's
 *       lists. The holding unit's leads and the auditors are told ({@link EmergencyAccessGranted}).</li>
 * </ul>
 * For everyone else a case does not exist (404); a user who may read but not write is refused a change (403).
 *
 * <p>Every grant handed out is flagged for log review in one place ({@link #flagForReview}): an emergency access, a
 * read from outside the holding unit, a read of a case about a person with protected identity. Lists are not
 * flagged per row.
 */
@Service
public class CaseAccess {

    /** Roles that handle cases at their unit. */
    static final Set<Role> HANDLER_ROLES = EnumSet.of(Role.DUTY_WORKER, Role.DUTY_LEAD, Role.CASE_WORKER,
            Role.UNIT_MANAGER);
    /** Leads: see protected data of the unit's cases and name who else may. */
    static final Set<Role> LEAD_ROLES = EnumSet.of(Role.DUTY_LEAD, Role.UNIT_MANAGER);

    /** The user's unit holds the case and the user handles cases. */
    private static final String HOLDS = "(c.unit_id = :accessUnit AND :accessHandler)";
    /** The user's unit handed the case on and its follow-up period has not ended. */
    private static final String FOLLOWS = "(:accessHandler AND EXISTS (SELECT 1 FROM case_access s"
            + " WHERE s.case_id = c.id AND s.unit_id = :accessUnit AND s.until > now()))";
    private static final String READABLE = "(" + HOLDS + " OR " + FOLLOWS + ")";

    /**
     * The decision and the case in one statement: the rights come from the same predicates the lists use, and the
     * case's content (person, journal, status changes) comes along, so a page reads the case once.
     */
    private static final String GRANT = """
            SELECT c.id, c.case_number, c.status, c.subject_type, c.person_id, c.assigned_to, c.custody_decided,
                   c.version, u.id AS u_id, u.code AS u_code, u.name AS u_name, u.kind AS u_kind, u.active AS u_active,
                   a.display_name AS assigned_name, p.protected_identity,
                   %s AS holds, %s AS follows,
                   EXISTS (SELECT 1 FROM case_protected_viewer v
                           WHERE v.case_id = c.id AND v.account_id = :accessAccount) AS named,
                   CASE WHEN :accessEmergency AND NOT %s THEN (
                       SELECT max(e.expires_at) FROM emergency_access e
                       WHERE e.case_id = c.id AND e.account_id = :accessAccount AND e.expires_at > :accessNow)
                   END AS emergency_until,
                   %s,
                   CASE WHEN :accessLead AND %s THEN (
                       SELECT json_agg(json_build_object('id', w.id, 'name', w.display_name, 'lead',
                                  EXISTS (SELECT 1 FROM account_role wl WHERE wl.account_id = w.id AND wl.role IN (%s)))
                              ORDER BY w.display_name)
                       FROM account w WHERE w.unit_id = c.unit_id AND w.enabled
                         AND EXISTS (SELECT 1 FROM account_role wr WHERE wr.account_id = w.id AND wr.role IN (%s)))
                   END AS workers,
                   CASE WHEN :accessLead AND %s THEN coalesce((
                       SELECT json_agg(json_build_object('id', pv.account_id, 'name', pa.display_name,
                                  'by', pv.named_by_name, 'at', pv.named_at) ORDER BY pa.display_name)
                       FROM case_protected_viewer pv JOIN account pa ON pa.id = pv.account_id
                       WHERE pv.case_id = c.id), '[]'::json)
                   END AS viewers
            FROM case_file c JOIN unit u ON u.id = c.unit_id JOIN person p ON p.id = c.person_id
            LEFT JOIN account a ON a.id = c.assigned_to
            WHERE c.id = :id""".formatted(HOLDS, FOLLOWS, HOLDS, CaseContent.COLUMNS, HOLDS, sqlRoles(LEAD_ROLES),
            sqlRoles(HANDLER_ROLES), HOLDS);

    /**
     * {@link #GRANT} with the user's three yes-or-no facts (handles cases, leads the unit, may ask for emergency access)
     * written into its text as TRUE or FALSE: eight statements, built once, indexed by {@link #grantFor}. As parameters,
     * only a custom plan could leave out the subqueries the facts rule out (the lead's list of the unit's workers above
     * all), so PostgreSQL judged its cached generic plan dearer and planned the statement again for every case page,
     * about 1-1.9 ms, more than running it (README, "Benchmarks"). Written into the text, the generic plan leaves them
     * out too. The facts come from the signed-in user's roles, never from a request.
     */
    private static final List<String> GRANTS = java.util.stream.IntStream.range(0, 8)
            .mapToObj(i -> GRANT.replaceAll(":accessHandler\\b", (i & 4) != 0 ? "TRUE" : "FALSE")
                    .replaceAll(":accessLead\\b", (i & 2) != 0 ? "TRUE" : "FALSE")
                    .replaceAll(":accessEmergency\\b", (i & 1) != 0 ? "TRUE" : "FALSE"))
            .toList();

    static String grantFor(boolean handler, boolean lead, boolean emergency) {
        return GRANTS.get((handler ? 4 : 0) + (lead ? 2 : 0) + (emergency ? 1 : 0));
    }

    /** A set of roles as an SQL list, from the one definition of each set above. */
    private static String sqlRoles(Set<Role> roles) {
        return String.join(", ", roles.stream().map(r -> "'" + r.name() + "'").sorted().toList());
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final EmergencyAccessProperties emergency;

    public CaseAccess(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events,
                      EmergencyAccessProperties emergency) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.emergency = emergency;
    }

    /** Whether the user handles cases: one of the handling roles, at a unit. */
    public boolean handlesCases(CurrentUser user) {
        return user.unit() != null && user.roles().stream().anyMatch(HANDLER_ROLES::contains);
    }

    /** Whether the user leads their unit (duty lead or unit manager). */
    public boolean leads(CurrentUser user) {
        return leads(user.roles(), user.unit());
    }

    /** Whether an account with these roles at this unit leads it. */
    public boolean leads(Set<Role> roles, Unit unit) {
        return unit != null && roles.stream().anyMatch(LEAD_ROLES::contains);
    }

    /** Refuses (403) a user who does not handle cases, e.g. before intake or a search of the person register. */
    public Unit requireCaseWork(CurrentUser user) {
        if (!handlesCases(user)) {
            throw new AccessDeniedException("no case-handling role");
        }
        return user.unit();
    }

    /** Refuses (403) anyone but a lead of a unit, e.g. before merging records of the unit's person register. */
    public Unit requireLead(CurrentUser user) {
        if (!leads(user)) {
            throw new AccessDeniedException("leads only");
        }
        return user.unit();
    }

    /** The predicates of the cases the user may see, for lists and searches. */
    public CaseScope scope(CurrentUser user) {
        Map<String, Object> params = new HashMap<>();
        params.put("accessUnit", user.unit() == null ? null : user.unit().id().value());
        params.put("accessHandler", handlesCases(user));
        return new CaseScope(READABLE, HOLDS, params);
    }

    /** The user's grant for the case, with whatever rights they have; empty when they have none. */
    public Optional<CaseGrant> find(CaseId id, CurrentUser user) {
        Map<String, Object> params = new HashMap<>(scope(user).params());
        params.put("accessAccount", user.accountId());
        params.put("accessNow", clock.instant().atOffset(ZoneOffset.UTC));
        params.put("id", id.value());
        String sql = grantFor(handlesCases(user), leads(user), mayRequestEmergencyAccess(user));
        return jdbc.sql(sql).params(params).query((rs, n) -> grant(rs, user)).optional()
                .filter(g -> !g.rights().isEmpty()).map(CaseAccess::flagForReview);
    }

    /**
     * The one place where a case read is flagged for log review (the request's audit entry; flags add up): through
     * emergency access, from outside the holding unit (follow-up after a handover, consultation, emergency access),
     * and of a case about a person with protected identity (any level).
     */
    private static CaseGrant flagForReview(CaseGrant grant) {
        if (grant.may(CaseRight.EMERGENCY)) {
            AuditContext.flag(ReviewFlag.EMERGENCY_ACCESS);
        }
        Unit own = grant.user().unit();
        if (own == null || !own.id().equals(grant.header().unit().id())) {
            AuditContext.flag(ReviewFlag.OUTSIDE_UNIT);
        }
        if (grant.header().protectedIdentity()) {
            AuditContext.flag(ReviewFlag.PROTECTED_PERSON);
        }
        return grant;
    }

    /** A grant to read the case; {@link NotFoundException} for everyone who may not. */
    public CaseGrant read(CaseId id, CurrentUser user) {
        return find(id, user).filter(g -> g.may(CaseRight.READ)).orElseThrow(() -> new NotFoundException("case"));
    }

    /** A grant to change the case: 404 for those who may not read it, 403 for those who may only read it. */
    public WriteGrant write(CaseId id, CurrentUser user) {
        return read(id, user).write();
    }

    /** The method developer's consultation grant for a question about the case; 404 for everyone else. */
    public CaseGrant consultation(CaseId id, CurrentUser user) {
        return find(id, user).filter(g -> g.may(CaseRight.CONSULTATION))
                .orElseThrow(() -> new NotFoundException("case"));
    }

    private CaseGrant grant(ResultSet rs, CurrentUser user) throws SQLException {
        Unit unit = new Unit(new UnitId(rs.getObject("u_id", UUID.class)), rs.getString("u_code"),
                rs.getString("u_name"), UnitKind.valueOf(rs.getString("u_kind")), rs.getBoolean("u_active"));
        CaseHeader header = new CaseHeader(new CaseId(rs.getObject("id", UUID.class)), rs.getString("case_number"),
                unit, CaseStatus.valueOf(rs.getString("status")), SubjectType.valueOf(rs.getString("subject_type")),
                new PersonId(rs.getObject("person_id", UUID.class)), !"NONE".equals(rs.getString("protected_identity")),
                rs.getObject("assigned_to", UUID.class), rs.getString("assigned_name"),
                rs.getBoolean("custody_decided"), rs.getInt("version"));
        Set<CaseRight> rights = EnumSet.noneOf(CaseRight.class);
        if (rs.getBoolean("holds")) {
            rights.add(CaseRight.READ);
            rights.add(CaseRight.WRITE);
            if (leads(user)) {
                rights.add(CaseRight.LEAD);
                rights.add(CaseRight.PROTECTED_DATA);
            } else if (rs.getBoolean("named")) {
                rights.add(CaseRight.PROTECTED_DATA);
            }
        } else if (rs.getBoolean("follows")) {
            rights.add(CaseRight.READ);
            rights.add(CaseRight.FOLLOW_UP);
        }
        OffsetDateTime emergencyUntil = rs.getObject("emergency_until", OffsetDateTime.class);
        if (emergencyUntil != null && !rights.contains(CaseRight.READ)) {
            // Read only: no write, no lead, no protected data, no questions.
            rights.add(CaseRight.READ);
            rights.add(CaseRight.EMERGENCY);
        }
        if (user.has(Role.METHOD_DEVELOPER)) {
            rights.add(CaseRight.CONSULTATION);
        }
        return new CaseGrant(header, user, rights, rights.contains(CaseRight.READ) ? CaseContent.map(rs, json) : null,
                rights.contains(CaseRight.EMERGENCY) ? emergencyUntil.toInstant() : null);
    }

    // -- emergency access (nödåtkomst) --

    /** Roles that never get emergency access: they have no business in case content. */
    private static final Set<Role> NO_EMERGENCY_ACCESS = EnumSet.of(Role.METHOD_DEVELOPER, Role.AUDITOR, Role.ADMIN);

    /** The shortest and the longest reason for an emergency access. */
    public static final int EMERGENCY_REASON_MIN = 20;
    public static final int EMERGENCY_REASON_MAX = 2000;

    /** Whether the user may open a case outside their rights by giving a reason: one who handles cases, only. */
    public boolean mayRequestEmergencyAccess(CurrentUser user) {
        return handlesCases(user) && user.roles().stream().noneMatch(NO_EMERGENCY_ACCESS::contains);
    }

    /** Refuses (403) anyone who may not ask for emergency access. */
    public void requireEmergencyAccess(CurrentUser user) {
        if (!mayRequestEmergencyAccess(user)) {
            throw new AccessDeniedException("no emergency access for this role");
        }
    }

    /** Whether the user reviews emergency accesses: an auditor (all of them) or a lead (their unit's cases). */
    public boolean reviewsEmergencyAccess(CurrentUser user) {
        return user.has(Role.AUDITOR) || leads(user);
    }

    /**
     * What came of a request for emergency access: the case to open; {@code granted} when a new grant was made
     * (false when the user could already read the case), and until when an emergency grant lasts ({@code null} when
     * the user reads the case by their ordinary rights).
     */
    public record EmergencyAccessOutcome(CaseId caseId, boolean granted, Instant until) {
    }

    /**
     * Emergency access: opens the case with the given number for reading, outside the user's ordinary rights, for
     * the configured time ({@link EmergencyAccessProperties#duration()}). The reason is required (20 to 2000
     * characters) and kept for review; the holding unit's leads and the auditors are told; the request's audit
     * entry is flagged, with the reason's length (not its text) in its detail. A case the user may already read is
     * just opened, without a new grant.
     */
    @Transactional
    public EmergencyAccessOutcome requestEmergencyAccess(String caseNumber, String reason, CurrentUser user) {
        requireEmergencyAccess(user);
        Target target = emergencyTarget(caseNumber, reason);
        String why = reason.strip();
        Optional<CaseGrant> readable = find(target.id(), user).filter(g -> g.may(CaseRight.READ));
        if (readable.isPresent()) {
            AuditContext.recordId(target.id().value());
            return new EmergencyAccessOutcome(target.id(), false, readable.get().emergencyUntil());
        }
        return new EmergencyAccessOutcome(target.id(), true, grant(target, why, user));
    }

    /**
     * The rules of {@link #requestEmergencyAccess}, checked without granting anything: a form with other problems
     * shows these too, in the same round.
     */
    public void checkEmergencyAccess(String caseNumber, String reason, CurrentUser user) {
        requireEmergencyAccess(user);
        emergencyTarget(caseNumber, reason);
    }

    private Target emergencyTarget(String caseNumber, String reason) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        String number = caseNumber == null ? "" : caseNumber.strip().toUpperCase(Locale.ROOT);
        Target target = null;
        if (number.isEmpty()) {
            problems.add("caseNumber", "validation.emergency.caseNumber.required");
        } else if (number.length() > 80) {
            problems.add("caseNumber", "validation.size.max.n", 80);
        } else {
            target = jdbc.sql("SELECT id, case_number, unit_id FROM case_file WHERE case_number = :n")
                    .param("n", number)
                    .query((rs, n) -> new Target(new CaseId(rs.getObject(1, UUID.class)), rs.getString(2),
                            new UnitId(rs.getObject(3, UUID.class))))
                    .optional().orElse(null);
            if (target == null) {
                problems.add("caseNumber", "validation.emergency.caseNumber.unknown");
            }
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add("reason", "validation.emergency.reason.required");
        } else if (why.length() < EMERGENCY_REASON_MIN) {
            problems.add("reason", "validation.emergency.reason.short", EMERGENCY_REASON_MIN);
        } else if (why.length() > EMERGENCY_REASON_MAX) {
            problems.add("reason", "validation.size.max.n", EMERGENCY_REASON_MAX);
        }
        problems.throwIfAny();
        return target;
    }

    /** Stores the grant, tells the leads and auditors and flags the request's audit entry; returns its expiry. */
    private Instant grant(Target target, String why, CurrentUser user) {
        UUID accessId = UUID.randomUUID();
        Instant grantedAt = clock.instant();
        Instant expiresAt = grantedAt.plus(emergency.duration());
        jdbc.sql("""
                        INSERT INTO emergency_access (id, case_id, case_number, holding_unit_id, account_id,
                            account_name, account_unit_id, reason, granted_at, expires_at)
                        VALUES (:id, :c, :number, :holder, :account, :name, :unit, :reason, :at, :until)""")
                .param("id", accessId).param("c", target.id().value()).param("number", target.number())
                .param("holder", target.holder().value()).param("account", user.accountId())
                .param("name", user.displayName()).param("unit", user.unit().id().value()).param("reason", why)
                .param("at", grantedAt.atOffset(ZoneOffset.UTC)).param("until", expiresAt.atOffset(ZoneOffset.UTC))
                .update();
        events.publishEvent(new EmergencyAccessGranted(accessId, target.id(), target.number(), target.holder(),
                user.accountId(), grantedAt, expiresAt));
        AuditContext.recordId(target.id().value());
        AuditContext.flag(ReviewFlag.EMERGENCY_ACCESS);
        AuditContext.flag(ReviewFlag.OUTSIDE_UNIT);
        AuditContext.detail("emergency access " + accessId + " until " + expiresAt + ", reason of " + why.length()
                + " characters");
        return expiresAt;
    }

    private record Target(CaseId id, String number, UnitId holder) {
    }

    /**
     * The emergency accesses to review, newest first: for an auditor all of them, for a lead those to the cases
     * their unit held when access was given; 403 for everyone else. {@code caseNumber} filters by (part of) a case
     * number.
     */
    public PageResult<EmergencyAccess> emergencyAccesses(CurrentUser user, String caseNumber, Paging paging) {
        if (!reviewsEmergencyAccess(user)) {
            throw new AccessDeniedException("auditors and leads only");
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!user.has(Role.AUDITOR)) {
            where.add("e.holding_unit_id = :unit");
            params.put("unit", user.unit().id().value());
        }
        if (caseNumber != null && !caseNumber.isBlank()) {
            where.add("lower(e.case_number) LIKE :number");
            params.put("number", SqlLike.contains(caseNumber));
        }
        String from = " FROM emergency_access e JOIN unit hu ON hu.id = e.holding_unit_id"
                + " LEFT JOIN unit au ON au.id = e.account_unit_id"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        Instant now = clock.instant();
        List<EmergencyAccess> items = jdbc.sql("""
                        SELECT e.id, e.case_id, e.case_number, hu.name, e.account_name, au.name, e.reason,
                               e.granted_at, e.expires_at""" + from
                        + " ORDER BY e.granted_at DESC, e.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> {
                    Instant expires = rs.getObject(9, OffsetDateTime.class).toInstant();
                    return new EmergencyAccess(rs.getObject(1, UUID.class), new CaseId(rs.getObject(2, UUID.class)),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class).toInstant(), expires, expires.isAfter(now));
                })
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** The roles that lead a unit (duty lead, unit manager): whom an emergency access to its cases is told. */
    public static Set<Role> leadRoles() {
        return EnumSet.copyOf(LEAD_ROLES);
    }


    // -- case reviews (granskning) --

    /** The shortest and the longest reason for revealing the identity of a person in a reviewed case. */
    public static final int REVEAL_REASON_MIN = 10;
    public static final int REVEAL_REASON_MAX = 2000;

    /**
     * Opens the selected cases of a case review to its reviewers, for reading, pseudonymised, from {@code from} until
     * {@code until}: the review grant ({@link CaseRight#REVIEW}). Called once, when the review starts; the grants end by
     * themselves when the period does. Never a case list entry, never a change.
     */
    @Transactional
    public void openForReview(UUID reviewId, List<CaseId> caseIds, List<UUID> reviewers, Instant from, Instant until) {
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("a review's working period must end after it starts");
        }
        for (CaseId caseId : caseIds) {
            for (UUID account : reviewers) {
                jdbc.sql("""
                                INSERT INTO case_review_access (review_id, case_id, account_id, valid_from, valid_until)
                                VALUES (:r, :c, :a, :from, :until) ON CONFLICT DO NOTHING""")
                        .param("r", reviewId).param("c", caseId.value()).param("a", account)
                        .param("from", from.atOffset(ZoneOffset.UTC)).param("until", until.atOffset(ZoneOffset.UTC))
                        .update();
            }
        }
    }

    private static final String REVIEW_GRANT = """
            SELECT c.id, c.case_number, c.status, c.subject_type, c.person_id, c.custody_decided, c.version,
                   u.id AS u_id, u.code AS u_code, u.name AS u_name, u.kind AS u_kind, u.active AS u_active,
                   p.protected_identity
            FROM case_file c JOIN unit u ON u.id = c.unit_id JOIN person p ON p.id = c.person_id
            WHERE c.id = :id AND EXISTS (SELECT 1 FROM case_review_access r
                  WHERE r.case_id = c.id AND r.review_id = :review AND r.account_id = :account
                    AND r.valid_from <= :now AND r.valid_until > :now)""";

    /**
     * The review grant: the user reads the case as a reviewer of the review, pseudonymised, only within the review's
     * working period; {@link NotFoundException} for everyone else (another method developer, a reviewer of another
     * review, a reviewer after the period). The grant carries {@link CaseRight#REVIEW} only: no case page, no
     * change, no protected data.
     */
    public CaseGrant review(CaseId id, UUID reviewId, CurrentUser user) {
        return reviewGrant(id, reviewId, user, EnumSet.of(CaseRight.REVIEW));
    }

    /** Whether the user holds a review grant for the review right now (to any case of it). */
    public boolean reviews(UUID reviewId, CurrentUser user) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM case_review_access r WHERE r.review_id = :review
                          AND r.account_id = :account AND r.valid_from <= :now AND r.valid_until > :now)""")
                .param("review", reviewId).param("account", user.accountId())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).query(Boolean.class).single();
    }

    /**
     * The reviewer's explicit request to see the real identity of the person a reviewed case is about: a reason is
     * required ({@link #REVEAL_REASON_MIN} to {@link #REVEAL_REASON_MAX} characters, a translated field problem
     * otherwise); the request's audit entry is flagged {@link ReviewFlag#IDENTITY_REVEALED} (and
     * {@link ReviewFlag#PROTECTED_PERSON} for a protected person), with the reason's length in its detail. The grant
     * carries {@link CaseRight#REVIEW_IDENTITY}: name and identity number, never an address.
     */
    public CaseGrant revealForReview(CaseId id, UUID reviewId, String reason, CurrentUser user) {
        String why = reason == null ? "" : reason.strip();
        CaseGrant grant = review(id, reviewId, user);
        if (why.isEmpty()) {
            throw FieldProblems.of("reason", "validation.review.reveal.reason.required");
        }
        if (why.length() < REVEAL_REASON_MIN) {
            throw FieldProblems.of("reason", "validation.review.reveal.reason.short", REVEAL_REASON_MIN);
        }
        if (why.length() > REVEAL_REASON_MAX) {
            throw FieldProblems.of("reason", "validation.size.max.n", REVEAL_REASON_MAX);
        }
        AuditContext.recordId(id.value());
        AuditContext.flag(ReviewFlag.IDENTITY_REVEALED);
        AuditContext.detail("identity revealed in review " + reviewId + ", reason of " + why.length() + " characters");
        return reviewGrant(id, reviewId, user, EnumSet.of(CaseRight.REVIEW, CaseRight.REVIEW_IDENTITY));
    }

    private CaseGrant reviewGrant(CaseId id, UUID reviewId, CurrentUser user, Set<CaseRight> rights) {
        CaseGrant grant = jdbc.sql(REVIEW_GRANT).param("id", id.value()).param("review", reviewId)
                .param("account", user.accountId()).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> {
                    Unit unit = new Unit(new UnitId(rs.getObject("u_id", UUID.class)), rs.getString("u_code"),
                            rs.getString("u_name"), UnitKind.valueOf(rs.getString("u_kind")),
                            rs.getBoolean("u_active"));
                    CaseHeader header = new CaseHeader(new CaseId(rs.getObject("id", UUID.class)),
                            rs.getString("case_number"), unit, CaseStatus.valueOf(rs.getString("status")),
                            SubjectType.valueOf(rs.getString("subject_type")),
                            new PersonId(rs.getObject("person_id", UUID.class)),
                            !"NONE".equals(rs.getString("protected_identity")), null, null,
                            rs.getBoolean("custody_decided"), rs.getInt("version"));
                    return new CaseGrant(header, user, rights, null);
                })
                .optional().orElseThrow(() -> new NotFoundException("case"));
        if (rights.contains(CaseRight.REVIEW_IDENTITY) && grant.header().protectedIdentity()) {
            AuditContext.flag(ReviewFlag.PROTECTED_PERSON);
        }
        return grant;
    }

    /** Refuses ({@link NotFoundException}) a grant that is not a review grant. */
    public static CaseGrant requireReview(CaseGrant grant) {
        if (!grant.may(CaseRight.REVIEW)) {
            throw new NotFoundException("case");
        }
        return grant;
    }
}

