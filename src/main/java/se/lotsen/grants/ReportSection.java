package se.lotsen.grants;

import java.time.Instant;
import java.util.UUID;

/**
 * One section of a grant's final report as stored: drafted by Lotsen ({@code key} names who drafted it: a built-in
 * section or a {@link GrantReportSource}), then edited by people ({@code edited}). The version guards against two
 * people overwriting each other's edits.
 */
public record ReportSection(UUID grantId, String key, int position, String title, String text, boolean edited,
                            Instant draftedAt, Instant updatedAt, String updatedByName, int version) {

    /** The text as paragraphs and lists, for the page and the PDF (the contract of {@link GrantReportSource}). */
    public java.util.List<ReportText.Block> blocks() {
        return ReportText.blocks(text);
    }
}
