package newsalert.subscription;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses keywords whose words mix writing systems, such as a Cyrillic {@code к} typed among Latin letters
 * ({@code кharkiv}): such a word looks right but matches no story, since story text keeps each word in one
 * script. A word is a run of letters, digits and marks as {@link Keywords#tokens} splits it; letters of the
 * scripts Common and Inherited (digits, combining marks) belong to every script. Following the "highly
 * restrictive" profile of Unicode TR 39, Han, Hiragana, Katakana, Bopomofo and Hangul may mix with each
 * other and with Latin (Japanese and Korean are written that way); any other mix is refused.
 */
final class KeywordScripts {
    private KeywordScripts() {
    }

    /**
     * @param term a term in {@link Keywords#normalize normal form}
     * @return empty when every word keeps to one script, else a sentence naming the odd letter, e.g.
     *         {@code the letter 'к' (Cyrillic) in 'кharkiv' is not Latin like the rest; retype it}
     */
    static Optional<String> mixedScript(String term) {
        for (String word : Keywords.tokens(term)) {
            Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
            word.codePoints().map(KeywordScripts::scriptIndex).filter(i -> i >= 0)
                    .forEach(i -> counts.merge(UnicodeScript.values()[i], 1, Integer::sum));
            if (counts.size() < 2 || compatible(counts.keySet())) {
                continue;
            }
            UnicodeScript main = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            int odd = word.codePoints().filter(cp -> scriptIndex(cp) >= 0 && UnicodeScript.of(cp) != main)
                    .findFirst().orElseThrow();
            return Optional.of("the letter '" + Character.toString(odd) + "' (" + name(UnicodeScript.of(odd))
                    + ") in '" + word + "' is not " + name(main) + " like the rest; retype it");
        }
        return Optional.empty();
    }

    /** @return the script's ordinal, or -1 for a character every script shares (digits, marks) */
    private static int scriptIndex(int cp) {
        UnicodeScript s = UnicodeScript.of(cp);
        return s == UnicodeScript.COMMON || s == UnicodeScript.INHERITED || s == UnicodeScript.UNKNOWN ? -1
                : s.ordinal();
    }

    /** @return whether the scripts are all East Asian ones, with Latin at most beside them */
    private static boolean compatible(java.util.Set<UnicodeScript> scripts) {
        for (UnicodeScript s : scripts) {
            if (s != UnicodeScript.LATIN && s != UnicodeScript.HAN && s != UnicodeScript.HIRAGANA
                    && s != UnicodeScript.KATAKANA && s != UnicodeScript.BOPOMOFO && s != UnicodeScript.HANGUL) {
                return false;
            }
        }
        return true;
    }

    /** @return the script's name as people write it: {@code Cyrillic}, {@code Old Italic} */
    private static String name(UnicodeScript s) {
        String[] parts = s.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(sb.length() > 0 ? " " : "").append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return sb.toString();
    }
}
