package se.lotsen.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SqlLike;

/**
 * The organisation module's facade: units, their committees and meeting dates.
 */
@Service
public class Organisation {

    private final JdbcClient jdbc;

    public Organisation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Unit> unitByCode(String code) {
        return jdbc.sql("SELECT * FROM unit WHERE code = :code").param("code", code)
                .query(Organisation::mapUnit).optional();
    }

    public Optional<Unit> unit(UnitId id) {
        return jdbc.sql("SELECT * FROM unit WHERE id = :id").param("id", id.value())
                .query(Organisation::mapUnit).optional();
    }

    /** All active units, jours first, then by name. */
    public List<Unit> activeUnits() {
        return jdbc.sql("SELECT * FROM unit WHERE active ORDER BY kind DESC, name").query(Organisation::mapUnit).list();
    }

    /** Units whose name or code contains the query (case-insensitive), by name. */
    public PageResult<Unit> search(String query, Paging paging) {
        String like = SqlLike.contains(query);
        long total = jdbc.sql("SELECT count(*) FROM unit WHERE lower(name) LIKE :q OR code LIKE :q")
                .param("q", like).query(Long.class).single();
        List<Unit> items = jdbc.sql("""
                        SELECT * FROM unit WHERE lower(name) LIKE :q OR code LIKE :q
                        ORDER BY name LIMIT :limit OFFSET :offset""")
                .param("q", like).param("limit", paging.size()).param("offset", paging.offset())
                .query(Organisation::mapUnit).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    @Transactional
    public Unit createUnit(UnitForm form) {
        checkNewUnit(form);
        String code = form.code().trim();
        UnitId id = UnitId.random();
        jdbc.sql("""
                        INSERT INTO unit (id, code, name, kind, active, contact)
                        VALUES (:id, :code, :name, :kind, :active, :contact)""")
                .param("id", id.value()).param("code", code).param("name", form.name().trim())
                .param("kind", form.kind().name()).param("active", form.active())
                .param("contact", blankToNull(form.contact())).update();
        setCommittee(id, form.committeeName());
        return unit(id).orElseThrow();
    }

    /** The rules of {@link #createUnit} (a code not taken), checked without creating anything. */
    public void checkNewUnit(UnitForm form) {
        String code = form.code() == null ? "" : form.code().trim();
        if (!code.isEmpty() && unitByCode(code).isPresent()) {
            throw FieldProblems.of("code", "validation.unit.code.taken");
        }
    }

    /** Changes a unit's name, kind, active flag and committee name. The code never changes: URLs depend on it. */
    @Transactional
    public Unit updateUnit(String code, UnitForm form) {
        Unit unit = unitByCode(code).orElseThrow(() -> new NotFoundException("unit"));
        jdbc.sql("""
                        UPDATE unit SET name = :name, kind = :kind, active = :active, contact = :contact,
                            version = version + 1 WHERE id = :id""")
                .param("name", form.name().trim()).param("kind", form.kind().name())
                .param("active", form.active()).param("contact", blankToNull(form.contact()))
                .param("id", unit.id().value()).update();
        setCommittee(unit.id(), form.committeeName());
        return unit(unit.id()).orElseThrow();
    }

    /** How to reach the unit (a phone number or a functional mailbox), or empty. */
    public Optional<String> contact(UnitId unitId) {
        return jdbc.sql("SELECT contact FROM unit WHERE id = :id").param("id", unitId.value()).query(String.class)
                .optional();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Optional<Committee> committeeOf(UnitId unitId) {
        return jdbc.sql("SELECT id, name FROM committee WHERE unit_id = :unit").param("unit", unitId.value())
                .query((rs, n) -> new Committee(rs.getObject("id", UUID.class), unitId, rs.getString("name"),
                        meetings(rs.getObject("id", UUID.class))))
                .optional();
    }

    /** The committee's first known meeting after the day, or empty when none is known. */
    public Optional<Committee.Meeting> nextMeetingAfter(UnitId unitId, LocalDate day) {
        return committeeOf(unitId).flatMap(c -> c.nextMeetingAfter(day));
    }

    private List<Committee.Meeting> meetings(UUID committeeId) {
        return jdbc.sql("SELECT id, meeting_date, note FROM committee_meeting WHERE committee_id = :c ORDER BY meeting_date")
                .param("c", committeeId)
                .query((rs, n) -> new Committee.Meeting(rs.getObject("id", UUID.class),
                        rs.getObject("meeting_date", LocalDate.class), rs.getString("note")))
                .list();
    }

    /** Sets the unit's committee name; a blank name removes the committee when it has no meetings. */
    @Transactional
    public void setCommittee(UnitId unitId, String name) {
        Optional<Committee> existing = committeeOf(unitId);
        if (name == null || name.isBlank()) {
            if (existing.isPresent() && existing.get().meetings().isEmpty()) {
                jdbc.sql("DELETE FROM committee WHERE id = :id").param("id", existing.get().id()).update();
            } else if (existing.isPresent()) {
                throw FieldProblems.of("committeeName", "validation.committee.hasMeetings");
            }
            return;
        }
        if (existing.isPresent()) {
            jdbc.sql("UPDATE committee SET name = :name, version = version + 1 WHERE id = :id")
                    .param("name", name.trim()).param("id", existing.get().id()).update();
        } else {
            jdbc.sql("INSERT INTO committee (id, unit_id, name) VALUES (:id, :unit, :name)")
                    .param("id", UUID.randomUUID()).param("unit", unitId.value()).param("name", name.trim()).update();
        }
    }

    @Transactional
    public Committee.Meeting addMeeting(UnitId unitId, MeetingForm form) {
        Committee committee = checkMeeting(unitId, form);
        UUID id = UUID.randomUUID();
        String note = form.note() == null || form.note().isBlank() ? null : form.note().trim();
        jdbc.sql("INSERT INTO committee_meeting (id, committee_id, meeting_date, note) VALUES (:id, :c, :d, :n)")
                .param("id", id).param("c", committee.id()).param("d", form.date()).param("n", note).update();
        return new Committee.Meeting(id, form.date(), note);
    }

    /** The rules of {@link #addMeeting}, checked without adding anything; the unit's committee. */
    public Committee checkMeeting(UnitId unitId, MeetingForm form) {
        Committee committee = committeeOf(unitId)
                .orElseThrow(() -> FieldProblems.of("date", "validation.committee.missing"));
        if (form.date() != null && committee.meetings().stream().anyMatch(m -> m.date().equals(form.date()))) {
            throw FieldProblems.of("date", "validation.meeting.duplicate");
        }
        return committee;
    }

    @Transactional
    public void removeMeeting(UnitId unitId, UUID meetingId) {
        int removed = jdbc.sql("""
                        DELETE FROM committee_meeting m USING committee c
                        WHERE m.committee_id = c.id AND c.unit_id = :unit AND m.id = :id""")
                .param("unit", unitId.value()).param("id", meetingId).update();
        if (removed == 0) {
            throw new NotFoundException("meeting");
        }
    }

    static Unit mapUnit(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Unit(new UnitId(rs.getObject("id", UUID.class)), rs.getString("code"), rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")), rs.getBoolean("active"));
    }
}
