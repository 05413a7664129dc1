package se.lotsen.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.ReviewedCases;
import se.lotsen.cases.SubjectType;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SqlLike;
import se.lotsen.decisions.Decisions;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitId;

/**
 * Case reviews: defining (method developer), starting (the selection is fixed and {@link CaseAccess#openForReview}
 * opens the cases to the reviewers), answering per case and question (the reviewers, with the review grant), results
 * and findings. Method developers define and read every review; auditors read them; a reviewer reads the reviews
 * they are named on. Cases are read only with the review grant.
 */
@Service
public class Reviews {

    /** The most cases one review selects. */
    public static final int MAX_CASES = 500;
    /** Roles among which reviewers are chosen. */
    public static final Set<Role> REVIEWER_ROLES = EnumSet.of(Role.METHOD_DEVELOPER, Role.AUDITOR, Role.DUTY_LEAD,
            Role.UNIT_MANAGER);
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final JdbcClient jdbc;
    private final CaseAccess access;
    private final ReviewedCases reviewedCases;
    private final Decisions decisions;
    private final Accounts accounts;
    private final Organisation organisation;
    private final Derivations derivations;
    private final MessageSource messages;
    private final Clock clock;

    public Reviews(JdbcClient jdbc, CaseAccess access, ReviewedCases reviewedCases, Decisions decisions,
                   Accounts accounts, Organisation organisation, Derivations derivations, MessageSource messages,
                   Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.reviewedCases = reviewedCases;
        this.decisions = decisions;
        this.accounts = accounts;
        this.organisation = organisation;
        this.derivations = derivations;
        this.messages = messages;
        this.clock = clock;
    }

    // -- who may do what --

    public boolean defines(CurrentUser user) {
        return user.has(Role.METHOD_DEVELOPER);
    }

    /** Method developers and auditors read every review's definition and results. */
    public boolean readsAll(CurrentUser user) {
        return user.has(Role.METHOD_DEVELOPER) || user.has(Role.AUDITOR);
    }

    public void requireDefines(CurrentUser user) {
        if (!defines(user)) {
            throw new AccessDeniedException("method developer only");
        }
    }

    /** Refuses (403) anyone who neither reads reviews nor could be a reviewer. */
    public void requireReviewRole(CurrentUser user) {
        if (user.roles().stream().noneMatch(REVIEWER_ROLES::contains)) {
            throw new AccessDeniedException("no review role");
        }
    }

    // -- defining --

    /** A review's definition as entered (already parsed; the service checks the rules). */
    public record Definition(String name, String purpose, LocalDate openedFrom, LocalDate openedTo, String subject,
                             boolean traffickingOnly, boolean custodyOnly, Set<UUID> units, LocalDate workFrom,
                             LocalDate workUntil, Set<UUID> reviewers) {
        public Definition {
            units = units == null ? Set.of() : Set.copyOf(units);
            reviewers = reviewers == null ? Set.of() : Set.copyOf(reviewers);
        }
    }

    /** Accounts that may be named reviewers: enabled method developers, auditors and leads, by name. */
    public List<Account> reviewerCandidates() {
        Map<UUID, Account> byId = new java.util.LinkedHashMap<>();
        for (Role role : REVIEWER_ROLES) {
            for (Account a : accounts.withRole(role)) {
                if (a.enabled()) {
                    byId.putIfAbsent(a.id().value(), a);
                }
            }
        }
        return byId.values().stream().sorted(java.util.Comparator.comparing(Account::displayName)).toList();
    }

    public List<Unit> units() {
        return organisation.activeUnits();
    }

    /** The rules of a definition: field problems (translated keys) for all that is wrong, in one round. */
    public void check(Definition d) {
        FieldProblems.Collector p = new FieldProblems.Collector();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            p.add("name", "validation.required");
        } else if (name.length() > 200) {
            p.add("name", "validation.size.max.n", 200);
        }
        if (d.purpose() != null && d.purpose().length() > 4000) {
            p.add("purpose", "validation.size.max.n", 4000);
        }
        if (d.openedFrom() == null) {
            p.add("openedFrom", "validation.required");
        }
        if (d.openedTo() == null) {
            p.add("openedTo", "validation.required");
        } else if (d.openedFrom() != null && d.openedTo().isBefore(d.openedFrom())) {
            p.add("openedTo", "validation.review.period.order");
        }
        if (d.subject() == null || !Set.of("CHILD", "ADULT", "ANY").contains(d.subject())) {
            p.add("subject", "validation.required");
        }
        if (d.workFrom() == null) {
            p.add("workFrom", "validation.required");
        }
        if (d.workUntil() == null) {
            p.add("workUntil", "validation.required");
        } else if (d.workFrom() != null && d.workUntil().isBefore(d.workFrom())) {
            p.add("workUntil", "validation.review.period.order");
        } else if (d.workUntil().isBefore(LocalDate.now(clock.withZone(SWEDEN)))) {
            p.add("workUntil", "validation.review.workUntil.past");
        }
        Set<UUID> activeUnits = new HashSet<>(units().stream().map(u -> u.id().value()).toList());
        if (!activeUnits.containsAll(d.units())) {
            p.add("units", "validation.invalid");
        }
        Set<UUID> candidates = new HashSet<>(reviewerCandidates().stream().map(a -> a.id().value()).toList());
        if (d.reviewers().isEmpty()) {
            p.add("reviewers", "validation.review.reviewers.required");
        } else if (!candidates.containsAll(d.reviewers())) {
            p.add("reviewers", "validation.invalid");
        }
        p.throwIfAny();
    }

    /** Creates a draft review from the default template, its questions in the method developer's language. */
    @Transactional
    public UUID create(Definition d, CurrentUser user, Locale locale) {
        requireDefines(user);
        check(d);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO review (id, name, purpose, status, opened_from, opened_to, subject_type,
                            trafficking_only, custody_only, work_from, work_until, created_by, created_by_name)
                        VALUES (:id, :name, :purpose, 'DRAFT', :of, :ot, :subject, :tr, :cu, :wf, :wu, :by, :byName)""")
                .params(definitionParams(id, d)).param("by", user.accountId()).param("byName", user.displayName())
                .update();
        saveSets(id, d);
        int position = 0;
        for (DefaultTemplate.Item item : DefaultTemplate.ITEMS) {
            insertQuestion(id, ++position, item.area(), messages.getMessage(item.textKey(), null, locale),
                    item.derivation());
        }
        return id;
    }

    /** Changes a draft's definition; refused once started. */
    @Transactional
    public void update(UUID id, Definition d, CurrentUser user) {
        requireDefines(user);
        requireDraft(find(id));
        check(d);
        jdbc.sql("""
                        UPDATE review SET name = :name, purpose = :purpose, opened_from = :of, opened_to = :ot,
                            subject_type = :subject, trafficking_only = :tr, custody_only = :cu, work_from = :wf,
                            work_until = :wu, version = version + 1
                        WHERE id = :id AND status = 'DRAFT'""")
                .params(definitionParams(id, d)).update();
        jdbc.sql("DELETE FROM review_unit WHERE review_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM review_reviewer WHERE review_id = :id").param("id", id).update();
        saveSets(id, d);
    }

    private Map<String, Object> definitionParams(UUID id, Definition d) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("name", d.name().strip());
        p.put("purpose", d.purpose() == null ? "" : d.purpose().strip());
        p.put("of", d.openedFrom());
        p.put("ot", d.openedTo());
        p.put("subject", d.subject());
        p.put("tr", d.traffickingOnly());
        p.put("cu", d.custodyOnly());
        p.put("wf", d.workFrom());
        p.put("wu", d.workUntil());
        return p;
    }

    private void saveSets(UUID id, Definition d) {
        for (UUID unit : d.units()) {
            jdbc.sql("INSERT INTO review_unit (review_id, unit_id) VALUES (:r, :u)").param("r", id).param("u", unit)
                    .update();
        }
        Map<UUID, String> names = new HashMap<>();
        reviewerCandidates().forEach(a -> names.put(a.id().value(), a.displayName()));
        for (UUID account : d.reviewers()) {
            jdbc.sql("INSERT INTO review_reviewer (review_id, account_id, name) VALUES (:r, :a, :n)")
                    .param("r", id).param("a", account).param("n", names.get(account)).update();
        }
    }

    // -- the template --

    /** Checks a question as typed: an area and a text of at most 1000 characters. */
    public void checkQuestion(String area, String text) {
        FieldProblems.Collector p = new FieldProblems.Collector();
        if (parseArea(area) == null) {
            p.add("area", "validation.required");
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            p.add("text", "validation.required");
        } else if (t.length() > 1000) {
            p.add("text", "validation.size.max.n", 1000);
        }
        p.throwIfAny();
    }

    @Transactional
    public void addQuestion(UUID id, String area, String text, CurrentUser user) {
        requireDefines(user);
        Review review = requireDraft(find(id));
        checkQuestion(area, text);
        insertQuestion(id, review.questions().stream().mapToInt(Review.Question::position).max().orElse(0) + 1,
                parseArea(area), text.strip(), null);
    }

    /** Changes a question's area and text; a derived question keeps its derivation only while its area stays. */
    @Transactional
    public void updateQuestion(UUID id, UUID questionId, String area, String text, CurrentUser user) {
        requireDefines(user);
        Review review = requireDraft(find(id));
        Review.Question q = question(review, questionId);
        checkQuestion(area, text);
        ReviewArea newArea = parseArea(area);
        jdbc.sql("UPDATE review_question SET area = :a, text = :t, derivation = :d WHERE id = :q AND review_id = :r")
                .param("a", newArea.name()).param("t", text.strip())
                .param("d", q.derivation() != null && newArea == q.area() ? q.derivation().name() : null)
                .param("q", questionId).param("r", id).update();
    }

    @Transactional
    public void removeQuestion(UUID id, UUID questionId, CurrentUser user) {
        requireDefines(user);
        Review review = requireDraft(find(id));
        question(review, questionId);
        if (review.questions().size() <= 1) {
            throw FieldProblems.of("questions", "validation.review.questions.required");
        }
        jdbc.sql("DELETE FROM review_question WHERE id = :q AND review_id = :r").param("q", questionId)
                .param("r", id).update();
    }

    static ReviewArea parseArea(String area) {
        if (area == null) {
            return null;
        }
        try {
            return ReviewArea.valueOf(area.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void insertQuestion(UUID reviewId, int position, ReviewArea area, String text, Derivation derivation) {
        jdbc.sql("""
                        INSERT INTO review_question (id, review_id, position, area, text, derivation)
                        VALUES (:id, :r, :p, :a, :t, :d)""")
                .param("id", UUID.randomUUID()).param("r", reviewId).param("p", position).param("a", area.name())
                .param("t", text).param("d", derivation == null ? null : derivation.name()).update();
    }

    private static Review.Question question(Review review, UUID questionId) {
        return review.questions().stream().filter(q -> q.id().equals(questionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("question"));
    }

    private static Review requireDraft(Review review) {
        if (!review.draft()) {
            throw FieldProblems.of("status", "validation.review.started");
        }
        return review;
    }

    // -- starting --

    /**
     * Starts the review: the selection is fixed (the cases its criteria find now, at most {@link #MAX_CASES}) and the
     * reviewers get the review grant for the working period. Refused when nothing is selected or the period is over.
     */
    @Transactional
    public int start(UUID id, CurrentUser user) {
        requireDefines(user);
        Review review = requireDraft(find(id));
        LocalDate today = LocalDate.now(clock.withZone(SWEDEN));
        if (review.workUntil().isBefore(today)) {
            throw FieldProblems.of("workUntil", "validation.review.workUntil.past");
        }
        List<ReviewedCases.Selected> selected = select(review);
        if (selected.isEmpty()) {
            throw FieldProblems.of("openedFrom", "validation.review.noCases");
        }
        for (ReviewedCases.Selected s : selected) {
            jdbc.sql("""
                            INSERT INTO review_case (review_id, case_id, case_number, unit_id, unit_name, opened_on)
                            VALUES (:r, :c, :n, :u, :un, :o)""")
                    .param("r", id).param("c", s.id().value()).param("n", s.caseNumber())
                    .param("u", s.unitId().value()).param("un", s.unitName()).param("o", s.openedOn()).update();
        }
        Instant from = review.workFrom().atStartOfDay(SWEDEN).toInstant();
        Instant until = review.workUntil().plusDays(1).atStartOfDay(SWEDEN).toInstant();
        access.openForReview(id, selected.stream().map(ReviewedCases.Selected::id).toList(),
                review.reviewers().stream().map(Review.Ref::id).toList(), from, until);
        int changed = jdbc.sql("UPDATE review SET status = 'STARTED', started_at = :at, version = version + 1"
                        + " WHERE id = :id AND status = 'DRAFT'")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", id).update();
        if (changed != 1) {
            throw FieldProblems.of("status", "validation.review.started");
        }
        return selected.size();
    }

    /** What the criteria select now (a draft's preview and the start). */
    public List<ReviewedCases.Selected> select(Review review) {
        SubjectType type = "ANY".equals(review.subject()) ? null : SubjectType.valueOf(review.subject());
        Set<UnitId> units = new LinkedHashSet<>(review.units().stream().map(u -> new UnitId(u.id())).toList());
        List<ReviewedCases.Selected> found = reviewedCases.select(new ReviewedCases.Selection(review.openedFrom(),
                review.openedTo(), type, review.traffickingOnly(), units), review.custodyOnly() ? 10_000 : MAX_CASES);
        if (review.custodyOnly()) {
            Set<UUID> custody = decisions.withCustodyDecided(found.stream().map(s -> s.id().value()).toList());
            found = found.stream().filter(s -> custody.contains(s.id().value())).limit(MAX_CASES).toList();
        }
        return found;
    }

    // -- reading --

    /** A review for a user who may read it: method developers and auditors, and the review's reviewers; else 404. */
    public Review get(UUID id, CurrentUser user) {
        Review review = find(id);
        if (!readsAll(user) && !review.reviewer(user.accountId())) {
            throw new NotFoundException("review");
        }
        return review;
    }

    /** A row of the list of reviews. */
    public record Row(UUID id, String name, Review.Status status, LocalDate workFrom, LocalDate workUntil,
                      long cases, long answered, long questions) {
        public long expected() {
            return cases * questions;
        }
    }

    /** The reviews the user may read, newest first, searched by name. */
    public PageResult<Row> list(String query, CurrentUser user, Paging paging) {
        requireReviewRole(user);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!readsAll(user)) {
            where.add("EXISTS (SELECT 1 FROM review_reviewer rr WHERE rr.review_id = r.id AND rr.account_id = :me)");
            params.put("me", user.accountId());
        }
        if (query != null && !query.isBlank()) {
            where.add("lower(r.name) LIKE :q");
            params.put("q", SqlLike.contains(query));
        }
        String from = " FROM review r" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<Row> rows = jdbc.sql("""
                        SELECT r.id, r.name, r.status, r.work_from, r.work_until,
                               (SELECT count(*) FROM review_case c WHERE c.review_id = r.id),
                               (SELECT count(*) FROM review_answer a WHERE a.review_id = r.id),
                               (SELECT count(*) FROM review_question q WHERE q.review_id = r.id)""" + from
                        + " ORDER BY r.created_at DESC, r.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                        Review.Status.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list();
        return new PageResult<>(rows, paging.page(), paging.size(), total);
    }

    /** A selected case as listed: pseudonymised (number, unit, opened), with how many questions are answered. */
    public record CaseRow(UUID caseId, String caseNumber, String unitName, LocalDate openedOn, long answered,
                          long deficient) {
    }

    /** Whether the user reviews the review's cases right now: a reviewer of it within its working period. */
    public boolean reviewing(UUID id, CurrentUser user) {
        return access.reviews(id, user);
    }

    /**
     * The review's cases, searched by (part of) a case number or unit, by case number: for its reviewers within the
     * working period only (404 for everyone else, who see the figures, not the cases).
     */
    public PageResult<CaseRow> cases(UUID id, String query, CurrentUser user, Paging paging) {
        get(id, user);
        if (!reviewing(id, user)) {
            throw new NotFoundException("review");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("r", id);
        String where = " WHERE c.review_id = :r";
        if (query != null && !query.isBlank()) {
            where += " AND (lower(c.case_number) LIKE :q OR lower(c.unit_name) LIKE :q)";
            params.put("q", SqlLike.contains(query));
        }
        long total = jdbc.sql("SELECT count(*) FROM review_case c" + where).params(params).query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<CaseRow> rows = jdbc.sql("""
                        SELECT c.case_id, c.case_number, c.unit_name, c.opened_on,
                               (SELECT count(*) FROM review_answer a WHERE a.review_id = c.review_id
                                  AND a.case_id = c.case_id),
                               (SELECT count(*) FROM review_answer a WHERE a.review_id = c.review_id
                                  AND a.case_id = c.case_id AND a.value = 'DEFICIENT')
                        FROM review_case c""" + where + " ORDER BY c.case_number LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new CaseRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getLong(6)))
                .list();
        return new PageResult<>(rows, paging.page(), paging.size(), total);
    }

    // -- one case under review --

    /** A stored answer. */
    public record StoredAnswer(ReviewAnswer value, String comment, ReviewAnswer derivedValue, String evidence,
                               String overrideReason, String answeredByName, Instant answeredAt) {
        public boolean overridden() {
            return derivedValue != null && derivedValue != value;
        }
    }

    /** A question of a case under review: Lotsen's suggestion with its evidence (translated) and the stored answer. */
    public record CaseQuestion(Review.Question question, ReviewAnswer suggested, List<String> evidence,
                               StoredAnswer answer) {
        public boolean derived() {
            return question.derivation() != null;
        }
    }

    /** A case under review, pseudonymised, with its questions. */
    public record CaseReview(Review review, ReviewedCases.Pseudonymised facts, List<CaseQuestion> questions,
                             ReviewedCases.Identity identity) {
        public long answered() {
            return questions.stream().filter(q -> q.answer() != null).count();
        }
    }

    /**
     * The case as the reviewer reads it (the review grant: 404 for anyone not a reviewer of the review within its
     * working period), pseudonymised, with the pre-filled answers and their evidence in the given language.
     */
    public CaseReview caseReview(UUID reviewId, UUID caseId, CurrentUser user, Locale locale) {
        CaseGrant grant = access.review(new CaseId(caseId), reviewId, user);
        return caseReview(grant, reviewId, locale, null);
    }

    /** The same, with the real identity shown: the reviewer's explicit request with a reason (audited, flagged). */
    public CaseReview revealIdentity(UUID reviewId, UUID caseId, String reason, CurrentUser user, Locale locale) {
        CaseGrant grant = access.revealForReview(new CaseId(caseId), reviewId, reason, user);
        return caseReview(grant, reviewId, locale, reviewedCases.identity(grant));
    }

    private CaseReview caseReview(CaseGrant grant, UUID reviewId, Locale locale, ReviewedCases.Identity identity) {
        Review review = find(reviewId);
        ReviewedCases.Pseudonymised facts = reviewedCases.pseudonymised(grant);
        Map<Derivation, Derivations.Suggestion> suggestions = suggestions(grant, facts, review);
        Map<UUID, StoredAnswer> answers = answers(reviewId, grant.caseId().value());
        List<CaseQuestion> questions = review.questions().stream().map(q -> {
            Derivations.Suggestion s = q.derivation() == null ? null : suggestions.get(q.derivation());
            return new CaseQuestion(q, s == null ? null : s.value(),
                    s == null ? List.of() : s.evidence().stream().map(e -> text(e, locale)).toList(),
                    answers.get(q.id()));
        }).toList();
        return new CaseReview(review, facts, questions, identity);
    }

    private Map<Derivation, Derivations.Suggestion> suggestions(CaseGrant grant, ReviewedCases.Pseudonymised facts,
                                                                Review review) {
        Set<Derivation> asked = EnumSet.noneOf(Derivation.class);
        review.questions().stream().map(Review.Question::derivation).filter(java.util.Objects::nonNull)
                .forEach(asked::add);
        return derivations.derive(grant, facts, asked);
    }

    private String text(Derivations.Evidence e, Locale locale) {
        return messages.getMessage(e.key(), e.args(), locale);
    }

    /** An answer as the reviewer gives it. */
    public record AnswerCommand(UUID questionId, String value, String comment, String reason) {
    }

    /**
     * Answers one question for a case: confirms Lotsen's suggestion or overrides it, which takes a reason; stores who
     * answered and when, with the evidence as shown. Only a reviewer within the working period (the review grant);
     * the review must have started.
     */
    @Transactional
    public void answer(UUID reviewId, UUID caseId, AnswerCommand cmd, CurrentUser user, Locale locale) {
        CaseGrant grant = access.review(new CaseId(caseId), reviewId, user);
        CaseReview cr = caseReview(grant, reviewId, locale, null);
        CaseQuestion q = cr.questions().stream().filter(x -> x.question().id().equals(cmd.questionId())).findFirst()
                .orElseThrow(() -> new NotFoundException("question"));
        FieldProblems.Collector p = new FieldProblems.Collector();
        ReviewAnswer value = null;
        try {
            value = cmd.value() == null || cmd.value().isBlank() ? null : ReviewAnswer.valueOf(cmd.value().strip());
        } catch (IllegalArgumentException e) {
            p.add("value", "validation.invalid");
        }
        if (value == null && cmd.value() != null && !cmd.value().isBlank()) {
            // already reported
        } else if (value == null) {
            p.add("value", "validation.review.answer.required");
        }
        String comment = cmd.comment() == null ? "" : cmd.comment().strip();
        if (comment.length() > 4000) {
            p.add("comment", "validation.size.max.n", 4000);
        }
        String reason = cmd.reason() == null ? "" : cmd.reason().strip();
        boolean overrides = value != null && q.suggested() != null && value != q.suggested();
        if (overrides && reason.isEmpty()) {
            p.add("reason", "validation.review.override.reason");
        } else if (reason.length() > 2000) {
            p.add("reason", "validation.size.max.n", 2000);
        }
        p.throwIfAny();
        store(reviewId, caseId, q, value, comment, overrides ? reason : null, user);
    }

    /** Confirms every unanswered question that Lotsen pre-filled; returns how many. */
    @Transactional
    public int confirmSuggestions(UUID reviewId, UUID caseId, CurrentUser user, Locale locale) {
        CaseGrant grant = access.review(new CaseId(caseId), reviewId, user);
        CaseReview cr = caseReview(grant, reviewId, locale, null);
        int n = 0;
        for (CaseQuestion q : cr.questions()) {
            if (q.answer() == null && q.suggested() != null) {
                store(reviewId, caseId, q, q.suggested(), "", null, user);
                n++;
            }
        }
        return n;
    }

    private void store(UUID reviewId, UUID caseId, CaseQuestion q, ReviewAnswer value, String comment, String reason,
                       CurrentUser user) {
        String evidence = q.evidence().isEmpty() ? null : String.join("\n", q.evidence());
        jdbc.sql("""
                        INSERT INTO review_answer (review_id, case_id, question_id, value, comment, derived_value,
                            evidence, override_reason, answered_by, answered_by_name, answered_at)
                        VALUES (:r, :c, :q, :v, :comment, :dv, :ev, :reason, :by, :byName, :at)
                        ON CONFLICT (review_id, case_id, question_id) DO UPDATE SET value = EXCLUDED.value,
                            comment = EXCLUDED.comment, derived_value = EXCLUDED.derived_value,
                            evidence = EXCLUDED.evidence, override_reason = EXCLUDED.override_reason,
                            answered_by = EXCLUDED.answered_by, answered_by_name = EXCLUDED.answered_by_name,
                            answered_at = EXCLUDED.answered_at""")
                .param("r", reviewId).param("c", caseId).param("q", q.question().id()).param("v", value.name())
                .param("comment", comment.isEmpty() ? null : comment)
                .param("dv", q.suggested() == null ? null : q.suggested().name())
                .param("ev", evidence == null ? null : evidence.substring(0, Math.min(2000, evidence.length())))
                .param("reason", reason).param("by", user.accountId()).param("byName", user.displayName())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    private Map<UUID, StoredAnswer> answers(UUID reviewId, UUID caseId) {
        Map<UUID, StoredAnswer> result = new HashMap<>();
        jdbc.sql("SELECT * FROM review_answer WHERE review_id = :r AND case_id = :c").param("r", reviewId)
                .param("c", caseId)
                .query((rs, n) -> result.put(rs.getObject("question_id", UUID.class), new StoredAnswer(
                        ReviewAnswer.valueOf(rs.getString("value")), rs.getString("comment"),
                        rs.getString("derived_value") == null ? null : ReviewAnswer.valueOf(rs.getString("derived_value")),
                        rs.getString("evidence"), rs.getString("override_reason"), rs.getString("answered_by_name"),
                        rs.getObject("answered_at", OffsetDateTime.class).toInstant())))
                .list();
        return result;
    }

    // -- results --

    /** Answers counted for one category: deficient of those judged (adequate or deficient). */
    public record Rate(String label, long deficient, long judged, long notApplicable) {
        public Double percent() {
            return judged == 0 ? null : 100.0 * deficient / judged;
        }
    }

    /** A review's results: by area, unit and quarter of the case's opening. */
    public record Results(List<Rate> byArea, List<Rate> byUnit, List<Rate> byQuarter, long answers) {
    }

    public Results results(UUID id, CurrentUser user, Locale locale) {
        Review review = get(id, user);
        if (!readsAll(user)) {
            throw new NotFoundException("review");
        }
        return results(List.of(review.id()), locale);
    }

    Results results(Collection<UUID> reviewIds, Locale locale) {
        if (reviewIds.isEmpty()) {
            return new Results(List.of(), List.of(), List.of(), 0);
        }
        String base = """
                FROM review_answer a JOIN review_question q ON q.id = a.question_id
                JOIN review_case c ON c.review_id = a.review_id AND c.case_id = a.case_id
                WHERE a.review_id IN (:ids)""";
        String counts = "count(*) FILTER (WHERE a.value = 'DEFICIENT'), count(*) FILTER (WHERE a.value <> 'NOT_APPLICABLE'),"
                + " count(*) FILTER (WHERE a.value = 'NOT_APPLICABLE')";
        List<Rate> byArea = jdbc.sql("SELECT q.area, " + counts + " " + base + " GROUP BY q.area")
                .param("ids", List.copyOf(reviewIds))
                .query((rs, n) -> new Rate(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list()
                .stream().sorted(java.util.Comparator.comparing(r -> ReviewArea.valueOf(r.label())))
                .map(r -> new Rate(messages.getMessage("review.area." + r.label(), null, locale), r.deficient(),
                        r.judged(), r.notApplicable()))
                .toList();
        List<Rate> byUnit = jdbc.sql("SELECT c.unit_name, " + counts + " " + base
                        + " GROUP BY c.unit_name ORDER BY c.unit_name")
                .param("ids", List.copyOf(reviewIds))
                .query((rs, n) -> new Rate(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
        List<Rate> byQuarter = jdbc.sql("SELECT extract(year FROM c.opened_on)::int, extract(quarter FROM c.opened_on)::int, "
                        + counts + " " + base + " GROUP BY 1, 2 ORDER BY 1, 2")
                .param("ids", List.copyOf(reviewIds))
                .query((rs, n) -> new Rate(messages.getMessage("review.quarter",
                        new Object[] {rs.getInt(2), String.valueOf(rs.getInt(1))}, locale), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5)))
                .list();
        long answers = jdbc.sql("SELECT count(*) " + base).param("ids", List.copyOf(reviewIds)).query(Long.class)
                .single();
        return new Results(byArea, byUnit, byQuarter, answers);
    }

    // -- findings --

    /** A finding: what a review found, and the routine (and version) it led to change. */
    public record Finding(UUID id, UUID reviewId, String reviewName, ReviewArea area, String text, String routineKey,
                          UUID routineVersionId, String createdByName, Instant createdAt) {
    }

    /** Checks a finding as typed. */
    public void checkFinding(String area, String text, String routineKey) {
        FieldProblems.Collector p = new FieldProblems.Collector();
        if (parseArea(area) == null) {
            p.add("area", "validation.required");
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            p.add("text", "validation.required");
        } else if (t.length() > 4000) {
            p.add("text", "validation.size.max.n", 4000);
        }
        if (routineKey != null && routineKey.length() > 100) {
            p.add("routineKey", "validation.size.max.n", 100);
        }
        p.throwIfAny();
    }

    /**
     * Records a finding of a started review, optionally linked to the routine it led to change and the published
     * version that changed it (the version's page lists the findings that led to it).
     */
    @Transactional
    public UUID addFinding(UUID reviewId, String area, String text, String routineKey, UUID routineVersionId,
                           CurrentUser user) {
        requireDefines(user);
        Review review = find(reviewId);
        checkFinding(area, text, routineKey);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO review_finding (id, review_id, area, text, routine_key, routine_version_id,
                            created_by_name, created_at)
                        VALUES (:id, :r, :a, :t, :k, :v, :by, :at)""")
                .param("id", id).param("r", review.id()).param("a", parseArea(area).name()).param("t", text.strip())
                .param("k", routineKey == null || routineKey.isBlank() ? null : routineKey.strip())
                .param("v", routineVersionId).param("by", user.displayName())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
        return id;
    }

    public List<Finding> findings(UUID reviewId, CurrentUser user) {
        get(reviewId, user);
        return jdbc.sql(FINDINGS + " WHERE f.review_id = :r ORDER BY f.created_at").param("r", reviewId)
                .query(Reviews::finding).list();
    }

    /** The findings that led to a routine version (no access check: no personal data). */
    List<Finding> findingsForVersion(UUID versionId) {
        return jdbc.sql(FINDINGS + " WHERE f.routine_version_id = :v ORDER BY f.created_at").param("v", versionId)
                .query(Reviews::finding).list();
    }

    /** Findings linked to a routine version, of reviews started within the period. */
    List<Finding> findingsLinkedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql(FINDINGS + " WHERE f.routine_version_id IS NOT NULL AND (f.created_at AT TIME ZONE"
                        + " 'Europe/Stockholm')::date BETWEEN :from AND :to ORDER BY f.created_at")
                .param("from", from).param("to", to).query(Reviews::finding).list();
    }

    /** Reviews started in the period (both days included): id and name. */
    List<Review.Ref> startedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT id, name FROM review WHERE status = 'STARTED'
                          AND (started_at AT TIME ZONE 'Europe/Stockholm')::date BETWEEN :from AND :to
                        ORDER BY started_at""")
                .param("from", from).param("to", to)
                .query((rs, n) -> new Review.Ref(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    private static final String FINDINGS = """
            SELECT f.id, f.review_id, r.name, f.area, f.text, f.routine_key, f.routine_version_id,
                   f.created_by_name, f.created_at FROM review_finding f JOIN review r ON r.id = f.review_id""";

    private static Finding finding(ResultSet rs, int n) throws SQLException {
        return new Finding(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                ReviewArea.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class),
                rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant());
    }

    // -- loading --

    Review find(UUID id) {
        return findOptional(id).orElseThrow(() -> new NotFoundException("review"));
    }

    Optional<Review> findOptional(UUID id) {
        return jdbc.sql("SELECT r.*, (SELECT count(*) FROM review_case c WHERE c.review_id = r.id) AS cases"
                        + " FROM review r WHERE r.id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
                    return new Review(id, rs.getString("name"), rs.getString("purpose"),
                            Review.Status.valueOf(rs.getString("status")), rs.getObject("opened_from", LocalDate.class),
                            rs.getObject("opened_to", LocalDate.class), rs.getString("subject_type"),
                            rs.getBoolean("trafficking_only"), rs.getBoolean("custody_only"), List.of(),
                            rs.getObject("work_from", LocalDate.class), rs.getObject("work_until", LocalDate.class),
                            List.of(), List.of(), rs.getString("created_by_name"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            started == null ? null : started.toInstant(), rs.getLong("cases"), rs.getInt("version"));
                })
                .optional()
                .map(r -> new Review(r.id(), r.name(), r.purpose(), r.status(), r.openedFrom(), r.openedTo(),
                        r.subject(), r.traffickingOnly(), r.custodyOnly(),
                        jdbc.sql("SELECT u.id, u.name FROM review_unit ru JOIN unit u ON u.id = ru.unit_id"
                                        + " WHERE ru.review_id = :id ORDER BY u.name").param("id", id)
                                .query((rs, n) -> new Review.Ref(rs.getObject(1, UUID.class), rs.getString(2))).list(),
                        r.workFrom(), r.workUntil(),
                        jdbc.sql("SELECT account_id, name FROM review_reviewer WHERE review_id = :id ORDER BY name")
                                .param("id", id)
                                .query((rs, n) -> new Review.Ref(rs.getObject(1, UUID.class), rs.getString(2))).list(),
                        jdbc.sql("SELECT id, position, area, text, derivation FROM review_question"
                                        + " WHERE review_id = :id ORDER BY position").param("id", id)
                                .query((rs, n) -> new Review.Question(rs.getObject(1, UUID.class), rs.getInt(2),
                                        ReviewArea.valueOf(rs.getString(3)), rs.getString(4),
                                        rs.getString(5) == null ? null : Derivation.valueOf(rs.getString(5))))
                                .list(),
                        r.createdByName(), r.createdAt(), r.startedAt(), r.caseCount(), r.version()));
    }
}
