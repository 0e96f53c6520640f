package newsalert.subscription;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How loudly one subscription's alerts arrive, set by {@code quiet-below}, {@code mention} and
 * {@code mention-at}.
 *
 * @param quietBelow alerts with a severity below this (0–101) are sent silently (no notification sound);
 *                   0 (the default) keeps every alert loud
 * @param mention    on Discord, who is pinged for alerts at or above {@code mentionAt}: a role mention
 *                   {@code <@&id>} or {@code @here}; {@code null} for nobody (the default)
 * @param mentionAt  the lowest severity (0–100) that pings {@code mention}; {@value #DEFAULT_MENTION_AT} by default
 */
public record Loudness(int quietBelow, String mention, int mentionAt) {
    /** {@code mention-at} of a subscription that never set it. */
    public static final int DEFAULT_MENTION_AT = 80;
    /** Loud, nobody mentioned. */
    public static final Loudness DEFAULT = new Loudness(0, null, DEFAULT_MENTION_AT);
    /** What {@code mention} accepts: a Discord role mention or {@code @here}. */
    private static final Pattern MENTION = Pattern.compile("<@&\\d{1,20}>|@here");

    public Loudness {
        if (quietBelow < 0 || quietBelow > 101) {
            throw new IllegalArgumentException("quietBelow out of 0..101: " + quietBelow);
        }
        if (mentionAt < 0 || mentionAt > 100) {
            throw new IllegalArgumentException("mentionAt out of 0..100: " + mentionAt);
        }
        if (mention != null && !MENTION.matcher(mention).matches()) {
            throw new IllegalArgumentException("not a role mention or @here: " + mention);
        }
    }

    /**
     * @param text what a user typed: {@code <@&123>} (what Discord inserts for a picked role) or {@code @here} in any
     *             case ({@code @Here}, as other keywords)
     * @return the mention in stored form ({@code @here} in lower case), empty when it is neither
     */
    public static Optional<String> parseMention(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        if (t.equalsIgnoreCase("@here")) {
            return Optional.of("@here");
        }
        return MENTION.matcher(t).matches() ? Optional.of(t) : Optional.empty();
    }

    /** @return the role id of a role mention, empty for {@code @here} or none */
    public Optional<String> mentionedRole() {
        return mention != null && mention.startsWith("<@&")
                ? Optional.of(mention.substring(3, mention.length() - 1)) : Optional.empty();
    }

    /** @return a copy with another {@code quiet-below} */
    public Loudness withQuietBelow(int severity) {
        return new Loudness(severity, mention, mentionAt);
    }

    /** @return a copy with another mention ({@code null} for none) */
    public Loudness withMention(String m) {
        return new Loudness(quietBelow, m, mentionAt);
    }

    /** @return a copy with another {@code mention-at} */
    public Loudness withMentionAt(int severity) {
        return new Loudness(quietBelow, mention, severity);
    }
}
