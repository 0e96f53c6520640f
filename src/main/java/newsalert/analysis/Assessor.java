package newsalert.analysis;

import newsalert.analysis.casualty.CasualtyExtractor;
import newsalert.analysis.quote.QuoteExtractor;
import newsalert.analysis.text.LanguageDetector;
import newsalert.analysis.text.Tokenizer;
import newsalert.analysis.topic.Classification;
import newsalert.analysis.topic.Lexicon;
import newsalert.analysis.topic.LexiconLoader;
import newsalert.analysis.topic.SeverityScorer;
import newsalert.analysis.topic.TopicClassifier;
import newsalert.analysis.topic.TopicModel;
import newsalert.analysis.topic.TopicModelRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;

/**
 * Assesses one story: casualty counts ({@link CasualtyExtractor}), quotes ({@link QuoteExtractor}),
 * topics ({@link TopicClassifier}) and severity ({@link SeverityScorer}). The alert rule is
 * {@code alert = !topics.isEmpty() && severity >= settings.alertSeverity()}.
 *
 * <p>Reasons list the matched core terms with the sentence each was found in
 * ({@code attack: "missile strike" in "A Russian missile strike on …"}), cancellations
 * ({@code negated: "heart attack" in "…"}), context penalties ({@code attack context: "goal" in "…"})
 * — see {@link Classification#reasons()} — and then the casualty counts that raised the severity
 * ({@code killed 19}).
 *
 * <p>First of all the story's language is told ({@link LanguageDetector}): a story in another language than
 * English is not analysed (no topics, counts or quotes; reason {@code "language: de — not analysed"}); one in
 * English, or whose language cannot be told, is.
 *
 * <p>Thread-safe as long as the extractors are (they hold no state).
 */
public final class Assessor {
    private final AnalysisSettings settings;
    private final TopicClassifier classifier;
    private final SeverityScorer scorer;
    private final CasualtyExtractor casualtyExtractor = new CasualtyExtractor();
    private final QuoteExtractor quoteExtractor = new QuoteExtractor();

    private Assessor(AnalysisSettings settings, Lexicon lexicon, TopicClassifier classifier) {
        this.settings = settings;
        this.classifier = classifier;
        this.scorer = new SeverityScorer(lexicon.severity());
    }

    /**
     * @param s settings; {@code s.lexiconFile()} null means the embedded lexicon
     * @return a ready assessor
     * @throws IllegalArgumentException when the lexicon file is missing or invalid (the message
     *                                  names the file and the problem)
     */
    public static Assessor create(AnalysisSettings s) {
        Lexicon lexicon = lexicon(s);
        return new Assessor(s, lexicon, new TopicClassifier(lexicon));
    }

    /**
     * An assessor whose topic model is given, for training and evaluating models ({@code eval}).
     *
     * @param s         settings as {@link #create(AnalysisSettings)}
     * @param model     the model beside the topic rules, or {@code null} for the rules alone
     * @param modelRule when the model overrules the rules
     * @return a ready assessor
     * @throws IllegalArgumentException as {@link #create(AnalysisSettings)}
     */
    public static Assessor create(AnalysisSettings s, TopicModel model, TopicModelRule modelRule) {
        Lexicon lexicon = lexicon(s);
        return new Assessor(s, lexicon, new TopicClassifier(lexicon, model, modelRule));
    }

    private static Lexicon lexicon(AnalysisSettings s) {
        return s.lexiconFile() == null ? LexiconLoader.loadDefault() : LexiconLoader.load(s.lexiconFile());
    }

    /**
     * @param story a normalized story
     * @return its assessment; never null
     */
    public Assessment assess(Story story) {
        // the lexicon tokens are made once; their word strings and ids are reused by the casualty tokenizer
        Tokenizer.Lexed titleTokens = Tokenizer.lex(story.title());
        Tokenizer.Lexed bodyTokens = Tokenizer.lex(story.body());
        String language = LanguageDetector.detect(story.title(), story.body(), titleTokens, bodyTokens);
        if (language != null && !language.equals(LanguageDetector.ENGLISH)) {
            return notAnalysed(language);
        }
        Casualties casualties = casualtyExtractor.extract(story.title(), story.body(), titleTokens, bodyTokens);
        List<Quote> quotes = quoteExtractor.extract(story.body());
        Classification c = classifier.classify(story.title(), story.body(), titleTokens, bodyTokens, casualties);
        if (!c.setAside().isEmpty() && !c.topics().contains(Topic.ATTACK)) {
            casualties = withoutSetAside(casualties, c.setAside());
        }
        SeverityScorer.Severity sev = scorer.score(c, casualties);
        Set<Topic> topics = c.topics();
        List<String> reasons = new ArrayList<>(c.reasons());
        reasons.addAll(sev.reasons());
        boolean alert = !topics.isEmpty() && sev.value() >= settings.alertSeverity();
        return new Assessment(topics, sev.value(), reasons, casualties, quotes, alert, language);
    }

    /**
     * A story in another language than English: the English rules would misread it ("die" is a German article,
     * "morto" no English verb), so it gets no topic, no count, no quote, severity 0 and no alert; its one reason
     * says why ({@code "language: ru — not analysed"}). Counts and quotes are left out too, not only topics: a
     * number alone does not say who died, and the quote rules find their speakers by English verbs.
     */
    private static Assessment notAnalysed(String language) {
        return new Assessment(Set.of(), 0, List.of("language: " + language + " — not analysed"), Casualties.NONE,
                List.of(), false, language);
    }

    /**
     * The toll of an attack the story only looks back on, or only fears, is not the story's: when no
     * attack was found, a count whose evidence sentence holds (ignoring case) an attack term set aside by
     * {@link newsalert.analysis.topic.TopicFrames} ("Arrest made in shooting that left two dead") is dropped.
     */
    private static Casualties withoutSetAside(Casualties c, List<String> setAside) {
        CasualtyCount killed = keep(c.killed(), setAside);
        CasualtyCount injured = keep(c.injured(), setAside);
        CasualtyCount missing = keep(c.missing(), setAside);
        if (killed == c.killed() && injured == c.injured() && missing == c.missing()) {
            return c;
        }
        return new Casualties(killed, injured, missing);
    }

    private static CasualtyCount keep(CasualtyCount count, List<String> setAside) {
        if (count == null || count.evidence() == null) {
            return count;
        }
        String evidence = count.evidence().toLowerCase(Locale.ROOT);
        for (String term : setAside) {
            if (evidence.contains(term.toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        return count;
    }
}
