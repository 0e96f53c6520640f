package newsalert.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Why one story is in its event, as {@code scan --events --explain} prints it: recorded by an
 * {@link EventGrouper} built with {@code explain = true} when the story was offered.
 *
 * <p>{@code reason} starts with the decision and names the rule and the numbers that decided it, with
 * hours to one decimal and similarities (TF-IDF cosine, 0–1) to two:
 * <ul>
 *   <li>joined: {@code joined: wording 0.52 (needed 0.29: 0.20 base, +0.09 for 14.0 h later); without names
 *       0.35 (needed 0.10); places shared: kharkiv; same kind attack} — the similarity and the bar it
 *       cleared with each addition to the bar, the similarity of the wording alone, the places and names
 *       shared, the kind;</li>
 *   <li>started: {@code started the event} alone when no earlier event in the window shared a place or
 *       name, else followed by the closest refused candidate and the check that refused it, e.g.
 *       {@code ; closest of 2 candidates, e-…, refused: different place (odesa vs kharkiv)} (the closest is
 *       the one that passed the most checks, then the one nearest to its bar).</li>
 * </ul>
 *
 * @param storyId   the story's id
 * @param source    the story's outlet
 * @param published the story's published time, or {@code null}
 * @param decision  whether the story started its event or joined it
 * @param event     the event the story went into
 * @param reason    the explanation text, one line
 */
public record JoinExplanation(String storyId, String source, Instant published, Decision decision, EventId event,
                              String reason) {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What the grouper did with the story. */
    public enum Decision {
        /** the story started a new event */
        STARTED,
        /** the story joined an existing event */
        JOINED;

        /** @return {@code "started"} or {@code "joined"}, as in the JSON {@code decision} field */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @return the explanation line without indentation: outlet, published time ({@code MM-dd HH:mm} UTC, left
     *         out when unknown), then the reason, e.g. {@code Harbour Post 03-02 11:20: joined: wording 0.52 …}
     */
    public String line() {
        return source + (published == null ? "" : " " + HOUR.format(published)) + ": " + reason;
    }
}
