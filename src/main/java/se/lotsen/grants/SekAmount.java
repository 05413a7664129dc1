package se.lotsen.grants;

/**
 * Amounts in whole Swedish kronor as people write and read them: {@code 1 200 000} (a space between groups of three,
 * as Swedish does), typed with or without spaces and with or without "kr".
 */
public final class SekAmount {

    private SekAmount() {
    }

    /** {@code 1 200 000}: digits in groups of three separated by a no-break space. */
    public static String format(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('\u00a0');
            }
            out.append(digits.charAt(i));
        }
        return (amount < 0 ? "−" : "") + out;
    }

    /**
     * The amount as typed, or {@code null} for nothing typed.
     *
     * @throws IllegalArgumentException when it is not a whole number of kronor (letters, decimals, a sign, too long)
     */
    public static Long parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        if (s.toLowerCase(java.util.Locale.ROOT).endsWith("kr")) {
            s = s.substring(0, s.length() - 2).strip();
        }
        s = s.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (s.isEmpty() || s.length() > 15 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a whole number of kronor");
        }
        return Long.parseLong(s);
    }
}
