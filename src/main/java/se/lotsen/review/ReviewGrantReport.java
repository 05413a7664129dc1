package se.lotsen.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.lotsen.grants.GrantReportSource;

/**
 * The final report's section on case reviews: reviews started in the period, deficiency rates by area and the
 * findings that led to routine versions. No names, no case numbers.
 */
@Component
class ReviewGrantReport implements GrantReportSource {

    private final Reviews reviews;
    private final MessageSource messages;

    ReviewGrantReport(Reviews reviews, MessageSource messages) {
        this.reviews = reviews;
        this.messages = messages;
    }

    @Override
    public String key() {
        return "reviews";
    }

    @Override
    public int order() {
        // After the routine versions (40): the findings that led to them.
        return 50;
    }

    @Override
    public Draft draft(LocalDate from, LocalDate to, Locale locale) {
        List<Review.Ref> held = reviews.startedBetween(from, to);
        StringBuilder text = new StringBuilder();
        if (held.isEmpty()) {
            text.append(msg("review.report.none", locale));
            return new Draft(msg("review.report.title", locale), text.toString());
        }
        text.append(messages.getMessage("review.report.held", new Object[] {held.size()}, locale)).append("\n");
        held.forEach(r -> text.append("\n- ").append(r.name()));
        Reviews.Results results = reviews.results(held.stream().map(Review.Ref::id).toList(), locale);
        if (!results.byArea().isEmpty()) {
            text.append("\n\n").append(msg("review.report.byArea", locale)).append("\n");
            for (Reviews.Rate rate : results.byArea()) {
                text.append("\n- ").append(messages.getMessage("review.report.rate", new Object[] {rate.label(),
                        rate.percent() == null ? "–" : Math.round(rate.percent()), rate.deficient(), rate.judged()},
                        locale));
            }
        }
        List<Reviews.Finding> findings = reviews.findingsLinkedBetween(from, to);
        if (!findings.isEmpty()) {
            text.append("\n\n").append(msg("review.report.findings", locale)).append("\n");
            findings.forEach(f -> text.append("\n- ").append(msg("review.area." + f.area().name(), locale))
                    .append(": ").append(f.text()));
        }
        return new Draft(msg("review.report.title", locale), text.toString());
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
