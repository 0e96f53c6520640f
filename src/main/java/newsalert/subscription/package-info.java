/**
 * Who wants which alerts: {@link newsalert.subscription.Subscription}s of chat targets (a Telegram chat
 * or forum topic, a Discord channel, the console), moderators' {@link newsalert.subscription.KeywordRule}s
 * that apply to a whole chat, and the pure {@link newsalert.subscription.Router} that turns a story and
 * its assessment into the {@link newsalert.subscription.Target}s that should receive it. Java records over
 * {@code java.*} and {@code newsalert.story} only; no storage, no platform code.
 */
package newsalert.subscription;
