package se.lotsen.common;

import java.util.Locale;

/** Builds a safe SQL {@code LIKE} pattern from user input. */
public final class SqlLike {

    private SqlLike() {
    }

    /** A lower-case "contains" pattern with {@code %}, {@code _} and {@code \} escaped. */
    public static String contains(String input) {
        String s = input == null ? "" : input.trim().toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder("%");
        for (char c : s.toCharArray()) {
            if (c == '%' || c == '_' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('%').toString();
    }
}
