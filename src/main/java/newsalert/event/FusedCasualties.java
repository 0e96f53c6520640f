package newsalert.event;

import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;

/**
 * An event's fused casualty counts; each is {@code null} when no story of the event states one.
 *
 * @param killed  fused killed count, or {@code null}
 * @param injured fused injured count, or {@code null}
 * @param missing fused missing count, or {@code null}
 */
public record FusedCasualties(FusedCount killed, FusedCount injured, FusedCount missing) {
    /** No counts. */
    public static final FusedCasualties NONE = new FusedCasualties(null, null, null);

    /** @return the plain counts (without provenance), for rendering with {@link Casualties#display()} */
    public Casualties counts() {
        return new Casualties(plain(killed), plain(injured), plain(missing));
    }

    private static CasualtyCount plain(FusedCount f) {
        return f == null ? null : f.count();
    }
}
