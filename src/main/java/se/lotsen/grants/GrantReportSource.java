package se.lotsen.grants;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A section of a grant's final report that another module drafts for the grant's period (statistics, events held,
 * routine versions published, review findings), so that this module can draft the report without depending on theirs.
 * The draft is text the method developer edits before the report is exported: paragraphs separated by a blank line,
 * a line that starts with {@code "- "} is a list item. A draft never names a person or an identity number.
 */
public interface GrantReportSource {

    /** A stable key of the section, e.g. {@code "statistics"}. */
    String key();

    /** Where the section goes in the report: lower first. */
    int order();

    /** The section's title and text for the period (both days included), in the given language. */
    Draft draft(LocalDate from, LocalDate to, Locale locale);

    /** A drafted section. */
    record Draft(String title, String text) {
    }
}
