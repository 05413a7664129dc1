package se.lotsen.reporting.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The statistics as a file in long format, one figure a row: period, unit, measure, category, value. Both writers
 * stream: rows are written as they come from an iterator and nothing is kept but the current row (the XLSX sheet is
 * flushed every {@link #FLUSH_EVERY} rows, strings are written inline rather than into a shared table), so the memory
 * used does not grow with the number of rows. A suppressed value is written as its text, e.g. "&lt;3".
 *
 * <p>CSV: UTF-8 with a byte order mark (so that Excel reads å, ä, ö), semicolon-separated (what Excel expects with a
 * Swedish locale), CRLF line ends, quoted where needed. A cell that a spreadsheet would read as a formula (starting
 * with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe: the categories include what people
 * typed, and nothing typed may run as a formula on the reader's computer.
 */
final class StatisticsExport {

    static final int FLUSH_EVERY = 1000;
    static final char SEPARATOR = ';';

    /** One row: a figure ({@code value} a number, or {@code null} with {@code display} e.g. "&lt;3"). */
    record Row(String period, String unit, String measure, String category, Number value, String display) {
    }

    private StatisticsExport() {
    }

    /** Writes an XLSX workbook with one sheet: the header, then every row. Returns the number of rows written. */
    static long xlsx(OutputStream out, List<String> header, Iterator<Row> rows) throws IOException {
        Workbook wb = new Workbook(out, "Lotsen", "1.0");
        Worksheet ws = wb.newWorksheet("Statistik");
        for (int c = 0; c < header.size(); c++) {
            ws.inlineString(0, c, header.get(c));
            ws.style(0, c).bold().set();
        }
        ws.freezePane(0, 1);
        int r = 1;
        long written = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            ws.inlineString(r, 0, safe(row.period()));
            ws.inlineString(r, 1, safe(row.unit()));
            ws.inlineString(r, 2, safe(row.measure()));
            ws.inlineString(r, 3, safe(row.category()));
            if (row.value() != null) {
                ws.value(r, 4, row.value());
            } else {
                ws.inlineString(r, 4, safe(row.display()));
            }
            r++;
            written++;
            if (written % FLUSH_EVERY == 0) {
                ws.flush();
            }
        }
        ws.finish();
        wb.finish();
        return written;
    }

    /** Writes the CSV (with its byte order mark). Returns the number of rows written. */
    static long csv(OutputStream stream, List<String> header, Iterator<Row> rows) throws IOException {
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        line(out, header);
        out.write("\r\n");
        long written = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            line(out, List.of(row.period(), row.unit(), row.measure(), row.category(),
                    row.value() == null ? row.display() : ""));
            if (row.value() != null) {
                // A number is written as it is (a negative one must stay a number, not become text).
                out.write(number(row.value()));
            }
            out.write("\r\n");
            written++;
        }
        out.flush();
        return written;
    }

    /** A number as Swedish Excel reads it: a decimal comma. */
    static String number(Number n) {
        return n instanceof Double || n instanceof Float ? String.valueOf(n.doubleValue()).replace('.', ',')
                : String.valueOf(n);
    }

    /** A text cell that no spreadsheet reads as a formula. */
    static String safe(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v;
    }

    static String cell(String value) {
        String v = safe(value);
        if (v.indexOf(SEPARATOR) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(SEPARATOR);
            }
            out.write(cell(cells.get(i)));
        }
    }
}
