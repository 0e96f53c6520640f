package newsalert.event;

import java.time.Instant;
import newsalert.story.CasualtyCount;

/**
 * One outlet's figure for one casualty kind, as one story stated it: the provenance of a fused count.
 *
 * @param source    the outlet (feed title)
 * @param storyId   the story that stated it
 * @param count     the stated count (min, max, qualifier, evidence)
 * @param published the story's published time, or {@code null}
 */
public record CountReport(String source, String storyId, CasualtyCount count, Instant published) {
    public CountReport {
        if (count == null) {
            throw new IllegalArgumentException("count is required");
        }
        source = source == null ? "" : source;
    }
}
