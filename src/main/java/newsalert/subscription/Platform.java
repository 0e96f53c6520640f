package newsalert.subscription;

import java.util.Locale;

/** The chat platforms a target can live on. Stored and shown by {@link #wireName()}. */
public enum Platform {
    /** A Telegram private chat, group, supergroup (optionally a forum topic) or channel. */
    TELEGRAM,
    /** A Discord channel. */
    DISCORD,
    /** The process's standard output (no chat); used when no platform token is configured. */
    CONSOLE;

    /** @return the lower-case name used in the database and config ({@code "telegram"}, …) */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a wire name, case-insensitively
     * @return the platform
     * @throws IllegalArgumentException when the name is not a platform
     */
    public static Platform fromWireName(String name) {
        for (Platform p : values()) {
            if (p.wireName().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + name + "' (expected telegram, discord or console)");
    }
}
