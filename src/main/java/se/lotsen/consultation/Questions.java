package se.lotsen.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.access.AccountId;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;

/**
 * Questions to the method developer. Asking about a case writes the question into its journal, so it takes a
 * {@link WriteGrant} (a unit that only follows a handed-over case up cannot); the method developer answers with the
 * consultation grant, which gives no other access to the case. Notifications and e-mail follow from the events.
 */
@Service
public class Questions {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Questions(JdbcClient jdbc, Cases cases, CaseAccess access, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Asks a question about a case ({@code grant}) or a general one ({@code grant} null). The method developers are
     * notified in the app; an urgent question also by e-mail.
     */
    @Transactional
    public Question ask(WriteGrant grant, String text, boolean urgent, CurrentUser user) {
        requireMayAsk(user);
        if (grant != null) {
            grant.requireActive();
        }
        UUID caseId = grant == null ? null : grant.caseId().value();
        if (text == null || text.isBlank()) {
            throw FieldProblems.of("text", "validation.required");
        }
        if (text.length() > 20000) {
            throw FieldProblems.of("text", "validation.size.max.n", 20000);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO question (id, case_id, asked_by, asked_by_name, asked_by_unit_id, text, urgent)
                        VALUES (:id, :c, :by, :name, :unit, :text, :urgent)""")
                .param("id", id).param("c", caseId).param("by", user.accountId()).param("name", user.displayName())
                .param("unit", user.unit() == null ? null : user.unit().id().value()).param("text", text.strip())
                .param("urgent", urgent).update();
        if (grant != null) {
            cases.addRecordOfWork(grant, "Fråga till metodutvecklaren" + (urgent ? " (brådskande)" : "") + ":\n"
                    + text.strip());
        }
        Question asked = find(id).orElseThrow();
        events.publishEvent(new QuestionAsked(new QuestionId(id), grant == null ? null : grant.caseId(),
                grant == null ? null : grant.header().caseNumber(), new AccountId(user.accountId()),
                user.displayName(), urgent, asked.askedAt()));
        return asked;
    }

    /** The method developer answers; for a case the answer is written into its journal, and the asker is notified. */
    @Transactional
    public Question answer(UUID id, String answer, CurrentUser user) {
        if (!user.has(Role.METHOD_DEVELOPER)) {
            throw new AccessDeniedException("method developer only");
        }
        Question q = find(id).orElseThrow(() -> new NotFoundException("question"));
        if (q.answered()) {
            throw FieldProblems.of("answer", "validation.question.answered");
        }
        if (answer == null || answer.isBlank()) {
            throw FieldProblems.of("answer", "validation.required");
        }
        if (answer.length() > 20000) {
            throw FieldProblems.of("answer", "validation.size.max.n", 20000);
        }
        jdbc.sql("""
                        UPDATE question SET answer = :a, answered_at = now(), answered_by = :by, answered_by_name = :name
                        WHERE id = :id AND answered_at IS NULL""")
                .param("a", answer.strip()).param("by", user.accountId()).param("name", user.displayName())
                .param("id", id).update();
        if (q.caseId() != null) {
            CaseGrant consultation = access.consultation(new CaseId(q.caseId()), user);
            cases.addConsultationAnswer(consultation, "Svar från metodutvecklaren " + user.displayName()
                    + " på frågan från " + q.askedByName() + ":\n" + answer.strip());
        }
        Question answered = find(id).orElseThrow();
        events.publishEvent(new QuestionAnswered(new QuestionId(id), q.caseId() == null ? null : new CaseId(q.caseId()),
                q.caseNumber(), new AccountId(q.askedBy()), user.displayName(), answered.answeredAt()));
        return answered;
    }

    /** A question for its asker or a method developer; nobody else. */
    public Question get(UUID id, CurrentUser user) {
        Question q = find(id).orElseThrow(() -> new NotFoundException("question"));
        if (!user.has(Role.METHOD_DEVELOPER) && !q.askedBy().equals(user.accountId())) {
            throw new NotFoundException("question");
        }
        return q;
    }

    /** The method developer's queue: unanswered first (oldest first), then answered (newest first). */
    public PageResult<Question> queue(boolean unansweredOnly, CurrentUser user, Paging paging) {
        if (!user.has(Role.METHOD_DEVELOPER)) {
            throw new AccessDeniedException("method developer only");
        }
        String where = unansweredOnly ? " WHERE q.answered_at IS NULL" : "";
        long total = jdbc.sql("SELECT count(*) FROM question q" + where).query(Long.class).single();
        List<Question> items = jdbc.sql(SELECT + where
                        + " ORDER BY (q.answered_at IS NULL) DESC, q.urgent DESC, CASE WHEN q.answered_at IS NULL THEN q.asked_at END,"
                        + " q.answered_at DESC LIMIT :l OFFSET :o")
                .param("l", paging.size()).param("o", paging.offset()).query(Questions::map).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** The user's own questions, newest first. */
    public PageResult<Question> asked(CurrentUser user, Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM question WHERE asked_by = :u").param("u", user.accountId())
                .query(Long.class).single();
        List<Question> items = jdbc.sql(SELECT + " WHERE q.asked_by = :u ORDER BY q.asked_at DESC LIMIT :l OFFSET :o")
                .param("u", user.accountId()).param("l", paging.size()).param("o", paging.offset())
                .query(Questions::map).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** Those who handle cases, and the method developer, ask; administrators and auditors do not (403). */
    public void requireMayAsk(CurrentUser user) {
        if (!access.handlesCases(user) && !user.has(Role.METHOD_DEVELOPER)) {
            throw new AccessDeniedException("no case role");
        }
    }

    /** Questions about a case, for a reader of it. */
    public List<Question> forCase(CaseGrant grant) {
        grant.requireRead();
        return jdbc.sql(SELECT + " WHERE q.case_id = :c ORDER BY q.asked_at").param("c", grant.caseId().value())
                .query(Questions::map).list();
    }

    Optional<Question> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE q.id = :id").param("id", id).query(Questions::map).optional();
    }


    private static final String SELECT = """
            SELECT q.*, c.case_number, u.name AS unit_name FROM question q
            LEFT JOIN case_file c ON c.id = q.case_id LEFT JOIN unit u ON u.id = q.asked_by_unit_id""";

    private static Question map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
        return new Question(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("case_number"), rs.getObject("asked_by", UUID.class), rs.getString("asked_by_name"),
                rs.getString("unit_name"), rs.getString("text"), rs.getBoolean("urgent"),
                rs.getObject("asked_at", OffsetDateTime.class).toInstant(), rs.getString("answer"),
                answered == null ? null : answered.toInstant(), rs.getString("answered_by_name"));
    }

}
