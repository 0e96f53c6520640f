package newsalert.analysis.casualty;

import java.util.List;
import newsalert.analysis.casualty.CasualtyTokenizer.Token;

/**
 * A cheap stop-word test for text that is clearly not English, whose casualty figures the English rules
 * would misread ("Vor 100 Jahren begann die deutsche Revolution": German "die" is an article, not the verb).
 *
 * <p>Rule: count the tokens in list {@code english_marks} (frequent English function words such as "the",
 * "of", "and", "were", "said") and those in list {@code foreign_marks} (frequent function words of German,
 * French, Spanish, Italian and Portuguese such as "der", "und", "les", "los", "della"); words shared by
 * English and those languages ("in", "die", "was", "will", "an", "de", "la") are in neither list. The
 * text is not English when it has at least {@value #MIN_FOREIGN} foreign marks and more foreign marks
 * than English ones, counting from the start and stopping as soon as {@value #ENOUGH_ENGLISH} English marks
 * are seen and not outnumbered (so a long English story costs a few dozen tokens). An English story that names "El Paso" or "Le Pen" has dozens of English marks, so
 * it stays English; a German headline alone with only one foreign mark is not caught (it needs two).
 * One bit test per token on bits the tokens already carry ({@link CasualtyBits}); no regex.
 */
final class CasualtyLanguage {
    /** English marks after which, when they are not outnumbered, the text is taken as English at once. */
    static final int ENOUGH_ENGLISH = 8;
    /** Fewest foreign function words that can make a text non-English. */
    static final int MIN_FOREIGN = 2;

    private CasualtyLanguage() {
    }

    /**
     * @param t the casualty tokens of a story (title and body)
     * @return true when the text is clearly not English (rule in the class comment)
     */
    static boolean notEnglish(List<Token> t) {
        int english = 0;
        int foreign = 0;
        for (int i = 0, n = t.size(); i < n; i++) {
            long bits = t.get(i).bits();
            if ((bits & CasualtyBits.ENGLISH_MARK) != 0) {
                if (++english >= ENOUGH_ENGLISH && english >= foreign) {
                    return false; // the text is English by now; no need to read the rest
                }
            } else if ((bits & CasualtyBits.FOREIGN_MARK) != 0) {
                foreign++;
            }
        }
        return foreign >= MIN_FOREIGN && foreign > english;
    }
}
