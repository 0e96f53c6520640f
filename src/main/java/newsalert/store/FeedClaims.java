package newsalert.store;

import java.time.Instant;
import java.util.Map;

/**
 * What one {@link NewsStore#claimFeeds} call found for its batch of feeds.
 *
 * @param claimed    the feeds this instance now holds, by URL, with their states as stored when claimed (a feed
 *                   never polled has {@link FeedState#fresh}); this instance reads them and stores each read's
 *                   state, which releases the claim
 * @param unclaimed  every other feed of the batch, by URL, with its stored state ({@link FeedState#fresh} when
 *                   none): not due, or held by another instance
 * @param heldUntil  of the unclaimed feeds, those due but held by another instance's live claim, by URL, with
 *                   when that claim lapses
 */
public record FeedClaims(Map<String, FeedState> claimed, Map<String, FeedState> unclaimed,
                         Map<String, Instant> heldUntil) {
    public FeedClaims {
        claimed = Map.copyOf(claimed);
        unclaimed = Map.copyOf(unclaimed);
        heldUntil = Map.copyOf(heldUntil);
    }
}
