package se.lotsen.grants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.common.ConcurrentChangeException;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.routines.RoutineLinks;
import se.lotsen.routines.RoutineVersion;
import se.lotsen.routines.Routines;

/**
 * The final report to the funder: Lotsen drafts it for the grant's period, section by section, and stores the draft
 * for people to edit. The sections are this module's own (the grant in summary, what was done per deliverable, the
 * routine versions published) and one per {@link GrantReportSource} of the other modules, all in the order of
 * {@link GrantReportSource#order()} (the built-in sections: {@value #SUMMARY_ORDER}, {@value #DELIVERABLES_ORDER} and
 * {@value #ROUTINES_ORDER}). The report is drafted in Swedish, the language of the funders it goes to. Once the report
 * is submitted, its text is what was sent and can no longer be changed.
 */
@Service
public class GrantReports {

    static final String SUMMARY = "summary";
    static final String DELIVERABLES = "deliverables";
    static final String ROUTINES = "routines";
    static final int SUMMARY_ORDER = 0;
    static final int DELIVERABLES_ORDER = 10;
    static final int ROUTINES_ORDER = 40;
    /** The language the report is drafted in. */
    public static final Locale REPORT_LOCALE = Locale.forLanguageTag("sv-SE");
    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 50_000;

    private final JdbcClient jdbc;
    private final Grants grants;
    private final Routines routines;
    private final List<GrantReportSource> sources;
    private final List<RoutineLinks> routineLinks;
    private final MessageSource messages;
    private final java.time.Clock clock;

    public GrantReports(JdbcClient jdbc, Grants grants, Routines routines, List<GrantReportSource> sources,
                        List<RoutineLinks> routineLinks, MessageSource messages, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.grants = grants;
        this.routines = routines;
        this.sources = sources.stream().sorted(Comparator.comparingInt(GrantReportSource::order)).toList();
        this.routineLinks = routineLinks;
        this.messages = messages;
        this.clock = clock;
    }

    /** Something that drafts one section: a built-in section or another module's source. */
    private record Drafter(String key, int order, java.util.function.Function<Grant, GrantReportSource.Draft> draft) {
    }

    private List<Drafter> drafters() {
        List<Drafter> all = new ArrayList<>();
        all.add(new Drafter(SUMMARY, SUMMARY_ORDER, this::summary));
        all.add(new Drafter(DELIVERABLES, DELIVERABLES_ORDER, this::deliverables));
        all.add(new Drafter(ROUTINES, ROUTINES_ORDER, this::routineVersions));
        Set<String> builtIn = Set.of(SUMMARY, DELIVERABLES, ROUTINES);
        for (GrantReportSource source : sources) {
            if (builtIn.contains(source.key()) || all.stream().anyMatch(d -> d.key().equals(source.key()))) {
                throw new IllegalStateException("two sections of the grant report are keyed " + source.key());
            }
            all.add(new Drafter(source.key(), source.order(),
                    g -> source.draft(g.periodFrom(), g.periodTo(), REPORT_LOCALE)));
        }
        all.sort(Comparator.comparingInt(Drafter::order));
        return all;
    }

    private Drafter drafter(String key) {
        return drafters().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("report section"));
    }

    // -- reading --

    /** The stored draft's sections in report order; empty when the report has not been drafted yet. */
    public List<ReportSection> sections(UUID grantId) {
        return jdbc.sql("SELECT * FROM grant_report_section WHERE grant_id = :g ORDER BY position, key")
                .param("g", grantId).query(GrantReports::map).list();
    }

    public Optional<ReportSection> section(UUID grantId, String key) {
        return jdbc.sql("SELECT * FROM grant_report_section WHERE grant_id = :g AND key = :k")
                .param("g", grantId).param("k", key).query(GrantReports::map).optional();
    }

    /** Sections Lotsen can draft that the stored draft lacks (a module added after the report was drafted). */
    public List<String> missing(UUID grantId) {
        Set<String> stored = sections(grantId).stream().map(ReportSection::key).collect(Collectors.toSet());
        List<String> sectionsStored = List.copyOf(stored);
        if (sectionsStored.isEmpty()) {
            return List.of();
        }
        return drafters().stream().map(Drafter::key).filter(k -> !stored.contains(k)).toList();
    }

    // -- drafting and editing --

    /** Drafts the whole report from the current data; a report already drafted is left as it is (a double submit). */
    @Transactional
    public List<ReportSection> draft(UUID grantId, String byName) {
        Grant grant = grants.lockGrant(grantId);
        requireEditable(grant);
        if (!sections(grantId).isEmpty()) {
            return sections(grantId);
        }
        Instant now = clock.instant();
        int position = 0;
        for (Drafter d : drafters()) {
            insert(grantId, d.key(), position++, d.draft().apply(grant), now, byName);
        }
        return sections(grantId);
    }

    /**
     * Drafts one section again from the current data, replacing its text as read at {@code version} (refused when
     * someone changed it since); a section the stored draft lacks is added.
     */
    @Transactional
    public ReportSection redraft(UUID grantId, String key, Integer version, String byName) {
        Grant grant = grants.lockGrant(grantId);
        requireEditable(grant);
        Drafter drafter = drafter(key);
        GrantReportSource.Draft draft = drafter.draft().apply(grant);
        Optional<ReportSection> existing = lockSection(grantId, key);
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            List<String> order = drafters().stream().map(Drafter::key).toList();
            insert(grantId, key, order.indexOf(key), draft, now, byName);
        } else {
            requireVersion(existing.get(), version);
            jdbc.sql("""
                            UPDATE grant_report_section SET title = :title, text = :text, edited = FALSE,
                                drafted_at = :now, updated_at = :now, updated_by_name = :by, version = version + 1
                            WHERE grant_id = :g AND key = :k""")
                    .param("title", clip(draft.title(), TITLE_MAX)).param("text", clip(draft.text(), TEXT_MAX))
                    .param("now", now.atOffset(java.time.ZoneOffset.UTC)).param("by", byName)
                    .param("g", grantId).param("k", key).update();
        }
        return section(grantId, key).orElseThrow();
    }

    /** The rules of a section's title and text. */
    public void check(String title, String text) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (title == null || title.isBlank()) {
            problems.add("title", "validation.required");
        } else if (title.strip().length() > TITLE_MAX) {
            problems.add("title", "validation.size.max.n", TITLE_MAX);
        }
        if (text == null || text.isBlank()) {
            problems.add("text", "validation.required");
        } else if (text.length() > TEXT_MAX) {
            problems.add("text", "validation.size.max.n", TEXT_MAX);
        }
        problems.throwIfAny();
    }

    /** Saves a section's edited title and text, as read at {@code version}; refused when someone changed it since. */
    @Transactional
    public ReportSection save(UUID grantId, String key, int version, String title, String text, String byName) {
        Grant grant = grants.lockGrant(grantId);
        ReportSection existing = lockSection(grantId, key).orElseThrow(() -> new NotFoundException("report section"));
        check(title, text);
        requireEditable(grant);
        requireVersion(existing, version);
        jdbc.sql("""
                        UPDATE grant_report_section SET title = :title, text = :text, edited = TRUE, updated_at = now(),
                            updated_by_name = :by, version = version + 1
                        WHERE grant_id = :g AND key = :k""")
                .param("title", title.strip()).param("text", text.replace("\r\n", "\n").strip())
                .param("by", byName).param("g", grantId).param("k", key).update();
        return section(grantId, key).orElseThrow();
    }

    private Optional<ReportSection> lockSection(UUID grantId, String key) {
        return jdbc.sql("SELECT * FROM grant_report_section WHERE grant_id = :g AND key = :k FOR UPDATE")
                .param("g", grantId).param("k", key).query(GrantReports::map).optional();
    }

    private static void requireVersion(ReportSection section, Integer version) {
        if (version == null || section.version() != version) {
            throw new ConcurrentChangeException(section.updatedByName(), section.updatedAt(), "change.reportSection");
        }
    }

    private static void requireEditable(Grant grant) {
        if (!grant.reportEditable()) {
            throw FieldProblems.of("text", "validation.grant.report.locked");
        }
    }

    private void insert(UUID grantId, String key, int position, GrantReportSource.Draft draft, Instant now,
                        String byName) {
        jdbc.sql("""
                        INSERT INTO grant_report_section (grant_id, key, position, title, text, drafted_at, updated_at,
                            updated_by_name)
                        VALUES (:g, :k, :p, :title, :text, :now, :now, :by)""")
                .param("g", grantId).param("k", key).param("p", position)
                .param("title", clip(draft.title(), TITLE_MAX)).param("text", clip(draft.text(), TEXT_MAX))
                .param("now", now.atOffset(java.time.ZoneOffset.UTC)).param("by", byName).update();
    }

    private static String clip(String s, int max) {
        String v = s == null || s.isBlank() ? "–" : s.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    // -- the built-in sections --

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, REPORT_LOCALE);
    }

    private static final java.time.format.DateTimeFormatter REPORT_DATE =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", REPORT_LOCALE);

    /** "1 januari 2026": a day as a report writes it. */
    static String day(LocalDate date) {
        return REPORT_DATE.format(date);
    }

    private String kr(long amount) {
        return msg("grant.kronor", SekAmount.format(amount));
    }

    GrantReportSource.Draft summary(Grant g) {
        StringBuilder text = new StringBuilder();
        text.append(msg("grant.report.summary.intro", g.funder(), kr(g.amount()),
                day(g.periodFrom()), day(g.periodTo())));
        if (g.reference() != null) {
            text.append(' ').append(msg("grant.report.summary.reference", g.reference()));
        }
        text.append("\n\n").append(msg("grant.report.summary.purpose", g.purpose()));
        text.append("\n\n");
        text.append("- ").append(msg("grant.report.summary.paid", kr(g.paid()))).append('\n');
        text.append("- ").append(msg("grant.report.summary.heldBack", kr(g.heldBack()),
                g.heldBackKind() == Grant.HeldBackKind.PERCENT ? g.heldBackValue() + " %" : kr(g.heldBackValue())))
                .append('\n');
        text.append("- ").append(msg("grant.report.summary.remaining", kr(g.remaining())));
        return new GrantReportSource.Draft(msg("grant.report.summary.title"), text.toString());
    }

    GrantReportSource.Draft deliverables(Grant g) {
        List<Deliverable> list = grants.deliverables(g.id());
        if (list.isEmpty()) {
            return new GrantReportSource.Draft(msg("grant.report.deliverables.title"),
                    msg("grant.report.deliverables.none"));
        }
        StringBuilder text = new StringBuilder(msg("grant.report.deliverables.intro"));
        text.append("\n\n");
        for (Deliverable d : list) {
            text.append("- ").append(msg("deliverableKind." + d.kind())).append(": ").append(d.description())
                    .append(" (").append(msg("deliverableStatus." + d.status()).toLowerCase(REPORT_LOCALE)).append(')');
            if (d.note() != null) {
                text.append(". ").append(d.note().replaceAll("\\s+", " ").strip());
            }
            text.append('\n');
        }
        return new GrantReportSource.Draft(msg("grant.report.deliverables.title"), text.toString().strip());
    }

    GrantReportSource.Draft routineVersions(Grant g) {
        Instant from = g.periodFrom().atStartOfDay(SwedishCalendar.ZONE).toInstant();
        Instant to = g.periodTo().plusDays(1).atStartOfDay(SwedishCalendar.ZONE).toInstant();
        List<RoutineVersion> published = routines.publishedBetween(from, to);
        if (published.isEmpty()) {
            return new GrantReportSource.Draft(msg("grant.report.routines.title"), msg("grant.report.routines.none",
                    day(g.periodFrom()), day(g.periodTo())));
        }
        StringBuilder text = new StringBuilder(msg("grant.report.routines.intro", published.size()));
        text.append("\n\n");
        for (RoutineVersion v : published) {
            LocalDate day = SwedishCalendar.swedishDate(v.publishedAt());
            text.append("- ").append(msg("grant.report.routines.version", v.routineName(), v.number(),
                    day(day)));
            if (v.changeNote() != null) {
                text.append(": ").append(v.changeNote().replaceAll("\\s+", " ").strip());
            }
            List<String> linked = new ArrayList<>();
            for (RoutineLinks links : routineLinks) {
                for (RoutineLinks.Link link : links.links(v.id(), v.routineKey(), null)) {
                    linked.add(messages.getMessage(link.groupKey(), null, link.groupKey(), REPORT_LOCALE) + ": "
                            + link.text());
                }
            }
            if (!linked.isEmpty()) {
                text.append(" (").append(String.join("; ", linked)).append(')');
            }
            text.append('\n');
        }
        return new GrantReportSource.Draft(msg("grant.report.routines.title"), text.toString().strip());
    }

    static ReportSection map(ResultSet rs, int n) throws SQLException {
        return new ReportSection(rs.getObject("grant_id", UUID.class), rs.getString("key"), rs.getInt("position"),
                rs.getString("title"), rs.getString("text"), rs.getBoolean("edited"),
                rs.getObject("drafted_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by_name"),
                rs.getInt("version"));
    }
}
