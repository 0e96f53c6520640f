package newsalert.analysis.topic;

import newsalert.analysis.text.EvidenceSpan;
import newsalert.analysis.text.PhraseIndex;
import newsalert.analysis.text.Tokenizer;
import newsalert.analysis.text.WordLists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import newsalert.story.Topic;

/**
 * One story's matches for {@link TopicClassifier}: sums per topic (arrays indexed by topic
 * ordinal; each lexicon entry counts once) and the evidence behind them.
 *
 * <p>Evidence rule: every distinct core term, negation, context phrase, blast-rule hit and
 * masked work title is kept with where it was first found. {@link #reasons()} gives at most
 * {@value #MAX_TERM_REASONS} term reasons (at most {@value #MAX_TERM_REASONS_PER_TOPIC} per topic when both
 * topics matched), strongest first (weight, title hits multiplied by the
 * title weight; ties in text order), then at most {@value #MAX_OTHER_REASONS} negation, set-aside ({@link TopicFrames}), work-title
 * and context reasons in text order. Each names the phrase and quotes the sentence it sits in
 * (see {@link EvidenceSpan}), e.g. {@code attack: "missile strike" in "A Russian missile strike
 * on …"}. Not thread-safe: one tally per classification.
 */
public final class TopicTally implements PhraseIndex.Listener {
    /** The most term reasons kept. */
    public static final int MAX_TERM_REASONS = 8;
    /** The most term reasons kept for one topic when both topics matched terms, so both show. */
    static final int MAX_TERM_REASONS_PER_TOPIC = 5;
    /** The most negation, set-aside, work-title and context reasons kept. */
    static final int MAX_OTHER_REASONS = 4;
    private static final int TOPICS = Topic.values().length;
    /** The most body tokens of a short item, whose body is its lede (a role title there is the story's). */
    static final int LEDE_TOKENS = 60;
    /** How many tokens after a role title a comment verb may stand. */
    static final int COMMENT_REACH = 3;
    private static final Set<String> COMMENT_VERBS = WordLists.TOPIC.set("comment_verbs");
    /** {@link Topic#wireName()} by ordinal, computed once (it lower-cases on every call). */
    private static final String[] WIRE_NAMES = java.util.Arrays.stream(Topic.values()).map(Topic::wireName)
            .toArray(String[]::new);

    final double titleWeight;
    final double[] core = new double[TOPICS];
    final double[] support = new double[TOPICS];
    final double[] context = new double[TOPICS];
    final int[] evidence = new int[TOPICS];
    final boolean[] titleHit = new boolean[TOPICS];
    final boolean[] strongTitle = new boolean[TOPICS];
    final boolean[] notable = new boolean[TOPICS];
    /** Per topic, the largest weight of one matched term before the title multiplier. */
    final double[] strongestTerm = new double[TOPICS];
    /** Per topic, how many distinct core entries matched that are not role titles ({@link Lexicon#role}). */
    final int[] acts = new int[TOPICS];
    /** Per topic, whether a fact term ({@link Lexicon#fact}) or the meeting rule matched. */
    final boolean[] fact = new boolean[TOPICS];
    /**
     * Per topic, whether a role title stands in the title as what the story is about, not as a commenter ("US
     * ambassador lobbied UK", but not "Secretary of State condemns killing": see {@link #commenting}).
     */
    final boolean[] roleInTitle = new boolean[TOPICS];
    /** Per topic, whether a role title stands, not commenting, in a body of at most {@link #LEDE_TOKENS} tokens. */
    final boolean[] roleAsLede = new boolean[TOPICS];
    /** Per topic, the role titles matched, as the lexicon writes them, in text order. */
    final List<List<String>> roles = new ArrayList<>(TOPICS);
    /** Whether a negation ("heart attack", "bomb threat") matched anywhere in the story. */
    boolean negated;
    /** Per lexicon entry id, the core weight counted so far (absent is 0). */
    private final SparseDoubles coreByEntry = new SparseDoubles();
    /**
     * Keys seen / given a reason; small hash tables, since the lexicon has thousands of keys and a
     * story matches few (arrays sized to the lexicon were most of a tally's allocation).
     */
    private final SparseDoubles sighted = new SparseDoubles();
    private final SparseDoubles reasoned = new SparseDoubles();
    private final List<Evidence> found = new ArrayList<>();
    /** Surface text of each attack term set aside by a frame. */
    private final List<String> setAside = new ArrayList<>(0);
    /** Lexicon keys already given a set-aside reason. */
    private final Set<Integer> setAsideReasoned = new java.util.HashSet<>(4);
    private final double strongTerm;
    private final Lexicon lexicon;
    private String text = "";
    private Tokenizer.Tokens tokens = Tokenizer.Tokens.EMPTY;
    private boolean inTitle;

    /** One reason with the place it was found. {@code term} reasons are ranked by strength. */
    private record Evidence(boolean term, int topic, double strength, int seq, String label, String text, int start, int end,
                            boolean headline) {
        String render() {
            StringBuilder out = new StringBuilder(label.length() + EvidenceSpan.MAX_CHARS + 8);
            out.append(label).append(" in \"");
            EvidenceSpan.appendSpan(out, text, start, end, headline);
            return out.append('"').toString();
        }
    }

    /**
     * @param lexicon    the lexicon, for its title weight and which terms are roles or facts
     * @param strongTerm the least weight of a core term that is strong in a title
     */
    TopicTally(Lexicon lexicon, double strongTerm) {
        this.lexicon = lexicon;
        this.titleWeight = lexicon.titleWeight();
        this.strongTerm = strongTerm;
        for (int k = 0; k < TOPICS; k++) {
            roles.add(new ArrayList<>(0));
        }
    }

    /** Sets the text the next matches come from. */
    void source(String text, Tokenizer.Tokens tokens, boolean inTitle) {
        this.text = text == null ? "" : text;
        this.tokens = tokens;
        this.inTitle = inTitle;
    }

    @Override
    public void onMatch(PhraseIndex.Entry e, int start) {
        switch (e.kind()) {
            case NEGATION -> {
                negated = true;
                if (!reasoned.has(e.key())) {
                    addReason(e, start, false, 0, "negated: \"" + e.text() + "\"");
                }
            }
            case TERM -> {
                if (e.topic() == Topic.ATTACK && setAside(e, start)) {
                    return;
                }
                int k = e.topic().ordinal();
                double w = inTitle ? e.weight() * titleWeight : e.weight();
                double old = coreByEntry.get(e.entryId());
                if (old == 0) {
                    evidence[k]++;
                    if (lexicon.role(e.entryId())) {
                        roles.get(k).add(e.text());
                        boolean subject = !commenting(start + e.tokens().length);
                        roleInTitle[k] |= inTitle && subject;
                        roleAsLede[k] |= !inTitle && subject && tokens.length() <= LEDE_TOKENS;
                    } else {
                        acts[k]++;
                    }
                }
                fact[k] |= lexicon.fact(e.entryId());
                if (w > old) {
                    core[k] += w - old;
                    coreByEntry.put(e.entryId(), w);
                }
                titleHit[k] |= inTitle;
                strongTitle[k] |= inTitle && e.weight() >= strongTerm;
                strongestTerm[k] = Math.max(strongestTerm[k], e.weight());
                if (!reasoned.has(e.key())) { // the label is built only for a reason not given yet
                    addReason(e, start, true, w, WIRE_NAMES[e.topic().ordinal()] + ": \"" + e.text() + "\"");
                }
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
                    if (!reasoned.has(e.key())) {
                        addReason(e, start, false, 0, WIRE_NAMES[e.topic().ordinal()] + " context: \"" + e.text() + "\"");
                    }
                }
            }
            case NOTABLE -> notable[e.topic().ordinal()] = true;
            default -> throw new IllegalStateException("unknown kind " + e.kind());
        }
    }

    /**
     * Adds the blast rule's core weight once.
     *
     * @param weight the rule's weight before the title multiplier
     * @param at     index of the blast word in the current source's tokens
     */
    void blast(double weight, int at) {
        int k = Topic.ATTACK.ordinal();
        double w = inTitle ? weight * titleWeight : weight;
        core[k] += w;
        evidence[k]++;
        acts[k]++;
        titleHit[k] |= inTitle;
        strongTitle[k] |= inTitle && weight >= strongTerm;
        strongestTerm[k] = Math.max(strongestTerm[k], weight);
        found.add(new Evidence(true, k, w, found.size(),
                Topic.ATTACK.wireName() + ": \"" + tokens.words()[at] + "\" near a target or bomber",
                text, tokens.starts()[at], tokens.ends()[at], inTitle));
    }

    /**
     * Adds the meeting rule's core diplomacy weight once: one act and one fact.
     *
     * @param weight the rule's weight before the title multiplier
     * @param hit    where it fired in the current source's tokens
     */
    void meeting(double weight, MeetingRule.Hit hit) {
        int k = Topic.DIPLOMACY.ordinal();
        double w = inTitle ? weight * titleWeight : weight;
        core[k] += w;
        evidence[k]++;
        acts[k]++;
        fact[k] = true;
        titleHit[k] |= inTitle;
        strongTitle[k] |= inTitle && weight >= strongTerm;
        strongestTerm[k] = Math.max(strongestTerm[k], weight);
        String[] w0 = tokens.words();
        found.add(new Evidence(true, k, w, found.size(),
                Topic.DIPLOMACY.wireName() + ": a visit or meeting abroad (\"" + w0[hit.leader()] + "\" + \""
                        + w0[hit.act()] + "\" + \"" + w0[hit.party()] + "\")",
                text, tokens.starts()[Math.min(hit.leader(), hit.act())],
                tokens.ends()[Math.max(hit.leader(), hit.party())], inTitle));
    }

    /** Records a quoted work title whose words were hidden from the lexicon. */
    void workTitle(WorkTitles.Title t) {
        String label = "work title: \"" + t.text() + "\"";
        if (found.stream().anyMatch(ev -> ev.label().equals(label))) {
            return;
        }
        found.add(new Evidence(false, 0, 0, found.size(), label, text,
                tokens.starts()[t.first()], tokens.ends()[t.last() - 1], inTitle));
    }

    /**
     * Sets an attack term aside when its clause frames it as hypothetical, past or background
     * ({@link TopicFrames}): it adds nothing, and its first such place becomes a reason.
     *
     * @return true when the term was set aside
     */
    private boolean setAside(PhraseIndex.Entry e, int start) {
        String frame = TopicFrames.frame(text, tokens, start, start + e.tokens().length);
        if (frame == null) {
            return false;
        }
        int last = Math.min(tokens.length() - 1, start + e.tokens().length - 1);
        int from = tokens.starts()[start];
        int to = Math.min(text.length(), tokens.ends()[last]);
        setAside.add(text.substring(from, to));
        if (setAsideReasoned.add(e.key())) {
            found.add(new Evidence(false, e.topic().ordinal(), 0, found.size(),
                    "attack set aside (" + frame + "): \"" + e.text() + "\"", text, from, to, inTitle));
        }
        return true;
    }

    /**
     * @param after index of the token after a role title
     * @return true when a word of {@code comment_verbs} ({@value WordLists#TOPIC_RESOURCE}) is one of the next
     *     {@value #COMMENT_REACH} tokens in the role's clause: the role holder only comments
     */
    private boolean commenting(int after) {
        String[] w = tokens.words();
        for (int k = after; k < Math.min(w.length, after + COMMENT_REACH); k++) {
            if (k > after && TopicFrames.clauseBreak(text, tokens, k)) {
                return false;
            }
            if (COMMENT_VERBS.contains(w[k])) {
                return true;
            }
        }
        return false;
    }

    /** @return the attack terms set aside by {@link TopicFrames}, as written in the text, in text order */
    List<String> setAside() {
        return List.copyOf(setAside);
    }

    /** @return true the first time this word or phrase is seen as support/context */
    private boolean firstSighting(PhraseIndex.Entry e) {
        if (sighted.has(e.key())) {
            return false;
        }
        sighted.put(e.key(), 1);
        return true;
    }

    private void addReason(PhraseIndex.Entry e, int start, boolean term, double strength, String label) {
        int topic = e.topic() == null ? 0 : e.topic().ordinal();
        if (reasoned.has(e.key())) {
            return;
        }
        reasoned.put(e.key(), 1);
        int last = Math.min(tokens.length() - 1, start + e.tokens().length - 1);
        found.add(new Evidence(term, topic, strength, found.size(), label, text, tokens.starts()[start],
                tokens.ends()[last], inTitle));
    }

    /** @return the reasons, following the class rule */
    List<String> reasons() {
        Set<String> out = new LinkedHashSet<>();
        List<Evidence> terms = new ArrayList<>();
        boolean[] topicHasTerm = new boolean[TOPICS];
        for (Evidence ev : found) {
            if (ev.term()) {
                terms.add(ev);
                topicHasTerm[ev.topic()] = true;
            }
        }
        int topicsWithTerms = 0;
        for (boolean b : topicHasTerm) {
            topicsWithTerms += b ? 1 : 0;
        }
        int perTopicLimit = topicsWithTerms > 1 ? MAX_TERM_REASONS_PER_TOPIC : MAX_TERM_REASONS;
        terms.sort(Comparator.comparingDouble(Evidence::strength).reversed().thenComparingInt(Evidence::seq));
        int[] perTopic = new int[TOPICS];
        int kept = 0;
        for (int i = 0; i < terms.size() && kept < MAX_TERM_REASONS; i++) {
            Evidence ev = terms.get(i);
            if (perTopic[ev.topic()]++ < perTopicLimit) {
                out.add(ev.render());
                kept++;
            }
        }
        int others = 0;
        for (int i = 0; i < found.size() && others < MAX_OTHER_REASONS; i++) {
            Evidence ev = found.get(i);
            if (!ev.term()) {
                out.add(ev.render());
                others++;
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * A small open-addressing table from non-negative int keys to doubles (absent keys read 0),
     * growing by doubling at half load. Holds the few lexicon ids one story matches.
     */
    private static final class SparseDoubles {
        /** key + 1, so that 0 marks an empty slot. */
        private int[] keys = new int[16];
        private double[] values = new double[16];
        private int size;

        boolean has(int key) {
            return keys[slot(keys, key)] != 0;
        }

        double get(int key) {
            int i = slot(keys, key);
            return keys[i] == 0 ? 0 : values[i];
        }

        void put(int key, double value) {
            int i = slot(keys, key);
            if (keys[i] == 0) {
                if (2 * (size + 1) > keys.length) {
                    grow();
                    i = slot(keys, key);
                }
                keys[i] = key + 1;
                size++;
            }
            values[i] = value;
        }

        private void grow() {
            int[] oldKeys = keys;
            double[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new double[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int j = slot(keys, oldKeys[i] - 1);
                    keys[j] = oldKeys[i];
                    values[j] = oldValues[i];
                }
            }
        }

        /** The slot holding {@code key}, or the empty slot where it would go. */
        private static int slot(int[] keys, int key) {
            int mask = keys.length - 1;
            int i = (key * 0x9E3779B9) >>> 16 & mask;
            while (keys[i] != 0 && keys[i] != key + 1) {
                i = (i + 1) & mask;
            }
            return i;
        }
    }
}
