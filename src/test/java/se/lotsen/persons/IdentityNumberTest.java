package se.lotsen.persons;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.lotsen.persons.IdentityNumber.Parsed;
import se.lotsen.persons.IdentityNumber.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table-driven tests of {@link IdentityNumber#parse}: the accepted forms of personnummer and samordningsnummer, their
 * normal form, the century of a ten-digit number, and every reason for refusing a number. The expected check digits
 * in the tables were computed independently of the code under test (Luhn, weights 2,1,2,…).
 */
class IdentityNumberTest {

    /** The reference date for the century of ten-digit numbers. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static Parsed parse(IdentityKind kind, String input) {
        return IdentityNumber.parse(kind, input, TODAY);
    }

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            // the verified example, in every accepted form
            "PERSONNUMMER      | 640823-3234     | 196408233234",
            "PERSONNUMMER      | 6408233234      | 196408233234",
            "PERSONNUMMER      | 19640823-3234   | 196408233234",
            "PERSONNUMMER      | 196408233234    | 196408233234",
            "PERSONNUMMER      | '640823 - 3234' | 196408233234",
            // more valid numbers
            "PERSONNUMMER      | 811218-9876     | 198112189876",
            "PERSONNUMMER      | 121212-1212     | 201212121212",
            "PERSONNUMMER      | 20121212-1212   | 201212121212",
            "PERSONNUMMER      | 110315-1237     | 201103151237",
            "PERSONNUMMER      | 701003-1230     | 197010031230",
            // a leap day
            "PERSONNUMMER      | 000229-1235     | 200002291235",
            "PERSONNUMMER      | 200229-1231     | 202002291231",
            // '-' means under 100 years, '+' 100 or older
            "PERSONNUMMER      | 191212-1231     | 201912121231",
            "PERSONNUMMER      | 191212+1231     | 191912121231",
            "PERSONNUMMER      | 121212+1212     | 191212121212",
            // '-' with the birthday later this year: not born yet this year, so the century before
            "PERSONNUMMER      | 261215-1239     | 192612151239",
            "PERSONNUMMER      | 261130-1231     | 192611301231",
            // '-' with the birthday today: born today
            "PERSONNUMMER      | 261129-1234     | 202611291234",
            // '+' with the birthday today: turns 100 today; later this year: 100 or older means two centuries back
            "PERSONNUMMER      | 261129+1234     | 192611291234",
            "PERSONNUMMER      | 261130+1231     | 182611301231",
            // samordningsnummer: day + 60
            "SAMORDNINGSNUMMER | 701063-1237     | 197010631237",
            "SAMORDNINGSNUMMER | 7010631237      | 197010631237",
            "SAMORDNINGSNUMMER | 19701063-1237   | 197010631237",
            "SAMORDNINGSNUMMER | 197010631237    | 197010631237",
            // samordningsnummer with the birthday (day - 60 = 15 December) later this year
            "SAMORDNINGSNUMMER | 261275-1236     | 192612751236",
    })
    void validNumbersAreStoredAsTwelveDigits(IdentityKind kind, String input, String normalForm) {
        Parsed parsed = parse(kind, input);

        assertThat(parsed.problem()).as("problem for %s", input).isNull();
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.number().kind()).isEqualTo(kind);
        assertThat(parsed.number().value()).isEqualTo(normalForm).hasSize(12).containsOnlyDigits();
        assertThat(parsed.number().display())
                .isEqualTo(normalForm.substring(0, 8) + "-" + normalForm.substring(8));
    }

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            // wrong check digit
            "PERSONNUMMER      | 640823-3235     | CHECK_DIGIT",
            "PERSONNUMMER      | 6408233230      | CHECK_DIGIT",
            "PERSONNUMMER      | 19640823-3239   | CHECK_DIGIT",
            "SAMORDNINGSNUMMER | 701063-1238     | CHECK_DIGIT",
            // swapped digits are caught by the check digit
            "PERSONNUMMER      | 640823-2334     | CHECK_DIGIT",
            // impossible dates (with the right check digit for the digits as written)
            "PERSONNUMMER      | 641323-3237     | DATE",
            "PERSONNUMMER      | 230230-1235     | DATE",
            "PERSONNUMMER      | 20230230-1235   | DATE",
            "PERSONNUMMER      | 640800-3231     | DATE",
            "PERSONNUMMER      | 640832-3233     | DATE",
            // 1900 was no leap year: '+' puts 000229 in 1900
            "PERSONNUMMER      | 000229+1235     | DATE",
            "SAMORDNINGSNUMMER | 640892-3230     | DATE",
            // samordningsnummer as personnummer and vice versa
            "PERSONNUMMER      | 701063-1237     | IS_SAMORDNINGSNUMMER",
            "PERSONNUMMER      | 197010631237    | IS_SAMORDNINGSNUMMER",
            "SAMORDNINGSNUMMER | 701003-1230     | IS_PERSONNUMMER",
            "SAMORDNINGSNUMMER | 640823-3234     | IS_PERSONNUMMER",
            // not a number at all
            "PERSONNUMMER      | 20110315-R7K3   | FORMAT",
            "SAMORDNINGSNUMMER | 20110315-R7K3   | FORMAT",
            "PERSONNUMMER      | 640823/3234     | FORMAT",
            "PERSONNUMMER      | 64082-33234     | FORMAT",
            "PERSONNUMMER      | 640823-323      | FORMAT",
            "PERSONNUMMER      | 640823-32345    | FORMAT",
            "PERSONNUMMER      | 19640823+3234   | FORMAT",
            "PERSONNUMMER      | 17640823-3234   | FORMAT",
            "PERSONNUMMER      | 991234567890    | FORMAT",
            "PERSONNUMMER      | abc             | FORMAT",
            // nothing typed
            "PERSONNUMMER      | ''              | REQUIRED",
            "PERSONNUMMER      | '   '           | REQUIRED",
            "SAMORDNINGSNUMMER | ''              | REQUIRED",
            "RESERVNUMMER      | ''              | REQUIRED",
            // reservnummer that would pass as a real number
            "RESERVNUMMER      | 640823-3234     | RESERV_IS_VALID_NUMBER",
            "RESERVNUMMER      | 196408233234    | RESERV_IS_VALID_NUMBER",
            "RESERVNUMMER      | 701063-1237     | RESERV_IS_VALID_NUMBER",
            // reservnummer without a letter in the last four and not Region Stockholm style
            "RESERVNUMMER      | 20110315-1234   | RESERV_FORMAT",
            "RESERVNUMMER      | R7K3-20110315   | RESERV_FORMAT",
            "RESERVNUMMER      | 99123456789     | RESERV_FORMAT",
            "RESERVNUMMER      | 20110315_R7K3   | RESERV_FORMAT",
            "RESERVNUMMER      | R7K3            | RESERV_FORMAT",
    })
    void invalidNumbersAreRefusedWithTheReason(IdentityKind kind, String input, Problem problem) {
        Parsed parsed = parse(kind, input);

        assertThat(parsed.valid()).as("%s %s should be refused", kind, input).isFalse();
        assertThat(parsed.number()).isNull();
        assertThat(parsed.problem()).isEqualTo(problem);
        assertThat(problem.messageKey()).startsWith("validation.identity.");
    }

    @ParameterizedTest(name = "RESERVNUMMER \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "20110315-R7K3  | 20110315-R7K3",
            "20110315-r7k3  | 20110315-R7K3",
            "' 20110315-R7K3 ' | 20110315-R7K3",
            "20110315R7K3   | 20110315R7K3",
            "20110315-123X  | 20110315-123X",
            // Region Stockholm: 99 followed by ten digits
            "991234567890   | 991234567890",
            "992026123456   | 992026123456",
            // 99 + a valid ten-digit personnummer is still no valid personnummer, so it is a fine reservnummer
            "996408233234   | 996408233234",
    })
    void reservnummerIsAcceptedAsTyped(String input, String stored) {
        Parsed parsed = parse(IdentityKind.RESERVNUMMER, input);

        assertThat(parsed.problem()).as("problem for %s", input).isNull();
        assertThat(parsed.number().kind()).isEqualTo(IdentityKind.RESERVNUMMER);
        assertThat(parsed.number().value()).isEqualTo(stored);
        assertThat(parsed.number().display()).isEqualTo(stored);
        // and it never passes as a real number
        assertThat(IdentityNumber.isValidSwedishNumber(input, TODAY)).isFalse();
    }

    @Test
    void reservnummerIsRefusedAsPersonnummerAndSamordningsnummer() {
        assertThat(parse(IdentityKind.PERSONNUMMER, "20110315-R7K3").problem()).isEqualTo(Problem.FORMAT);
        assertThat(parse(IdentityKind.SAMORDNINGSNUMMER, "20110315-R7K3").problem()).isEqualTo(Problem.FORMAT);
        assertThat(parse(IdentityKind.RESERVNUMMER, "20110315-R7K3").valid()).isTrue();
    }

    @ParameterizedTest(name = "checkDigit({0}) = {1}")
    @CsvSource({
            "640823323, 4",
            "811218987, 6",
            "121212121, 2",
            "701063123, 7",
            "701003123, 0",
            "000229123, 5",
            "191212123, 1",
            "261215123, 9",
            "641323323, 7",
            "000000000, 0",
            "999999999, 9",
    })
    void checkDigitIsTheLuhnDigit(String nineDigits, int expected) {
        assertThat(IdentityNumber.checkDigit(nineDigits)).isEqualTo(expected);
    }

    @Test
    void centuryOfATenDigitNumberFollowsTheReferenceDate() {
        // The same number means another person on another day: 191212-xxxx is born 2019 in 2026; 191212+xxxx 1919.
        assertThat(parse(IdentityKind.PERSONNUMMER, "191212-1231").number().value()).startsWith("2019");
        assertThat(parse(IdentityKind.PERSONNUMMER, "191212+1231").number().value()).startsWith("1919");
        // The day before the 15 December 2026 birthday the number is someone born 1926 …
        assertThat(IdentityNumber.parse(IdentityKind.PERSONNUMMER, "261215-1239", LocalDate.of(2026, 12, 14))
                .number().value()).isEqualTo("192612151239");
        // … from the birthday on, a newborn.
        assertThat(IdentityNumber.parse(IdentityKind.PERSONNUMMER, "261215-1239", LocalDate.of(2026, 12, 15))
                .number().value()).isEqualTo("202612151239");
        // In early 2027, 261215-xxxx is a baby born in December 2026.
        assertThat(IdentityNumber.parse(IdentityKind.PERSONNUMMER, "261215-1239", LocalDate.of(2027, 1, 10))
                .number().value()).isEqualTo("202612151239");
    }

    @Test
    void unknownKindHasNoNumber() {
        Parsed parsed = parse(IdentityKind.UNKNOWN, "");

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.number().kind()).isEqualTo(IdentityKind.UNKNOWN);
        assertThat(parsed.number().value()).isNull();
        assertThat(parsed.number().display()).isEmpty();
    }

    @Test
    void isValidSwedishNumberAcceptsBothKindsAndNothingElse() {
        assertThat(IdentityNumber.isValidSwedishNumber("640823-3234", TODAY)).isTrue();
        assertThat(IdentityNumber.isValidSwedishNumber("701063-1237", TODAY)).isTrue();
        assertThat(IdentityNumber.isValidSwedishNumber("640823-3235", TODAY)).isFalse();
        assertThat(IdentityNumber.isValidSwedishNumber("20110315-R7K3", TODAY)).isFalse();
        assertThat(IdentityNumber.isValidSwedishNumber(null, TODAY)).isFalse();
    }
}
