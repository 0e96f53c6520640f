package newsalert.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import newsalert.story.Topic;

/**
 * Vetoes that keep a second happening in the same city out of an event, even when its wording is alike
 * ("Russian drone attack on Kharkiv kills 4" and, the next night, "… kills 3").
 *
 * <p><b>Places</b> ({@link #placesAgree}): when the story names listed places, it must share one with more
 * than half of the event's members that name any. A round-up ("strikes hit Kharkiv and Odesa") may join a
 * Kharkiv event, but a strike on Odesa alone then shares a place with the round-up only, not with the
 * event's Kharkiv reports, so it does not join through the round-up.
 *
 * <p><b>Second report</b> ({@link #secondHappening}): the <i>earlier members</i> are the event's stories
 * published at least {@value #HOURS_LATER} h before the story. A story without follow-up wording
 * ({@link ReportCues}: "rises to", "has risen", "updated", "mourns" …) is a report of another happening
 * when, against the earlier members, any of these holds:
 * <ol>
 *   <li>it names a weapon class and the earlier members name weapons, none of them its own (a glide bomb
 *       in the afternoon after a drone attack at night);</li>
 *   <li>it states a killed count lower than one an earlier member states (tolls rise, and a falling one
 *       is said to be revised);</li>
 *   <li>it is an attack story stating a killed count and an earlier member comes from the same outlet (an
 *       outlet does not file two first reports of one attack hours apart; its analysis, reaction and
 *       commentary pieces, which state no toll or are not attack stories, are not held to this).</li>
 * </ol>
 * Toll updates ("death toll rises to 19") and stories within {@value #HOURS_LATER} h are never vetoed here.
 */
final class SeparateReportRule {
    /** How much earlier a member must be published to count as an earlier member, in hours. */
    static final long HOURS_LATER = 6;

    private SeparateReportRule() {
    }

    /**
     * @param f the story's features
     * @param e the candidate event
     * @return whether the places allow the story to join (true when the story or the event names none)
     */
    static boolean placesAgree(StoryFeatures f, EventState e) {
        if (f.places.isEmpty()) {
            return true;
        }
        int naming = 0;
        int sharing = 0;
        for (EventState.Member m : e.members) {
            Set<String> p = m.features().places;
            if (!p.isEmpty()) {
                naming++;
                if (!Collections.disjoint(p, f.places)) {
                    sharing++;
                }
            }
        }
        return naming == 0 || 2 * sharing > naming;
    }

    /**
     * @param f      the story's features
     * @param topics the story's topics
     * @param killed the story's killed minimum, or -1 when it states none
     * @param time   the story's published time
     * @param e      the candidate event
     * @return whether the story reports another happening than {@code e} (rule in the class comment)
     */
    static boolean secondHappening(StoryFeatures f, Set<Topic> topics, int killed, Instant time, EventState e) {
        if (f.cues.followUp()) {
            return false;
        }
        Instant cutoff = time.minus(Duration.ofHours(HOURS_LATER));
        boolean firstReportOfAttack = killed >= 0 && topics.contains(Topic.ATTACK);
        Set<String> earlierWeapons = new HashSet<>();
        for (EventState.Member m : e.members) {
            if (m.time().isAfter(cutoff)) {
                continue;
            }
            if (firstReportOfAttack && !f.source.isEmpty() && f.source.equals(m.features().source)) {
                return true;
            }
            if (killed >= 0 && EventGrouper.killedOf(m.assessment()) > killed) {
                return true;
            }
            earlierWeapons.addAll(m.features().cues.weapons());
        }
        return !f.cues.weapons().isEmpty() && !earlierWeapons.isEmpty()
                && Collections.disjoint(f.cues.weapons(), earlierWeapons);
    }
}
