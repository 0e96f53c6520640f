package newsalert.analysis.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells which language a story is written in, so that text the English rules cannot read is not analysed
 * by them (issue 15 item 6). The answer is an ISO 639-1 code ({@code "en"}, {@code "ru"}, {@code "de"}), or
 * {@code null} when the text is too short or too mixed to tell; {@code null} is analysed as English, since a
 * false "not English" on an English story would lose its alert.
 *
 * <p>Only the start of a story is read: the title and the first {@value #BODY_PREFIX} characters of the body.
 * Rule, in order:
 * <ol>
 *   <li>no letters at all: {@code null};</li>
 *   <li><b>plainly English</b>, decided without the model: at most one letter in {@value #NON_ASCII_SHARE}
 *       outside ASCII, at least {@value #PLAIN_ENGLISH_MARKS} English function words (list
 *       {@code english_marks} of {@code casualty-words.yml}: "the", "of", "and", "said", …), and at least
 *       three times as many of them as German, French, Spanish, Italian or Portuguese function words (list
 *       {@code foreign_marks}). 97 % of the English real-text items are settled here (figures in
 *       BENCHMARKS.md);</li>
 *   <li>otherwise OpenNLP's language detector model (maximum entropy over character n-grams, 103 languages;
 *       Maven artifact {@code org.apache.opennlp:opennlp-models-langdetect}) scores the text, and the best of
 *       the languages listed in {@code language-words.yml} is taken (the model alone often names a rare
 *       language for a headline);</li>
 *   <li>English best: {@code "en"}. Most letters not Latin (Cyrillic, Greek, Arabic, Devanagari, …): the best
 *       language, whatever its margin, since such text is not English anyway;</li>
 *   <li>Latin letters: the best language only when the text has at least {@value #MIN_LETTERS} letters and its
 *       score is at least {@value #SURE_RATIO} times English's, or at least {@value #MARKED_RATIO} times with
 *       a foreign function word and no English one; else {@code null}. On the English real text (9,155
 *       headlines read alone) a margin of 1.5 alone marked ten English headlines as other languages
 *       ("Nikkei Up 2.5 Pct in Afternoon" as Dutch); these margins marked none.</li>
 * </ol>
 *
 * <p>The model (10 MB; about 40 MB of heap) is read the first time a story needs it, once per JVM. The
 * detector holds no state of its own; one OpenNLP detector per thread over the shared model, so it is
 * thread-safe.
 */
public final class LanguageDetector {
    /** The code of English, the language the analysis reads. */
    public static final String ENGLISH = "en";
    /** Characters of the body read after the title. */
    static final int BODY_PREFIX = 300;
    /** Fewest letters for a Latin-script text to be called anything but English. */
    static final int MIN_LETTERS = 15;
    /** Plainly English: at most one letter in this many outside ASCII. */
    static final int NON_ASCII_SHARE = 50;
    /** Plainly English: fewest English function words. */
    static final int PLAIN_ENGLISH_MARKS = 3;
    /** Score over English's that makes a Latin-script text another language. */
    static final double SURE_RATIO = 2.0;
    /** The same with a foreign function word and no English one. */
    static final double MARKED_RATIO = 1.5;
    /** Classpath resource of the language list. */
    static final String RESOURCE = "newsalert/language-words.yml";
    /** Classpath resource of OpenNLP's model, as the model's Maven artifact ships it. */
    static final String MODEL_RESOURCE = "langdetect-183.bin";

    private static final byte ENGLISH_WORD = 1;
    private static final byte FOREIGN_WORD = 2;
    /** For each {@link Vocabulary} id, whether the word is an English or a foreign function word. */
    private static final byte[] MARKS = marks();
    /** The candidate languages: ISO 639-3 code of the model → ISO 639-1 code. */
    private static final Map<String, String> CANDIDATES = candidates(WordLists.fromResource(RESOURCE).list("candidates"));

    private LanguageDetector() {
    }

    /**
     * @param title a story's title, may be empty
     * @param body  its body, may be empty
     * @return the ISO 639-1 code of its language, or {@code null} when it cannot be told (rule in the class
     *         comment)
     * @throws IllegalStateException when OpenNLP's model is missing from the classpath or unreadable
     */
    public static String detect(String title, String body) {
        return detect(title, body, Tokenizer.lex(title), Tokenizer.lex(body));
    }

    /** As {@link #detect(String, String)}, counting function words on tokens already made. */
    public static String detect(String title, String body, Tokenizer.Lexed titleTokens, Tokenizer.Lexed bodyTokens) {
        int bodyEnd = Math.min(body.length(), BODY_PREFIX);
        long letters = letters(title, title.length()) + letters(body, bodyEnd);
        int all = (int) (letters >>> 42);
        if (all == 0) {
            return null;
        }
        int nonAscii = (int) ((letters >>> 21) & 0x1FFFFF);
        int latin = (int) (letters & 0x1FFFFF);
        int marks = marks(titleTokens, Integer.MAX_VALUE) + marks(bodyTokens, bodyEnd);
        int english = marks & 0xFFFF;
        int foreign = marks >>> 16;
        if (nonAscii * NON_ASCII_SHARE <= all && english >= PLAIN_ENGLISH_MARKS && foreign * 3 <= english) {
            return ENGLISH;
        }
        Language[] scores = Model.detector().predictLanguages(title + "\n" + body.substring(0, bodyEnd));
        String best = null;
        double bestScore = 0;
        double englishScore = 0;
        for (Language l : scores) {
            String code = CANDIDATES.get(l.getLang());
            if (code == null) {
                continue;
            }
            if (best == null) {
                best = code;
                bestScore = l.getConfidence();
            }
            if (code.equals(ENGLISH)) {
                englishScore = l.getConfidence();
                break; // scores come best first: English and the best are both known now
            }
        }
        if (best == null || best.equals(ENGLISH)) {
            return best;
        }
        if (latin * 2 < all) {
            return best; // mostly Cyrillic, Greek, Arabic, Devanagari, …: not English at any margin
        }
        if (all < MIN_LETTERS) {
            return null;
        }
        double ratio = englishScore > 0 ? bestScore / englishScore : Double.MAX_VALUE;
        boolean sure = ratio >= SURE_RATIO || (ratio >= MARKED_RATIO && foreign > 0 && english == 0);
        return sure ? best : null;
    }

    /**
     * @return three counts packed in one long: all letters (bits 42–62), letters outside ASCII (21–41) and
     *         Latin letters (0–20), of {@code text}'s first {@code end} characters
     */
    private static long letters(String text, int end) {
        long all = 0;
        long nonAscii = 0;
        long latin = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    all++;
                    latin++;
                }
            } else if (Character.isLetter(c)) {
                all++;
                nonAscii++;
                if (c < 0x250 || (c >= 0x1E00 && c < 0x1F00)) {
                    latin++;
                }
            }
        }
        return (all << 42) | (nonAscii << 21) | latin;
    }

    /** @return English function words (low 16 bits) and foreign ones (high bits) among tokens starting before {@code end} */
    private static int marks(Tokenizer.Lexed lexed, int end) {
        int[] ids = lexed.ids();
        int[] starts = lexed.tokens().starts();
        int english = 0;
        int foreign = 0;
        for (int i = 0; i < ids.length && starts[i] < end; i++) {
            int id = ids[i];
            if (id >= 0) {
                byte m = MARKS[id];
                if (m == ENGLISH_WORD) {
                    english++;
                } else if (m == FOREIGN_WORD) {
                    foreign++;
                }
            }
        }
        return Math.min(english, 0xFFFF) | (Math.min(foreign, 0x7FFF) << 16);
    }

    private static byte[] marks() {
        Vocabulary v = Vocabulary.DEFAULT;
        byte[] out = new byte[v.size()];
        // both lists are in casualty-words.yml, whose words all have ids
        for (String w : WordLists.CASUALTY.list("english_marks")) {
            out[v.id(w)] = ENGLISH_WORD;
        }
        for (String w : WordLists.CASUALTY.list("foreign_marks")) {
            out[v.id(w)] = FOREIGN_WORD;
        }
        return out;
    }

    private static Map<String, String> candidates(List<String> codes) {
        Map<String, String> twoLetter = new HashMap<>(Map.of("cmn", "zh", "pes", "fa"));
        for (String code : Locale.getISOLanguages()) {
            twoLetter.putIfAbsent(new Locale(code).getISO3Language(), code);
        }
        Map<String, String> out = new HashMap<>();
        for (String code : codes) {
            String two = twoLetter.get(code);
            if (two == null) {
                throw new IllegalStateException("language '" + code + "' in " + RESOURCE
                        + " has no ISO 639-1 code: list ISO 639-3 codes such as \"deu\"");
            }
            out.put(code, two);
        }
        if (!ENGLISH.equals(out.get("eng"))) {
            throw new IllegalStateException(RESOURCE + " must list \"eng\"");
        }
        return Map.copyOf(out);
    }

    /** OpenNLP's model, read on first use; one detector per thread over it. */
    private static final class Model {
        private static final LanguageDetectorModel MODEL = load();
        private static final ThreadLocal<LanguageDetectorME> DETECTORS =
                ThreadLocal.withInitial(() -> new LanguageDetectorME(MODEL));

        static LanguageDetectorME detector() {
            return DETECTORS.get();
        }

        private static LanguageDetectorModel load() {
            try (InputStream in = LanguageDetector.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("language model " + MODEL_RESOURCE + " is not on the classpath:"
                            + " rebuild with mvn -B package (it comes from org.apache.opennlp:opennlp-models-langdetect)");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read language model " + MODEL_RESOURCE + ": " + e.getMessage()
                        + "; rebuild with mvn -B package", e);
            }
        }
    }
}
