package se.lotsen.knowledge;

import java.util.List;

/** An article as the method developer writes it; {@code tags} as typed, separated by commas. */
public record ArticleCommand(ArticleCategory category, String title, String summary, String body, String tags) {

    /** The tags: trimmed, lower case, each once, in the order typed. */
    public List<String> tagList() {
        return Articles.tags(tags);
    }
}
