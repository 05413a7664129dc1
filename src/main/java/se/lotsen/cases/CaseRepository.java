package se.lotsen.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lotsen.common.ConcurrentChangeException;
import se.lotsen.common.NotFoundException;
import se.lotsen.organisation.UnitId;

/**
 * Loads and saves the {@link CaseFile} aggregate. A save succeeds only if the case still has the version it was
 * loaded with (and the version the user saw, when given): a concurrent change is refused with who changed what and
 * when, never overwritten.
 */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The case, for a change. {@code expectedVersion} is the version the user saw (a form's hidden field); when it is
     * given and the case has moved on since, the change is refused before anything is done.
     */
    CaseFile load(CaseId id, Integer expectedVersion) {
        CaseFile file = jdbc.sql("""
                        SELECT c.*, ARRAY(SELECT i.indicator_key FROM case_indicator i WHERE i.case_id = c.id) AS observed
                        FROM case_file c WHERE c.id = :id FOR UPDATE""")
                .param("id", id.value()).query(CaseRepository::map).optional()
                .orElseThrow(() -> new NotFoundException("case"));
        if (expectedVersion != null && expectedVersion != file.version()) {
            throw concurrentChange(id);
        }
        return file;
    }

    /** Saves the aggregate's changes and bumps its version; refused if someone saved in between. */
    void save(CaseFile file, String byName) {
        int updated = jdbc.sql("""
                        UPDATE case_file SET unit_id = :unit, status = :status, assigned_to = :assigned,
                            custody_decided = :custody, overall_assessment = :overall,
                            protection_outcome = :outcome, protection_notes = :notes,
                            closed_at = CASE WHEN :status = 'CLOSED' THEN coalesce(closed_at, now()) ELSE NULL END,
                            indicators_assessed_at = CASE WHEN :change = 'INDICATORS' THEN now() ELSE indicators_assessed_at END,
                            indicators_assessed_by = CASE WHEN :change = 'INDICATORS' THEN :by ELSE indicators_assessed_by END,
                            protection_assessed_at = CASE WHEN :change = 'PROTECTION' THEN now() ELSE protection_assessed_at END,
                            protection_assessed_by = CASE WHEN :change = 'PROTECTION' THEN :by ELSE protection_assessed_by END,
                            changed_by_name = :by, last_change = :change, updated_at = now(), version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("unit", file.unit().value()).param("status", file.status().name())
                .param("assigned", file.assignedTo()).param("custody", file.custodyInForce())
                .param("overall", file.overallAssessment())
                .param("outcome", file.protectionOutcome() == null ? null : file.protectionOutcome().name())
                .param("notes", file.protectionNotes())
                .param("change", file.change() == null ? null : file.change().name()).param("by", byName)
                .param("id", file.id().value()).param("version", file.version())
                .update();
        if (updated == 0) {
            throw concurrentChange(file.id());
        }
        if (file.change() == CaseFile.Change.INDICATORS) {
            jdbc.sql("DELETE FROM case_indicator WHERE case_id = :id").param("id", file.id().value()).update();
            if (!file.indicators().isEmpty()) {
                jdbc.sql("""
                                INSERT INTO case_indicator (case_id, indicator_key)
                                SELECT :id, unnest(CAST(:keys AS varchar[]))""")
                        .param("id", file.id().value())
                        .param("keys", file.indicators().stream().map(Enum::name).toArray(String[]::new))
                        .update();
            }
        }
    }

    private ConcurrentChangeException concurrentChange(CaseId id) {
        record Last(String by, OffsetDateTime at, String what) {
        }
        Optional<Last> last = jdbc.sql("SELECT changed_by_name, updated_at, last_change FROM case_file WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> new Last(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)))
                .optional();
        return last.map(l -> new ConcurrentChangeException(l.by(), l.at().toInstant(),
                        l.what() == null ? null : CaseFile.Change.valueOf(l.what()).messageKey()))
                .orElseThrow(() -> new NotFoundException("case"));
    }

    private static CaseFile map(ResultSet rs, int n) throws SQLException {
        Set<Indicator> observed = CaseContent.observed(rs);
        String outcome = rs.getString("protection_outcome");
        return new CaseFile(new CaseId(rs.getObject("id", UUID.class)), rs.getString("case_number"),
                SubjectType.valueOf(rs.getString("subject_type")), rs.getInt("version"),
                new UnitId(rs.getObject("unit_id", UUID.class)), CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("assigned_to", UUID.class), rs.getBoolean("custody_decided"), observed,
                rs.getString("overall_assessment"), outcome == null ? null : ProtectionOutcome.valueOf(outcome),
                rs.getString("protection_notes"));
    }
}
