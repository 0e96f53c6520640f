package newsalert.platform.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import newsalert.command.CommandRegistry;
import newsalert.delivery.ChatPlatform;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot: JDA's {@link ShardManager} with a gateway session for each of this instance's shards
 * ({@link DiscordSettings#shards()}; one session when unsharded), which registers the slash commands, answers
 * those that arrive on its shards, and lends a shard's REST client to {@link DiscordPlatform} for deliveries to
 * any channel, whichever shard carries its guild.
 *
 * <p>JDA setup: only the non-privileged GUILDS intent (which JDA always sets; no optional intent is asked
 * for). Guilds, channels and roles are cached, which slash commands and permission checks need; no member list,
 * no message content; REST base from {@link DiscordSettings#apiUrl()}; gateway from
 * {@link DiscordSettings#gatewayUrl()} through the session controller, which hands it to the shard manager
 * instead of asking REST {@code /gateway/bot} (the token is checked with {@code GET users/@me} first, so a
 * refused token fails the start); shards after the first log in at most one per 5 s (Discord's IDENTIFY
 * limit); plain JSON frames without compression; no JVM shutdown hook (call {@link #close()}); HTTP calls
 * bounded by the request timeout. JDA reconnects and resumes each shard by itself after a dropped connection.
 *
 * <p>Commands are registered with one bulk overwrite on every READY (first login, or a new session after an
 * invalidated one) of one shard: globally on this instance's lowest shard, or in {@link DiscordSettings#guildId()}
 * when set, on the shard that carries that guild (an instance without it leaves the registration to the one
 * with it). {@link #commandsRegistered()} completes with the registered commands of the first.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    /** How long {@link #close()} waits for each shard's queued requests before cancelling them. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final ShardManager shards;
    private final ExecutorService commands;
    private final DiscordSettings settings;
    private final CompletableFuture<List<Command>> registered = new CompletableFuture<>();
    /** Completes when every shard of this instance has had its first READY. */
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final java.util.Set<Integer> readyShards = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final SlashCommandRouter router;
    private final List<SlashCommandData> slash;
    private volatile boolean answering;

    private DiscordBot(DiscordSettings settings, CommandRegistry registry, Clock clock, boolean answer,
                       DurableReplies replies, SlashCommandRouter.Scheduler replyRetries) {
        this.settings = settings;
        this.answering = answer;
        AtomicInteger n = new AtomicInteger();
        this.commands = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "discord-command-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.slash = SlashCommands.of(registry);
        if (replies != null) {
            // answers a stopped or killed run left undelivered go to their channels before new commands come in
            replies.sweep();
        }
        this.router = new SlashCommandRouter(registry, clock, commands, replyRetries, replies);
        String gateway = settings.gatewayUrl();
        DiscordShards mine = settings.shards();
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(),
                        EnumSet.noneOf(GatewayIntent.class))
                .setShardsTotal(mine.total())
                .setShards(mine.ids())
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }

                    @Override
                    public ShardedGateway getShardedGateway(JDA api) {
                        // what /gateway/bot would have checked: the token (InvalidTokenException when refused)
                        ((net.dv8tion.jda.internal.JDAImpl) api).verifyToken();
                        return new ShardedGateway(gateway, mine.total(), 1);
                    }
                })
                .setCompression(Compression.NONE)
                .setGatewayEncoding(net.dv8tion.jda.api.GatewayEncoding.JSON)
                .setEnableShutdownHook(false)
                .setHttpClientBuilder(new OkHttpClient.Builder().callTimeout(settings.requestTimeout()))
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onReady(ReadyEvent event) {
                        int shard = event.getJDA().getShardInfo().getShardId();
                        readyShards.add(shard);
                        if (readyShards.containsAll(mine.ids())) {
                            ready.complete(null);
                        }
                        if (answering && registersOn(shard)) {
                            register(event.getJDA(), slash);
                        }
                    }

                    @Override
                    public void onShutdown(ShutdownEvent event) {
                        String advice = shutdownAdvice(event.getCloseCode(), event.getJDA().getShardInfo());
                        if (advice != null) {
                            LOG.error(advice);
                        }
                    }
                });
        if (answer) {
            builder.addEventListeners(router);
        }
        ShardManager built = null;
        try {
            built = builder.build(false);
            built.login(); // the first shard logs in on this thread: a refused token throws here
            this.shards = built;
        } catch (RuntimeException e) {
            if (built != null) {
                built.shutdown();
            }
            commands.shutdownNow();
            throw e;
        }
        if (mine.sharded()) {
            LOG.info("Discord gateway: this instance opens {}; it answers the commands of the guilds on them and"
                    + " delivers to any channel", mine.describe());
        }
    }

    /**
     * Logs in and starts the gateway session (returns once the token is verified; READY follows).
     *
     * @param settings where Discord is and the token
     * @param registry the commands to offer
     * @param clock    the commands' time source
     * @return the running bot
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord refuses the token
     * @throws IllegalStateException when Discord cannot be reached
     */
    public static DiscordBot start(DiscordSettings settings, CommandRegistry registry, Clock clock) {
        return start(settings, registry, clock, null);
    }

    /**
     * As {@link #start(DiscordSettings, CommandRegistry, Clock)}; each slash command's answer is kept in the store
     * until Discord accepted it, and one its interaction cannot carry (token gone, replies failing for
     * {@link SlashCommandRouter#RETRY_UNTIL}) goes to the channel through the outbox ({@code replies}). Before taking
     * commands, the answers a stopped or killed run left undelivered are posted ({@link DurableReplies#sweep()}).
     *
     * @param replies the kept answers, or {@code null} (an answer the interaction cannot carry is then lost)
     */
    public static DiscordBot start(DiscordSettings settings, CommandRegistry registry, Clock clock,
                                   DurableReplies replies) {
        return new DiscordBot(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(registry,
                "registry"), Objects.requireNonNull(clock, "clock"), true, replies, SlashCommandRouter.Scheduler.daemon());
    }

    /** As {@link #start(DiscordSettings, CommandRegistry, Clock, SlashCommandRouter.ChannelFallback)}, for tests that
     * drive the reply retries themselves (and keep the answers in their store, or {@code null}). */
    static DiscordBot start(DiscordSettings settings, CommandRegistry registry, Clock clock,
                            DurableReplies replies, SlashCommandRouter.Scheduler replyRetries) {
        return new DiscordBot(settings, registry, clock, true, replies, replyRetries);
    }

    /**
     * Like {@link #start}, but the session only delivers: slash commands are neither registered nor answered
     * (another instance on the same database answers them) until {@link #answerCommands()}.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord refuses the token
     * @throws IllegalStateException when Discord cannot be reached
     */
    public static DiscordBot startForDelivery(DiscordSettings settings, CommandRegistry registry, Clock clock) {
        return startForDelivery(settings, registry, clock, null);
    }

    /**
     * As {@link #startForDelivery(DiscordSettings, CommandRegistry, Clock)}, with the kept answers for when it starts
     * answering commands ({@link #answerCommands()}).
     */
    public static DiscordBot startForDelivery(DiscordSettings settings, CommandRegistry registry, Clock clock,
                                              DurableReplies replies) {
        return new DiscordBot(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(registry,
                "registry"), Objects.requireNonNull(clock, "clock"), false, replies,
                SlashCommandRouter.Scheduler.daemon());
    }

    /**
     * Starts answering slash commands on a session started {@linkplain #startForDelivery for delivery only}:
     * registers them (at once when READY has come, else on READY) and routes interactions. Does nothing when
     * the bot already answers them.
     */
    public synchronized void answerCommands() {
        if (answering) {
            return;
        }
        answering = true;
        shards.addEventListener(router);
        for (int shard : readyShards) {
            JDA api = shards.getShardById(shard);
            if (api != null && registersOn(shard)) {
                register(api, slash);
            }
        }
    }

    /**
     * Stops answering slash commands (another instance took them over, issue 14): interactions are no longer
     * routed; the session stays up for delivery, and the commands stay registered with Discord. Does nothing
     * when the bot does not answer them.
     */
    public synchronized void stopAnsweringCommands() {
        if (!answering) {
            return;
        }
        answering = false;
        shards.removeEventListener(router);
    }

    /**
     * Waits for the first READY of every shard this instance opens (their guilds loaded).
     *
     * @return whether they came within {@code timeout}
     */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    /**
     * @return the delivery adapter over this bot's REST client, with the settings' request timeout: it sends to
     *         any channel by id, also in guilds that other instances' shards carry
     */
    public ChatPlatform platform() {
        return new DiscordPlatform(jda(), shards, settings.requestTimeout());
    }

    /** @return this instance's lowest shard that is running (the only one when unsharded), for REST and tests */
    public JDA jda() {
        for (int id : settings.shards().ids()) {
            JDA api = shards.getShardById(id);
            if (api != null) {
                return api;
            }
        }
        return shards.getShards().get(0);
    }

    /** @return the shard manager (all of this instance's gateway sessions) */
    public ShardManager shards() {
        return shards;
    }

    /** @return whether every shard of this instance has its gateway session connected */
    public boolean connected() {
        List<JDA> running = shards.getShards();
        return running.size() == settings.shards().ids().size()
                && running.stream().allMatch(api -> api.getStatus() == JDA.Status.CONNECTED);
    }

    /**
     * @return what to change when Discord closed a shard for good over its shard settings (4011: the bot is in
     *         too many servers for its shards; 4010: a shard id or total Discord does not accept), else
     *         {@code null}
     */
    static String shutdownAdvice(CloseCode code, JDA.ShardInfo shard) {
        if (code == CloseCode.SHARDING_REQUIRED) {
            return "Discord closed shard " + shard.getShardId() + " of " + shard.getShardTotal() + " for good: the bot is in too many servers for "
                    + shard.getShardTotal() + " shard(s) (Discord allows 2,500 per shard). Set discord.shards.total"
                    + " (env DISCORD_SHARDS_TOTAL) to at least servers / 1,000, the same on every instance, split"
                    + " discord.shards.ids over the instances, and restart them; until then this shard's commands go"
                    + " unanswered, and alerts still go out over REST";
        }
        if (code == CloseCode.INVALID_SHARD) {
            return "Discord refused shard " + shard.getShardId() + " of " + shard.getShardTotal() + ": check that every instance has the same"
                    + " discord.shards.total (env DISCORD_SHARDS_TOTAL) and discord.shards.ids below it, then restart;"
                    + " until then this shard's commands go unanswered, and alerts still go out over REST";
        }
        return null;
    }

    /** @return whether the commands are registered on READY of {@code shard} (see the class comment) */
    private boolean registersOn(int shard) {
        DiscordShards mine = settings.shards();
        if (settings.guildId() == null) {
            return shard == mine.ids().get(0);
        }
        int home = mine.shardOf(Long.parseLong(settings.guildId()));
        if (!mine.ids().contains(home)) {
            if (shard == mine.ids().get(0) && !registered.isDone()) {
                LOG.info("guild {} (discord.guild-id) is on shard {}, which another instance opens: that instance"
                        + " registers the commands", settings.guildId(), home);
                registered.complete(List.of());
            }
            return false;
        }
        return shard == home;
    }

    /** @return completes with the commands Discord confirmed at the first registration, or fails with its error */
    public CompletableFuture<List<Command>> commandsRegistered() {
        return registered;
    }

    private void register(JDA api, List<SlashCommandData> slash) {
        try {
            var action = settings.guildId() == null ? api.updateCommands() : guildCommands(api);
            if (action == null) {
                return;
            }
            action.addCommands(slash).queue(done -> {
                LOG.info("registered " + done.size() + " Discord commands"
                        + (settings.guildId() == null ? " globally" : " in guild " + settings.guildId()));
                registered.complete(done);
            }, e -> {
                LOG.error("registering Discord commands failed", e);
                registered.completeExceptionally(e);
            });
        } catch (RuntimeException e) {
            LOG.error("registering Discord commands failed", e);
            registered.completeExceptionally(e);
        }
    }

    private net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction guildCommands(JDA api) {
        Guild guild = api.getGuildById(settings.guildId());
        if (guild == null) {
            IllegalStateException e = new IllegalStateException("the bot is not in guild " + settings.guildId()
                    + " (discord.guild-id); commands not registered");
            LOG.error(e.getMessage());
            registered.completeExceptionally(e);
            return null;
        }
        return guild.updateCommands();
    }

    /**
     * Shuts every shard down (waiting up to 5 s each for queued requests, then cancelling them), stops starting
     * shards still queued, and stops the command threads.
     */
    @Override
    public void close() {
        commands.shutdown();
        List<JDA> running = shards.getShards();
        running.forEach(JDA::shutdown);
        shards.shutdown();
        try {
            for (JDA api : running) {
                if (!api.awaitShutdown(SHUTDOWN_WAIT)) {
                    api.shutdownNow();
                    api.awaitShutdown(Duration.ofSeconds(2));
                }
            }
            commands.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            running.forEach(JDA::shutdownNow);
            Thread.currentThread().interrupt();
        }
        commands.shutdownNow();
    }
}
