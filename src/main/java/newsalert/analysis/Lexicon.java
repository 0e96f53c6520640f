package newsalert.analysis;

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
    private final int phraseCount;
    private final String source;

    Lexicon(double titleWeight, Map<Topic, TopicRules> rules, SeverityRules severity, BlastRule blasts,
            List<PhraseIndex.Entry> entries, String source) {
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

    PhraseIndex index() {
        return index;
    }
}
