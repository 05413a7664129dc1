package se.lotsen.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An article of the knowledge base as it now is (its newest version). */
public record Article(UUID id, ArticleCategory category, String title, String summary, String body,
                      List<String> tags, int version, Instant updatedAt, String updatedBy) {

    public Article {
        tags = List.copyOf(tags);
    }

    /** The body's paragraphs: text separated by a blank line. */
    public List<String> paragraphs() {
        return Articles.paragraphs(body);
    }
}
