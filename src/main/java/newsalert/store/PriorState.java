package newsalert.store;

import java.util.Map;
import newsalert.story.Assessment;

/**
 * What the store knows about the entries of one feed read before the poller decides about them, read once per
 * read ({@link NewsStore#priorState}).
 *
 * @param seen    entry id → the content hash stored with it, for the read's entries this feed had before;
 *                {@code ""} when the entry was stored before hashes were kept (it counts as changed)
 * @param stories story id → what is stored about it, for the stories of the read's entries that are new or
 *                changed (an entry seen with the same hash is left out: it is skipped anyway)
 */
public record PriorState(Map<String, String> seen, Map<String, Stored> stories) {
    /** The state of a feed read whose entries the store has never seen. */
    public static final PriorState EMPTY = new PriorState(Map.of(), Map.of());

    public PriorState {
        seen = Map.copyOf(seen);
        stories = Map.copyOf(stories);
    }

    /**
     * One stored story, as far as the decision needs it.
     *
     * @param alertWorthy whether its own assessment was alert-worthy when last stored (kept by revisions)
     * @param chatOnly    whether it came only from chat-added feeds so far
     * @param assessment  its stored assessment (casualty counts and topics are what a revision compares)
     * @param editable    whether some target was sent its alert or has it pending (maybe on its way), so a
     *                    revision queues at least one edit
     * @param standingFor the alerted event it stands for (its alert shows the event), or {@code null}
     */
    public record Stored(boolean alertWorthy, boolean chatOnly, Assessment assessment, boolean editable,
                         String standingFor) {
    }
}
