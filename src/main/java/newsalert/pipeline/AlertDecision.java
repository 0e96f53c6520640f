package newsalert.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Why a story that has a topic was not alerted, with the value that decided it, in words for the operator's
 * log and for {@code scan --explain}. Kinds, in the order they are checked:
 * <ol>
 *   <li>{@link Kind#TOO_OLD}: published longer ago than {@code poll.max-age};</li>
 *   <li>{@link Kind#JOINED_EVENT}: it joined an event whose alert was already queued (the event alerts once;
 *       later stories only edit that alert when they change its counts);</li>
 *   <li>{@link Kind#BELOW_CUT}: its severity (and that of every story of its event) is below
 *       {@code analysis.alert-severity};</li>
 *   <li>{@link Kind#HELD_BY_MIN_OUTLETS}: its event has fewer distinct outlets than {@code events.min-outlets}.</li>
 * </ol>
 *
 * @param kind   the decision
 * @param reason one line, e.g. {@code too old: published 2025-06-10T00:00:00Z, older than poll.max-age 24h}
 */
public record AlertDecision(Kind kind, String reason) {
    /** The decisions that keep a story with a topic from alerting. */
    public enum Kind {
        TOO_OLD, JOINED_EVENT, BELOW_CUT, HELD_BY_MIN_OUTLETS
    }

    /** @return "too old: published …, older than poll.max-age …" */
    public static AlertDecision tooOld(Instant published, Duration maxAge) {
        return new AlertDecision(Kind.TOO_OLD, "too old: published " + published.truncatedTo(ChronoUnit.SECONDS)
                + ", older than poll.max-age " + human(maxAge));
    }

    /**
     * @param eventId       the event joined
     * @param standingTitle the headline of the story whose alert stands for the event
     * @return "joined event … ("…"), whose alert was already queued"
     */
    public static AlertDecision joinedEvent(String eventId, String standingTitle) {
        return new AlertDecision(Kind.JOINED_EVENT, "joined event " + eventId + " (\"" + standingTitle
                + "\"), whose alert was already queued; later stories only edit it when the counts change");
    }

    /**
     * @param severity the story's severity, 0–100
     * @param cut      {@code analysis.alert-severity}, or a negative number when unknown
     * @return "below the severity cut: severity 35 &lt; analysis.alert-severity 40"
     */
    public static AlertDecision belowCut(int severity, int cut) {
        return new AlertDecision(Kind.BELOW_CUT, "below the severity cut: severity " + severity
                + (cut >= 0 ? " < analysis.alert-severity " + cut : " is under analysis.alert-severity"));
    }

    /** @return "held by events.min-outlets: 1 of 2 outlets so far" */
    public static AlertDecision heldByMinOutlets(int outlets, int minOutlets) {
        return new AlertDecision(Kind.HELD_BY_MIN_OUTLETS, "held by events.min-outlets: " + outlets + " of "
                + minOutlets + " outlets so far");
    }

    /** @return the duration as a config file writes it: {@code 24h}, {@code 90m}, {@code 36h}, {@code 3d} */
    static String human(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        boolean wholeDays = d.toDays() >= 2 && d.equals(Duration.ofDays(d.toDays()));
        long days = wholeDays ? d.toDays() : 0;
        long hours = wholeDays ? 0 : d.toHours();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        if (days > 0) {
            sb.append(days).append('d');
        }
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (minutes > 0) {
            sb.append(minutes).append('m');
        }
        if (seconds > 0) {
            sb.append(seconds).append('s');
        }
        return sb.toString();
    }
}
