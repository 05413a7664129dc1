package se.lotsen.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.access.Account;
import se.lotsen.access.AccountId;
import se.lotsen.access.Accounts;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.cases.CaseHolder;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.notifications.Notifications;

/** Questions to the method developer. */
@Service
public class Questions {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Accounts accounts;
    private final Notifications notifications;
    private final Clock clock;

    public Questions(JdbcClient jdbc, Cases cases, Accounts accounts, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.accounts = accounts;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Asks a question, about a case the asker may read or a general one. The method developers are notified in the
     * app; an urgent question also by e-mail.
     */
    @Transactional
    public Question ask(UUID caseId, String text, boolean urgent, CurrentUser user) {
        if (user.roles().stream().noneMatch(r -> r == Role.DUTY_WORKER || r == Role.DUTY_LEAD || r == Role.CASE_WORKER
                || r == Role.UNIT_MANAGER || r == Role.METHOD_DEVELOPER)) {
            throw new AccessDeniedException("no case role");
        }
        CaseHolder holder = caseId == null ? null : cases.requireReadable(new CaseId(caseId), user);
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
        if (holder != null) {
            cases.addJournalEntryBy(new CaseId(caseId), clock.instant(), "Fråga till metodutvecklaren"
                    + (urgent ? " (brådskande)" : "") + ":\n" + text.strip(), user.accountId(), user.displayName());
        }
        List<Account> methodDevelopers = methodDevelopers();
        notifications.notify(methodDevelopers, null, null,
                urgent ? "notification.question.urgent" : "notification.question.new",
                List.of(holder == null ? "–" : holder.caseNumber(), user.displayName()), "/questions/" + id, urgent);
        return find(id).orElseThrow();
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
            cases.addJournalEntryBy(new CaseId(q.caseId()), clock.instant(), "Svar från metodutvecklaren "
                    + user.displayName() + " på frågan från " + q.askedByName() + ":\n" + answer.strip(),
                    user.accountId(), user.displayName());
        }
        accounts.find(new AccountId(q.askedBy())).ifPresent(asker -> notifications.notify(List.of(asker), q.caseId(),
                null, "notification.question.answered", List.of(q.caseNumber() == null ? "–" : q.caseNumber(),
                        user.displayName()), "/questions/" + id, false));
        return find(id).orElseThrow();
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

    /** Questions about a case, for a user who may read it. */
    public List<Question> forCase(CaseId caseId, CurrentUser user) {
        cases.requireReadable(caseId, user);
        return jdbc.sql(SELECT + " WHERE q.case_id = :c ORDER BY q.asked_at").param("c", caseId.value())
                .query(Questions::map).list();
    }

    Optional<Question> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE q.id = :id").param("id", id).query(Questions::map).optional();
    }

    private List<Account> methodDevelopers() {
        List<Account> result = new ArrayList<>();
        jdbc.sql("SELECT DISTINCT a.unit_id FROM account a JOIN account_role r ON r.account_id = a.id "
                        + "WHERE r.role = 'METHOD_DEVELOPER' AND a.enabled AND a.unit_id IS NOT NULL")
                .query(UUID.class).list()
                .forEach(unit -> result.addAll(accounts.withRoleInUnit(new se.lotsen.organisation.UnitId(unit),
                        Role.METHOD_DEVELOPER)));
        return result;
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
