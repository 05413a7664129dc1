package se.lotsen.persons;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Countries are named as they call themselves now, in Swedish and in English (issue 11, item 10). */
class CountriesTest {

    private static final Locale SV = Locale.forLanguageTag("sv-SE");

    private static List<String> names(Locale language) {
        return Countries.all(language).stream().map(Countries.Country::name).toList();
    }

    @Test
    void currentNamesInSwedish() {
        assertThat(Countries.name("SZ", SV)).isEqualTo("Eswatini");
        assertThat(Countries.name("BY", SV)).isEqualTo("Belarus");
        assertThat(Countries.name("MM", SV)).isEqualTo("Myanmar");
        assertThat(Countries.name("MK", SV)).isEqualTo("Nordmakedonien");
        assertThat(Countries.name("CZ", SV)).isEqualTo("Tjeckien");
        assertThat(Countries.name("se", SV)).isEqualTo("Sverige");
        assertThat(names(SV)).contains("Eswatini", "Belarus", "Myanmar")
                .noneMatch(n -> n.contains("Swaziland") || n.contains("Vitryssland") || n.contains("Burma")
                        || n.equals("Makedonien") || n.contains("Tjeckiska"));
    }

    @Test
    void currentNamesInEnglish() {
        assertThat(Countries.name("SZ", Locale.ENGLISH)).isEqualTo("Eswatini");
        assertThat(Countries.name("BY", Locale.ENGLISH)).isEqualTo("Belarus");
        assertThat(Countries.name("MM", Locale.ENGLISH)).isEqualTo("Myanmar");
        assertThat(Countries.name("CV", Locale.ENGLISH)).isEqualTo("Cabo Verde");
        assertThat(names(Locale.ENGLISH)).noneMatch(n -> n.contains("Swaziland") || n.contains("Belorussia")
                || n.contains("Burma") || n.equals("Macedonia") || n.contains("Czech Republic"));
    }

    @Test
    void theListIsSortedWithTheCurrentNames() {
        List<String> sv = names(SV);
        // Swedish collation: Belarus among the B's, Eswatini among the E's, not where Vitryssland and Swaziland were.
        assertThat(sv.indexOf("Belarus")).isLessThan(sv.indexOf("Belgien"));
        assertThat(sv.indexOf("Eswatini")).isLessThan(sv.indexOf("Etiopien"));
    }
}
