package se.lotsen.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SqlLike;

/** The partner directory, and when a partner is open. */
@Service
public class Partners {

    private final JdbcClient jdbc;
    private final SwedishCalendar calendar;

    public Partners(JdbcClient jdbc, SwedishCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** A partner as entered by an administrator or the method developer. */
    public record PartnerForm(String name, PartnerKind kind, String country, String phone, String email, String notes,
                              Partner.Hours hours, LocalTime opens, LocalTime closes, Boolean active) {
        public PartnerForm {
            active = active == null || active;
        }
    }

    public PageResult<Partner> search(String query, PartnerKind kind, Paging paging) {
        String where = " WHERE (lower(name) LIKE :q OR lower(coalesce(notes, '')) LIKE :q)"
                + (kind == null ? "" : " AND kind = :kind");
        var count = jdbc.sql("SELECT count(*) FROM partner" + where).param("q", SqlLike.contains(query));
        var list = jdbc.sql("SELECT * FROM partner" + where + " ORDER BY kind, name LIMIT :l OFFSET :o")
                .param("q", SqlLike.contains(query)).param("l", paging.size()).param("o", paging.offset());
        if (kind != null) {
            count = count.param("kind", kind.name());
            list = list.param("kind", kind.name());
        }
        return new PageResult<>(list.query(Partners::map).list(), paging.page(), paging.size(),
                count.query(Long.class).single());
    }

    public List<Partner> active() {
        return jdbc.sql("SELECT * FROM partner WHERE active ORDER BY kind, name").query(Partners::map).list();
    }

    public Optional<Partner> find(UUID id) {
        return jdbc.sql("SELECT * FROM partner WHERE id = :id").param("id", id).query(Partners::map).optional();
    }

    public Optional<Partner> findByName(String name) {
        return jdbc.sql("SELECT * FROM partner WHERE name = :n").param("n", name).query(Partners::map).optional();
    }

    /** The rules of {@link #save}, checked without saving anything (all of a form's problems at once). */
    public void check(PartnerForm form) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (form.name() == null || form.name().isBlank()) {
            problems.add("name", "validation.required");
        } else if (form.name().length() > 200) {
            problems.add("name", "validation.size.max.n", 200);
        }
        if (form.kind() == null) {
            problems.add("kind", "validation.required");
        }
        if (form.hours() == null) {
            problems.add("hours", "validation.required");
        } else if (form.hours() == Partner.Hours.OFFICE_HOURS) {
            if (form.opens() == null) {
                problems.add("opens", "validation.required");
            }
            if (form.closes() == null) {
                problems.add("closes", "validation.required");
            }
            if (form.opens() != null && form.closes() != null && !form.closes().isAfter(form.opens())) {
                problems.add("closes", "validation.partner.hours");
            }
        }
        if (form.email() != null && !form.email().isBlank() && !form.email().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            problems.add("email", "validation.email");
        }
        if (form.country() != null && !form.country().isBlank() && !form.country().trim().matches("^[A-Za-z]{2}$")) {
            problems.add("country", "validation.nationality");
        }
        for (String[] f : new String[][] {{"phone", form.phone(), "60"}, {"notes", form.notes(), "1000"}}) {
            if (f[1] != null && f[1].length() > Integer.parseInt(f[2])) {
                problems.add(f[0], "validation.size.max.n", Integer.parseInt(f[2]));
            }
        }
        problems.throwIfAny();
    }

    @Transactional
    public Partner save(UUID id, PartnerForm form) {
        check(form);
        UUID partnerId = id == null ? UUID.randomUUID() : id;
        if (id != null && find(id).isEmpty()) {
            throw new NotFoundException("partner");
        }
        String sql = id == null
                ? """
                  INSERT INTO partner (id, name, kind, country, phone, email, notes, hours, opens, closes, active)
                  VALUES (:id, :name, :kind, :country, :phone, :email, :notes, :hours, :opens, :closes, :active)"""
                : """
                  UPDATE partner SET name = :name, kind = :kind, country = :country, phone = :phone, email = :email,
                      notes = :notes, hours = :hours, opens = :opens, closes = :closes, active = :active,
                      version = version + 1 WHERE id = :id""";
        boolean office = form.hours() == Partner.Hours.OFFICE_HOURS;
        jdbc.sql(sql).param("id", partnerId).param("name", form.name().trim()).param("kind", form.kind().name())
                .param("country", blank(form.country()) ? null : form.country().trim().toUpperCase())
                .param("phone", blank(form.phone()) ? null : form.phone().trim())
                .param("email", blank(form.email()) ? null : form.email().trim())
                .param("notes", blank(form.notes()) ? null : form.notes().trim()).param("hours", form.hours().name())
                .param("opens", office ? form.opens() : null).param("closes", office ? form.closes() : null)
                .param("active", form.active()).update();
        return find(partnerId).orElseThrow();
    }

    /** Whether the partner can be reached at the instant (Swedish time and working days). */
    public boolean isOpen(Partner partner, Instant at) {
        if (partner.hours() == Partner.Hours.ALWAYS) {
            return true;
        }
        ZonedDateTime local = at.atZone(SwedishCalendar.ZONE);
        LocalTime time = local.toLocalTime();
        return calendar.isWorkingDay(local.toLocalDate()) && !time.isBefore(partner.opens())
                && time.isBefore(partner.closes());
    }

    /** The partner's next opening at or after the instant. */
    public Instant nextOpening(Partner partner, Instant at) {
        if (isOpen(partner, at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(SwedishCalendar.ZONE);
        LocalDate day = local.toLocalDate();
        if (!(calendar.isWorkingDay(day) && local.toLocalTime().isBefore(partner.opens()))) {
            day = calendar.nextWorkingDay(day);
        }
        return LocalDateTime.of(day, partner.opens()).atZone(SwedishCalendar.ZONE).toInstant();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static Partner map(ResultSet rs, int n) throws SQLException {
        return new Partner(rs.getObject("id", UUID.class), rs.getString("name"), PartnerKind.valueOf(rs.getString("kind")),
                rs.getString("country"), rs.getString("phone"), rs.getString("email"), rs.getString("notes"),
                Partner.Hours.valueOf(rs.getString("hours")), rs.getObject("opens", LocalTime.class),
                rs.getObject("closes", LocalTime.class), rs.getBoolean("active"));
    }
}
