package newsalert.analysis.text;

/**
 * Finds the next occurrence of any of a few characters in one string with {@link String#indexOf(int, int)},
 * which the JVM runs as a vectorised search, instead of testing every character in a Java loop. The next
 * position of each character is cached and searched again only once the scan has passed it, so a scan
 * from start to end reads the string about once per character sought, whatever the number of calls. A
 * character outside Latin-1 is found at once to be absent from a Latin-1 string.
 *
 * <p>One instance per string and scan; not thread-safe.
 */
public final class NextOf {
    private static final int UNKNOWN = -2;
    private final String s;
    private final char[] chars;
    private final int[] next;

    /**
     * @param s     the string to scan
     * @param chars the characters sought (a handful)
     */
    public NextOf(String s, char... chars) {
        this.s = s;
        this.chars = chars;
        this.next = new int[chars.length];
        java.util.Arrays.fill(next, UNKNOWN);
    }

    /**
     * @param from index to search from (0 or more)
     * @return the least index at or after {@code from} holding one of the characters, or
     *         {@code s.length()} when there is none
     */
    public int from(int from) {
        int best = s.length();
        for (int k = 0; k < chars.length; k++) {
            int at = next[k];
            if (at != -1 && at < from) {
                at = s.indexOf(chars[k], from);
                next[k] = at;
            }
            if (at >= 0 && at < best) {
                best = at;
            }
        }
        return best;
    }
}
