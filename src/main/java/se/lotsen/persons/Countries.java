package se.lotsen.persons;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** ISO 3166-1 alpha-2 countries with their names, for nationality. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    /**
     * Names the JDK's locale data still gives in an outdated form, as the countries call themselves now and as the
     * Swedish foreign ministry and the UN write them (issue 11, item 10).
     */
    private static final Map<String, Map<String, String>> CURRENT_NAMES = Map.of(
            "sv", Map.of("SZ", "Eswatini", "BY", "Belarus", "MM", "Myanmar", "MK", "Nordmakedonien",
                    "CZ", "Tjeckien"),
            "en", Map.of("SZ", "Eswatini", "BY", "Belarus", "MM", "Myanmar", "MK", "North Macedonia",
                    "CZ", "Czechia", "CV", "Cabo Verde"));

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
                .map(c -> new Country(c, name(c, language)))
                .sorted(Comparator.comparing(Country::name, collator))
                .collect(Collectors.toList());
    }

    public static String name(String code, Locale language) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        String current = CURRENT_NAMES.getOrDefault(language == null ? "" : language.getLanguage(), Map.of())
                .get(upper);
        return current != null ? current : new Locale("", upper).getDisplayCountry(language);
    }
}
