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
 * Toll updates ("death toll rises to 19") and stories within {@value #HOURS_LATER} h are not vetoed by these.
 *
 * <p><b>Other happening</b> ({@link #otherHappening}), checked first and at any time gap, with or without
 * follow-up wording: an attack story is another happening than E when it and E (the union over E's
 * members, {@link HappeningCues}) both name what was hit and share no target class (a convoy vs a market),
 * both name the means and share no group (a roadside bomb vs an air strike), or both name the attacker and
 * share none (Russian vs Turkish warplanes). Means groups are coarse (drone, missile and shelling are one
 * group) so that outlets describing one attack differently still agree; an event whose stories name many
 * targets (a round-up) vetoes little, which errs towards joining.
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
        if (f.places.size() == 1) {
            int naming = e.naming;
            int sharing = e.namingPlace(f.places.iterator().next());
            return naming == 0 || 2 * sharing > naming;
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
        return secondHappening(f, topics, killed, time, e, null);
    }

    /**
     * The same as {@link #secondHappening(StoryFeatures, Set, int, Instant, EventState)}; when it returns true
     * and {@code why} is not null, appends which condition held and its values ("weapon differs 8.0 h later
     * (glide-bomb vs drone)"), for {@code scan --explain}.
     */
    static boolean secondHappening(StoryFeatures f, Set<Topic> topics, int killed, Instant time, EventState e,
                                   StringBuilder why) {
        if (topics.contains(Topic.ATTACK) && otherHappening(f.happening, e, why)) {
            return true;
        }
        if (f.cues.followUp()) {
            return false;
        }
        Instant cutoff = time.minus(Duration.ofHours(HOURS_LATER));
        boolean firstReportOfAttack = killed >= 0 && topics.contains(Topic.ATTACK);
        if (why == null) {
            if (e.first.isAfter(cutoff)) {
                return false; // no earlier member: nothing to compare with
            }
            return secondReport(f, killed, cutoff, firstReportOfAttack, e.earlier());
        }
        Set<String> earlierWeapons = new HashSet<>();
        for (EventState.Member m : e.members) {
            if (m.time().isAfter(cutoff)) {
                continue;
            }
            if (firstReportOfAttack && !f.source.isEmpty() && f.source.equals(m.features().source)) {
                if (why != null) {
                    why.append("same outlet ").append(m.story().source()).append(" reports a toll again ")
                            .append(JoinExplainer.hours(m.time(), time)).append(" h later, without update wording");
                }
                return true;
            }
            int earlierKilled = EventGrouper.killedOf(m.assessment());
            if (killed >= 0 && earlierKilled > killed) {
                if (why != null) {
                    why.append("lower toll ").append(killed).append(" killed < ").append(earlierKilled)
                            .append(" stated ").append(JoinExplainer.hours(m.time(), time))
                            .append(" h earlier, without update wording");
                }
                return true;
            }
            earlierWeapons.addAll(m.features().cues.weapons());
        }
        boolean otherWeapon = !f.cues.weapons().isEmpty() && !earlierWeapons.isEmpty()
                && Collections.disjoint(f.cues.weapons(), earlierWeapons);
        if (otherWeapon && why != null) {
            why.append("weapon differs ").append(JoinExplainer.hours(e.first, time)).append(" h later (")
                    .append(String.join(", ", new java.util.TreeSet<>(f.cues.weapons()))).append(" vs ")
                    .append(String.join(", ", new java.util.TreeSet<>(earlierWeapons))).append(')');
        }
        return otherWeapon;
    }

    /**
     * The walk below without walking: the same answer from {@link EventState.Earlier}'s aggregates (any earlier
     * member from the story's outlet; the highest earlier toll; the weapon classes earlier members name).
     */
    private static boolean secondReport(StoryFeatures f, int killed, Instant cutoff, boolean firstReportOfAttack,
                                        EventState.Earlier earlier) {
        int n = earlier.atOrBefore(cutoff);
        if (n == 0) {
            return false;
        }
        if (firstReportOfAttack && !f.source.isEmpty() && earlier.sourceBy(f.source, cutoff)) {
            return true;
        }
        if (killed >= 0 && earlier.maxKilled(n) > killed) {
            return true;
        }
        if (f.cues.weapons().isEmpty() || !earlier.anyWeaponBy(cutoff)) {
            return false;
        }
        for (String w : f.cues.weapons()) {
            if (earlier.weaponBy(w, cutoff)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param h   the story's targets, means and attackers
     * @param e   the candidate event
     * @param why when not null and the result is true, gets which cue differed ("target differs (market vs
     *            convoy)")
     * @return whether the story and the event both name targets, means or attackers and share none of one
     *         of them (checked in that order)
     */
    static boolean otherHappening(HappeningCues h, EventState e, StringBuilder why) {
        return differs("target", h.targets(), e.targets, why) || differs("means", h.means(), e.means, why)
                || differs("attacker", h.attackers(), e.attackers, why);
    }

    private static boolean differs(String what, Set<String> story, Set<String> event, StringBuilder why) {
        if (story.isEmpty() || event.isEmpty() || !Collections.disjoint(story, event)) {
            return false;
        }
        if (why != null) {
            why.append(what).append(" differs (").append(String.join(", ", new java.util.TreeSet<>(story)))
                    .append(" vs ").append(String.join(", ", new java.util.TreeSet<>(event))).append(')');
        }
        return true;
    }
}
