package newsalert.event;

/**
 * Where each term hash of a sorted, duplicate-free term array sits, found by hashing: open addressing with
 * linear probing in a table at most half full, so a look-up costs about one or two probes whatever the
 * array's length. Lets a story's few terms be found in an event's many ({@link TermVector#dotByLookup},
 * {@link RecentTerms#bestDot}) in O(story terms) instead of one merge pass over both arrays.
 *
 * <p>Immutable once built; it indexes term hashes, not weights, so it stays right when the weights change.
 * One int per table slot: the term hashes are read from the indexed array itself.
 */
final class TermIndex {
    /** The indexed array (not copied: it must not change). */
    private final int[] ids;
    /** Position + 1 in {@link #ids} of the term in each table slot; 0 = empty slot. */
    private final int[] positions;
    private final int shift;
    private final int mask;

    /**
     * @param ids term hashes, each at most once (an ascending {@link TermVector#ids} array)
     */
    TermIndex(int[] ids) {
        int bits = 2;
        while ((1 << bits) < 2 * ids.length) {
            bits++;
        }
        this.ids = ids;
        positions = new int[1 << bits];
        shift = 32 - bits;
        mask = (1 << bits) - 1;
        for (int p = 0; p < ids.length; p++) {
            int h = slot(ids[p]);
            while (positions[h] != 0) {
                h = (h + 1) & mask;
            }
            positions[h] = p + 1;
        }
    }

    private int slot(int id) {
        return (id * 0x9E3779B9) >>> shift;
    }

    /**
     * @param id a term hash
     * @return its position in the indexed array, or -1 when the array does not hold it
     */
    int find(int id) {
        int h = slot(id);
        while (true) {
            int p = positions[h];
            if (p == 0) {
                return -1;
            }
            if (ids[p - 1] == id) {
                return p - 1;
            }
            h = (h + 1) & mask;
        }
    }
}
