package se.lotsen.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import se.lotsen.organisation.UnitId;
import se.lotsen.persons.Person;
import se.lotsen.persons.Persons;
import se.lotsen.persons.Sex;

/**
 * What a case review (granskning) reads of cases: the selection of cases by its criteria when the review starts, and
 * a selected case pseudonymised (case number, age group, sex, unit) through the review grant of {@link CaseAccess}.
 * The real identity only with the grant {@link CaseAccess#revealForReview} hands out. Never an address.
 */
@Service
public class ReviewedCases {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final JdbcClient jdbc;
    private final Persons persons;

    public ReviewedCases(JdbcClient jdbc, Persons persons) {
        this.jdbc = jdbc;
        this.persons = persons;
    }

    /**
     * Which cases a review selects.
     *
     * @param openedFrom       cases received on or after this day (Swedish time)
     * @param openedTo         ... and on or before this day
     * @param subjectType      child or adult cases; {@code null} for both
     * @param traffickingOnly  only cases where trafficking or exploitation is suspected: a form of exploitation or
     *                         an indicator of trafficking recorded in the indicator assessment
     * @param units            the holding units; empty for all
     */
    public record Selection(LocalDate openedFrom, LocalDate openedTo, SubjectType subjectType, boolean traffickingOnly,
                            Set<UnitId> units) {
        public Selection {
            units = Set.copyOf(units);
        }
    }

    /** A selected case as a review keeps it: no name, identity number or address. */
    public record Selected(CaseId id, String caseNumber, UnitId unitId, String unitName, LocalDate openedOn) {
    }

    /** The cases the selection finds, oldest first; at most {@code limit}. No access check: the review module asks. */
    public List<Selected> select(Selection selection, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("(c.received_at AT TIME ZONE 'Europe/Stockholm')::date BETWEEN :from AND :to");
        params.put("from", selection.openedFrom());
        params.put("to", selection.openedTo());
        if (selection.subjectType() != null) {
            where.add("c.subject_type = :type");
            params.put("type", selection.subjectType().name());
        }
        if (selection.traffickingOnly()) {
            where.add("(c.exploitation_forms <> '' OR EXISTS (SELECT 1 FROM case_indicator i WHERE i.case_id = c.id))");
        }
        if (!selection.units().isEmpty()) {
            where.add("c.unit_id IN (:units)");
            params.put("units", selection.units().stream().map(UnitId::value).toList());
        }
        params.put("limit", limit);
        return jdbc.sql("SELECT c.id, c.case_number, u.id, u.name, c.received_at FROM case_file c"
                        + " JOIN unit u ON u.id = c.unit_id WHERE " + String.join(" AND ", where)
                        + " ORDER BY c.received_at, c.case_number LIMIT :limit")
                .params(params)
                .query((rs, n) -> new Selected(new CaseId(rs.getObject(1, UUID.class)), rs.getString(2),
                        new UnitId(rs.getObject(3, UUID.class)), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).atZoneSameInstant(SWEDEN).toLocalDate()))
                .list();
    }

    /** How old the person was when the case came in, in the groups reviews and statistics use. */
    public enum AgeGroup {
        UNDER_13, FROM_13_TO_15, FROM_16_TO_17, FROM_18_TO_24, FROM_25, UNKNOWN;

        public static AgeGroup of(Integer age) {
            if (age == null || age < 0) {
                return UNKNOWN;
            }
            if (age <= 12) {
                return UNDER_13;
            }
            if (age <= 15) {
                return FROM_13_TO_15;
            }
            if (age <= 17) {
                return FROM_16_TO_17;
            }
            return age <= 24 ? FROM_18_TO_24 : FROM_25;
        }
    }

    /**
     * A case under review, pseudonymised: what a reviewer sees by default.
     *
     * @param traffickingSuspected a form of exploitation or a trafficking indicator is recorded
     */
    public record Pseudonymised(CaseId id, String caseNumber, String unitName, SubjectType subjectType,
                                AgeGroup ageGroup, Sex sex, Instant receivedAt, CaseStatus status,
                                boolean traffickingSuspected, Instant indicatorsAssessedAt) {
    }

    /** The case pseudonymised, for a review grant. */
    public Pseudonymised pseudonymised(CaseGrant grant) {
        CaseAccess.requireReview(grant);
        CaseHeader h = grant.header();
        Row row = row(h.id());
        Person person = persons.find(h.personId()).orElse(null);
        LocalDate received = row.receivedAt().atZone(SWEDEN).toLocalDate();
        Integer age = null;
        if (person != null) {
            if (person.statedBirthDate() != null) {
                age = java.time.Period.between(person.statedBirthDate(), received).getYears();
            } else {
                Integer year = person.birthYear(received.getYear());
                age = year == null ? null : received.getYear() - year;
            }
        }
        return new Pseudonymised(h.id(), h.caseNumber(), h.unit().name(), h.subjectType(), AgeGroup.of(age),
                person == null ? Sex.UNKNOWN : person.sex(), row.receivedAt(), h.status(), row.trafficking(),
                row.indicatorsAssessedAt());
    }

    /** The real identity, for a grant of {@link CaseAccess#revealForReview} only: name and identity number. */
    public record Identity(String name, String identityNumber) {
    }

    public Identity identity(CaseGrant grant) {
        if (!grant.may(CaseRight.REVIEW_IDENTITY)) {
            throw new se.lotsen.common.NotFoundException("case");
        }
        Person person = persons.find(grant.header().personId())
                .orElseThrow(() -> new se.lotsen.common.NotFoundException("person"));
        return new Identity(person.name(), person.identity() == null ? null : person.identity().value());
    }

    /** When each case came in, for a review's figures over time (no access check: case ids of a started review). */
    public Map<UUID, Instant> receivedAt(Collection<UUID> caseIds) {
        Map<UUID, Instant> result = new HashMap<>();
        if (caseIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT id, received_at FROM case_file WHERE id IN (:ids)").param("ids", caseIds)
                .query((rs, n) -> result.put(rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
        return result;
    }

    private record Row(Instant receivedAt, boolean trafficking, Instant indicatorsAssessedAt) {
    }

    private Row row(CaseId id) {
        return jdbc.sql("""
                        SELECT c.received_at, (c.exploitation_forms <> ''
                               OR EXISTS (SELECT 1 FROM case_indicator i WHERE i.case_id = c.id)),
                               c.indicators_assessed_at
                        FROM case_file c WHERE c.id = :id""")
                .param("id", id.value())
                .query((rs, n) -> {
                    OffsetDateTime assessed = rs.getObject(3, OffsetDateTime.class);
                    return new Row(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getBoolean(2),
                            assessed == null ? null : assessed.toInstant());
                })
                .single();
    }
}
