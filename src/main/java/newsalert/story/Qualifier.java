package newsalert.story;

import java.util.Locale;

/** How exact a stated count is, as the story phrases it. */
public enum Qualifier {
    /** "19 people were killed". */
    EXACT,
    /** "at least 48", "dozens", "hundreds" (a floor). */
    AT_LEAST,
    /** "more than 40", "over 40". */
    MORE_THAN,
    /** "about 30", "nearly 30", "some 30", "around 30". */
    ABOUT,
    /** "between 20 and 25", "20 to 25": {@code min} and {@code max} both set. */
    RANGE;

    /** @return the JSON name: {@code exact}, {@code at_least}, {@code more_than}, {@code about}, {@code range} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
