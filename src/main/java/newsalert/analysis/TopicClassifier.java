package newsalert.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
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
 * term entry adds its weight once, multiplied by the lexicon's title weight when it occurs in the
 * title. If any core term matched, each distinct support word or phrase (killed, troops, minister,
 * country names…) adds its weight, up to the topic's support cap. Each distinct context word or phrase
 * (goal, shares, earthquake, union…) subtracts its penalty. For attack only, stated killed or
 * injured counts add the lexicon's casualty boost — but only when a core attack term matched, so
 * "earthquake kills 30" never becomes an attack. The topic is assigned when a core term matched,
 * the score reaches the topic's threshold, and at least {@code minEvidence} distinct core entries or
 * support words matched (one lone word is never enough) — except for a title-only story: when the
 * body has at most {@value #SHORT_BODY_TOKENS} tokens, one strong core term (weight at least
 * {@value #STRONG_TERM}, such as "summit", "airstrike" or "Israel strikes") in the title is enough
 * evidence on its own, since many feeds carry just a headline. The threshold still applies, so a
 * weak word ("strikes", "drone") in a bare headline never makes a topic.
 *
 * <p>A bare "blast" or "explosion" is only support, but the lexicon's {@link BlastRule} turns one
 * into a core attack term when a target (mosque, market, checkpoint) or a perpetrator (suicide,
 * bomber, militants) is near it and no accident word (tanker, factory, gas) is.
 *
 * <p>Scope: a mass shooting, a bombing or a terrorist knife attack is an attack; a single domestic
 * stabbing, a robbery or a police raid is crime and matches no core term. Sport, market, medical,
 * animal, computing, labour and disaster words are context that pushes both topics down, and
 * negations cancel fixed phrases ("heart attack", "on strike", "Attack on Titan", "merger talks").
 *
 * <p>Thread-safe; one instance can serve all threads.
 */
public final class TopicClassifier {
    private static final Topic[] TOPICS = Topic.values();
    /** A body with at most this many tokens makes the story title-only. */
    static final int SHORT_BODY_TOKENS = 12;
    /** The least weight of a core term that is evidence enough on its own in a title-only story. */
    static final double STRONG_TERM = 4.0;
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
        Tally tally = new Tally(lexicon.titleWeight(), lexicon.entryCount(), lexicon.keyCount());
        String[] titleTokens = Tokenizer.tokenize(title);
        String[] bodyTokens = Tokenizer.tokenize(body);
        tally.inTitle = true;
        lexicon.index().scan(titleTokens, tally);
        tally.inTitle = false;
        lexicon.index().scan(bodyTokens, tally);
        applyBlastRule(tally, titleTokens, bodyTokens);
        boolean titleOnly = bodyTokens.length <= SHORT_BODY_TOKENS;

        Map<Topic, TopicScore> scores = new EnumMap<>(Topic.class);
        for (Topic t : TOPICS) {
            int k = t.ordinal();
            Lexicon.TopicRules rules = lexicon.rules(t);
            double core = tally.core[k];
            double score = core;
            if (core > 0) {
                score += Math.min(rules.supportCap(), tally.support[k]);
                if (t == Topic.ATTACK && harmed(casualties)) {
                    score += lexicon.severity().casualtyAttackBoost();
                }
            }
            score -= tally.context[k];
            boolean enough = tally.evidence[k] >= rules.minEvidence() || titleOnly && tally.strongTitle[k];
            boolean assigned = core > 0 && score >= rules.threshold() && enough;
            scores.put(t, new TopicScore(score, core, assigned, tally.titleHit[k], tally.notable[k],
                    score - rules.threshold()));
        }
        return new Classification(scores, tally.reasons());
    }

    /** Adds the blast rule's core weight once, preferring a title hit. */
    private void applyBlastRule(Tally tally, String[] titleTokens, String[] bodyTokens) {
        BlastRule rule = lexicon.blasts();
        String word = rule.firstBombing(titleTokens);
        boolean inTitle = word != null;
        if (word == null) {
            word = rule.firstBombing(bodyTokens);
        }
        if (word == null) {
            return;
        }
        int k = Topic.ATTACK.ordinal();
        tally.core[k] += inTitle ? rule.weight() * tally.titleWeight : rule.weight();
        tally.evidence[k]++;
        tally.titleHit[k] |= inTitle;
        tally.strongTitle[k] |= inTitle && rule.weight() >= STRONG_TERM;
        tally.blastReason = Topic.ATTACK.wireName() + ": \"" + word + "\" near a target or bomber";
    }

    private static boolean harmed(Casualties c) {
        return positive(c.killed()) || positive(c.injured());
    }

    private static boolean positive(CasualtyCount c) {
        return c != null && c.min() > 0;
    }

    /** Accumulates one story's matches; arrays indexed by entry id so each entry counts once. */
    private static final class Tally implements PhraseIndex.Listener {
        final double titleWeight;
        final double[] coreByEntry;
        final double[] core = new double[TOPICS.length];
        final double[] support = new double[TOPICS.length];
        final double[] context = new double[TOPICS.length];
        final int[] evidence = new int[TOPICS.length];
        final boolean[] titleHit = new boolean[TOPICS.length];
        final boolean[] strongTitle = new boolean[TOPICS.length];
        String blastReason;
        final boolean[] notable = new boolean[TOPICS.length];
        final List<PhraseIndex.Entry> reasonEntries = new ArrayList<>();
        final boolean[] sighted;
        boolean inTitle;

        Tally(double titleWeight, int entryCount, int keyCount) {
            this.titleWeight = titleWeight;
            this.sighted = new boolean[keyCount];
            this.coreByEntry = new double[entryCount];
        }

        @Override
        public void onMatch(PhraseIndex.Entry e, int start) {
            switch (e.kind()) {
                case NEGATION -> addReason(e);
                case TERM -> {
                    int k = e.topic().ordinal();
                    double w = inTitle ? e.weight() * titleWeight : e.weight();
                    double old = coreByEntry[e.entryId()];
                    if (old == 0) {
                        evidence[k]++;
                    }
                    if (w > old) {
                        core[k] += w - old;
                        coreByEntry[e.entryId()] = w;
                    }
                    titleHit[k] |= inTitle;
                    strongTitle[k] |= inTitle && e.weight() >= STRONG_TERM;
                    addReason(e);
                }
                case SUPPORT -> {
                    if (firstSighting(e)) {
                        support[e.topic().ordinal()] += e.weight();
                        evidence[e.topic().ordinal()]++;
                    }
                }
                case CONTEXT -> {
                    if (firstSighting(e)) {
                        context[e.topic().ordinal()] += e.weight();
                        reasonEntries.add(e);
                    }
                }
                case NOTABLE -> notable[e.topic().ordinal()] = true;
                default -> throw new IllegalStateException("unknown kind " + e.kind());
            }
        }

        /** @return true the first time this topic sees this word or phrase as support/context */
        private boolean firstSighting(PhraseIndex.Entry e) {
            if (sighted[e.key()]) {
                return false;
            }
            sighted[e.key()] = true;
            return true;
        }

        private void addReason(PhraseIndex.Entry e) {
            for (PhraseIndex.Entry r : reasonEntries) {
                if (r.key() == e.key()) {
                    return;
                }
            }
            reasonEntries.add(e);
        }

        List<String> reasons() {
            Set<String> out = new LinkedHashSet<>();
            for (PhraseIndex.Entry e : reasonEntries) {
                out.add(switch (e.kind()) {
                    case NEGATION -> "negated: \"" + e.text() + "\"";
                    case CONTEXT -> e.topic().wireName() + " context: \"" + e.text() + "\"";
                    default -> e.topic().wireName() + ": \"" + e.text() + "\"";
                });
            }
            if (blastReason != null) {
                out.add(blastReason);
            }
            return new ArrayList<>(out);
        }
    }
}
