package newsalert.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import newsalert.story.Topic;

/**
 * Whether a story may join a candidate event, and by what margin.
 *
 * <p>A story joins candidate event E when all of these hold:
 * <ol>
 *   <li><b>time</b>: its published time lies within the window of E's first and newest stories;</li>
 *   <li><b>kind</b>: it shares a topic with E's kind — the topics of E's first story that had any (a
 *       story with both topics may join an attack or a diplomacy event); when the story or E has no topic
 *       the kind does not decide, but the wording must be 0.05 more alike;</li>
 *   <li><b>place</b>: when it names listed places, it shares one with more than half of E's stories that
 *       name any (strikes on two cities the same night stay apart, and a round-up naming both does not
 *       bridge them; {@link SeparateReportRule#placesAgree});</li>
 *   <li><b>not a second happening</b>: an attack story naming another target, means or attacker than E,
 *       at any time (a convoy bombing and a market air strike within the hour); or, hours later without
 *       follow-up wording, another weapon, a lower toll, or an attack report with a toll from an outlet
 *       already in E ({@link SeparateReportRule#secondHappening});</li>
 *   <li><b>wording</b>: similarity ≥ need, where similarity is the mean of the cosine with E's centroid
 *       (sum of its stories' term vectors) and the best cosine with one of E's last 8 stories — TF-IDF
 *       cosine over normalised title+lead terms, the vector-space measure of Salton and McGill
 *       (<i>Introduction to Modern Information Retrieval</i>, 1983): term weights from
 *       {@link StoryFeatures} times the smoothed IDF {@code ln((N+1)/(df+1)) + 1}, where N and df count the
 *       stories offered so far (fixed for each story when it is offered, so words every outlet uses for
 *       every strike — "killed", "said", a nationality — count for little); and
 *       need = {@code minSimilarity} + 0.3 × (hours since E's first story − 12) / 36, clamped to
 *       [0, 0.3], plus 0.15 when both name weekdays and none is shared ("on Monday" vs "on Wednesday") —
 *       and no join at all when that happens more than 24 h after E's first story —,
 *       plus 0.15 when the story states fewer than 60 % of the killed E already counts (a later report
 *       gives the same or a higher toll, rarely a much lower one), and minus 0.05 when both count deaths
 *       and the story's toll is the same or up to twice as high ("death toll rises to four"): the further apart in time, the more
 *       alike the wording must be, which keeps two strikes on one city two days apart in two events;</li>
 *   <li><b>wording without names</b>: the same similarity over the wording alone (no places, names or
 *       nationalities, see {@link StoryFeatures}) is at least {@code minWording}: sharing who and where is
 *       not enough, the stories must also say alike what happened.</li>
 * </ol>
 * The margin returned is similarity − need; the grouper picks the candidate with the largest.
 */
final class JoinRule {
    static final int RECENT_MEMBERS = 8;
    static final double TIME_PENALTY = 0.3;
    static final double WEEKDAY_PENALTY = 0.15;
    static final double WEEKDAY_HOURS = 24;
    static final double UNKNOWN_KIND_PENALTY = 0.05;
    static final double LOWER_TOLL_PENALTY = 0.15;
    static final double LOWER_TOLL_RATIO = 0.6;
    static final double TOLL_AGREES_BONUS = 0.05;
    static final double GRACE_HOURS = 12;
    static final double RAMP_HOURS = 36;

    private final EventSettings settings;
    /** Reused by every candidate's similarity ({@link #similarityOrBelow}); a rule serves one grouper. */
    private final TermMatches matches = new TermMatches();

    JoinRule(EventSettings settings) {
        this.settings = settings;
    }

    /** @return similarity minus need when the story may join {@code e}, else a negative number */
    double score(StoryFeatures f, Set<Topic> topics, int killed, Instant time, EventState e) {
        return score(f, topics, killed, time, e, null);
    }

    /**
     * The same as {@link #score(StoryFeatures, Set, int, Instant, EventState)}, also recording in {@code trace}
     * (when not null) which check decided and the numbers it compared, for {@code scan --explain}.
     */
    double score(StoryFeatures f, Set<Topic> topics, int killed, Instant time, EventState e, JoinTrace trace) {
        Duration window = settings.window();
        if (time.isBefore(e.first.minus(window)) || time.isAfter(e.last.plus(window))) {
            return refuse(trace, JoinTrace.Stage.TIME);
        }
        if (!topics.isEmpty() && !e.kinds.isEmpty() && Collections.disjoint(topics, e.kinds)) {
            return refuse(trace, JoinTrace.Stage.KIND);
        }
        if (!SeparateReportRule.placesAgree(f, e)) {
            return refuse(trace, JoinTrace.Stage.PLACE);
        }
        if (SeparateReportRule.secondHappening(f, topics, killed, time, e,
                trace == null ? null : trace.secondHappening)) {
            return refuse(trace, JoinTrace.Stage.SECOND_HAPPENING);
        }
        double hours = Math.abs(Duration.between(e.first, time).toMinutes()) / 60.0;
        double timePenalty = TIME_PENALTY * Math.min(1.0, Math.max(0.0, (hours - GRACE_HOURS) / RAMP_HOURS));
        double need = settings.minSimilarity() + timePenalty;
        if (trace != null) {
            trace.hours = hours;
            trace.timePenalty = timePenalty;
        }
        if (!f.weekdays.isEmpty() && !e.weekdays.isEmpty() && Collections.disjoint(f.weekdays, e.weekdays)) {
            if (trace != null) {
                trace.otherWeekday = true;
            }
            if (hours > WEEKDAY_HOURS) {
                return refuse(trace, JoinTrace.Stage.WEEKDAY);
            }
            need += WEEKDAY_PENALTY;
        }
        if (topics.isEmpty() != e.kinds.isEmpty()) {
            need += UNKNOWN_KIND_PENALTY;
            if (trace != null) {
                trace.unknownKind = true;
            }
        }
        if (killed >= 0 && e.killed > 0 && killed < LOWER_TOLL_RATIO * e.killed) {
            need += LOWER_TOLL_PENALTY;
            if (trace != null) {
                trace.toll = 1;
            }
        } else if (killed > 0 && e.killed > 0 && killed >= e.killed && killed <= 2 * e.killed) {
            need -= TOLL_AGREES_BONUS;
            if (trace != null) {
                trace.toll = -1;
            }
        }
        double sim = trace == null ? similarityOrBelow(f, e, need, matches) : similarity(f, e);
        if (trace != null) {
            trace.need = need;
            trace.similarity = sim;
        }
        if (sim < need) {
            return refuse(trace, JoinTrace.Stage.WORDING);
        }
        double wording = trace == null ? contentSimilarity(f, e, matches) : contentSimilarity(f, e);
        if (trace != null) {
            trace.wording = wording;
        }
        if (wording < settings.minWording()) {
            return refuse(trace, JoinTrace.Stage.WORDING_WITHOUT_NAMES);
        }
        return sim - need + 1e-9;
    }

    private static double refuse(JoinTrace trace, JoinTrace.Stage stage) {
        return trace == null ? -1 : trace.refuse(stage);
    }

    static double similarity(StoryFeatures f, EventState e) {
        double centroid = e.centroid.norm == 0 ? 0 : TermVector.dot(f.terms, e.centroid) / e.centroid.norm;
        double bestMember = 0;
        int from = Math.max(0, e.members.size() - RECENT_MEMBERS);
        for (int i = from; i < e.members.size(); i++) {
            bestMember = Math.max(bestMember, TermVector.dot(f.terms, e.members.get(i).features().terms));
        }
        return (centroid + bestMember) / 2;
    }

    /**
     * {@link #similarity} when it may reach {@code need}, else a number below {@code need} found without
     * the member dot products. The bound: weights are never negative, so each recent member's dot product
     * with the story is at most the story's dot product with the centroid (the sum of all members), and at
     * most 1 (both have length 1); {@link #BOUND_SLACK} covers the centroid's rounding. The story's terms are
     * matched against the centroid once: the member dot products are added up from those matches
     * ({@link RecentTerms}), in the same order as {@link #similarity} adds them.
     *
     * @param matches scratch space, overwritten
     */
    static double similarityOrBelow(StoryFeatures f, EventState e, double need, TermMatches matches) {
        if (e.centroid.norm == 0) {
            return similarity(f, e);
        }
        double raw = TermVector.dotMatching(f.terms, e.centroid, matches);
        double centroid = raw / e.centroid.norm;
        if ((centroid + Math.min(1.0, raw)) / 2 + BOUND_SLACK < need) {
            return -1;
        }
        return (centroid + e.recentTerms().bestDot(f.terms, matches)) / 2;
    }

    /** Added to an upper bound of the similarity so that rounding never refuses a story that would join. */
    private static final double BOUND_SLACK = 1e-6;

    /**
     * {@link #contentSimilarity(StoryFeatures, EventState)} to the last bit, with the story's wording terms matched
     * against the event's wording centroid once and the recent members' dot products added up from those matches
     * ({@link EventState#recentContent}), as {@link #similarityOrBelow} does for the whole vectors.
     *
     * @param matches scratch space, overwritten
     */
    static double contentSimilarity(StoryFeatures f, EventState e, TermMatches matches) {
        if (e.contentCentroid.norm == 0) {
            return contentSimilarity(f, e);
        }
        double centroid = TermVector.dotMatching(f.content, e.contentCentroid, matches) / e.contentCentroid.norm;
        return (centroid + e.recentContent().bestDot(f.content, matches)) / 2;
    }

    static double contentSimilarity(StoryFeatures f, EventState e) {
        double centroid = e.contentCentroid.norm == 0 ? 0
                : TermVector.dot(f.content, e.contentCentroid) / e.contentCentroid.norm;
        double bestMember = 0;
        int from = Math.max(0, e.members.size() - RECENT_MEMBERS);
        for (int i = from; i < e.members.size(); i++) {
            bestMember = Math.max(bestMember, TermVector.dot(f.content, e.members.get(i).features().content));
        }
        return (centroid + bestMember) / 2;
    }
}
