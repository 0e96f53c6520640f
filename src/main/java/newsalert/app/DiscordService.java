package newsalert.app;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import newsalert.command.CommandRegistry;
import newsalert.config.DiscordConfig;
import newsalert.delivery.AlertStyle;
import newsalert.delivery.Brief;
import newsalert.delivery.ChatPlatform;
import newsalert.metrics.Health;
import newsalert.delivery.SendResult;
import newsalert.platform.discord.DiscordBot;
import newsalert.platform.discord.DiscordPlatform;
import newsalert.platform.discord.DiscordSettings;
import newsalert.platform.discord.DiscordShards;
import newsalert.platform.discord.DurableReplies;
import newsalert.store.OutboxItem;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord as {@code run} uses it: one {@link DiscordBot} (JDA's shard manager: one gateway session per shard of
 * this instance, {@code discord.shards.*}) answers slash commands and its
 * {@link DiscordBot#platform()} delivers. A token Discord refuses stops {@code run} with the reason. When
 * Discord cannot be reached at start, {@code run} goes on: the adapter answers every send with
 * {@link SendResult.Transient} (so alerts wait in the outbox) and the bot is started again every
 * {@value #RETRY_SECONDS} s until it connects; JDA itself reconnects after a later drop. Slash-command answers are
 * kept in the store until Discord accepted them ({@link DurableReplies}); once the bot started, the answers other
 * instances (or an earlier run) left undelivered are posted to their channels every {@link DurableReplies#SWEEP_EVERY}.
 */
final class DiscordService implements ChatService {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordService.class);
    static final long RETRY_SECONDS = 30;

    private final DiscordSettings settings;
    private final CommandRegistry registry;
    private final Clock clock;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "discord-start");
        t.setDaemon(true);
        return t;
    });
    private volatile DiscordBot bot;
    private volatile boolean closed;
    /** Whether the bot should answer slash commands ({@link #start()}) or only deliver. */
    private boolean wantCommands;

    /**
     * Keeps slash-command answers until Discord accepted them and posts to the channel those their interaction could
     * not carry; {@code null}: nothing kept, such answers logged as lost.
     */
    private final DurableReplies replies;
    /** Whether the periodic sweep of cut-off answers is scheduled. */
    private boolean sweeping;

    private DiscordService(DiscordSettings settings, CommandRegistry registry, Clock clock, DurableReplies replies) {
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
        this.replies = replies;
    }

    /** @throws IllegalArgumentException when a setting is malformed (the message never holds the token) */
    static DiscordService create(DiscordConfig config, CommandRegistry registry, Clock clock) {
        return create(config, registry, clock, null);
    }

    /**
     * @param replies keeps each slash command's answer until Discord accepted it and posts it to the channel through
     *                the outbox when its interaction cannot carry it; answers cut off by a stop or kill of any
     *                instance are posted at the bot's start and then every {@link DurableReplies#SWEEP_EVERY}
     *                ({@link DurableReplies#sweep()})
     * @throws IllegalArgumentException when a setting is malformed (the message never holds the token)
     */
    static DiscordService create(DiscordConfig config, CommandRegistry registry, Clock clock,
                                 DurableReplies replies) {
        return new DiscordService(new DiscordSettings(config.token().strip(), config.apiUrl(), config.gatewayUrl(),
                config.guildId(), null, new DiscordShards(config.shards().shardsTotal(), config.shards().shardIds())),
                registry, clock, replies);
    }

    @Override
    public String name() {
        return "discord";
    }

    /**
     * @return the bot's platform once connected; until then one that keeps every alert queued. Every method of
     *         {@link ChatPlatform} is forwarded, the styled ones too: a method left to its default here would drop
     *         the chat's style (silent, mention, picture) or send a brief as plain text
     */
    @Override
    public ChatPlatform adapter() {
        return new ChatPlatform() {
            @Override
            public Platform platform() {
                return Platform.DISCORD;
            }

            private SendResult connected(java.util.function.Function<ChatPlatform, SendResult> call) {
                DiscordBot b = bot;
                return b == null ? notConnected() : call.apply(b.platform());
            }

            @Override
            public SendResult send(Target target, Story story, Assessment assessment) {
                return connected(p -> p.send(target, story, assessment));
            }

            @Override
            public SendResult send(Target target, Story story, Assessment assessment, AlertStyle style) {
                return connected(p -> p.send(target, story, assessment, style));
            }

            @Override
            public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
                return connected(p -> p.edit(target, messageId, story, assessment));
            }

            @Override
            public SendResult edit(Target target, String messageId, Story story, Assessment assessment,
                                   AlertStyle style) {
                return connected(p -> p.edit(target, messageId, story, assessment, style));
            }

            @Override
            public SendResult reply(Target target, String messageId, String text) {
                return connected(p -> p.reply(target, messageId, text));
            }

            @Override
            public SendResult reply(Target target, String messageId, String text, AlertStyle style) {
                return connected(p -> p.reply(target, messageId, text, style));
            }

            @Override
            public SendResult notice(Target target, String text) {
                return connected(p -> p.notice(target, text));
            }

            @Override
            public SendResult notice(Target target, String text, AlertStyle style) {
                return connected(p -> p.notice(target, text, style));
            }

            @Override
            public SendResult commandReply(Target target, String body) {
                return connected(p -> p.commandReply(target, body));
            }

            @Override
            public SendResult sendDigest(Target target, List<OutboxItem> items) {
                return connected(p -> p.sendDigest(target, items));
            }

            @Override
            public SendResult sendDigest(Target target, List<OutboxItem> items, AlertStyle style) {
                return connected(p -> p.sendDigest(target, items, style));
            }

            @Override
            public String renderDigest(Target target, List<OutboxItem> items, AlertStyle style) {
                return DiscordPlatform.rendered(items, style); // rendering needs no session
            }

            @Override
            public SendResult sendRenderedDigest(Target target, List<OutboxItem> items, String rendered) {
                return connected(p -> p.sendRenderedDigest(target, items, rendered));
            }

            @Override
            public boolean mergesBacklog() {
                return true; // as DiscordPlatform, connected or not
            }

            @Override
            public int concurrentSends() {
                return DiscordPlatform.CONCURRENT_SENDS; // as DiscordPlatform, connected or not
            }

            @Override
            public boolean briefFits(Brief part) {
                return DiscordPlatform.briefFitsOneMessage(part);
            }

            @Override
            public SendResult sendBrief(Target target, Brief brief, AlertStyle style) {
                return connected(p -> p.sendBrief(target, brief, style));
            }
        };
    }

    /**
     * Up while every gateway session of this instance's shards is connected; down before they connect and while
     * one reconnects.
     */
    @Override
    public Health.ChatState state() {
        DiscordBot b = bot;
        return b != null && b.connected() ? Health.ChatState.UP : Health.ChatState.DOWN;
    }

    /**
     * @return whether the gateway is split into shards ({@code discord.shards.total} above 1): each instance then
     *         answers the commands that arrive on its own shards, and no lease picks one instance for them
     */
    @Override
    public boolean ownsItsCommands() {
        return settings.shards().sharded();
    }

    private static SendResult notConnected() {
        return new SendResult.Transient("discord is not connected yet");
    }

    /**
     * For {@code run --once}: a failed start is not tried again (the process ends after one poll), and the log
     * line says so instead of promising a retry. Call before {@link #start()} or {@link #startForDelivery()}.
     */
    synchronized void once() {
        once = true;
    }

    /** @throws IllegalStateException when Discord refuses the token */
    @Override
    public synchronized void start() {
        wantCommands = true;
        connect();
    }

    /**
     * Connects for delivery only: slash commands are left to the instance that holds the delivery lease
     * (two sessions of one bot would both answer each interaction). {@link #start()} later turns them on.
     *
     * @throws IllegalStateException when Discord refuses the token
     */
    @Override
    public synchronized void startForDelivery() {
        connect();
    }

    private boolean once;

    /** Stops answering slash commands (another instance answers them now); delivery goes on over this session. */
    @Override
    public synchronized void stopCommands() {
        wantCommands = false;
        if (bot != null) {
            bot.stopAnsweringCommands();
        }
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        if (bot != null) {
            if (wantCommands) {
                bot.answerCommands();
            }
            return;
        }
        try {
            bot = wantCommands ? DiscordBot.start(settings, registry, clock, replies)
                    : DiscordBot.startForDelivery(settings, registry, clock, replies);
            if (replies != null && !once && !sweeping) {
                // an instance killed during its answers' retries leaves them to the others once its leases lapse
                long every = DurableReplies.SWEEP_EVERY.toMillis();
                retries.scheduleWithFixedDelay(replies::sweep, every, every, TimeUnit.MILLISECONDS);
                sweeping = true;
            }
        } catch (InvalidTokenException e) {
            throw new IllegalStateException("Discord refused the token (check discord.token or DISCORD_TOKEN)");
        } catch (RuntimeException e) {
            if (once) {
                LOG.warn("Discord could not start: {}; run --once polls once and stops without trying again, so"
                        + " alerts for Discord stay queued for the next run", StartFailure.describe("Discord", e));
                return;
            }
            LOG.warn("Discord could not start: {}; polling goes on, alerts stay queued, trying again in {} s",
                    StartFailure.describe("Discord", e), RETRY_SECONDS);
            retries.schedule(this::retry, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private synchronized void retry() {
        if (closed || bot != null) {
            return;
        }
        try {
            connect();
        } catch (IllegalStateException e) {
            LOG.error("{}; Discord stays off until newsalert is restarted with a valid token", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        DiscordBot b = bot;
        if (b != null) {
            b.close();
        }
    }
}
