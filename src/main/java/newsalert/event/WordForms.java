package newsalert.event;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Word normalisation for wording similarity: stop words, a light suffix stemmer, number words and a few
 * groups of news verbs and nouns that outlets use interchangeably for the same happening.
 *
 * <p>Rule for {@link #term}: lower-case word → stop word? dropped → listed group? group name
 * ({@code killed, dead, died, death → kill}; {@code wounded, injured, hurt → injur}; {@code struck, hit,
 * strike → strike}; {@code blast, explosion, bombing → blast}; {@code talks, meeting, negotiations →
 * talk}; …) → number word? its digits ({@code six → 6}) → otherwise the word with one of the suffixes
 * {@code -ies (→y), -ing, -ed, -es, -s} removed when at least four letters remain.
 */
final class WordForms {
    static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with",
            "as", "into", "onto", "after", "before", "over", "under", "near", "its", "it", "is", "are", "was",
            "were", "be", "been", "has", "have", "had", "that", "this", "these", "those", "which", "who",
            "whom", "whose", "what", "when", "where", "while", "than", "then", "there", "their", "they", "them",
            "he", "she", "his", "her", "we", "our", "us", "you", "i", "not", "no", "said", "says", "say",
            "told", "according", "also", "more", "most", "other", "others", "some", "all", "about", "up",
            "out", "off", "s", "will", "would", "could", "can", "may", "new", "one", "two", "people",
            "officials", "official", "reported", "report", "reports", "per", "cent", "including", "during",
            "late", "early", "still", "since", "against", "between", "through", "amid", "around", "across",
            "least");

    static final Set<String> DEMONYMS = Set.of(
            "russian", "russians", "ukrainian", "ukrainians", "israeli", "israelis", "palestinian", "palestinians",
            "lebanese", "syrian", "iraqi", "iranian", "yemeni", "sudanese", "somali", "nigerian", "malian",
            "european", "american", "british", "french", "german", "turkish", "chinese", "us", "u", "eu", "un",
            "nato", "western", "kremlin");

    private static final Map<String, String> GROUPS = new HashMap<>();
    private static final Map<String, String> NUMBERS = new HashMap<>();

    static {
        group("kill", "kill", "kills", "killed", "killing", "dead", "died", "die", "dies", "death", "deaths",
                "dying", "toll", "lives", "fatalities", "perished");
        group("injur", "injured", "injuring", "injures", "injuries", "wounded", "wounding", "wounds", "hurt",
                "injure", "wound");
        group("strike", "strike", "strikes", "struck", "striking", "hit", "hits", "hitting", "attack",
                "attacks", "attacked", "attacking", "raid", "raids", "pounded", "pound", "pounds");
        group("blast", "blast", "blasts", "explosion", "explosions", "exploded", "bombing", "bombings",
                "bomb", "bombs", "bomber");
        group("shell", "shelling", "shelled", "shells", "artillery");
        group("drone", "drone", "drones", "shahed", "shaheds", "uav", "uavs");
        group("missile", "missile", "missiles", "rocket", "rockets", "ballistic");
        group("talk", "talks", "talk", "meeting", "meet", "meets", "met", "negotiations", "negotiators",
                "negotiate", "summit", "discuss", "discussed", "discussions");
        group("gunmen", "gunmen", "gunman", "militants", "militant", "fighters", "armed", "insurgents");
        group("sanction", "sanctions", "sanction", "sanctioned", "package");
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty"};
        for (int i = 0; i < words.length; i++) {
            NUMBERS.put(words[i], Integer.toString(i));
        }
        NUMBERS.put("thirty", "30");
        NUMBERS.put("forty", "40");
        NUMBERS.put("fifty", "50");
        NUMBERS.put("dozen", "12");
    }

    private WordForms() {
    }

    private static void group(String name, String... members) {
        for (String m : members) {
            GROUPS.put(m, name);
        }
    }

    /**
     * @param lower a lower-case word (letters and digits)
     * @return its term for similarity, or {@code null} for a stop word
     */
    static String term(String lower) {
        if (STOP.contains(lower)) {
            return null;
        }
        String g = GROUPS.get(lower);
        if (g != null) {
            return g;
        }
        String n = NUMBERS.get(lower);
        if (n != null) {
            return n;
        }
        return stem(lower);
    }

    static boolean isNumber(String term) {
        return !term.isEmpty() && Character.isDigit(term.charAt(0));
    }

    static String stem(String w) {
        int n = w.length();
        if (n > 5 && w.endsWith("ies")) {
            return w.substring(0, n - 3) + "y";
        }
        if (n > 6 && w.endsWith("ing")) {
            return w.substring(0, n - 3);
        }
        if (n > 5 && w.endsWith("ed")) {
            return w.substring(0, n - 2);
        }
        if (n > 5 && w.endsWith("es") && !w.endsWith("ses")) {
            return w.substring(0, n - 1);
        }
        if (n > 4 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
