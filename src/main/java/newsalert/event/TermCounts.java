package newsalert.event;

/**
 * Counts per term hash (any {@code int}), in an open-addressing table of primitive ints: the grouper's
 * document frequencies, looked up for every term of every story offered, without boxing.
 */
final class TermCounts {
    private int[] keys = new int[1024];
    private int[] counts = new int[1024];
    /** Slots in use; a slot is free when its count is 0 (counts only grow from 1). */
    private int used;

    /** Adds one to the term's count. */
    void increment(int key) {
        if (2 * (used + 1) > keys.length) {
            grow();
        }
        int at = slot(keys, counts, key);
        if (counts[at] == 0) {
            keys[at] = key;
            used++;
        }
        counts[at]++;
    }

    /** @return the term's count, 0 when never incremented */
    int get(int key) {
        return counts[slot(keys, counts, key)];
    }

    /** @return the slot holding {@code key}, or the free slot where it would go */
    private static int slot(int[] keys, int[] counts, int key) {
        int mask = keys.length - 1;
        int at = mix(key) & mask;
        while (counts[at] != 0 && keys[at] != key) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldCounts[i] != 0) {
                int at = slot(keys, counts, oldKeys[i]);
                keys[at] = oldKeys[i];
                counts[at] = oldCounts[i];
            }
        }
    }
}
