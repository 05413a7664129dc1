package se.lotsen.persons;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phonetic key used by search-before-create: spellings of one name share a key, different names do not.
 * Observed keys (documented here so that a change of the algorithm is noticed): Mohammed/Muhammad/Mohamed → "md",
 * Yusuf/Jusuf/Youssef → "isf", Sofia/Sophia → "sf", Andrei/Andrej → "andr", Katarina/Catharina → "ktrn";
 * Anna → "an", Maria → "mr", Ali → "al", Ola → "ol".
 */
class SwedishPhoneticTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "Mohammed, Muhammad",
            "Mohammed, Mohamed",
            "Muhammad, Mohamed",
            "Yusuf, Jusuf",
            "Yusuf, Youssef",
            "Jusuf, Youssef",
            "Sofia, Sophia",
            "Andrei, Andrej",
            "Katarina, Catharina",
            // case and accents do not matter
            "MOHAMMED, mohamed",
            "Andréi, Andrej",
    })
    void spellingsOfOneNameShareAKey(String one, String other) {
        String key = SwedishPhonetic.key(one);

        assertThat(key).isNotEmpty();
        assertThat(SwedishPhonetic.key(other)).as("key(%s) vs key(%s)", other, one).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource({
            "Anna, Maria",
            "Ali, Ola",
            "Mohammed, Ahmed",
            "Sofia, Sara",
            "Katarina, Kristina",
    })
    void differentNamesHaveDifferentKeys(String one, String other) {
        assertThat(SwedishPhonetic.key(one)).as("key(%s) vs key(%s)", one, other)
                .isNotEqualTo(SwedishPhonetic.key(other));
    }

    @ParameterizedTest(name = "key({0}) = {1}")
    @CsvSource({
            "Mohammed, md",
            "Yusuf, isf",
            "Sofia, sf",
            "Andrei, andr",
            "Katarina, ktrn",
            "Anna, an",
            "Maria, mr",
            "Ali, al",
            "Ola, ol",
    })
    void observedKeys(String name, String key) {
        assertThat(SwedishPhonetic.key(name)).isEqualTo(key);
    }

    @Test
    void keysOfANameAreOnePerWordInOrderWithoutDuplicates() {
        assertThat(SwedishPhonetic.keys("Muhammad Ali Mohamed")).containsExactly("md", "al");
        assertThat(SwedishPhonetic.keys("Sophia Andrej-Katarina")).containsExactly("sf", "andr", "ktrn");
        assertThat(SwedishPhonetic.keys("  ")).isEmpty();
        assertThat(SwedishPhonetic.keys(null)).isEmpty();
    }

    @Test
    void swedishLettersAreFolded() {
        // å → o, ä → e, ö → o: Åsa/Osa, Söderberg/Soderberg
        assertThat(SwedishPhonetic.key("Söderberg")).isEqualTo(SwedishPhonetic.key("Soderberg"));
        assertThat(SwedishPhonetic.key("Åsa")).isEqualTo(SwedishPhonetic.key("Osa"));
        assertThat(SwedishPhonetic.keys("Björn Ärlig")).hasSize(2).doesNotContainNull();
    }

    @Property
    void keyIsCaseInsensitiveAndOnlyLowerCaseAsciiLetters(@ForAll @AlphaChars @StringLength(min = 1, max = 20)
                                                          String word) {
        String key = SwedishPhonetic.key(word);

        assertThat(SwedishPhonetic.key(word.toUpperCase(java.util.Locale.ROOT))).isEqualTo(key);
        assertThat(SwedishPhonetic.key(word.toLowerCase(java.util.Locale.ROOT))).isEqualTo(key);
        assertThat(key).isNotEmpty().matches("[a-z]+");
        // no letter repeated right after itself
        for (int i = 1; i < key.length(); i++) {
            assertThat(key.charAt(i)).as(key).isNotEqualTo(key.charAt(i - 1));
        }
    }

    @Test
    void searchForAVariantFindsTheStoredName() {
        // What search-before-create does: the keys of the typed name meet the keys of a stored name.
        List<String> stored = List.copyOf(SwedishPhonetic.keys("Muhammad Yusuf"));
        assertThat(SwedishPhonetic.keys("Mohamed Youssef")).containsExactlyElementsOf(stored);
    }
}
