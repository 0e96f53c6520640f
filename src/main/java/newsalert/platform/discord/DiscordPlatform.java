package newsalert.platform.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.attribute.IGuildChannelContainer;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import newsalert.delivery.AlertStyle;
import newsalert.delivery.Brief;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.RenderedDigest;
import newsalert.delivery.SendResult;
import newsalert.store.OutboxItem;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to Discord channels through JDA's REST client.
 *
 * <p>Where: the channel is {@link Target#threadId()} (a guild channel), or {@link Target#chatId()} when there
 * is no thread id (a DM channel). The channel need not be in JDA's cache: requests go to the channel id
 * directly ({@code POST channels/{id}/messages}, {@code PATCH channels/{id}/messages/{message id}}).
 *
 * <p>What: the alert embed of {@link DiscordEmbeds}; when the channel is cached and the bot lacks Embed Links
 * there, the plain-text fallback instead. Every message carries allowed mentions "none", except an alert or
 * digest whose {@link AlertStyle} has a mention: it allows exactly that role (or {@code @here}). A silent style
 * sets the {@code SUPPRESS_NOTIFICATIONS} flag (4096). Creates carry a
 * nonce from {@link Nonces} and {@code enforce_nonce: true} (JDA puts both in every create body).
 *
 * <p>How: one call, made past JDA's rate-limit queue ({@code submit(false)}) on a thread of its own, waited for at
 * most the configured timeout (then given up: {@link SendResult.Transient} with its outcome unknown). So a 429
 * comes back as {@link SendResult.RateLimited} with Discord's retry-after instead of JDA waiting and retrying it
 * inside the call (which it does for queued requests, hiding the 429 and holding the worker). JDA still retries
 * 502/503/504 up to 3 more times itself (after 0.5, 1, 2 s), within the timeout, before
 * reporting the failure. See {@link DiscordErrors} for the mapping. Never throws.
 */
public final class DiscordPlatform implements ChatPlatform {
    /** How many sends to different chats may wait for the platform's answer at once (issue 19). */
    public static final int CONCURRENT_SENDS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(DiscordPlatform.class);

    /**
     * Runs the REST calls ({@link #call}): daemon threads, made as needed and ended after a minute idle; a call given
     * up on holds its thread until the HTTP client's call timeout ends it.
     */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "discord-rest-call");
        t.setDaemon(true);
        return t;
    });

    private final JDA jda;
    private final IGuildChannelContainer<Channel> cache;
    private final Duration timeout;

    /**
     * @param jda     a logged-in JDA (the bot's); only its REST client and channel cache are used
     * @param timeout the longest one call may take before it counts as {@link SendResult.Transient}
     */
    public DiscordPlatform(JDA jda, Duration timeout) {
        this(jda, jda, timeout);
    }

    /**
     * For a sharded bot: requests go through one shard's REST client to any channel, whichever shard (and
     * whichever instance) carries its guild; the channel cache ({@code cache}, the shard manager) only decides
     * the embed check, and a channel missing from it gets the embed.
     *
     * @param rest    a logged-in shard whose REST client sends
     * @param cache   where cached channels are looked up (all of this instance's shards)
     * @param timeout the longest one call may take before it counts as {@link SendResult.Transient}
     */
    public DiscordPlatform(JDA rest, IGuildChannelContainer<Channel> cache, Duration timeout) {
        this.jda = Objects.requireNonNull(rest, "rest");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    /**
     * @return {@value #CONCURRENT_SENDS}: the adapter keeps no state of its own between calls and its HTTP client is
     *         thread-safe, so the worker may have this many sends to different chats waiting for answers at once
     */
    @Override
    public int concurrentSends() {
        return CONCURRENT_SENDS;
    }

    @Override
    public SendResult send(Target target, Story story, Assessment assessment) {
        return send(target, story, assessment, AlertStyle.DEFAULT);
    }

    /**
     * Sends the alert as the style says: the {@code SUPPRESS_NOTIFICATIONS} flag when silent; the mention as the
     * message's content with allowed mentions naming exactly that role (or {@code @here}); the feed picture as
     * the embed's thumbnail when pictures are on; the plain-text fallback's time in the style's zone.
     */
    @Override
    public SendResult send(Target target, Story story, Assessment assessment, AlertStyle style) {
        String channel = channelOf(target);
        MessageCreateData data = alertMessage(channel, story, assessment, style, true);
        SendResult result = create(channel, data, Nonces.alert(story.id(), target));
        if (refusedWithPicture(result, story, style)) {
            // nothing was posted (the nonce is free again); the feed's picture address is the part of an alert
            // Discord is likeliest to refuse ("not a well formed URL": a port past 65535, an odd host)
            LOG.info("alert " + story.id() + " refused in " + channel + " with its picture; sent without it");
            result = create(channel, alertMessage(channel, story, assessment, style.withoutPictures(), true),
                    Nonces.alert(story.id(), target));
        }
        return result;
    }

    /** @return whether Discord refused a message that carried the story's picture as its thumbnail */
    private static boolean refusedWithPicture(SendResult result, Story story, AlertStyle style) {
        return result instanceof SendResult.Rejected && style.pictures() && story.image() != null;
    }

    @Override
    public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
        return edit(target, messageId, story, assessment, AlertStyle.DEFAULT);
    }

    /**
     * Edits the alert with the style's zone and picture choice; a mention stays in the text but allowed mentions
     * are "none" (an edit pings nobody).
     */
    @Override
    public SendResult edit(Target target, String messageId, Story story, Assessment assessment, AlertStyle style) {
        SendResult result = editOnce(target, messageId, story, assessment, style);
        if (refusedWithPicture(result, story, style)) {
            LOG.info("edit of " + messageId + " refused with its picture; made without it");
            result = editOnce(target, messageId, story, assessment, style.withoutPictures());
        }
        return result;
    }

    private SendResult editOnce(Target target, String messageId, Story story, Assessment assessment,
                                AlertStyle style) {
        String channel = channelOf(target);
        MessageCreateData data = alertMessage(channel, story, assessment, style, false);
        DataObject body = MessageEditBuilder.fromCreateData(data).setReplace(true).build().toData();
        Route.CompiledRoute route = Route.Messages.EDIT_MESSAGE.compile(channel, messageId);
        try {
            String id = call(new RestActionImpl<>(jda, route, body, (r, req) -> r.getObject().getString("id")));
            return new SendResult.Sent(id);
        } catch (Exception e) {
            if (DiscordErrors.isUnknownMessage(e)) {
                // the alert was deleted in the channel: nothing left to edit, and no reason to pause the channel
                LOG.info("message " + messageId + " in " + channel + " is gone; edit skipped");
                return new SendResult.Sent(messageId);
            }
            return DiscordErrors.toResult(e);
        }
    }

    /**
     * Posts {@code text} (markdown-escaped, no mentions) as a reply to the message, with a nonce of its own;
     * Discord is told not to fail when the message is gone ({@code fail_if_not_exists: false}).
     */
    @Override
    public SendResult reply(Target target, String messageId, String text) {
        return reply(target, messageId, text, AlertStyle.DEFAULT);
    }

    /** As {@link #reply(Target, String, String)}, with {@code SUPPRESS_NOTIFICATIONS} when the style is silent. */
    @Override
    public SendResult reply(Target target, String messageId, String text, AlertStyle style) {
        String channel = channelOf(target);
        MessageCreateData data = quiet(message(null, fit(DiscordText.escape(text))), style);
        DataObject body = data.toData().put("nonce", Nonces.reply(target, messageId, text)).put("enforce_nonce", true)
                .put("message_reference", DataObject.empty().put("message_id", messageId)
                        .put("fail_if_not_exists", false));
        return post(channel, body);
    }

    /**
     * Posts the text as a plain message of its own (no reference to an earlier message); the URLs in it (the
     * feed's) stay links, the rest is escaped, and mentions are off as for every message.
     */
    @Override
    public SendResult notice(Target target, String text) {
        return notice(target, text, AlertStyle.DEFAULT);
    }

    /**
     * Posts a slash command's answer that its interaction could not carry ({@link SlashCommandRouter}): the body is
     * Discord markdown as the router escaped it, sent as it is (cut to 2,000 characters); a body that starts with a
     * user mention ({@code <@id> }) pings exactly that user, the caller, and nobody else.
     */
    @Override
    public SendResult commandReply(Target target, String body) {
        java.util.regex.Matcher m = CALLER.matcher(body);
        MessageCreateBuilder b = new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setContent(fit(body));
        if (m.lookingAt()) {
            b.mentionUsers(m.group(1));
        }
        return create(channelOf(target), b.build(), Nonces.reply(target, "command", body));
    }

    /** The caller's mention a command answer posted in the channel starts with. */
    private static final java.util.regex.Pattern CALLER = java.util.regex.Pattern.compile("<@(\\d{1,20})> ");

    /** As {@link #notice(Target, String)}, with {@code SUPPRESS_NOTIFICATIONS} when the style is silent. */
    @Override
    public SendResult notice(Target target, String text, AlertStyle style) {
        return create(channelOf(target), quiet(message(null, fit(DiscordText.escapeKeepingLinks(text))), style),
                Nonces.reply(target, "", text));
    }

    /** @return whether the brief part's embed is within Discord's description and embed limits */
    @Override
    public boolean briefFits(Brief part) {
        return briefFitsOneMessage(part);
    }

    /**
     * @return whether the brief part's embed is within Discord's description and embed limits; needs no connection,
     *         so a wrapper that forwards to a platform not yet connected can split briefs all the same
     */
    public static boolean briefFitsOneMessage(Brief part) {
        return DiscordBrief.fits(part);
    }

    /**
     * Sends one part of a daily brief as an embed ({@link DiscordBrief}; plain markdown where the bot may not
     * embed), no mentions, {@code SUPPRESS_NOTIFICATIONS} when the style is silent; the nonce is the part's text, so
     * a retry of the same part is recognised by Discord.
     */
    @Override
    public SendResult sendBrief(Target target, Brief brief, AlertStyle style) {
        String channel = channelOf(target);
        MessageCreateData data = canEmbed(channel) ? message(DiscordBrief.embed(brief), null)
                : message(null, DiscordBrief.text(brief));
        return create(channel, quiet(data, style), Nonces.reply(target, "brief", brief.encode()));
    }

    /** @return the message with {@code SUPPRESS_NOTIFICATIONS} set when the style is silent */
    private static MessageCreateData quiet(MessageCreateData data, AlertStyle style) {
        return style.silent() ? MessageCreateBuilder.from(data).setSuppressedNotifications(true).build() : data;
    }

    @Override
    public SendResult sendDigest(Target target, List<OutboxItem> items) {
        return sendDigest(target, items, AlertStyle.DEFAULT);
    }

    /** Sends the digest, silent or with the mention as the style says (decided on its most severe row). */
    @Override
    public SendResult sendDigest(Target target, List<OutboxItem> items, AlertStyle style) {
        String channel = channelOf(target);
        MessageCreateData data = canEmbed(channel)
                ? styled(DiscordEmbeds.digest(items), null, style, true)
                : styled(null, DiscordEmbeds.digestText(items), style, true);
        return create(channel, data, Nonces.digest(target, items));
    }

    /**
     * Renders the digest once, before its first try: the embed (as Discord's JSON), the plain-text form for a
     * channel that cannot take embeds, and the style's loudness and mention.
     */
    @Override
    public String renderDigest(Target target, List<OutboxItem> items, AlertStyle style) {
        return rendered(items, style);
    }

    /**
     * The digest as {@link #renderDigest} stores it; needs no connection (an adapter waiting for its session may
     * fix a digest before the first try).
     *
     * @param items the rows merged, in id order
     * @param style the loudness and mention decided when the digest is fixed
     * @return the stored form ({@link RenderedDigest#encode})
     */
    public static String rendered(List<OutboxItem> items, AlertStyle style) {
        java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("embed", DiscordEmbeds.digest(items).toData().toString());
        parts.put("text", DiscordEmbeds.digestText(items));
        return new RenderedDigest(style.silent(), style.mention(), parts).encode();
    }

    /**
     * Sends the digest exactly as {@link #renderDigest} rendered it, with the same nonce as every other try of
     * these rows (rendered now, unstyled, if unreadable).
     */
    @Override
    public SendResult sendRenderedDigest(Target target, List<OutboxItem> items, String rendered) {
        java.util.Optional<RenderedDigest> digest = RenderedDigest.decode(rendered);
        if (digest.isEmpty() || digest.get().part("embed") == null || digest.get().part("text") == null) {
            return sendDigest(target, items);
        }
        RenderedDigest d = digest.get();
        AlertStyle style = new AlertStyle(java.time.ZoneOffset.UTC, d.silent(), d.mention(), false);
        String channel = channelOf(target);
        MessageCreateData data = canEmbed(channel)
                ? styled(EmbedBuilder.fromData(DataObject.fromJson(d.part("embed"))).build(), null, style, true)
                : styled(null, d.part("text"), style, true);
        return create(channel, data, Nonces.digest(target, items));
    }

    private MessageCreateData alertMessage(String channel, Story story, Assessment assessment, AlertStyle style,
                                           boolean ping) {
        return canEmbed(channel)
                ? styled(DiscordEmbeds.alert(story, assessment, style.pictures(), style.zone()), null, style, ping)
                : styled(null, DiscordEmbeds.alertText(story, assessment, style.zone()), style, ping);
    }

    /**
     * A message with the style's loudness: the mention (when any) leads the content, and when {@code ping} the
     * allowed mentions name exactly it (a role id, or "everyone" for {@code @here}); otherwise none. Silent
     * messages carry the {@code SUPPRESS_NOTIFICATIONS} flag.
     */
    private static MessageCreateData styled(MessageEmbed embed, String text, AlertStyle style, boolean ping) {
        String mention = style.mention();
        if (mention == null && !style.silent()) {
            return message(embed, text);
        }
        MessageCreateBuilder b = new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (embed != null) {
            b.setEmbeds(embed);
        }
        String content = text;
        if (mention != null) {
            content = text == null ? mention : DiscordText.cut(mention + "\n" + text, DiscordEmbeds.MESSAGE_MAX);
            if (ping && mention.startsWith("<@&")) {
                b.mentionRoles(List.of(mention.substring(3, mention.length() - 1)));
            } else if (ping) {
                b.setAllowedMentions(EnumSet.of(Message.MentionType.HERE));
            }
        }
        if (content != null) {
            b.setContent(content);
        }
        b.setSuppressedNotifications(style.silent());
        return b.build();
    }

    /** @return the channel a target's messages go to: its thread id, or its chat id for a DM */
    public static String channelOf(Target target) {
        return target.threadId() != null ? target.threadId() : target.chatId();
    }

    private SendResult create(String channel, MessageCreateData data, String nonce) {
        return post(channel, data.toData().put("nonce", nonce).put("enforce_nonce", true));
    }

    /** Creates a message from a ready request body; the result carries the new message's id. */
    private SendResult post(String channel, DataObject body) {
        Route.CompiledRoute route = Route.Messages.SEND_MESSAGE.compile(channel);
        try {
            return new SendResult.Sent(call(new RestActionImpl<>(jda, route, body,
                    (r, req) -> r.getObject().getString("id"))));
        } catch (Exception e) {
            return DiscordErrors.toResult(e);
        }
    }

    /**
     * Makes one REST call and waits for it at most {@link #timeout}. JDA runs a call made past its queue
     * ({@code submit(false)}) on the calling thread, including its own retries of a 502/503/504 (0.5, 1, 2 s
     * apart), so waiting on the future it returns bounds nothing: the call runs on {@link #CALLS} instead and this
     * thread waits for it. When the time is up, the call is given up: its check turns false and its deadline
     * passes, so JDA makes no further attempt of it, and an attempt already on the wire ends with the HTTP
     * client's own call timeout ({@code discord.request-timeout}, {@link DiscordBot}); its outcome is unknown
     * (a create carries its nonce, so the retry cannot post it twice).
     *
     * @throws TimeoutException when no answer came within the timeout
     * @throws Exception        what JDA reported ({@link DiscordErrors#toResult} maps it)
     */
    private String call(RestActionImpl<String> action) throws Exception {
        AtomicBoolean givenUp = new AtomicBoolean();
        action.setCheck(() -> !givenUp.get()).deadline(System.currentTimeMillis() + timeout.toMillis());
        CompletableFuture<String> future = CompletableFuture.supplyAsync(() -> action.submit(false).join(), CALLS);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException | InterruptedException e) {
            givenUp.set(true);
            future.cancel(false);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    /** Embeds unless the channel is cached and the bot lacks Embed Links there (uncached: try the embed). */
    private boolean canEmbed(String channelId) {
        try {
            GuildMessageChannel ch = cache.getChannelById(GuildMessageChannel.class, channelId);
            return ch == null || ch.getGuild().getSelfMember().hasPermission(ch, Permission.MESSAGE_EMBED_LINKS);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Discord's limit on a message's content, in UTF-16 units as JDA counts them. */
    static final int CONTENT_MAX = 2000;

    /**
     * @return the text cut to {@link #CONTENT_MAX} with "…" when longer (never inside a surrogate pair): a reply or
     *         notice naming a long address twice ran past the limit, JDA refused to build it, and the row held the
     *         channel's later messages (tester17e)
     */
    static String fit(String text) {
        if (text == null || text.length() <= CONTENT_MAX) {
            return text;
        }
        int end = CONTENT_MAX - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static MessageCreateData message(MessageEmbed embed, String text) {
        MessageCreateBuilder b = new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (embed != null) {
            b.setEmbeds(embed);
        } else {
            b.setContent(text);
        }
        return b.build();
    }
}
