package newsalert.analysis.text;

import java.util.Collection;

/**
 * A cheap first test for membership in a fixed set of words, run before the hash look-up. It never
 * says no to a member; it may say yes to a non-member, which the real look-up then rejects.
 *
 * <p>Rule: a word falls in one of {@code slots} buckets chosen by its first and last characters,
 * and each bucket holds a 64-bit mask of the lengths (mod 64) of the members in it. Most words of a
 * story share no bucket and length with any member, so they are rejected with one array read and no
 * hashing or string comparison. Immutable after construction; safe to share across threads.
 */
public final class WordFilter {
    private final long[] lengths;
    private final int mask;

    /**
     * @param words the members (may be empty; no nulls)
     * @param slots number of buckets, a power of two (e.g. 64 for a small list, 4096 for thousands)
     * @throws IllegalArgumentException when {@code slots} is not a positive power of two
     */
    public WordFilter(Collection<String> words, int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.lengths = new long[slots];
        this.mask = slots - 1;
        for (String w : words) {
            lengths[slot(w)] |= 1L << (w.length() & 63);
        }
    }

    /** @return false only when {@code w} is certainly not a member; {@code w} must not be null */
    public boolean mayContain(String w) {
        return (lengths[slot(w)] >>> (w.length() & 63) & 1L) != 0;
    }

    private int slot(String w) {
        int n = w.length();
        if (n == 0) {
            return 0;
        }
        return (w.charAt(0) * 31 + w.charAt(n - 1)) & mask;
    }
}
