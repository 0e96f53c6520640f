package newsalert.analysis.topic;

import newsalert.analysis.text.PhraseIndex;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import newsalert.story.Topic;

/**
 * A compiled topic lexicon: the phrase index plus each topic's threshold and the severity
 * numbers. Immutable and thread-safe. Build one with {@link LexiconLoader}; the YAML format is
 * described in {@code newsalert/lexicon.yml}.
 */
public final class Lexicon {

    /**
     * Per-topic numbers.
     *
     * @param threshold  minimum score for the topic to be assigned
     * @param supportCap  most that support phrases may add
     * @param minEvidence how many distinct core or support entries must match for the topic
     */
    public record TopicRules(double threshold, double supportCap, int minEvidence) {
    }

    /**
     * The severity rule's numbers (points on the 0–100 scale unless said otherwise); see
     * {@link SeverityScorer} for how they combine.
     */
    public record SeverityRules(double attackBase, double diplomacyBase, double strengthPerPoint,
                                double strengthCap, double titleBonus, double notableBonus, double bothBonus,
                                double killedBase, double killedPerDecade, double killedCap,
                                double injuredBase, double injuredPerDecade, double injuredCap,
                                double casualtyAttackBoost) {
    }

    private final double titleWeight;
    private final Map<Topic, TopicRules> rules;
    private final SeverityRules severity;
    private final PhraseIndex index;
    private final BlastRule blasts;
    private final MeetingRule meetings;
    private final java.util.BitSet roles;
    private final java.util.BitSet facts;
    private final int phraseCount;
    private final String source;

    Lexicon(double titleWeight, Map<Topic, TopicRules> rules, SeverityRules severity, BlastRule blasts,
            MeetingRule meetings, List<PhraseIndex.Entry> entries, java.util.BitSet roles, java.util.BitSet facts,
            String source) {
        this.meetings = meetings;
        this.roles = (java.util.BitSet) roles.clone();
        this.facts = (java.util.BitSet) facts.clone();
        this.titleWeight = titleWeight;
        this.rules = new EnumMap<>(rules);
        this.severity = severity;
        this.blasts = blasts;
        this.index = new PhraseIndex(entries);
        this.phraseCount = entries.size();
        this.source = source;
    }

    /** @return the multiplier applied to a core term found in the title */
    public double titleWeight() {
        return titleWeight;
    }

    /**
     * @param topic a topic
     * @return its rules; every topic has rules
     */
    public TopicRules rules(Topic topic) {
        return rules.get(topic);
    }

    /** @return the severity numbers */
    public SeverityRules severity() {
        return severity;
    }

    /** @return how many expanded phrases (all kinds, all variants) the lexicon holds */
    public int phraseCount() {
        return phraseCount;
    }

    /** @return where the lexicon was read from (a path or a classpath resource name) */
    public String source() {
        return source;
    }

    /** @return the rule that reads a blast near a mosque, market or bomber as a bombing */
    public BlastRule blasts() {
        return blasts;
    }

    /** @return the rule that reads a leader's visit or meeting abroad as a diplomatic act */
    public MeetingRule meetings() {
        return meetings;
    }

    /**
     * @param entryId a term's entry id ({@link PhraseIndex.Entry#entryId()})
     * @return true when the term is a role title or body ("secretary of state", "ambassador"): it adds its
     *     weight, but a topic whose only terms are roles is not assigned (a role alone is no act)
     */
    boolean role(int entryId) {
        return roles.get(entryId);
    }

    /**
     * @param entryId a term's entry id
     * @return true when the term states a whole act ("recalled its ambassador", "vetoed a resolution",
     *     "announced sanctions", "swap 90 prisoners"): one such term is evidence enough and makes its topic
     *     unless context words or a negation speak against it
     */
    boolean fact(int entryId) {
        return facts.get(entryId);
    }

    /** @return true when some term of the lexicon is a role title */
    boolean hasRoles() {
        return !roles.isEmpty();
    }

    public PhraseIndex index() {
        return index;
    }
}
