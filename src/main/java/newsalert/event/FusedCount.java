package newsalert.event;

import java.util.List;
import newsalert.story.CasualtyCount;

/**
 * A casualty count fused from an event's stories (see {@link CasualtyFusion}), with its provenance.
 *
 * @param count   the fused count: one outlet's stated figure, chosen by the fusion rule
 * @param sources every figure any story of the event stated for this kind, in published order (stories
 *                without a time last, in the order they were added)
 */
public record FusedCount(CasualtyCount count, List<CountReport> sources) {
    public FusedCount {
        if (count == null) {
            throw new IllegalArgumentException("count is required");
        }
        sources = List.copyOf(sources);
    }
}
