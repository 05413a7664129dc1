package se.lotsen.knowledge;

import java.util.Set;

import org.springframework.stereotype.Component;

import se.lotsen.common.StartPagePanel;

/** The next planned events on the method developer's start page. */
@Component
class UpcomingEventsPanel implements StartPagePanel {

    static final int SHOWN = 5;

    private final KnowledgeEvents events;

    UpcomingEventsPanel(KnowledgeEvents events) {
        this.events = events;
    }

    @Override
    public Set<String> roles() {
        return Set.of("METHOD_DEVELOPER");
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String template() {
        return "knowledge/panels";
    }

    @Override
    public String fragment() {
        return "upcoming";
    }

    @Override
    public Object model() {
        return events.upcoming(SHOWN);
    }
}
