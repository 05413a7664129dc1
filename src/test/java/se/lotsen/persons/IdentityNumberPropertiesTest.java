package se.lotsen.persons;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import se.lotsen.persons.IdentityNumber.Parsed;
import se.lotsen.persons.IdentityNumber.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of {@link IdentityNumber#parse} over generated numbers: the check digit makes any real date and
 * birth number valid (in every form), any other last digit makes it invalid, and a letter among the last four
 * characters never gives a personnummer or samordningsnummer.
 */
class IdentityNumberPropertiesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÅÄÖåäöÉéÜüßØøÆæ";

    /** Born in the last hundred years: a ten-digit number with "-" or without separator. */
    @Provide
    Arbitrary<LocalDate> underHundred() {
        long max = ChronoUnit.DAYS.between(TODAY.minusYears(100), TODAY) - 1;
        return Arbitraries.longs().between(0, max).map(TODAY::minusDays);
    }

    /** Born 100 to 199 years ago (and not before 1800): a ten-digit number with "+". */
    @Provide
    Arbitrary<LocalDate> hundredOrOlder() {
        long min = ChronoUnit.DAYS.between(TODAY.minusYears(100), TODAY);
        long max = ChronoUnit.DAYS.between(LocalDate.of(1826, 11, 30), TODAY);
        return Arbitraries.longs().between(min, max).map(TODAY::minusDays);
    }

    /** Any date a twelve-digit number can have: 1800 up to today. */
    @Provide
    Arbitrary<LocalDate> anyBirthDate() {
        long max = ChronoUnit.DAYS.between(LocalDate.of(1800, 1, 1), TODAY);
        return Arbitraries.longs().between(0, max).map(TODAY::minusDays);
    }

    @Provide
    Arbitrary<String> dashOrNothing() {
        return Arbitraries.of("-", "");
    }

    private static String nine(LocalDate date, int serial, boolean coordination) {
        String yymmdd = date.format(YYMMDD);
        if (coordination) {
            yymmdd = yymmdd.substring(0, 4) + (date.getDayOfMonth() + 60);
        }
        return yymmdd + String.format("%03d", serial);
    }

    private static String century(LocalDate date) {
        return date.format(YYYYMMDD).substring(0, 2);
    }

    /**
     * Asserts that {@code prefix + nine-digit tail + check digit} is valid with the expected normal form, and that every
     * other last digit is refused for the check digit.
     */
    private static void assertOnlyTheCheckDigitIsValid(IdentityKind kind, String formatted, String normal) {
        int check = Character.getNumericValue(formatted.charAt(formatted.length() - 1));
        Parsed parsed = IdentityNumber.parse(kind, formatted, TODAY);
        assertThat(parsed.problem()).as("%s %s", kind, formatted).isNull();
        assertThat(parsed.number().kind()).isEqualTo(kind);
        assertThat(parsed.number().value()).isEqualTo(normal);
        String withoutCheck = formatted.substring(0, formatted.length() - 1);
        for (int other = 0; other <= 9; other++) {
            if (other != check) {
                Parsed wrong = IdentityNumber.parse(kind, withoutCheck + other, TODAY);
                assertThat(wrong.valid()).as("%s %s%d", kind, withoutCheck, other).isFalse();
                assertThat(wrong.problem()).as("%s %s%d", kind, withoutCheck, other).isEqualTo(Problem.CHECK_DIGIT);
            }
        }
    }

    @Property
    void tenDigitsUnderHundredWithCheckDigitAreValid(@ForAll("underHundred") LocalDate born,
                                                     @ForAll @IntRange(min = 1, max = 999) int serial,
                                                     @ForAll("dashOrNothing") String separator,
                                                     @ForAll boolean coordination) {
        String nine = nine(born, serial, coordination);
        int check = IdentityNumber.checkDigit(nine);
        String formatted = nine.substring(0, 6) + separator + nine.substring(6) + check;
        String normal = century(born) + nine + check;
        IdentityKind kind = coordination ? IdentityKind.SAMORDNINGSNUMMER : IdentityKind.PERSONNUMMER;

        assertOnlyTheCheckDigitIsValid(kind, formatted, normal);
    }

    @Property
    void tenDigitsWithPlusAreHundredOrOlder(@ForAll("hundredOrOlder") LocalDate born,
                                           @ForAll @IntRange(min = 1, max = 999) int serial,
                                           @ForAll boolean coordination) {
        String nine = nine(born, serial, coordination);
        int check = IdentityNumber.checkDigit(nine);
        String formatted = nine.substring(0, 6) + "+" + nine.substring(6) + check;
        String normal = century(born) + nine + check;
        IdentityKind kind = coordination ? IdentityKind.SAMORDNINGSNUMMER : IdentityKind.PERSONNUMMER;

        assertOnlyTheCheckDigitIsValid(kind, formatted, normal);
    }

    @Property
    void twelveDigitsWithCheckDigitAreValid(@ForAll("anyBirthDate") LocalDate born,
                                            @ForAll @IntRange(min = 1, max = 999) int serial,
                                            @ForAll("dashOrNothing") String separator,
                                            @ForAll boolean coordination) {
        String nine = nine(born, serial, coordination);
        int check = IdentityNumber.checkDigit(nine);
        String formatted = century(born) + nine.substring(0, 6) + separator + nine.substring(6) + check;
        String normal = century(born) + nine + check;
        IdentityKind kind = coordination ? IdentityKind.SAMORDNINGSNUMMER : IdentityKind.PERSONNUMMER;

        assertOnlyTheCheckDigitIsValid(kind, formatted, normal);
    }

    @Property
    void theKindsDoNotPassForEachOther(@ForAll("anyBirthDate") LocalDate born,
                                       @ForAll @IntRange(min = 1, max = 999) int serial) {
        String personnummer = century(born) + nine(born, serial, false);
        personnummer += IdentityNumber.checkDigit(personnummer.substring(2));
        String samordningsnummer = century(born) + nine(born, serial, true);
        samordningsnummer += IdentityNumber.checkDigit(samordningsnummer.substring(2));

        assertThat(IdentityNumber.parse(IdentityKind.SAMORDNINGSNUMMER, personnummer, TODAY).problem())
                .isEqualTo(Problem.IS_PERSONNUMMER);
        assertThat(IdentityNumber.parse(IdentityKind.PERSONNUMMER, samordningsnummer, TODAY).problem())
                .isEqualTo(Problem.IS_SAMORDNINGSNUMMER);
        // A real number is never accepted as a reservnummer.
        assertThat(IdentityNumber.parse(IdentityKind.RESERVNUMMER, personnummer, TODAY).problem())
                .isEqualTo(Problem.RESERV_IS_VALID_NUMBER);
        assertThat(IdentityNumber.parse(IdentityKind.RESERVNUMMER, samordningsnummer, TODAY).problem())
                .isEqualTo(Problem.RESERV_IS_VALID_NUMBER);
    }

    // -- a letter among the last four characters --

    /** A valid number in some form with one to four of its last four characters replaced by letters. */
    @Provide
    Arbitrary<String> validNumberWithLetterAtTheEnd() {
        Arbitrary<String> numbers = Combinators.combine(anyBirthDate(), Arbitraries.integers().between(1, 999),
                Arbitraries.of(0, 1, 2, 3), Arbitraries.of(false, true)).as((born, serial, form, coordination) -> {
                    String nine = nine(born, serial, coordination);
                    String ten = nine + IdentityNumber.checkDigit(nine);
                    String dash = ChronoUnit.YEARS.between(born, TODAY) >= 100 ? "+" : "-";
                    return switch (form) {
                        case 0 -> ten;
                        case 1 -> ten.substring(0, 6) + dash + ten.substring(6);
                        case 2 -> century(born) + ten;
                        default -> century(born) + ten.substring(0, 6) + "-" + ten.substring(6);
                    };
                });
        return Combinators.combine(numbers, Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(0, 3), Arbitraries.of(LETTERS.chars().mapToObj(c -> (char) c).toList()))
                .as((number, count, first, letter) -> {
                    char[] chars = number.toCharArray();
                    // replace 'count' positions among the last four, starting at 'first' (wrapping)
                    for (int i = 0; i < count; i++) {
                        chars[chars.length - 4 + (first + i) % 4] = letter;
                    }
                    return new String(chars);
                });
    }

    /** Any text of digits, separators and spaces, ending in four characters of which at least one is a letter. */
    @Provide
    Arbitrary<String> anyTextWithLetterAtTheEnd() {
        Arbitrary<String> prefix = Arbitraries.strings().withChars("0123456789-+ ").ofMaxLength(14);
        Arbitrary<Character> letter = Arbitraries.of(LETTERS.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<String> other = Arbitraries.strings().withChars("0123456789-+" + LETTERS).ofLength(3);
        return Combinators.combine(prefix, letter, other, Arbitraries.integers().between(0, 3))
                .as((p, l, o, position) -> p + o.substring(0, position) + l + o.substring(position));
    }

    private static void assertNeverARealNumber(String text) {
        String lastFour = text.substring(text.length() - 4);
        assertThat(lastFour.chars().anyMatch(Character::isLetter)).as("generator: %s", text).isTrue();
        assertThat(IdentityNumber.parse(IdentityKind.PERSONNUMMER, text, TODAY).valid()).as(text).isFalse();
        assertThat(IdentityNumber.parse(IdentityKind.SAMORDNINGSNUMMER, text, TODAY).valid()).as(text).isFalse();
        assertThat(IdentityNumber.isValidSwedishNumber(text, TODAY)).as(text).isFalse();
    }

    @Property
    void aValidNumberWithALetterAmongTheLastFourIsNeverAccepted(
            @ForAll("validNumberWithLetterAtTheEnd") String text) {
        assertNeverARealNumber(text);
    }

    @Property
    void anyTextWithALetterAmongTheLastFourIsNeverAccepted(@ForAll("anyTextWithLetterAtTheEnd") String text) {
        assertNeverARealNumber(text);
    }
}
