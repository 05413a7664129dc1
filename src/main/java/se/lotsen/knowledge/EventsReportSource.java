package se.lotsen.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.lotsen.common.SwedishDates;
import se.lotsen.grants.GrantReportSource;

/**
 * The grant report's section on knowledge dissemination: the events held in the period by kind, and their
 * participants in total, by audience and by organisation. Counts only: no person, no organiser, no topic.
 */
@Component
class EventsReportSource implements GrantReportSource {

    private final KnowledgeEvents events;
    private final MessageSource messages;

    EventsReportSource(KnowledgeEvents events, MessageSource messages) {
        this.events = events;
        this.messages = messages;
    }

    @Override
    public String key() {
        return "events";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Draft draft(LocalDate from, LocalDate to, Locale locale) {
        KnowledgeEvents.Totals totals = events.totals(from, to);
        SwedishDates dates = new SwedishDates();
        String title = msg("knowledge.report.title", locale);
        List<String> parts = new ArrayList<>();
        if (totals.events() == 0) {
            parts.add(msg("knowledge.report.none", locale, dates.date(from, locale), dates.date(to, locale)));
            return new Draft(title, String.join("\n\n", parts));
        }
        parts.add(msg("knowledge.report.intro", locale, dates.date(from, locale), dates.date(to, locale),
                totals.events(), totals.participants()));
        List<String> kinds = new ArrayList<>();
        for (KnowledgeEventRecorded.Kind kind : KnowledgeEventRecorded.Kind.values()) {
            int[] k = totals.byKind().get(kind);
            if (k != null) {
                kinds.add("- " + msg("knowledge.report.kind", locale, msg("knowledge.kind.plural." + kind, locale),
                        k[0], k[1]));
            }
        }
        parts.add(msg("knowledge.report.byKind", locale) + "\n" + String.join("\n", kinds));
        List<String> audiences = new ArrayList<>();
        for (Audience a : Audience.values()) {
            Integer n = totals.byAudience().get(a);
            if (n != null) {
                audiences.add("- " + msg("knowledge.report.count", locale, msg("knowledge.audience." + a, locale), n));
            }
        }
        if (!audiences.isEmpty()) {
            parts.add(msg("knowledge.report.byAudience", locale) + "\n" + String.join("\n", audiences));
        }
        List<String> organisations = new ArrayList<>();
        for (Map.Entry<String, Integer> e : totals.byOrganisation().entrySet()) {
            organisations.add("- " + msg("knowledge.report.count", locale, e.getKey(), e.getValue()));
        }
        if (!organisations.isEmpty()) {
            parts.add(msg("knowledge.report.byOrganisation", locale) + "\n" + String.join("\n", organisations));
        }
        return new Draft(title, String.join("\n\n", parts));
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
