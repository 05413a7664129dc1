package se.lotsen.review;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A started case review of one case, with one reviewer and one derived question, written to the review tables and
 * the review grant directly: for the tests that probe every handler (the authorisation matrix, hostile input). The
 * selection by criteria and the start are what {@code ReviewAccessIT} tests.
 */
public final class ReviewFixture {

    /** The review, one of its questions and the case it selected. */
    public record Ids(UUID review, UUID question, UUID caseId) {
    }

    private ReviewFixture() {
    }

    public static Ids startedReview(JdbcClient jdbc, UUID caseId, String reviewerUsername) {
        UUID reviewer = jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", reviewerUsername)
                .query(UUID.class).single();
        UUID review = UUID.randomUUID();
        UUID question = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO review (id, name, status, opened_from, opened_to, subject_type, work_from, work_until,
                            created_by_name, started_at)
                        VALUES (:id, 'Matris granskning', 'STARTED', current_date - 30, current_date, 'ANY',
                            current_date - 1, current_date + 30, 'Matris', now())""").param("id", review).update();
        jdbc.sql("INSERT INTO review_reviewer (review_id, account_id, name) VALUES (:r, :a, 'Granskare')")
                .param("r", review).param("a", reviewer).update();
        jdbc.sql("""
                        INSERT INTO review_question (id, review_id, position, area, text, derivation)
                        VALUES (:id, :r, 1, 'POLICE', 'Gjordes en polisanmälan?', 'POLICE_REPORT')""")
                .param("id", question).param("r", review).update();
        jdbc.sql("""
                        INSERT INTO review_case (review_id, case_id, case_number, unit_id, unit_name, opened_on)
                        SELECT :r, c.id, c.case_number, c.unit_id, u.name, current_date FROM case_file c
                        JOIN unit u ON u.id = c.unit_id WHERE c.id = :c""").param("r", review).param("c", caseId)
                .update();
        jdbc.sql("""
                        INSERT INTO case_review_access (review_id, case_id, account_id, valid_from, valid_until)
                        VALUES (:r, :c, :a, now() - interval '1 day', now() + interval '30 days')""")
                .param("r", review).param("c", caseId).param("a", reviewer).update();
        return new Ids(review, question, caseId);
    }

    /** A draft review (not started, no cases) with two questions and the reviewer named: its forms all show. */
    public static Ids draftReview(JdbcClient jdbc, String reviewerUsername) {
        UUID reviewer = jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", reviewerUsername)
                .query(UUID.class).single();
        UUID review = UUID.randomUUID();
        UUID question = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO review (id, name, status, opened_from, opened_to, subject_type, work_from, work_until,
                            created_by_name)
                        VALUES (:id, 'Matris utkast', 'DRAFT', current_date - 30, current_date, 'CHILD',
                            current_date, current_date + 30, 'Matris')""").param("id", review).update();
        jdbc.sql("INSERT INTO review_reviewer (review_id, account_id, name) VALUES (:r, :a, 'Granskare')")
                .param("r", review).param("a", reviewer).update();
        jdbc.sql("""
                        INSERT INTO review_question (id, review_id, position, area, text, derivation)
                        VALUES (:id, :r, 1, 'POLICE', 'Gjordes en polisanmälan?', 'POLICE_REPORT'),
                               (gen_random_uuid(), :r, 2, 'DOCUMENTATION', 'Är journalen begriplig?', NULL)""")
                .param("id", question).param("r", review).update();
        return new Ids(review, question, null);
    }
}
