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
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import newsalert.command.CommandRegistry;
import newsalert.delivery.ChatPlatform;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot: one JDA session that registers the slash commands, answers them, and lends its REST
 * client to {@link DiscordPlatform} for deliveries.
 *
 * <p>JDA setup: only the non-privileged GUILDS intent (which JDA always sets; no optional intent is asked
 * for). Guilds, channels and roles are cached, which slash commands and permission checks need; no member list, no message content); REST base
 * from {@link DiscordSettings#apiUrl()}; gateway from {@link DiscordSettings#gatewayUrl()} through the
 * session controller (an unsharded JDA never asks REST {@code /gateway/bot}); plain JSON frames without
 * compression; no JVM shutdown hook (call {@link #close()}); HTTP calls bounded by the request timeout.
 * JDA reconnects and resumes by itself after a dropped gateway connection.
 *
 * <p>On every READY (first login, or a new session after an invalidated one) the commands are registered
 * with one bulk overwrite: globally, or on {@link DiscordSettings#guildId()} when set (that guild must be
 * one the bot is in). {@link #commandsRegistered()} completes with the registered commands of the first.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    private final JDA jda;
    private final ExecutorService commands;
    private final DiscordSettings settings;
    private final CompletableFuture<List<Command>> registered = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final SlashCommandRouter router;
    private final List<SlashCommandData> slash;
    private volatile boolean answering;

    private DiscordBot(DiscordSettings settings, CommandRegistry registry, Clock clock, boolean answer) {
        this.settings = settings;
        this.answering = answer;
        AtomicInteger n = new AtomicInteger();
        this.commands = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "discord-command-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.slash = SlashCommands.of(registry);
        this.router = new SlashCommandRouter(registry, clock, commands);
        String gateway = settings.gatewayUrl();
        JDABuilder builder = JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .setCompression(Compression.NONE)
                .setGatewayEncoding(net.dv8tion.jda.api.GatewayEncoding.JSON)
                .setEnableShutdownHook(false)
                .setHttpClientBuilder(new OkHttpClient.Builder().callTimeout(settings.requestTimeout()))
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onReady(ReadyEvent event) {
                        ready.complete(null);
                        if (answering) {
                            register(event.getJDA(), slash);
                        }
                    }
                });
        if (answer) {
            builder.addEventListeners(router);
        }
        try {
            this.jda = builder.build();
        } catch (RuntimeException e) {
            commands.shutdownNow();
            throw e;
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
        return new DiscordBot(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(registry,
                "registry"), Objects.requireNonNull(clock, "clock"), true);
    }

    /**
     * Like {@link #start}, but the session only delivers: slash commands are neither registered nor answered
     * (another instance on the same database answers them) until {@link #answerCommands()}.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord refuses the token
     * @throws IllegalStateException when Discord cannot be reached
     */
    public static DiscordBot startForDelivery(DiscordSettings settings, CommandRegistry registry, Clock clock) {
        return new DiscordBot(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(registry,
                "registry"), Objects.requireNonNull(clock, "clock"), false);
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
        jda.addEventListener(router);
        if (ready.isDone()) {
            register(jda, slash);
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
        jda.removeEventListener(router);
    }

    /**
     * Waits for the first READY (guilds loaded).
     *
     * @return whether it came within {@code timeout}
     */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    /** @return the delivery adapter over this bot's session, with the settings' request timeout */
    public ChatPlatform platform() {
        return new DiscordPlatform(jda, settings.requestTimeout());
    }

    /** @return the JDA session (for the platform and tests) */
    public JDA jda() {
        return jda;
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

    /** Shuts JDA down (waiting up to 5 s for queued requests, then cancelling them) and stops the command threads. */
    @Override
    public void close() {
        commands.shutdown();
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(2));
            }
            commands.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            jda.shutdownNow();
            Thread.currentThread().interrupt();
        }
        commands.shutdownNow();
    }
}
