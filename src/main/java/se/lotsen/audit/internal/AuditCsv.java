package se.lotsen.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

import se.lotsen.audit.AuditEntry;
import se.lotsen.audit.AuditSubjects;
import se.lotsen.audit.AuditTrail;
import se.lotsen.common.SwedishDates;

/**
 * Writes audit entries as CSV for a spreadsheet in Swedish: semicolon-separated, CRLF line ends, quoted where needed,
 * times in Swedish local time, codes in words in the user's language. A cell that a spreadsheet would read as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, so that nothing a
 * user typed into Lotsen (a username, a search) runs as a formula on the auditor's computer.
 */
final class AuditCsv {

    static final char SEPARATOR = ';';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(SwedishDates.ZONE);
    private static final List<String> COLUMNS = List.of("time", "user", "unit", "action", "recordType", "recordId",
            "caseNumber", "person", "channel", "address", "outcome", "flags", "detail");

    private final MessageSource messages;
    private final Locale locale;

    AuditCsv(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    void header(Writer out) throws IOException {
        line(out, COLUMNS.stream().map(c -> text("auditReview.csv." + c, c)).toList());
    }

    void row(Writer out, AuditTrail.Row row) {
        AuditEntry e = row.entry();
        AuditSubjects.Subject s = row.subject();
        String person = s == null || s.personName() == null ? "" : s.personName()
                + (s.protectedIdentity() ? " (" + text("auditReview.protectedIdentity", "protected identity") + ")"
                : "");
        String flags = e.flags().isEmpty() ? nz(e.reviewFlag())
                : e.flags().stream().map(f -> text("audit.flag." + f.name(), f.name())).collect(Collectors.joining(", "));
        try {
            line(out, List.of(TIME.format(e.occurredAt()), nz(e.actorUsername()), nz(e.actorUnitCode()),
                    text("auditAction." + e.action().name(), e.action().name()),
                    text("auditRecordType." + e.recordType(), e.recordType()), nz(e.recordId()),
                    s == null ? "" : nz(s.caseNumber()), person,
                    text("auditChannel." + e.channel().name(), e.channel().name()), nz(e.remoteAddress()),
                    text("auditOutcome." + e.outcome().name(), e.outcome().name()), flags, nz(e.detail())));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The last line when the export was cut at {@code max} rows. */
    void truncated(Writer out, int max) throws IOException {
        line(out, List.of(text("auditReview.csv.truncated", "Only the first {0} rows.", max)));
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(SEPARATOR) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        out.write(cells.stream().map(AuditCsv::cell).collect(Collectors.joining(String.valueOf(SEPARATOR))));
        out.write("\r\n");
    }

    private String text(String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
