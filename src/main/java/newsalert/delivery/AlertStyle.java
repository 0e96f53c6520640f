package newsalert.delivery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Loudness;

/**
 * How one message goes to one target, decided by the delivery worker from the chat's {@link ChatSettings} and the
 * subscription's {@link Loudness} at the moment of sending; adapters only carry it out.
 *
 * @param zone     the zone the message's times are written in
 * @param silent   whether it goes without a notification (Telegram {@code disable_notification}, Discord
 *                 {@code SUPPRESS_NOTIFICATIONS})
 * @param mention  who to ping (Discord only): a role mention {@code <@&id>} or {@code @here}, else {@code null};
 *                 the message's allowed mentions then name exactly that
 * @param pictures whether the story's feed image may be shown (Discord embed thumbnail, Telegram link preview)
 */
public record AlertStyle(ZoneId zone, boolean silent, String mention, boolean pictures) {
    /** UTC, loud, no mention, pictures on: what adapters did before chats had settings. */
    public static final AlertStyle DEFAULT = new AlertStyle(ZoneOffset.UTC, false, null, true);

    public AlertStyle {
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /**
     * The rules of issue 18: an alert is silent when its severity is below the subscription's {@code quiet-below},
     * or when {@code now} falls in the chat's quiet hours and the severity is below
     * {@value ChatSettings#LOUD_IN_QUIET_HOURS}; a loud alert at or above {@code mention-at} pings the
     * subscription's mention (a silent one pings nobody).
     *
     * @param chat     the chat's settings
     * @param loudness the subscription's loudness ({@link Loudness#DEFAULT} when the target has no subscription)
     * @param severity the alert's severity, 0–100 (for a digest: its most severe row)
     * @param now      the time of sending
     * @return the style of this message
     */
    public static AlertStyle decide(ChatSettings chat, Loudness loudness, int severity, Instant now) {
        Objects.requireNonNull(chat, "chat");
        Loudness l = loudness == null ? Loudness.DEFAULT : loudness;
        boolean silent = severity < l.quietBelow()
                || (chat.quietAt(now) && severity < ChatSettings.LOUD_IN_QUIET_HOURS);
        String mention = !silent && l.mention() != null && severity >= l.mentionAt() ? l.mention() : null;
        return new AlertStyle(chat.zone(), silent, mention, chat.pictures());
    }

    /**
     * @return the style for an edit: not silent (an edit notifies nobody anyway), the mention kept as text so the
     *         edited alert reads as it did; adapters allow no mention in an edit, so nobody is pinged again
     */
    public AlertStyle forEdit() {
        return new AlertStyle(zone, false, mention, pictures);
    }

    /** @return the same style without the feed picture: for a message the platform refused as it was */
    public AlertStyle withoutPictures() {
        return new AlertStyle(zone, silent, mention, false);
    }

    /** @return the same style pinging nobody: for follow-ups, notices and briefs, which never mention */
    public AlertStyle withoutMention() {
        return new AlertStyle(zone, silent, null, pictures);
    }
}
