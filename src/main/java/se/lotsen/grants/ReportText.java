package se.lotsen.grants;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's plain-text convention ({@link GrantReportSource}): paragraphs separated by a blank line; a line that
 * starts with {@code "- "} is a list item. Read into blocks so that a page and the PDF show real paragraphs and lists
 * without ever treating the text as markup.
 */
public final class ReportText {

    private ReportText() {
    }

    /** A paragraph ({@code items} empty, {@code text} set) or a list ({@code items} set). */
    public record Block(String text, List<String> items) {
        public boolean list() {
            return !items.isEmpty();
        }
    }

    public static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        if (text == null) {
            return blocks;
        }
        StringBuilder paragraph = new StringBuilder();
        List<String> items = new ArrayList<>();
        for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                flush(blocks, paragraph, items);
            } else if (line.startsWith("- ")) {
                if (!paragraph.isEmpty()) {
                    blocks.add(new Block(paragraph.toString(), List.of()));
                    paragraph.setLength(0);
                }
                items.add(line.substring(2).strip());
            } else {
                if (!items.isEmpty()) {
                    blocks.add(new Block("", List.copyOf(items)));
                    items.clear();
                }
                if (!paragraph.isEmpty()) {
                    paragraph.append('\n');
                }
                paragraph.append(line);
            }
        }
        flush(blocks, paragraph, items);
        return blocks;
    }

    private static void flush(List<Block> blocks, StringBuilder paragraph, List<String> items) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Block(paragraph.toString(), List.of()));
            paragraph.setLength(0);
        }
        if (!items.isEmpty()) {
            blocks.add(new Block("", List.copyOf(items)));
            items.clear();
        }
    }
}
