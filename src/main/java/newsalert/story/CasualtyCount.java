package newsalert.story;

/**
 * One stated casualty count.
 *
 * @param min       the stated number, or the lower bound of a range; never negative
 * @param max       the upper bound when {@code qualifier} is {@link Qualifier#RANGE}, otherwise {@code null}
 * @param qualifier how the story qualifies the number
 */
public record CasualtyCount(int min, Integer max, Qualifier qualifier) {
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
