package se.lotsen.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One saved version of an article: what it said, and who saved it when. */
public record ArticleVersion(UUID articleId, int number, ArticleCategory category, String title, String summary,
                             String body, List<String> tags, Instant savedAt, String savedBy) {

    public ArticleVersion {
        tags = List.copyOf(tags);
    }

    public List<String> paragraphs() {
        return Articles.paragraphs(body);
    }
}
