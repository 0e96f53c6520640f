package newsalert.story;

/**
 * One stated casualty count.
 *
 * <p>Equality compares the count ({@code min}, {@code max}, {@code qualifier}) only: {@code evidence}
 * explains where a count came from and is not part of its value.
 *
 * @param min       the stated number, or the lower bound of a range; never negative
 * @param max       the upper bound when {@code qualifier} is {@link Qualifier#RANGE}, otherwise {@code null}
 * @param qualifier how the story qualifies the number
 * @param evidence  the sentence (or clause) of the story the count was read from, or {@code null}
 */
public record CasualtyCount(int min, Integer max, Qualifier qualifier, String evidence) {
    /** A count without evidence. */
    public CasualtyCount(int min, Integer max, Qualifier qualifier) {
        this(min, max, qualifier, null);
    }

    public CasualtyCount {
        if (min < 0) {
            throw new IllegalArgumentException("min must be >= 0: " + min);
        }
        if (qualifier == null) {
            throw new IllegalArgumentException("qualifier is required");
        }
        if (max != null && max < min) {
            throw new IllegalArgumentException("max " + max + " < min " + min);
        }
    }

    /** @return an exact count of {@code n} */
    public static CasualtyCount exact(int n) {
        return new CasualtyCount(n, null, Qualifier.EXACT);
    }

    /** @return a count qualified as {@code q} with no upper bound */
    public static CasualtyCount of(int n, Qualifier q) {
        return new CasualtyCount(n, null, q);
    }

    /** @return a range count {@code min..max} */
    public static CasualtyCount range(int min, int max) {
        return new CasualtyCount(min, max, Qualifier.RANGE);
    }

    /**
     * @param text the sentence the count was read from
     * @return this count carrying {@code text} as its evidence
     */
    public CasualtyCount withEvidence(String text) {
        return new CasualtyCount(min, max, qualifier, text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CasualtyCount c && c.min == min && java.util.Objects.equals(c.max, max)
                && c.qualifier == qualifier;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(min, max, qualifier);
    }

    /** @return a short human form: "19", "at least 48", "more than 40", "about 30", "20–25" */
    public String display() {
        return switch (qualifier) {
            case EXACT -> Integer.toString(min);
            case AT_LEAST -> "at least " + min;
            case MORE_THAN -> "more than " + min;
            case ABOUT -> "about " + min;
            case RANGE -> min + "–" + max;
        };
    }
}
