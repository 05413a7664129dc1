package se.lotsen.knowledge;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.common.ConcurrentChangeException;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.PlainText;

/**
 * The knowledge base: articles with tags and categories, every save a new version, searched with PostgreSQL's Swedish
 * text search (stemming: "utredningar" finds "utredning"), ranked, with a snippet of where the words were found; and
 * the routine steps each article explains.
 */
@Service
public class Articles {

    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 40;
    /** Marks a found word in a snippet; the page splits on them and escapes the rest. */
    static final String HIT_START = "\u27e6";
    static final String HIT_END = "\u27e7";

    private final JdbcClient jdbc;
    private final Clock clock;

    public Articles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // -- rules -------------------------------------------------------------------------------------------------

    public void check(ArticleCommand c) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (c.category() == null) {
            problems.add("category", "validation.required");
        }
        text(problems, "title", c.title(), 200, true);
        text(problems, "summary", c.summary(), 1000, false);
        text(problems, "body", c.body(), 100_000, true);
        if (c.tags() != null && c.tags().length() > 2000) {
            problems.add("tags", "validation.size.max.n", 2000);
        } else if (PlainText.hasControlCharacter(c.tags())) {
            problems.add("tags", "validation.text.controlCharacter");
        } else {
            List<String> tags = c.tagList();
            if (tags.size() > MAX_TAGS) {
                problems.add("tags", "validation.knowledge.tags.tooMany", MAX_TAGS);
            } else if (tags.stream().anyMatch(t -> t.length() > MAX_TAG_LENGTH)) {
                problems.add("tags", "validation.knowledge.tags.long", MAX_TAG_LENGTH);
            }
        }
        problems.throwIfAny();
    }

    private static void text(FieldProblems.Collector problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(field, "validation.required");
            }
        } else if (value.length() > max) {
            problems.add(field, "validation.size.max.n", max);
        } else if (PlainText.hasControlCharacter(value)) {
            problems.add(field, "validation.text.controlCharacter");
        }
    }

    // -- writes ------------------------------------------------------------------------------------------------

    @Transactional
    public UUID create(ArticleCommand c, UUID by, String byName) {
        check(c);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        List<String> tags = c.tagList();
        jdbc.sql("""
                INSERT INTO knowledge_article (id, category, title, summary, body, tags, tags_text, version,
                    created_at, updated_at, updated_by)
                VALUES (:id, :category, :title, :summary, :body, :tags, :tagsText, 1, :now, :now, :by)""")
                .params(columns(id, c, tags)).param("now", java.sql.Timestamp.from(now)).param("by", byName)
                .update();
        saveVersion(id, 1, c, tags, now, by, byName);
        return id;
    }

    /** Saves a new version; {@code version} is the one the form was made from (another save meanwhile: refused). */
    @Transactional
    public void update(UUID id, int version, ArticleCommand c, UUID by, String byName) {
        Article current = find(id).orElseThrow(() -> new NotFoundException("article"));
        if (current.version() != version) {
            throw new ConcurrentChangeException(current.updatedBy(), current.updatedAt(), "change.article");
        }
        check(c);
        Instant now = clock.instant();
        List<String> tags = c.tagList();
        int changed = jdbc.sql("""
                UPDATE knowledge_article SET category = :category, title = :title, summary = :summary, body = :body,
                    tags = :tags, tags_text = :tagsText, version = version + 1, updated_at = :now, updated_by = :by
                WHERE id = :id AND version = :version""")
                .params(columns(id, c, tags)).param("now", java.sql.Timestamp.from(now)).param("by", byName)
                .param("version", version).update();
        if (changed == 0) {
            Article again = find(id).orElseThrow();
            throw new ConcurrentChangeException(again.updatedBy(), again.updatedAt(), "change.article");
        }
        saveVersion(id, version + 1, c, tags, now, by, byName);
    }

    private static Map<String, Object> columns(UUID id, ArticleCommand c, List<String> tags) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("category", c.category().name());
        m.put("title", c.title().strip());
        m.put("summary", c.summary() == null ? "" : c.summary().strip());
        m.put("body", normalise(c.body()));
        m.put("tags", tags.toArray(new String[0]));
        m.put("tagsText", String.join(" ", tags));
        return m;
    }

    private void saveVersion(UUID id, int number, ArticleCommand c, List<String> tags, Instant at, UUID by,
                             String byName) {
        jdbc.sql("""
                INSERT INTO knowledge_article_version (article_id, number, category, title, summary, body, tags,
                    saved_at, saved_by, saved_by_name)
                VALUES (:id, :number, :category, :title, :summary, :body, :tags, :at, :by, :byName)""")
                .params(columns(id, c, tags)).param("number", number).param("at", java.sql.Timestamp.from(at))
                .param("by", by).param("byName", byName).update();
    }

    /** Line breaks as {@code \n}, trailing spaces gone. */
    static String normalise(String body) {
        return body.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    // -- reads -------------------------------------------------------------------------------------------------

    public Optional<Article> find(UUID id) {
        return jdbc.sql("SELECT * FROM knowledge_article WHERE id = :id").param("id", id).query(Articles::map)
                .optional();
    }

    public List<ArticleVersion> versions(UUID id) {
        return jdbc.sql("SELECT * FROM knowledge_article_version WHERE article_id = :id ORDER BY number DESC")
                .param("id", id).query(Articles::version).list();
    }

    public Optional<ArticleVersion> version(UUID id, int number) {
        return jdbc.sql("SELECT * FROM knowledge_article_version WHERE article_id = :id AND number = :n")
                .param("id", id).param("n", number).query(Articles::version).optional();
    }

    /** A part of a snippet: found words are {@code hit}. */
    public record SnippetPart(String text, boolean hit) {
    }

    /** One article found. */
    public record Hit(UUID id, ArticleCategory category, String title, String summary, List<String> tags,
                      Instant updatedAt, List<SnippetPart> snippet) {
    }

    /**
     * The articles matching the words (Swedish stemming; quoted phrases, "or" and a leading minus as on a web search
     * engine), best first; without words, the newest first. Filtered by a tag and a category when given.
     */
    public PageResult<Hit> search(String query, String tag, ArticleCategory category, Paging paging) {
        boolean words = query != null && !query.isBlank();
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (words) {
            where.append(" AND a.search @@ websearch_to_tsquery('swedish', :q)");
            params.put("q", query.strip());
        }
        if (tag != null && !tag.isBlank()) {
            where.append(" AND a.tags @> ARRAY[CAST(:tag AS text)]");
            params.put("tag", tag.strip().toLowerCase(Locale.ROOT));
        }
        if (category != null) {
            where.append(" AND a.category = :category");
            params.put("category", category.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM knowledge_article a" + where).params(params).query(Long.class)
                .single();
        String snippet = words
                ? "ts_headline('swedish', a.summary || E'\\n' || a.body, websearch_to_tsquery('swedish', :q), "
                + "'StartSel=" + HIT_START + ", StopSel=" + HIT_END + ", MaxWords=35, MinWords=12, MaxFragments=2, "
                + "FragmentDelimiter=\" … \"')"
                : "''";
        String order = words ? "ts_rank_cd(a.search, websearch_to_tsquery('swedish', :q)) DESC, a.updated_at DESC"
                : "a.updated_at DESC";
        List<Hit> hits = jdbc.sql("SELECT a.id, a.category, a.title, a.summary, a.tags, a.updated_at, " + snippet
                        + " AS snippet FROM knowledge_article a" + where + " ORDER BY " + order
                        + " LIMIT :l OFFSET :o")
                .params(params).param("l", paging.size()).param("o", paging.offset())
                .query((rs, n) -> new Hit(rs.getObject("id", UUID.class),
                        ArticleCategory.valueOf(rs.getString("category")), rs.getString("title"),
                        rs.getString("summary"), tags(rs.getArray("tags")), rs.getTimestamp("updated_at").toInstant(),
                        snippet(rs.getString("snippet")))).list();
        return new PageResult<>(hits, paging.page(), paging.size(), total);
    }

    /** Every tag in use with how many articles carry it, alphabetically. */
    public Map<String, Integer> tagCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT t, count(*) AS n FROM knowledge_article, unnest(tags) AS t GROUP BY t ORDER BY t")
                .query(rs -> {
                    counts.put(rs.getString("t"), rs.getInt("n"));
                });
        return counts;
    }

    static List<SnippetPart> snippet(String headline) {
        List<SnippetPart> parts = new ArrayList<>();
        if (headline == null || headline.isBlank()) {
            return parts;
        }
        String rest = headline.replace('\n', ' ');
        while (!rest.isEmpty()) {
            int start = rest.indexOf(HIT_START);
            if (start < 0) {
                parts.add(new SnippetPart(rest, false));
                break;
            }
            int end = rest.indexOf(HIT_END, start);
            if (end < 0) {
                parts.add(new SnippetPart(rest.replace(HIT_START, ""), false));
                break;
            }
            if (start > 0) {
                parts.add(new SnippetPart(rest.substring(0, start), false));
            }
            parts.add(new SnippetPart(rest.substring(start + HIT_START.length(), end), true));
            rest = rest.substring(end + HIT_END.length());
        }
        return parts;
    }

    // -- routine steps -----------------------------------------------------------------------------------------

    public List<StepLink> steps(UUID articleId) {
        return jdbc.sql("""
                        SELECT routine_key, step_key FROM knowledge_article_step WHERE article_id = :id
                        ORDER BY routine_key, step_key""")
                .param("id", articleId).query((rs, n) -> new StepLink(rs.getString(1), rs.getString(2))).list();
    }

    /** Links the article to exactly these steps. */
    @Transactional
    public void linkSteps(UUID articleId, Set<StepLink> steps) {
        find(articleId).orElseThrow(() -> new NotFoundException("article"));
        jdbc.sql("DELETE FROM knowledge_article_step WHERE article_id = :id").param("id", articleId).update();
        for (StepLink s : new LinkedHashSet<>(steps)) {
            jdbc.sql("""
                    INSERT INTO knowledge_article_step (article_id, routine_key, step_key)
                    VALUES (:id, :routine, :step)""")
                    .param("id", articleId).param("routine", s.routineKey()).param("step", s.stepKey()).update();
        }
    }

    /** An article listed under a step. */
    public record Linked(UUID id, String title) {
    }

    public List<Linked> articlesFor(String routineKey, String stepKey) {
        return jdbc.sql("""
                        SELECT a.id, a.title FROM knowledge_article a
                        JOIN knowledge_article_step s ON s.article_id = a.id
                        WHERE s.routine_key = :routine AND s.step_key = :step ORDER BY a.title""")
                .param("routine", routineKey).param("step", stepKey)
                .query((rs, n) -> new Linked(rs.getObject("id", UUID.class), rs.getString("title"))).list();
    }

    // -- text --------------------------------------------------------------------------------------------------

    /** Tags from text separated by commas: trimmed, lower case, inner spaces collapsed, each once. */
    static List<String> tags(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return List.copyOf(Arrays.stream(typed.split(","))
                .map(t -> t.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Paragraphs: text separated by one or more blank lines; line breaks inside a paragraph are kept. */
    static List<String> paragraphs(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        return Arrays.stream(body.replace("\r\n", "\n").split("\\n\\s*\\n")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Article map(ResultSet rs, int n) throws SQLException {
        return new Article(rs.getObject("id", UUID.class), ArticleCategory.valueOf(rs.getString("category")),
                rs.getString("title"), rs.getString("summary"), rs.getString("body"), tags(rs.getArray("tags")),
                rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static ArticleVersion version(ResultSet rs, int n) throws SQLException {
        return new ArticleVersion(rs.getObject("article_id", UUID.class), rs.getInt("number"),
                ArticleCategory.valueOf(rs.getString("category")), rs.getString("title"), rs.getString("summary"),
                rs.getString("body"), tags(rs.getArray("tags")), rs.getTimestamp("saved_at").toInstant(),
                rs.getString("saved_by_name"));
    }
}
