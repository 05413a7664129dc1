package se.lotsen.persons;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A phonetic key for names, tuned to Swedish pronunciation and to the many spellings of foreign names in Swedish
 * records: Mohammed, Muhammad and Mohamed share a key; so do Yusuf, Jusuf and Youssef; Sofia and Sophia; Andrei and
 * Andrej; Katarina and Catharina.
 *
 * <p>The key keeps the first sound (vowels normalised), maps letter groups that sound alike to one letter, drops the
 * remaining vowels and silent h, and collapses repeated letters. It is a search aid that finds candidates; people
 * decide whether two records are the same person.
 */
public final class SwedishPhonetic {

    private SwedishPhonetic() {
    }

    /** Keys for each word of a name, in order, without duplicates. */
    public static Set<String> keys(String name) {
        Set<String> keys = new LinkedHashSet<>();
        if (name == null) {
            return keys;
        }
        Arrays.stream(name.split("[\\s,.'’\"-]+")).map(SwedishPhonetic::key).filter(k -> !k.isEmpty())
                .forEach(keys::add);
        return keys;
    }

    /** The key of one word. */
    public static String key(String word) {
        String s = word.toLowerCase(Locale.ROOT)
                .replace('å', 'o').replace('ä', 'e').replace('æ', 'e').replace('ö', 'o').replace('ø', 'o');
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^a-z]", "");
        if (s.isEmpty()) {
            return "";
        }
        s = s.replace("sch", "s").replace("stj", "s").replace("skj", "s").replace("sj", "s").replace("sh", "s")
                .replace("tj", "c").replace("kj", "c")
                .replace("ch", "k").replace("ck", "k").replace("ph", "f").replace("th", "t").replace("qu", "kv")
                .replace("dj", "j").replace("gj", "j").replace("hj", "j").replace("lj", "j")
                .replace("ou", "u").replace("oo", "u").replace("ee", "i");
        s = s.replaceAll("c(?=[eiy])", "s").replace('c', 'k').replace('q', 'k').replace("x", "ks").replace('z', 's')
                .replace('w', 'v').replace('y', 'i').replace('j', 'i');
        StringBuilder key = new StringBuilder();
        key.append(s.charAt(0));
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("aeiou".indexOf(c) >= 0 || c == 'h') {
                continue;
            }
            if (key.charAt(key.length() - 1) != c) {
                key.append(c);
            }
        }
        return key.toString();
    }
}
