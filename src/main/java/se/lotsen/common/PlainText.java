package se.lotsen.common;

/**
 * What Lotsen accepts as text from people and systems: anything but control characters. Tab, line feed and carriage
 * return are text; NUL (which PostgreSQL cannot store), the bell, escape and the other C0 and C1 controls are not:
 * they never come from a keyboard, only from a pasted binary, a broken integration or an attacker, and they would
 * break PDFs, e-mails and exports downstream.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Whether the text holds a character Lotsen refuses. */
    public static boolean hasControlCharacter(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}
