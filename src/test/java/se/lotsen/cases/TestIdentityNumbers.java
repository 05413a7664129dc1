package se.lotsen.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import se.lotsen.persons.IdentityNumber;

/**
 * Fresh valid personnummer for integration tests that share one database: a random birth date (1950–2004) and birth
 * number with its check digit, never the same twice in one test run.
 */
final class TestIdentityNumbers {

    private static final Random RANDOM = new Random();
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private TestIdentityNumbers() {
    }

    /** A valid personnummer in normal form, twelve digits {@code YYYYMMDDNNNC}. */
    static String personnummer() {
        while (true) {
            LocalDate born = LocalDate.of(1950, 1, 1).plusDays(RANDOM.nextInt(20_000));
            String serial = String.format("%03d", 1 + RANDOM.nextInt(999));
            int check = IdentityNumber.checkDigit(born.format(YYMMDD) + serial);
            String twelve = born.format(YYYYMMDD) + serial + check;
            if (ISSUED.add(twelve)) {
                return twelve;
            }
        }
    }

    /** {@code YYYYMMDD-NNNC}. */
    static String display(String twelve) {
        return twelve.substring(0, 8) + "-" + twelve.substring(8);
    }

    /** {@code YYMMDD-NNNC} (everyone born 1950–2004 is under 100). */
    static String tenDigits(String twelve) {
        return twelve.substring(2, 8) + "-" + twelve.substring(8);
    }

    /** The same number with a wrong check digit. */
    static String wrongCheckDigit(String twelve) {
        int check = twelve.charAt(11) - '0';
        return twelve.substring(0, 8) + "-" + twelve.substring(8, 11) + ((check + 1) % 10);
    }

    /** Random letters, to make names unique in a shared database. */
    static String token() {
        StringBuilder b = new StringBuilder("Q");
        for (int i = 0; i < 7; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return b.toString();
    }
}
