package se.lotsen.reporting;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.cases.AgeGroup;
import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.SwedishDates;
import se.lotsen.decisions.DecisionType;
import se.lotsen.knowledge.KnowledgeEventRecorded;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.persons.Sex;

/**
 * The reporting module's facade: the statistics for a period and unit, read from the module's own read model, with
 * small counts suppressed; who may see them; and rebuilding the read model from its log of facts.
 */
@Service
public class Reporting {

    /** The roles that see statistics: the method developer, the leads and the auditors. */
    public static final Set<Role> READERS = EnumSet.of(Role.METHOD_DEVELOPER, Role.UNIT_MANAGER, Role.DUTY_LEAD,
            Role.AUDITOR);

    /** The longest period one request may cover. */
    static final int MAX_YEARS = 10;

    private final JdbcClient jdbc;
    private final ReadModel model;
    private final Organisation organisation;
    private final StatisticsProperties properties;
    private final Clock clock;
    private final TransactionTemplate snapshot;
    private final StatisticsCache cache;
    /** Computes kept figures again without a reader waiting (one at a time; see {@link StatisticsCache}). */
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "statistics-refresh");
        t.setDaemon(true);
        return t;
    });

    public Reporting(JdbcClient jdbc, ReadModel model, Organisation organisation, StatisticsProperties properties,
                     Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.model = model;
        this.organisation = organisation;
        this.properties = properties;
        this.clock = clock;
        // One snapshot for all the figures of a computation, so that they agree with each other.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.cache = new StatisticsCache(properties.cacheFor(), clock, refresher);
    }

    @PreDestroy
    void stopRefreshing() {
        refresher.shutdownNow();
    }

    /** Whether the user may see statistics. */
    public static boolean mayRead(CurrentUser user) {
        return user != null && READERS.stream().anyMatch(user::has);
    }

    /** Refuses a user who may not see statistics (403). */
    public static void requireReader(CurrentUser user) {
        if (!mayRead(user)) {
            throw new AccessDeniedException("statistics: method developer, leads and auditors only");
        }
    }

    /** Refuses anyone but a method developer (rebuilding the read model). */
    public static void requireMethodDeveloper(CurrentUser user) {
        if (user == null || !user.has(Role.METHOD_DEVELOPER)) {
            throw new AccessDeniedException("rebuilding the statistics: method developer only");
        }
    }

    public int suppressBelow() {
        return properties.suppressBelow();
    }

    /** How long computed figures are shown again ({@code lotsen.statistics.cache-for}). */
    public java.time.Duration cacheFor() {
        return properties.cacheFor();
    }

    /** The default period: the last twelve months up to today (Swedish date). */
    public Period defaultPeriod() {
        LocalDate today = LocalDate.now(clock.withZone(SwedishDates.ZONE));
        return new Period(today.minusMonths(12).plusDays(1), today);
    }

    /** A period, both days included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /**
     * Checks a period and unit as typed (either end may be missing: the default period's end is used) and returns
     * the period; field problems for {@code from}, {@code to} and {@code unit}.
     */
    public Period check(LocalDate from, LocalDate to, String unitCode) {
        Period d = defaultPeriod();
        LocalDate f = from != null ? from : to != null ? to.minusMonths(12).plusDays(1) : d.from();
        LocalDate t = to != null ? to : from != null && from.plusMonths(12).minusDays(1).isBefore(d.to())
                ? from.plusMonths(12).minusDays(1) : d.to();
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (f.isAfter(t)) {
            problems.add("to", "statistics.validation.toBeforeFrom");
        } else if (f.plusYears(MAX_YEARS).isBefore(t)) {
            problems.add("to", "statistics.validation.tooLong", MAX_YEARS);
        }
        if (f.getYear() < 1990) {
            problems.add("from", "statistics.validation.tooEarly");
        }
        if (t.getYear() > 2100) {
            problems.add("to", "statistics.validation.tooLate");
        }
        if (unitCode != null && !unitCode.isBlank() && organisation.unitByCode(unitCode.trim()).isEmpty()) {
            problems.add("unit", "statistics.validation.unknownUnit");
        }
        problems.throwIfAny();
        return new Period(f, t);
    }

    /** The units one may filter by. */
    public List<Unit> units() {
        return organisation.activeUnits();
    }

    /**
     * The figures for the period (checked with {@link #check}) and unit code (blank: every unit), for the page, its
     * exports and the API: the ones computed for the same period and unit within {@code lotsen.statistics.cache-for}
     * when there are such ({@link StatisticsCache}), so that many readers do not each cost the database a computation.
     */
    public Statistics statistics(CurrentUser user, Period period, String unitCode) {
        requireReader(user);
        String code = unitCode == null || unitCode.isBlank() ? null : unitCode.trim();
        UUID unit = unitId(code);
        return cache.get(new StatisticsCache.Key(period.from(), period.to(), code), () -> compute(period, unit, code));
    }

    /** The figures computed now, without an access check: for the grant's final report, which has its own. */
    public Statistics statistics(Period period, String unitCode) {
        String code = unitCode == null || unitCode.isBlank() ? null : unitCode.trim();
        return compute(period, unitId(code), code);
    }

    private UUID unitId(String code) {
        return code == null ? null : organisation.unitByCode(code).map(u -> u.id().value())
                .orElseThrow(() -> FieldProblems.of("unit", "statistics.validation.unknownUnit"));
    }

    private Statistics compute(Period period, UUID unit, String code) {
        return snapshot.execute(status -> new Figures(period, unit).compute(code));
    }

    /** Rebuilds the read model from its log of facts; how many facts were projected. */
    public long rebuild(CurrentUser user) {
        requireMethodDeveloper(user);
        return rebuild();
    }

    /** Rebuilds the read model from its log of facts (a command, e.g. after restoring a backup). */
    public long rebuild() {
        long facts = model.rebuild();
        cache.clear();
        return facts;
    }

    /** How many facts the read model has received. */
    public long facts() {
        return model.facts();
    }

    /** One computation: a fixed number of statements whatever the period. */
    private final class Figures {

        private final Period period;
        private final UUID unit;
        private final int threshold = properties.suppressBelow();

        Figures(Period period, UUID unit) {
            this.period = period;
            this.unit = unit;
        }

        private JdbcClient.StatementSpec sql(String sql) {
            JdbcClient.StatementSpec spec = jdbc.sql(sql).param("from", period.from()).param("to", period.to());
            return unit == null ? spec : spec.param("unit", unit);
        }

        private String unitFilter(String alias) {
            return unit == null ? "" : " AND " + alias + ".unit_id = :unit";
        }

        Statistics compute(String code) {
            return new Statistics(period.from(), period.to(), code, threshold, cases(), decisions(), deadlines(),
                    handovers(), consultations(), knowledge(), clock.instant());
        }

        Statistics.CaseFigures cases() {
            record Row(String dimension, String category, long n) {
            }
            // One pass over the period's cases for every dimension (grouping sets), one for the forms (an array):
            // at a million cases a year's figures took 0.85 s as one scan per dimension, 0.3 s this way.
            String where = " FROM reporting_case c WHERE c.received_on BETWEEN :from AND :to" + unitFilter("c");
            List<Row> rows = sql("""
                    SELECT CASE WHEN GROUPING(to_char(c.received_on, 'YYYY-MM')) = 0 THEN 'month'
                                WHEN GROUPING(c.subject_type) = 0 THEN 'subject'
                                WHEN GROUPING(c.age_group) = 0 THEN 'age'
                                WHEN GROUPING(c.sex) = 0 THEN 'sex'
                                WHEN GROUPING(coalesce(c.country, 'UNKNOWN')) = 0 THEN 'country'
                                WHEN GROUPING(coalesce(c.channel, 'UNKNOWN')) = 0 THEN 'channel'
                                ELSE 'total' END,
                           CASE WHEN GROUPING(to_char(c.received_on, 'YYYY-MM')) = 0 THEN to_char(c.received_on, 'YYYY-MM')
                                WHEN GROUPING(c.subject_type) = 0 THEN c.subject_type
                                WHEN GROUPING(c.age_group) = 0 THEN c.age_group
                                WHEN GROUPING(c.sex) = 0 THEN c.sex
                                WHEN GROUPING(coalesce(c.country, 'UNKNOWN')) = 0 THEN coalesce(c.country, 'UNKNOWN')
                                WHEN GROUPING(coalesce(c.channel, 'UNKNOWN')) = 0 THEN coalesce(c.channel, 'UNKNOWN')
                                ELSE '' END,
                           count(*)""" + where + """
                     GROUP BY GROUPING SETS ((), (to_char(c.received_on, 'YYYY-MM')), (c.subject_type), (c.age_group),
                         (c.sex), (coalesce(c.country, 'UNKNOWN')), (coalesce(c.channel, 'UNKNOWN')))
                    UNION ALL SELECT 'form', f, count(*)""" + where.replace(" WHERE", ", unnest(c.exploitation_forms) f WHERE")
                    + " GROUP BY 2")
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
            Map<String, Map<String, Long>> by = new LinkedHashMap<>();
            rows.forEach(r -> by.computeIfAbsent(r.dimension(), k -> new TreeMap<>()).put(r.category(), r.n()));
            Map<String, Long> subject = by.getOrDefault("subject", Map.of());
            Map<String, Integer> months = new LinkedHashMap<>();
            for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
                months.put(m.toString(), count(by.getOrDefault("month", Map.of()).getOrDefault(m.toString(), 0L)));
            }
            return new Statistics.CaseFigures(count(by.getOrDefault("total", Map.of()).getOrDefault("", 0L)),
                    count(subject.getOrDefault("CHILD", 0L)), count(subject.getOrDefault("ADULT", 0L)), months,
                    every(AgeGroup.values(), by.get("age")), every(Sex.values(), by.get("sex")),
                    counts(by.get("country")), every(ExploitationForm.values(), by.get("form")),
                    withUnknown(IntakeChannel.values(), by.get("channel")));
        }

        Statistics.DecisionFigures decisions() {
            Map<String, Long> byType = new TreeMap<>();
            sql("SELECT d.type, count(*) FROM reporting_decision d"
                    + (unit == null ? "" : " JOIN reporting_case c ON c.case_id = d.case_id")
                    + " WHERE d.decided_on BETWEEN :from AND :to" + unitFilter("c") + " GROUP BY d.type")
                    .query(rs -> {
                        byType.put(rs.getString(1), rs.getLong(2));
                    });
            long total = byType.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Integer> types = new LinkedHashMap<>();
            for (DecisionType t : DecisionType.values()) {
                if (t.offered() || byType.containsKey(t.name())) {
                    types.put(t.name(), count(byType.getOrDefault(t.name(), 0L)));
                }
            }
            return new Statistics.DecisionFigures(count(total), types);
        }

        /**
         * Met: by the day met. The kept rate: of the deadlines whose last day is in the period and that are decided
         * (met, or the last day before today), the share met on or before the last day. Passed unmet is missed; closed
         * as no longer applicable on or before the last day is not counted (closed after it, it had passed unmet).
         */
        Statistics.DeadlineFigures deadlines() {
            LocalDate today = LocalDate.now(clock.withZone(SwedishDates.ZONE));
            long[] n = sql("""
                    SELECT count(*) FILTER (WHERE d.met_on BETWEEN :from AND :to),
                        count(*) FILTER (WHERE d.last_day BETWEEN :from AND :to AND d.met_on <= d.last_day),
                        count(*) FILTER (WHERE d.last_day BETWEEN :from AND :to AND d.met_on > d.last_day),
                        count(*) FILTER (WHERE d.last_day BETWEEN :from AND :to AND d.met_on IS NULL
                            AND d.last_day < :today AND (d.closed_on IS NULL OR d.closed_on > d.last_day))
                    FROM reporting_deadline d"""
                    + (unit == null ? "" : " JOIN reporting_case c ON c.case_id = d.case_id")
                    + " WHERE (d.met_on BETWEEN :from AND :to OR d.last_day BETWEEN :from AND :to)"
                    + unitFilter("c"))
                    .param("today", today)
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                    .single();
            long due = n[1] + n[2] + n[3];
            Double rate = due < threshold || due == 0 ? null : round((double) n[1] / due, 3);
            return new Statistics.DeadlineFigures(count(n[0]), count(n[1]), count(n[2]), count(n[3]), count(due),
                    rate);
        }

        Statistics.HandoverFigures handovers() {
            // The period's cases first, then their handovers (grouping every handover first took 1.2 s at a million).
            return sql("""
                    WITH h AS (SELECT min(h.handed_over_at) AS handed_over_at, min(h.acknowledged_at) AS acknowledged_at,
                                   min(c.received_at) AS received_at
                               FROM reporting_case c JOIN reporting_handover h ON h.case_id = c.case_id
                               WHERE c.received_on BETWEEN :from AND :to""" + unitFilter("c") + """
                               GROUP BY h.case_id),
                         d AS (SELECT extract(epoch FROM h.handed_over_at - h.received_at) / 86400 AS to_handover,
                                   extract(epoch FROM h.acknowledged_at - h.received_at) / 86400 AS to_ack
                               FROM h)
                    SELECT count(to_handover), percentile_cont(0.5) WITHIN GROUP (ORDER BY to_handover),
                        avg(to_handover), count(to_ack), percentile_cont(0.5) WITHIN GROUP (ORDER BY to_ack),
                        avg(to_ack)
                    FROM d""")
                    .query((rs, i) -> {
                        long handed = rs.getLong(1);
                        long acked = rs.getLong(4);
                        return new Statistics.HandoverFigures(count(handed), days(handed, rs.getObject(2)),
                                days(handed, rs.getObject(3)), count(acked), days(acked, rs.getObject(5)),
                                days(acked, rs.getObject(6)));
                    }).single();
        }

        Statistics.ConsultationFigures consultations() {
            long[] n = sql("SELECT count(*) FILTER (WHERE q.asked_on BETWEEN :from AND :to), "
                    + "count(*) FILTER (WHERE q.answered_on BETWEEN :from AND :to) FROM reporting_question q"
                    + (unit == null ? "" : " JOIN reporting_case c ON c.case_id = q.case_id WHERE true"
                    + unitFilter("c")))
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            return new Statistics.ConsultationFigures(count(n[0]), count(n[1]));
        }

        Statistics.KnowledgeFigures knowledge() {
            Map<String, long[]> byKind = new TreeMap<>();
            sql("""
                    SELECT kind, count(*), coalesce(sum(participants), 0) FROM reporting_knowledge_event
                    WHERE status = 'HELD' AND day BETWEEN :from AND :to GROUP BY kind""")
                    .query(rs -> {
                        byKind.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    });
            long held = byKind.values().stream().mapToLong(v -> v[0]).sum();
            long participants = byKind.values().stream().mapToLong(v -> v[1]).sum();
            Map<String, Integer> kinds = new LinkedHashMap<>();
            for (KnowledgeEventRecorded.Kind k : KnowledgeEventRecorded.Kind.values()) {
                kinds.put(k.name(), count(byKind.containsKey(k.name()) ? byKind.get(k.name())[0] : 0));
            }
            return new Statistics.KnowledgeFigures(count(held), count(participants), kinds);
        }

        /** A count as shown: {@code null} when it is small enough to point at a person. */
        Integer count(long n) {
            return n > 0 && n < threshold ? null : (int) n;
        }

        private Map<String, Integer> counts(Map<String, Long> values) {
            Map<String, Integer> out = new LinkedHashMap<>();
            if (values != null) {
                values.forEach((k, v) -> out.put(k, count(v)));
            }
            return out;
        }

        private Map<String, Integer> every(Enum<?>[] all, Map<String, Long> values) {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (Enum<?> e : all) {
                out.put(e.name(), count(values == null ? 0 : values.getOrDefault(e.name(), 0L)));
            }
            return out;
        }

        private Map<String, Integer> withUnknown(Enum<?>[] all, Map<String, Long> values) {
            Map<String, Integer> out = every(all, values);
            out.put("UNKNOWN", count(values == null ? 0 : values.getOrDefault("UNKNOWN", 0L)));
            return out;
        }

        /** Days with one decimal, {@code null} when computed over fewer cases than the threshold. */
        private Double days(long over, Object value) {
            if (value == null || over < threshold) {
                return null;
            }
            return round(((Number) value).doubleValue(), 1);
        }
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
