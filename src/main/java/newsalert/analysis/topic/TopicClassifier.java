package newsalert.analysis.topic;

import newsalert.analysis.text.Tokenizer;
import newsalert.analysis.text.WordFilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>Diplomacy on short items (issue 15, patterns 1, 2, 5): a lexicon term listed under {@code facts} ("recalled
 * its ambassador", "vetoed a resolution", "swap 90 prisoners") makes its topic alone, score and evidence aside,
 * when no context word and no negation matched; the lexicon's {@link MeetingRule} reads a leader's visit or
 * meeting abroad from the clause's shape and counts as such a fact; and a topic whose only terms are listed under
 * {@code roles} ("ambassador", "secretary of state") is not assigned when no role is the title's subject or
 * stands in a short item's lede (reason {@code diplomacy not counted: only a role title …}).
 *
 * <p>A bare "blast" or "explosion" is only support, but the lexicon's {@link BlastRule} turns one
 * into a core attack term when a target (mosque, market, checkpoint) or a perpetrator (suicide,
 * bomber, militants) is near it and no accident word (tanker, factory, gas) is.
 *
 * <p>Quoted titles of books, games and films ({@link WorkTitles}) are hidden from the lexicon, so
 * "the video game 'Drone Strike Tactics'" matches nothing. A ceasefire or summit story that only
 * mentions past fighting is diplomacy alone (see {@link #BACKGROUND_TERM}).
 *
 * <p>Evidence: the reasons name each matched term, negation and context phrase with the sentence it
 * was found in, strongest terms first and bounded in number (see {@link TopicTally}).
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
    /** Below this weight, body-only attack terms are background in a ceasefire or summit story. */
    static final double BACKGROUND_TERM = 3.0;
    private final Lexicon lexicon;
    /** Rejects most tokens before the blast rule's word-set probe. */
    private final WordFilter blastWords;
    /** The model beside the rules, or null for the rules alone. */
    private final TopicModel model;
    private final TopicModelRule modelRule;

    /**
     * The rules with the shipped {@link TopicModel} and its thresholds ({@link TopicModelRule#shipped()}).
     *
     * @param lexicon the compiled lexicon
     */
    public TopicClassifier(Lexicon lexicon) {
        this(lexicon, TopicModel.shipped(), TopicModelRule.shipped());
    }

    /**
     * @param lexicon   the compiled lexicon
     * @param model     the model beside the rules, or {@code null} for the rules alone
     * @param modelRule when the model overrules the rules (ignored without a model)
     */
    public TopicClassifier(Lexicon lexicon, TopicModel model, TopicModelRule modelRule) {
        this.lexicon = lexicon;
        this.blastWords = new WordFilter(lexicon.blasts().words(), 256);
        this.model = model;
        this.modelRule = modelRule;
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
        return classify(title, body, Tokenizer.lex(title), Tokenizer.lex(body), casualties);
    }

    /**
     * Same as {@link #classify(String, String, Casualties)} with the texts already tokenized.
     *
     * @param titleLexed {@link Tokenizer#lex} of {@code title}
     * @param bodyLexed  {@link Tokenizer#lex} of {@code body}
     */
    public Classification classify(String title, String body, Tokenizer.Lexed titleLexed, Tokenizer.Lexed bodyLexed,
                            Casualties casualties) {
        Tokenizer.Tokens titleTokens = titleLexed.tokens();
        Tokenizer.Tokens bodyTokens = bodyLexed.tokens();
        TopicTally tally = new TopicTally(lexicon, STRONG_TERM);
        tally.source(title, titleTokens, true);
        Tokenizer.Lexed titleScan = maskWorkTitles(title, titleLexed, tally);
        String[] titleWords = titleScan.tokens().words();
        lexicon.index().scan(titleWords, titleScan.ids(), tally);
        tally.source(body, bodyTokens, false);
        Tokenizer.Lexed bodyScan = maskWorkTitles(body, bodyLexed, tally);
        String[] bodyWords = bodyScan.tokens().words();
        lexicon.index().scan(bodyWords, bodyScan.ids(), tally);
        applyBlastRule(tally, title, titleTokens, titleWords, body, bodyTokens, bodyWords);
        applyMeetingRule(tally, title, titleTokens, titleWords, body, bodyTokens, bodyWords);
        boolean titleOnly = bodyTokens.length() <= SHORT_BODY_TOKENS;

        Map<Topic, TopicScore> scores = new EnumMap<>(Topic.class);
        int[] features = model == null ? null : model.match(titleLexed, bodyLexed);
        List<String> modelReasons = new ArrayList<>(0);
        List<String> notCounted = new ArrayList<>(0);
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
            boolean fact = factDecides(k, tally);
            boolean enough = tally.evidence[k] >= rules.minEvidence() || titleOnly && tally.strongTitle[k] || fact;
            boolean byRules = core > 0 && (score >= rules.threshold() || fact) && enough && !background(t, tally)
                    && !rolesOnly(k, tally);
            boolean assigned = byRules;
            if (model != null) {
                boolean mayAdd = tally.context[k] == 0 && !tally.negated
                        && (t != Topic.ATTACK || tally.setAside().isEmpty()) && !rolesOnly(k, tally);
                assigned = modelRule.decide(t, assigned, mayAdd, model.probability(t, features),
                        () -> model.score(t, features), modelReasons);
            }
            scores.put(t, new TopicScore(score, core, assigned, tally.titleHit[k], tally.notable[k],
                    score - rules.threshold()));
            if (core > 0 && !byRules && !assigned) {
                notCounted.add(notCounted(t, score, enough, tally));
            }
        }
        List<String> reasons = tally.reasons();
        if (!modelReasons.isEmpty() || !notCounted.isEmpty()) {
            reasons = new ArrayList<>(reasons);
            reasons.addAll(notCounted);
            reasons.addAll(modelReasons);
        }
        return new Classification(scores, reasons, tally.setAside());
    }

    /**
     * Says which rule kept a topic whose core terms matched from being assigned, with the deciding values, so
     * that a {@code why: diplomacy: …} line under a story with no topic reads with its answer. The first rule that
     * failed, in this order: background to a ceasefire or summit story (attack only), the score below the topic's
     * threshold (naming what context words took off), too little distinct evidence.
     *
     * @return e.g. {@code diplomacy not counted: score 2.5 is below its threshold 4.0 (context words took 3.0 off)}
     *         or {@code diplomacy not counted: 1 distinct term or support word, at least 2 needed}
     */
    private String notCounted(Topic t, double score, boolean enough, TopicTally tally) {
        int k = t.ordinal();
        Lexicon.TopicRules rules = lexicon.rules(t);
        String name = t.name().toLowerCase(Locale.ROOT) + " not counted: ";
        if (rolesOnly(k, tally)) {
            return name + "only a role title (" + String.join(", ", tally.roles.get(k).stream()
                    .map(r -> "\"" + r + "\"").toList()) + ") mentioned or commenting, no act such as talks, a visit or"
                    + " sanctions";
        }
        if (background(t, tally)) {
            return name + "background to a ceasefire or summit story (no attack term in the title, none of weight "
                    + number(BACKGROUND_TERM) + " or more)";
        }
        if (score < rules.threshold()) {
            return name + "score " + number(score) + " is below its threshold " + number(rules.threshold())
                    + (tally.context[k] > 0 ? " (context words took " + number(tally.context[k]) + " off)" : "");
        }
        int evidence = tally.evidence[k];
        return name + evidence + (evidence == 1 ? " distinct term or support word" : " distinct terms or support words")
                + ", at least " + rules.minEvidence() + " needed";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Hides the words of quoted work titles ({@link WorkTitles}) from the lexicon.
     *
     * @return the words to scan: the tokens, with each title's words blanked ("", id -1)
     */
    private static Tokenizer.Lexed maskWorkTitles(String text, Tokenizer.Lexed lexed, TopicTally tally) {
        Tokenizer.Tokens tokens = lexed.tokens();
        List<WorkTitles.Title> titles = tokens.length() == 0 ? List.of() : WorkTitles.find(text, tokens);
        if (titles.isEmpty()) {
            return lexed;
        }
        String[] words = tokens.words().clone();
        int[] ids = lexed.ids().clone();
        for (WorkTitles.Title t : titles) {
            Arrays.fill(words, t.first(), t.last(), "");
            Arrays.fill(ids, t.first(), t.last(), -1);
            tally.workTitle(t);
        }
        return new Tokenizer.Lexed(new Tokenizer.Tokens(words, tokens.starts(), tokens.ends()), ids, false);
    }

    /**
     * A fact term or the meeting rule decides alone (evidence and threshold aside) when no context word and no
     * negation matched: "Ukraine recalled its ambassador", "PM arrives in Japan".
     */
    private static boolean factDecides(int k, TopicTally tally) {
        return tally.fact[k] && tally.context[k] == 0 && !tally.negated;
    }

    /**
     * Pattern 5 of issue 15: every core term of the topic matched is a role title ("ambassador", "secretary of
     * state"), and none stands in the title as the story's subject: the roles are mentioned in passing in the body
     * ("former Foreign Secretary elected party leader") or comment on something else ("Secretary of State
     * condemns killing"). A role that is the title's subject ("Trump's ambassador lobbied UK") still counts, and
     * so does one in the body of a short item (at most {@value TopicTally#LEDE_TOKENS} body tokens: a headline and
     * a sentence or two, where the body is the lede and says what the story is about).
     */
    private static boolean rolesOnly(int k, TopicTally tally) {
        return tally.core[k] > 0 && tally.acts[k] == 0 && !tally.roleInTitle[k] && !tally.roleAsLede[k];
    }

    /** Adds the meeting rule's core weight once, preferring a title hit. */
    private void applyMeetingRule(TopicTally tally, String title, Tokenizer.Tokens titleTokens, String[] titleWords,
                                  String body, Tokenizer.Tokens bodyTokens, String[] bodyWords) {
        MeetingRule rule = lexicon.meetings();
        if (rule.weight() <= 0) {
            return;
        }
        MeetingRule.Hit hit = rule.find(title, titleTokens, titleWords);
        if (hit != null) {
            tally.source(title, titleTokens, true);
        } else {
            hit = rule.find(body, bodyTokens, bodyWords);
            tally.source(body, bodyTokens, false);
        }
        if (hit != null) {
            tally.meeting(rule.weight(), hit);
        }
    }

    /** Adds the blast rule's core weight once, preferring a title hit. */
    private void applyBlastRule(TopicTally tally, String title, Tokenizer.Tokens titleTokens, String[] titleWords,
                                String body, Tokenizer.Tokens bodyTokens, String[] bodyWords) {
        BlastRule rule = lexicon.blasts();
        int at = rule.firstBombingAt(titleWords, blastWords);
        if (at >= 0) {
            tally.source(title, titleTokens, true);
        } else {
            at = rule.firstBombingAt(bodyWords, blastWords);
            tally.source(body, bodyTokens, false);
        }
        if (at >= 0) {
            tally.blast(rule.weight(), at);
        }
    }

    /**
     * A ceasefire or peace story that only mentions past fighting: attack is background when the
     * diplomacy side holds a notable phrase (ceasefire, summit, sanctions…) and clears its own
     * threshold, while attack matched no term in the title and none of weight {@value #BACKGROUND_TERM}
     * or more ("clashes", "fighting" but not "air strike").
     */
    private boolean background(Topic t, TopicTally tally) {
        int a = Topic.ATTACK.ordinal();
        int d = Topic.DIPLOMACY.ordinal();
        return t == Topic.ATTACK && tally.notable[d] && !tally.titleHit[a]
                && tally.strongestTerm[a] < BACKGROUND_TERM
                && tally.core[d] >= lexicon.rules(Topic.DIPLOMACY).threshold();
    }

    private static boolean harmed(Casualties c) {
        return positive(c.killed()) || positive(c.injured());
    }

    private static boolean positive(CasualtyCount c) {
        return c != null && c.min() > 0;
    }
}
