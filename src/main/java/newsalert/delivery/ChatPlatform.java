package newsalert.delivery;

import java.util.List;
import newsalert.store.OutboxItem;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;

/**
 * The port a chat adapter (Telegram, Discord, console) implements for delivery. Implementations render the
 * alert for their platform, make one request, and translate the answer into a {@link SendResult}. They
 * should not throw: a thrown {@link RuntimeException} is treated by the worker as
 * {@link SendResult.Transient}. They must not retry 429s themselves; the worker does.
 */
public interface ChatPlatform {

    /** @return the platform whose targets this adapter serves */
    Platform platform();

    /** Sends one alert to the target (its chat, and forum topic when set). */
    SendResult send(Target target, Story story, Assessment assessment);

    /**
     * Sends one alert the way the chat wants it: times in {@link AlertStyle#zone()}, silently when
     * {@link AlertStyle#silent()}, pinging {@link AlertStyle#mention()} where the platform has mentions, with the
     * story's feed image when {@link AlertStyle#pictures()}. The default ignores the style (an adapter that
     * cannot honour it sends as {@link #send(Target, Story, Assessment)} does).
     */
    default SendResult send(Target target, Story story, Assessment assessment, AlertStyle style) {
        return send(target, story, assessment);
    }

    /**
     * Replaces the text of a message sent earlier (e.g. when a later story changes the casualty count).
     *
     * @param messageId the id from an earlier {@link SendResult.Sent}
     */
    SendResult edit(Target target, String messageId, Story story, Assessment assessment);

    /**
     * Like {@link #edit(Target, String, Story, Assessment)}, rendering times in the style's zone and keeping the
     * picture choice; an edit notifies nobody. The default ignores the style.
     */
    default SendResult edit(Target target, String messageId, Story story, Assessment assessment, AlertStyle style) {
        return edit(target, messageId, story, assessment);
    }

    /**
     * Posts a short text as a reply to a message sent earlier (a follow-up when an event's death toll rises
     * sharply, so members notice what an edit alone would hide). Escape the text for the platform.
     *
     * @param messageId the id from an earlier {@link SendResult.Sent}
     * @param text      one plain-text line
     */
    SendResult reply(Target target, String messageId, String text);

    /**
     * Posts a short text on its own (a notice to the chat, e.g. that a chat-added feed's alerts are held back
     * by its hourly cap). Escape the text for the platform. The default posts it through {@link #reply} with
     * no message to reply to; adapters whose reply needs one override this.
     *
     * @param text one or two plain-text sentences
     */
    default SendResult notice(Target target, String text) {
        return reply(target, null, text);
    }

    /**
     * Sends the answer to a chat command, queued in the outbox ({@link CommandReplyNote}): {@code body} is one
     * message in the form this platform's command side wrote it. Not silent, pings nobody. The default posts it as a
     * plain-text {@link #notice(Target, String)}.
     */
    default SendResult commandReply(Target target, String body) {
        return notice(target, body);
    }

    /**
     * @return whether the worker may merge this platform's backlog into one {@link #sendDigest} message (see
     *         {@link DeliverySettings#digestThreshold()}); true by default. The console says false: it has no
     *         flood limits, and prints every alert on its own.
     */
    default boolean mergesBacklog() {
        return true;
    }

    /**
     * @return how many sends to different targets this adapter may have in flight at once (issue 19: a send waits
     *         for the platform's answer, ~50 ms on a healthy Bot API, so one sender at a time cannot reach a 30/s
     *         limit); 1 by default. An adapter that answers more than 1 must be thread-safe; the worker never
     *         sends to one target from two threads at once, and keeps each target's order.
     */
    default int concurrentSends() {
        return 1;
    }

    /**
     * Sends one message that sums up several alerts (a backlog built up, e.g. after a long 429 or outage):
     * typically one line per story with its headline, casualty line and link, trimmed to the platform's
     * message limit (say how many were left out rather than failing).
     *
     * @param items the target's rows to merge, in id order, at least two
     */
    SendResult sendDigest(Target target, List<OutboxItem> items);

    /**
     * Like {@link #sendDigest(Target, List)}, silently or with a mention as the style says (decided on the most
     * severe row). The default ignores the style.
     */
    default SendResult sendDigest(Target target, List<OutboxItem> items, AlertStyle style) {
        return sendDigest(target, items);
    }

    /**
     * Renders a digest once, before its first try (issue 19 item 2): the worker stores the result with the digest
     * and sends it through {@link #sendRenderedDigest} on every try, so a retry is the identical message even when
     * a member's toll or title, or the chat's settings, changed meanwhile.
     *
     * @param items the rows merged, in id order, at least two
     * @param style the style decided when the digest was fixed (on its most severe row)
     * @return the message in a form only this adapter reads back (text, not bytes); {@code null} when this
     *         adapter renders at each try (the default), and the worker then calls {@link #sendDigest} each time
     */
    default String renderDigest(Target target, List<OutboxItem> items, AlertStyle style) {
        return null;
    }

    /**
     * Sends a digest rendered earlier by {@link #renderDigest}. The default, for adapters that render nothing,
     * renders it now.
     *
     * @param items    the digest's rows, in id order, as fixed (for the platform's dedupe key)
     * @param rendered what {@link #renderDigest} returned for these rows, possibly in an earlier process
     */
    default SendResult sendRenderedDigest(Target target, List<OutboxItem> items, String rendered) {
        return sendDigest(target, items);
    }

    /**
     * Like {@link #reply(Target, String, String)}, silently when the style says so (a follow-up in the chat's quiet
     * hours); follow-ups ping nobody. The default ignores the style.
     */
    default SendResult reply(Target target, String messageId, String text, AlertStyle style) {
        return reply(target, messageId, text);
    }

    /**
     * Like {@link #notice(Target, String)}, silently when the style says so (quiet hours); notices ping nobody. The
     * default ignores the style.
     */
    default SendResult notice(Target target, String text, AlertStyle style) {
        return notice(target, text);
    }

    /**
     * @return whether one part of a daily brief fits one message of this platform (Telegram: 4,096 characters of
     *         HTML; Discord: an embed's description and total limits); the default measures the plain text against
     *         4,000 characters
     */
    default boolean briefFits(Brief part) {
        return part.plainText().length() <= 4000;
    }

    /**
     * Sends one part of a chat's daily brief, silently when the style says so, pinging nobody. The default posts
     * {@link Brief#plainText()} as a notice.
     */
    default SendResult sendBrief(Target target, Brief brief, AlertStyle style) {
        return notice(target, brief.plainText(), style);
    }
}
