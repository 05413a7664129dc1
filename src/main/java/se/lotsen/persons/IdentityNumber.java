package se.lotsen.persons;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated identity number, stored in normal form: personnummer and samordningsnummer as 12 digits
 * {@code YYYYMMDDNNNC}, a reservnummer as typed (upper case, without spaces).
 *
 * <p>Rules (Skatteverket; LEGAL-AND-PRACTICE §5.6): the check digit is the Luhn (modulus 10) digit of the ten-digit
 * form's first nine digits; a samordningsnummer has the day of birth plus 60; in the ten-digit form "-" means under
 * 100 years of age and "+" 100 or older. A reservnummer has a letter among its last four characters or is 12 digits
 * starting with 99 (Region Stockholm); it is refused if it would pass as a personnummer or samordningsnummer. The
 * birth date in a number is not always the real one: {@link #dateOfBirth()} gives the registered date only, and
 * nothing here derives a person's sex.
 */
public record IdentityNumber(IdentityKind kind, String value) {

    private static final Pattern TEN = Pattern.compile("^(\\d{6})([-+]?)(\\d{4})$");
    private static final Pattern TWELVE = Pattern.compile("^(\\d{8})-?(\\d{4})$");
    private static final Pattern RESERV_LETTER = Pattern.compile("^[0-9A-Z-]{6,20}$");

    /** Why a number was refused; the key is a message key. */
    public enum Problem {
        FORMAT("validation.identity.format"),
        DATE("validation.identity.date"),
        CHECK_DIGIT("validation.identity.checkDigit"),
        IS_SAMORDNINGSNUMMER("validation.identity.isSamordningsnummer"),
        IS_PERSONNUMMER("validation.identity.isPersonnummer"),
        RESERV_FORMAT("validation.identity.reservFormat"),
        RESERV_IS_VALID_NUMBER("validation.identity.reservIsValidNumber"),
        REQUIRED("validation.identity.required");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** The outcome of {@link #parse}: a number or a problem. */
    public record Parsed(IdentityNumber number, Problem problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    /**
     * Parses what a person typed, for the kind they chose.
     *
     * @param today the reference date for the century of a ten-digit number (Swedish local date)
     */
    public static Parsed parse(IdentityKind kind, String input, LocalDate today) {
        String s = input == null ? "" : input.replaceAll("\\s", "").toUpperCase();
        if (kind == IdentityKind.UNKNOWN) {
            return new Parsed(new IdentityNumber(IdentityKind.UNKNOWN, null), null);
        }
        if (s.isEmpty()) {
            return new Parsed(null, Problem.REQUIRED);
        }
        if (kind == IdentityKind.RESERVNUMMER) {
            return parseReserv(s, today);
        }
        Optional<String> twelve;
        try {
            twelve = twelveDigits(s, today);
        } catch (IllegalArgumentException e) {
            return new Parsed(null, Problem.FORMAT);
        }
        if (twelve.isEmpty()) {
            return new Parsed(null, Problem.FORMAT);
        }
        String digits = twelve.get();
        int day = Integer.parseInt(digits.substring(6, 8));
        boolean coordination = day > 60;
        if (birthDate(digits).isEmpty()) {
            return new Parsed(null, Problem.DATE);
        }
        if (digits.substring(8, 11).equals("000")) {
            // The birth number runs 001–999.
            return new Parsed(null, Problem.FORMAT);
        }
        if (!luhnValid(digits.substring(2))) {
            return new Parsed(null, Problem.CHECK_DIGIT);
        }
        if (kind == IdentityKind.PERSONNUMMER && coordination) {
            return new Parsed(null, Problem.IS_SAMORDNINGSNUMMER);
        }
        if (kind == IdentityKind.SAMORDNINGSNUMMER && !coordination) {
            return new Parsed(null, Problem.IS_PERSONNUMMER);
        }
        return new Parsed(new IdentityNumber(kind, digits), null);
    }

    /** Whether the text is a valid personnummer or samordningsnummer in any accepted form. */
    public static boolean isValidSwedishNumber(String input, LocalDate today) {
        return parse(IdentityKind.PERSONNUMMER, input, today).valid()
                || parse(IdentityKind.SAMORDNINGSNUMMER, input, today).valid();
    }

    private static Parsed parseReserv(String s, LocalDate today) {
        if (isValidSwedishNumber(s, today)) {
            return new Parsed(null, Problem.RESERV_IS_VALID_NUMBER);
        }
        boolean regionStockholm = s.matches("^99\\d{10}$");
        String compact = s.replace("-", "");
        boolean letterInLastFour = compact.length() >= 4 && compact.substring(compact.length() - 4).matches(".*[A-Z].*");
        if (!RESERV_LETTER.matcher(s).matches() || !(regionStockholm || letterInLastFour)) {
            return new Parsed(null, Problem.RESERV_FORMAT);
        }
        return new Parsed(new IdentityNumber(IdentityKind.RESERVNUMMER, s), null);
    }

    /** Expands a ten-digit number to twelve digits with the right century, or normalises a twelve-digit one. */
    static Optional<String> twelveDigits(String s, LocalDate today) {
        Matcher twelve = TWELVE.matcher(s);
        if (twelve.matches()) {
            String century = s.substring(0, 2);
            if (!century.equals("18") && !century.equals("19") && !century.equals("20")) {
                return Optional.empty();
            }
            return Optional.of(twelve.group(1) + twelve.group(2));
        }
        Matcher ten = TEN.matcher(s);
        if (!ten.matches()) {
            return Optional.empty();
        }
        int yy = Integer.parseInt(ten.group(1).substring(0, 2));
        boolean hundredOrOlder = "+".equals(ten.group(2));
        int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
        // The most recent year ending in yy is at most today's year; its birthday may still lie ahead this year.
        int monthDay = Integer.parseInt(ten.group(1).substring(2, 6));
        int day = monthDay % 100;
        int realMonthDay = (monthDay / 100) * 100 + (day > 60 ? day - 60 : day);
        if (year == today.getYear() && realMonthDay > today.getMonthValue() * 100 + today.getDayOfMonth()) {
            year -= 100;
        }
        if (hundredOrOlder) {
            year -= 100;
        }
        if (year < 1800) {
            return Optional.empty();
        }
        return Optional.of(String.format("%04d", year) + ten.group(1).substring(2) + ten.group(3));
    }

    /** The date in the number (day minus 60 for a samordningsnummer), if it is a real date. */
    /**
     * The date of birth the number carries (a samordningsnummer's day minus 60), for a personnummer or
     * samordningsnummer; empty for other kinds. It is the registered date, which is not always the real one: LVU's age
     * limits use it as the best known age (decisions.LvuAge), and a stated birth date overrides it.
     */
    public Optional<LocalDate> dateOfBirth() {
        if (value == null || (kind != IdentityKind.PERSONNUMMER && kind != IdentityKind.SAMORDNINGSNUMMER)
                || value.length() != 12) {
            return Optional.empty();
        }
        return birthDate(value);
    }

    static Optional<LocalDate> birthDate(String twelveDigits) {
        int year = Integer.parseInt(twelveDigits.substring(0, 4));
        int month = Integer.parseInt(twelveDigits.substring(4, 6));
        int day = Integer.parseInt(twelveDigits.substring(6, 8));
        if (day > 60) {
            day -= 60;
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Luhn check of the ten-digit form YYMMDDNNNC. */
    static boolean luhnValid(String tenDigits) {
        return checkDigit(tenDigits.substring(0, 9)) == tenDigits.charAt(9) - '0';
    }

    /** The Luhn check digit for nine digits YYMMDDNNN: weights 2,1,2,1…, digit sums added. */
    public static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    /** For people: {@code YYYYMMDD-NNNC}, or the reservnummer as stored. */
    public String display() {
        if (value == null) {
            return "";
        }
        if (kind == IdentityKind.PERSONNUMMER || kind == IdentityKind.SAMORDNINGSNUMMER) {
            return value.substring(0, 8) + "-" + value.substring(8);
        }
        return value;
    }
}
