package newsalert.story;

import java.util.Locale;

/** The kinds of happening newsalert alerts on. A story may carry both, or neither. */
public enum Topic {
    /** Armed violence against people or places: strikes, shelling, bombings, shootings, raids. */
    ATTACK,
    /** Talks, summits, envoys, sanctions, ceasefire negotiations, UN meetings, prisoner exchanges. */
    DIPLOMACY;

    /** @return the lower-case name used in JSON, config and commands ({@code "attack"}, {@code "diplomacy"}) */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name, case-insensitively.
     *
     * @param name {@code "attack"} or {@code "diplomacy"}
     * @return the topic
     * @throws IllegalArgumentException when the name is neither
     */
    public static Topic fromWireName(String name) {
        for (Topic t : values()) {
            if (t.wireName().equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown topic '" + name + "' (expected attack or diplomacy)");
    }
}
