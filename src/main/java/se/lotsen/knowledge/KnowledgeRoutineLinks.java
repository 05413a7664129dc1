package se.lotsen.knowledge;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.lotsen.routines.RoutineLinks;

/** Under each step of a routine version: the knowledge base's articles that explain it. */
@Component
class KnowledgeRoutineLinks implements RoutineLinks {

    static final String GROUP = "knowledge.links.group";

    private final Articles articles;

    KnowledgeRoutineLinks(Articles articles) {
        this.articles = articles;
    }

    @Override
    public List<Link> links(UUID versionId, String routineKey, String stepKey) {
        if (stepKey == null) {
            return List.of();
        }
        return articles.articlesFor(routineKey, stepKey).stream()
                .map(a -> new Link(GROUP, a.title(), "/knowledge/articles/" + a.id())).toList();
    }
}
