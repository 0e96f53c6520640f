package newsalert.analysis.topic;

import java.util.ArrayList;
import java.util.List;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Topic;

/**
 * Turns a {@link Classification} and the stated {@link Casualties} into a severity from 0 to 100.
 * All numbers come from the lexicon's {@code severity} block ({@link Lexicon.SeverityRules}).
 *
 * <p>Rule. A story with no assigned topic scores 0. Each assigned topic scores
 * <pre>
 *   base(topic)                              attackBase / diplomacyBase
 * + min(strengthCap, strengthPerPoint × margin)   margin = topic score − threshold
 * + titleBonus      if a core term of the topic is in the title
 * + notableBonus    if a notable phrase matched (summit, Security Council, ceasefire, sanctions,
 *                   peace talks, envoy…; suicide bombing, massacre, missile strike…); half of it
 *                   when no core term of the topic is in the title (a story that only mentions
 *                   a past attack or a summit in passing)
 * </pre>
 * and attack adds casualty points (using the lower bound of each stated count):
 * <pre>
 *   killed k ≥ 1:   min(killedCap,  killedBase  + killedPerDecade  × log10 k)   default 1→12, 10→22, 100→32, 1000+→40
 *   injured n ≥ 1:  min(injuredCap, injuredBase + injuredPerDecade × log10 n)   default 1→4, 10→8, 100→12
 * </pre>
 * The severity is the larger topic score, plus {@code bothBonus} when both topics are assigned,
 * rounded and clamped to 0–100. With the default numbers a story that only just clears a
 * threshold from the body (no title hit) scores 24–32 and stays below the default alert level
 * of 40, while a title hit plus a clear body reaches it.
 */
public final class SeverityScorer {
    private final Lexicon.SeverityRules r;

    /** @param rules the severity numbers, usually {@code lexicon.severity()} */
    public SeverityScorer(Lexicon.SeverityRules rules) {
        this.r = rules;
    }

    /**
     * The severity and the casualty reasons that fed it.
     *
     * @param value   0–100
     * @param reasons e.g. {@code killed 19}, {@code injured at least 48}; empty when no casualty counted
     */
    public record Severity(int value, List<String> reasons) {
        public Severity {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * @param c          the classification of the story
     * @param casualties the stated counts, {@link Casualties#NONE} when none
     * @return the severity and casualty reasons
     */
    public Severity score(Classification c, Casualties casualties) {
        List<String> reasons = new ArrayList<>();
        double best = 0;
        int assigned = 0;
        TopicScore a = c.score(Topic.ATTACK);
        if (a.assigned()) {
            assigned++;
            double s = topicPoints(r.attackBase(), a);
            s += casualtyPoints(casualties.killed(), r.killedBase(), r.killedPerDecade(), r.killedCap(),
                    "killed", reasons);
            s += casualtyPoints(casualties.injured(), r.injuredBase(), r.injuredPerDecade(), r.injuredCap(),
                    "injured", reasons);
            best = Math.max(best, s);
        }
        TopicScore d = c.score(Topic.DIPLOMACY);
        if (d.assigned()) {
            assigned++;
            best = Math.max(best, topicPoints(r.diplomacyBase(), d));
        }
        if (assigned == 2) {
            best += r.bothBonus();
        }
        int value = (int) Math.max(0, Math.min(100, Math.round(best)));
        return new Severity(value, reasons);
    }

    private double topicPoints(double base, TopicScore s) {
        double p = base + Math.min(r.strengthCap(), r.strengthPerPoint() * Math.max(0, s.excess()));
        if (s.inTitle()) {
            p += r.titleBonus();
        }
        if (s.notable()) {
            p += s.inTitle() ? r.notableBonus() : r.notableBonus() / 2;
        }
        return p;
    }

    private static double casualtyPoints(CasualtyCount count, double base, double perDecade, double cap,
                                         String word, List<String> reasons) {
        if (count == null || count.min() <= 0) {
            return 0;
        }
        reasons.add(word + " " + count.display());
        return Math.min(cap, base + perDecade * Math.log10(count.min()));
    }
}
