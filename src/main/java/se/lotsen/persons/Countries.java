package se.lotsen.persons;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** ISO 3166-1 alpha-2 countries with their names, for nationality. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** A country code and its name in the given language. */
    public record Country(String code, String name) {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code.trim().toUpperCase(Locale.ROOT));
    }

    /** All countries, sorted by name in the language (Swedish collation for Swedish). */
    public static List<Country> all(Locale language) {
        java.text.Collator collator = java.text.Collator.getInstance(language);
        return Arrays.stream(Locale.getISOCountries())
                .map(c -> new Country(c, new Locale("", c).getDisplayCountry(language)))
                .sorted(Comparator.comparing(Country::name, collator))
                .collect(Collectors.toList());
    }

    public static String name(String code, Locale language) {
        return code == null || code.isBlank() ? "" : new Locale("", code).getDisplayCountry(language);
    }
}
