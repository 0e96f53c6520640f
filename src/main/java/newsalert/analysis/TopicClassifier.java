package newsalert.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Topic;

/**
 * Decides whether a story is about an attack, diplomacy, both or neither, using a {@link Lexicon}.
 *
 * <p>Rule, per topic: title and body are tokenized once each and scanned with the lexicon's
 * phrase index (negations such as "heart attack" hide the terms they overlap). Each distinct core
 * term adds its weight once, multiplied by the lexicon's title weight when it occurs in the title.
 * If any core term matched, distinct support terms (killed, troops, minister, country names…) add
 * their weight up to the topic's support cap. Each distinct context term (goal, shares, earthquake,
 * union…) subtracts its penalty. For attack only, stated killed or injured counts add the
 * lexicon's casualty boost — but only when a core attack term matched, so "earthquake kills 30"
 * never becomes an attack. The topic is assigned when a core term matched and the score reaches
 * the topic's threshold.
 *
 * <p>Thread-safe; one instance can serve all threads.
 */
public final class TopicClassifier {
    private final Lexicon lexicon;

    /** @param lexicon the compiled lexicon */
    public TopicClassifier(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * Classifies text with no casualty information.
     *
     * @param title plain-text title, may be empty
     * @param body  plain-text body, may be empty
     * @return scores and reasons
     */
    public Classification classify(String title, String body) {
        return classify(title, body, Casualties.NONE);
    }

    /**
     * @param title      plain-text title, may be empty
     * @param body       plain-text body, may be empty
     * @param casualties counts stated in the story (helps attack only together with a core term)
     * @return scores and reasons
     */
    public Classification classify(String title, String body, Casualties casualties) {
        Tally tally = new Tally(lexicon.titleWeight());
        tally.inTitle = true;
        lexicon.index().scan(Tokenizer.tokenize(title), tally);
        tally.inTitle = false;
        lexicon.index().scan(Tokenizer.tokenize(body), tally);

        Map<Topic, TopicScore> scores = new EnumMap<>(Topic.class);
        for (Topic t : Topic.values()) {
            Lexicon.TopicRules rules = lexicon.rules(t);
            PerTopic p = tally.topic(t);
            double core = sum(p.core);
            double score = core;
            if (core > 0) {
                score += Math.min(rules.supportCap(), sum(p.support));
                if (t == Topic.ATTACK && harmed(casualties)) {
                    score += lexicon.severity().casualtyAttackBoost();
                }
            }
            score -= sum(p.context);
            boolean assigned = core > 0 && score >= rules.threshold();
            scores.put(t, new TopicScore(score, core, assigned, p.titleHit, p.notable, score - rules.threshold()));
        }
        return new Classification(scores, new ArrayList<>(tally.reasons));
    }

    private static boolean harmed(Casualties c) {
        return positive(c.killed()) || positive(c.injured());
    }

    private static boolean positive(CasualtyCount c) {
        return c != null && c.min() > 0;
    }

    private static double sum(Map<?, Double> m) {
        double s = 0;
        for (double v : m.values()) {
            s += v;
        }
        return s;
    }

    /** Per-topic accumulation: entry id to weight, so each lexicon entry counts once. */
    private static final class PerTopic {
        final Map<Integer, Double> core = new HashMap<>();
        final Map<Integer, Double> support = new HashMap<>();
        final Map<String, Double> context = new HashMap<>();
        boolean titleHit;
        boolean notable;
    }

    private static final class Tally implements PhraseIndex.Listener {
        final double titleWeight;
        final Map<Topic, PerTopic> perTopic = new EnumMap<>(Topic.class);
        final Set<String> reasons = new LinkedHashSet<>();
        boolean inTitle;

        Tally(double titleWeight) {
            this.titleWeight = titleWeight;
        }

        PerTopic topic(Topic t) {
            return perTopic.computeIfAbsent(t, k -> new PerTopic());
        }

        @Override
        public void onMatch(PhraseIndex.Entry e, int start) {
            switch (e.kind()) {
                case NEGATION -> reasons.add("negated: \"" + e.text() + "\"");
                case TERM -> {
                    PerTopic p = topic(e.topic());
                    double w = inTitle ? e.weight() * titleWeight : e.weight();
                    p.core.merge(e.entryId(), w, Math::max);
                    p.titleHit |= inTitle;
                    reasons.add(e.topic().wireName() + ": \"" + e.text() + "\"");
                }
                case SUPPORT -> topic(e.topic()).support.putIfAbsent(e.entryId(), e.weight());
                case CONTEXT -> {
                    if (topic(e.topic()).context.putIfAbsent(e.text(), e.weight()) == null) {
                        reasons.add(e.topic().wireName() + " context: \"" + e.text() + "\"");
                    }
                }
                case NOTABLE -> topic(e.topic()).notable = true;
                default -> throw new IllegalStateException("unknown kind " + e.kind());
            }
        }
    }
}
