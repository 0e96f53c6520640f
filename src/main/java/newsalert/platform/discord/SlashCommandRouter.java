package newsalert.platform.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.utils.FileUpload;
import newsalert.command.AttachedFile;
import newsalert.command.Command;
import newsalert.command.CommandContext;
import newsalert.command.CommandOption;
import newsalert.command.CommandRegistry;
import newsalert.command.PlaceWords;
import newsalert.command.Reply;
import newsalert.store.InteractionReplyStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers slash commands with the platform-neutral {@link CommandRegistry}.
 *
 * <p>Per interaction, on JDA's event thread: acknowledge at once with a deferred reply (Discord allows 3 s),
 * ephemeral when the answer is known to be private before running: {@code help}, and a moderator-only
 * command from a caller without Manage Server (the refusal). Then, on the given executor: build the
 * {@link CommandContext} ({@code Target(DISCORD, guild id, channel id)} in a guild, {@code Target(DISCORD, DM
 * channel id, null)} in a DM; the caller is a moderator when the member has Manage Server (owners and
 * administrators do), and always in a DM), turn the options back into arguments in the command's option order
 * (each value split on whitespace), run the registry, and put the reply in the deferred message (escaped with
 * {@link DiscordText#escapeKeepingLinks}, no allowed mentions, split into messages of at most 2,000
 * characters, the rest sent as follow-ups, one request after the other so they arrive in order; a reply's
 * file is attached to the first message; an attachment option reaches the command as its
 * {@link CommandContext#attachment()}, downloaded only if the command reads it). An
 * ephemeral reply to a publicly deferred command (usage errors)
 * replaces the public "thinking" message by an ephemeral follow-up. Failures are logged, never thrown.
 *
 * <p>Queues (issue 19). The commands of one channel (a DM channel, or a guild's channel; the queue's key is the
 * {@link Target}'s chat and channel) run one at a time in the order they arrived, and channels take turns on the
 * executor's threads ({@link ChannelQueues}). A channel rather than a guild is the unit because that is where a
 * caller sees the answers arrive in order; guild-wide state (a guild's feeds) is kept consistent by the store's
 * transactions and {@code FeedAddChecks}' one check per chat, not by this queue. Up to
 * {@value #MAX_WAITING_PER_CHANNEL} commands may wait per channel behind the running one. A command over that is
 * not run, and still answered: the first such command of a caller in that channel within a minute gets an ephemeral
 * {@link #SLOW_DOWN} notice; later ones within the minute are acknowledged and their "thinking" message deleted, so
 * Discord never shows "The application did not respond" and the channel gets no flood of notices (the notice is per
 * caller because an ephemeral message is seen only by its caller). Each refused command is counted as dropped. A
 * command that waited longer than {@link #MAX_WAIT} (by the injected clock) is answered {@link #TOO_BUSY} without
 * running, well inside the 15 minutes Discord keeps its token.
 *
 * <p>Answers that outlive the process (issue 19). A reply Discord refuses is tried again on the {@link Scheduler}
 * until {@link #RETRY_UNTIL}; what the interaction cannot carry goes to the command's channel through the outbox,
 * headed "&lt;@caller&gt; (your /name)". Each answer is kept in the store ({@link DurableReplies}) after its command
 * ran and before the first reply request, and each part is forgotten once Discord accepted it, so an answer cut off
 * by a stop or a kill during its retries is posted to the channel by a later {@link DurableReplies#sweep()} (the
 * next start, or another instance). A kill after Discord accepted a part but before it was forgotten posts that part
 * once more in the channel.
 */
public final class SlashCommandRouter extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SlashCommandRouter.class);
    /** Longest wait for one reply request (Discord keeps an interaction token for 15 minutes). */
    private static final long REPLY_TIMEOUT_S = 30;
    /**
     * How long after the interaction its reply is tried through the interaction: Discord keeps the token 15
     * minutes; the last minute is left so that no try is still on its way when the answer goes to the channel.
     */
    static final Duration RETRY_UNTIL = Duration.ofMinutes(14);
    /** The wait before the first retry of a failed interaction reply; each further wait doubles. */
    static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    /** The longest wait between two tries of an interaction reply. */
    static final Duration RETRY_MAX = Duration.ofMinutes(1);

    /** How many commands of one channel may wait behind the one running; one more is refused. */
    static final int MAX_WAITING_PER_CHANNEL = 20;
    /**
     * How long a command may wait in its channel's queue; past it, it is answered {@link #TOO_BUSY} without running.
     * Discord keeps an interaction's token 15 minutes from the interaction: the 10 minutes left cover the command and
     * its reply (each request up to {@value #REPLY_TIMEOUT_S} s), and a change (a subscription) made 5 minutes after
     * it was asked for would surprise the caller more than a request to send it again.
     */
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    /** How often one caller in one channel is told {@link #SLOW_DOWN}. */
    static final Duration SLOW_DOWN_EVERY = Duration.ofMinutes(1);
    /** The ephemeral answer to a command refused because its channel has too many waiting. */
    static final String SLOW_DOWN = "Too many commands are waiting in this channel, so this one was not run."
            + " Please wait a moment, then send it again.";
    /** The answer to a command that waited longer than {@link #MAX_WAIT}. */
    static final String TOO_BUSY = "newsalert was too busy to run this command within "
            + MAX_WAIT.toMinutes() + " minutes, so it was not run. Please send it again.";

    private final CommandRegistry registry;
    private final Clock clock;
    private final ChannelQueues queues;
    /** Per channel and caller: when the last slow-down notice was sent. */
    private final Map<String, Instant> slowDownSent = new HashMap<>();

    private final Scheduler scheduler;
    private final DurableReplies replies;
    /**
     * Writes the notes kept at acknowledgement ({@link DurableReplies#acknowledged}), in arrival order, on a daemon
     * thread of its own: never on JDA's event thread, which must acknowledge within Discord's 3 s.
     */
    private final java.util.concurrent.ExecutorService noteWriter = new java.util.concurrent.ThreadPoolExecutor(0, 1,
            30, TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "discord-reply-notes");
                t.setDaemon(true);
                return t;
            }); // one thread at most, ended after 30 s idle (a router is made at each bot start)

    /**
     * Runs a task later, off the command threads: how a failed interaction reply is tried again without sleeping.
     */
    @FunctionalInterface
    public interface Scheduler {
        /** Runs {@code task} once, {@code delay} from now (not before). */
        void schedule(Runnable task, Duration delay);

        /** @return a scheduler on a single daemon thread of its own */
        static Scheduler daemon() {
            java.util.concurrent.ScheduledExecutorService s = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "discord-reply-retry");
                        t.setDaemon(true);
                        return t;
                    });
            return (task, delay) -> s.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * @param registry the commands
     * @param clock    passed to commands for stored timestamps
     * @param executor runs commands off JDA's event thread (commands may touch the store or the network); a FIFO
     *                 queue keeps the channels' turns fair
     */
    public SlashCommandRouter(CommandRegistry registry, Clock clock, ExecutorService executor) {
        this(registry, clock, executor, Scheduler.daemon(), null);
    }

    /**
     * @param scheduler retries a failed interaction reply ({@link #RETRY_FIRST} doubling to {@link #RETRY_MAX})
     * @param replies   keeps each answer until Discord accepted it, and posts it to the channel through the outbox
     *                  when the interaction's token is gone or will be before the next try ({@link #RETRY_UNTIL});
     *                  {@code null}: nothing is kept, and such an answer is logged as lost
     */
    public SlashCommandRouter(CommandRegistry registry, Clock clock, ExecutorService executor, Scheduler scheduler,
                              DurableReplies replies) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queues = new ChannelQueues(Objects.requireNonNull(executor, "executor"), MAX_WAITING_PER_CHANNEL);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.replies = replies;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        try {
            String name = event.getName();
            Optional<Command> command = registry.find(name);
            boolean moderator = isModerator(event);
            boolean ephemeral = command.map(c -> c.name().equals("help") || c.moderatorOnly() && !moderator)
                    .orElse(true);
            Target target = target(event);
            CommandContext ctx = new CommandContext(target, event.getUser().getId(), moderator, clock,
                    attachment(event), roleNames(event));
            List<String> args = command.map(c -> args(c, event)).orElse(List.of());
            InteractionHook hook = event.getHook();
            Instant queued = clock.instant();
            Asked asked = new Asked(target, event.getUser().getId(), event.getId(), name, queued);
            String channel = channel(target);
            // the note for a stop or kill while the command waits is written off JDA's event thread, so a busy
            // database never delays the acknowledgement (Discord allows 3 s; tester19d: 6 s behind a write lock);
            // the command waits for it before running, so its answer always replaces the note, never the reverse
            java.util.concurrent.CompletableFuture<Void> noted = replies == null
                    ? java.util.concurrent.CompletableFuture.completedFuture(null)
                    : java.util.concurrent.CompletableFuture.runAsync(() -> replies.acknowledged(asked.interactionId(),
                            target, asked.userId(), name, queued), noteWriter);
            ChannelQueues.Outcome how = queues.submit(channel, () -> {
                noted.join(); // the note's own failure is logged inside; the command runs anyway
                if (clock.instant().isAfter(queued.plus(MAX_WAIT))) {
                    registry.dropped(Platform.DISCORD, name);
                    LOG.info("/{} waited in channel {} longer than {}; answered \"too busy\" without running it",
                            name, channel, MAX_WAIT);
                    answer(hook, ephemeral, asked, () -> Reply.ephemeral(TOO_BUSY));
                } else {
                    answer(hook, ephemeral, asked, () -> registry.run(ctx, name, args));
                }
            });
            switch (how) {
                // the hook's requests wait for this acknowledgement, so a command that already runs answers after it
                // the note is awaited off JDA's event thread, each command from its own arrival (tester19f: waiting
                // on the event thread put the third of three commands 4.8 s behind a busy database)
                case QUEUED -> afterNote(noted, name).thenRun(() -> event.deferReply(ephemeral).queue(null,
                        e -> LOG.warn("could not acknowledge /" + name, e)));
                case FULL -> {
                    registry.dropped(Platform.DISCORD, name);
                    if (replies != null) { // answered at once with a slow-down notice or dismissed: no note
                        noted.thenRunAsync(() -> replies.forget(asked.interactionId()), noteWriter);
                    }
                    refuse(event, channel);
                }
                case STOPPED -> LOG.warn("bot is closing; /" + name + " not answered");
            }
        } catch (RuntimeException e) {
            LOG.warn("slash command /" + event.getName() + " failed", e);
        }
    }

    /**
     * How long the acknowledgement waits for the command's note to be kept ({@link DurableReplies#acknowledged}):
     * normally the note is written first, so a kill -9 right after the acknowledgement still leaves it for the next
     * start's sweep (tester19e: written after, it was lost with the process); a database that stays busy longer
     * (a SQLite write lock held by a long transaction) gets the acknowledgement anyway, within Discord's 3 s.
     */
    static final Duration NOTE_WAIT = Duration.ofMillis(1500);

    /**
     * @return a stage that completes when the command's note is kept (or its write failed, logged by
     *         {@link DurableReplies}) or {@link #NOTE_WAIT} after now, whichever comes first; {@code noted} itself is
     *         left alone, so the command still waits for its note before running
     */
    private static java.util.concurrent.CompletableFuture<Void> afterNote(
            java.util.concurrent.CompletableFuture<Void> noted, String name) {
        return noted.handle((v, e) -> Boolean.TRUE)
                .completeOnTimeout(Boolean.FALSE, NOTE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .thenAccept(kept -> {
                    if (!kept) {
                        LOG.info("/{} acknowledged before its note was kept: the database is busy (a stop in the next"
                                + " moments would leave the caller unanswered)", name);
                    }
                });
    }

    /**
     * Answers a command refused because its channel's queue is full: the first refused command of a caller in a
     * channel within {@link #SLOW_DOWN_EVERY} gets {@link #SLOW_DOWN} as an ephemeral reply; the others are
     * acknowledged and their "thinking" message deleted (no "did not respond" error, and no second notice).
     */
    private void refuse(SlashCommandInteractionEvent event, String channel) {
        Instant now = clock.instant();
        String key = channel + "/" + event.getUser().getId();
        boolean tell;
        synchronized (slowDownSent) {
            if (slowDownSent.size() >= 1_000) { // notices older than the period no longer matter
                slowDownSent.values().removeIf(t -> !t.plus(SLOW_DOWN_EVERY).isAfter(now));
            }
            Instant last = slowDownSent.get(key);
            tell = last == null || !last.plus(SLOW_DOWN_EVERY).isAfter(now);
            if (tell) {
                slowDownSent.put(key, now);
            }
        }
        if (tell) {
            LOG.info("channel {} has {} slash commands waiting; /{} not run, the caller is told to slow down",
                    channel, MAX_WAITING_PER_CHANNEL, event.getName());
            event.reply(SLOW_DOWN).setEphemeral(true).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .queue(null, e -> LOG.warn("could not answer /" + event.getName() + " with a slow-down notice", e));
        } else {
            LOG.debug("channel {} is full; /{} not run (the caller was told to slow down)", channel, event.getName());
            event.deferReply(true).flatMap(InteractionHook::deleteOriginal)
                    .queue(null, e -> LOG.warn("could not dismiss the refused /" + event.getName(), e));
        }
    }

    /** @return the queue key of the target: its chat and channel ({@code guild/channel}, or the DM channel) */
    static String channel(Target target) {
        return target.threadId() == null ? target.chatId() : target.chatId() + "/" + target.threadId();
    }

    /**
     * @return the guild's role names by role id, from JDA's role cache (filled by the gateway); {@code null} outside a
     *         guild
     */
    static Function<String, Optional<String>> roleNames(SlashCommandInteractionEvent event) {
        Guild guild = event.isFromGuild() ? event.getGuild() : null;
        if (guild == null) {
            return null;
        }
        return id -> {
            try {
                // the @everyone role (id = the guild's id) is named "@everyone" whatever JDA calls it
                return Optional.ofNullable(guild.getRoleById(id)).map(r -> r.isPublicRole() ? "@everyone"
                        : r.getName());
            } catch (NumberFormatException e) {
                return Optional.empty(); // not a snowflake
            }
        };
    }

    /** @return whether the caller may run moderator commands: Manage Server in a guild, anyone in a DM */
    static boolean isModerator(SlashCommandInteractionEvent event) {
        if (!event.isFromGuild()) {
            return true;
        }
        Member m = event.getMember();
        return m != null && m.hasPermission(Permission.MANAGE_SERVER);
    }

    /** @return the target: (guild, channel) in a guild, (DM channel, none) in a DM */
    static Target target(SlashCommandInteractionEvent event) {
        return event.isFromGuild()
                ? new Target(Platform.DISCORD, event.getGuild().getId(), event.getChannelId())
                : new Target(Platform.DISCORD, event.getChannelId(), null);
    }

    /** @return the first attachment option's file, or {@code null} */
    static AttachedFile attachment(SlashCommandInteractionEvent event) {
        for (OptionMapping m : event.getOptions()) {
            if (m.getType() == OptionType.ATTACHMENT) {
                return new DiscordAttachment(m.getAsAttachment());
            }
        }
        return null;
    }

    /**
     * @return the text option values in the command's option order, each first made {@link CommandRegistry#plain}
     *         (Unicode spaces read as spaces, zero-width characters dropped) and then split on spaces; an option named
     *         {@code in} (places) becomes one {@code in:} argument ({@link PlaceWords#inArgument}), its spaces read
     *         as hyphens ({@code "south sudan, russia"} → {@code in:south-sudan,russia}; {@code "In : ukraine"},
     *         {@code "in:ukraine in:russia"} and line breaks between places are read as meant)
     */
    static List<String> args(Command command, SlashCommandInteractionEvent event) {
        List<String> args = new ArrayList<>();
        for (CommandOption o : command.options()) {
            OptionMapping m = event.getOption(o.name());
            if (m != null && o.name().equals("in") && m.getType() != OptionType.ATTACHMENT) {
                // README writes places as in:ukraine; a user who types that into the option means the same
                args.add(PlaceWords.inArgument(m.getAsString()));
            } else if (m != null && m.getType() != OptionType.ATTACHMENT) {
                for (String w : CommandRegistry.plain(m.getAsString()).split(" ")) {
                    if (!w.isEmpty()) {
                        args.add(w);
                    }
                }
            }
        }
        return args;
    }

    /** Who asked what, where and when (by the clock): what a reply that the interaction cannot carry needs. */
    private record Asked(Target target, String userId, String interactionId, String name, Instant at) {
    }

    /** One request of a reply through the interaction, and the text it carries (none for a deletion). */
    private record Step(java.util.function.Supplier<net.dv8tion.jda.api.requests.RestAction<?>> request, String text,
                        boolean file) {
    }

    /**
     * Runs the command (on the command thread) and replies through the interaction: the deferred message edited to
     * the first part (with the reply's file), the other parts as follow-ups, one after the other, so they arrive in
     * order; a failed request is tried again later on the {@link Scheduler}, never by sleeping on the command
     * thread. Before the first request the answer's parts are kept in the store ({@link DurableReplies}), so that a
     * restart meanwhile does not lose them.
     */
    private void answer(InteractionHook hook, boolean deferredEphemeral, Asked asked,
                        java.util.function.Supplier<Reply> run) {
        Reply reply;
        try {
            reply = run.get();
        } catch (RuntimeException e) {
            LOG.warn("slash command /" + asked.name() + " failed", e);
            return;
        }
        String text = reply.text().isBlank() ? "Done." : reply.text();
        List<String> parts = DiscordText.split(DiscordText.escapeKeepingLinks(text), DiscordEmbeds.MESSAGE_MAX);
        var none = EnumSet.noneOf(Message.MentionType.class);
        List<Step> steps = new ArrayList<>();
        int first = 0;
        if (reply.ephemeral() && !deferredEphemeral) {
            steps.add(new Step(hook::deleteOriginal, null, false));
        } else {
            String head = parts.get(0);
            steps.add(new Step(() -> {
                var edit = hook.editOriginal(head).setAllowedMentions(none);
                if (reply.file() != null) {
                    edit = edit.setFiles(FileUpload.fromData(reply.file().content(), reply.file().name()));
                }
                return edit;
            }, head, reply.file() != null));
            first = 1;
        }
        boolean ephemeral = reply.ephemeral() || deferredEphemeral;
        for (String part : parts.subList(first, parts.size())) {
            steps.add(new Step(() -> hook.sendMessage(part).setEphemeral(ephemeral).setAllowedMentions(none), part,
                    false));
        }
        HookReply hookReply = new HookReply(asked, steps);
        hookReply.keep();
        hookReply.next();
    }

    /**
     * The reply of one interaction on its way: its steps in order, each tried until Discord accepts it. Its parts
     * (the steps that carry text, numbered by step) are kept in the store first ({@link DurableReplies}), and each
     * part is forgotten there once Discord accepted it. A failed step is tried again after {@link #RETRY_FIRST},
     * doubling to {@link #RETRY_MAX}, on the {@link Scheduler}, while the interaction is younger than
     * {@link #RETRY_UNTIL}; when Discord says the interaction or its token is unknown, or the next try would come
     * later, the parts not yet accepted go to the channel through the outbox, each once (moved out of the store in
     * the same transaction). A step Discord accepted is never sent again by this run, so the caller gets one answer:
     * the interaction's, the channel's, or the first parts in one and the rest in the other. When this run stops or
     * dies during the retries, the kept parts are posted to the channel by a later {@link DurableReplies#sweep()}.
     */
    private final class HookReply {
        private final Asked asked;
        private final List<Step> steps;
        private int at;
        private Duration wait = RETRY_FIRST;
        /** Whether the parts are kept in the store. */
        private boolean kept;

        HookReply(Asked asked, List<Step> steps) {
            this.asked = asked;
            this.steps = steps;
        }

        /** @return the answer with the parts of the steps from {@code from} on */
        private InteractionReplyStore.Kept record(int from) {
            List<InteractionReplyStore.Part> parts = new ArrayList<>();
            for (int i = from; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (step.text() != null) { // deleting the public "thinking" message: nothing to say
                    parts.add(new InteractionReplyStore.Part(i, step.text(), step.file()));
                }
            }
            return new InteractionReplyStore.Kept(asked.interactionId(), asked.target(), asked.userId(), asked.name(),
                    asked.at(), parts);
        }

        /** Keeps the parts in the store, when there is one and they say something. */
        void keep() {
            InteractionReplyStore.Kept all = record(0);
            kept = replies != null && !all.parts().isEmpty() && replies.keep(all);
            if (replies != null && all.parts().isEmpty()) {
                replies.forget(asked.interactionId()); // nothing to say: the note kept at acknowledgement goes
            }
        }

        /**
         * Sends the steps not yet accepted, one after the other, each waited for on this thread (the command thread
         * at first, so that the channel's next command answers after this one; the scheduler's thread on a retry).
         */
        void next() {
            while (at < steps.size()) {
                try {
                    steps.get(at).request().get().timeout(REPLY_TIMEOUT_S, TimeUnit.SECONDS).complete();
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // JDA's requester is stopped: the bot is closing; the answer goes to the channel
                    toChannel("the bot is closing");
                    return;
                } catch (RuntimeException e) {
                    failed(e);
                    return;
                }
                if (kept && steps.get(at).text() != null) {
                    replies.accepted(asked.interactionId(), at);
                }
                at++;
                wait = RETRY_FIRST;
            }
        }

        private void failed(Throwable e) {
            Instant now = clock.instant();
            if (tokenGone(e)) {
                toChannel("Discord no longer knows the interaction (" + e.getMessage() + ")");
            } else if (now.plus(wait).isAfter(asked.at().plus(RETRY_UNTIL))) {
                toChannel("the interaction's replies kept failing (" + e.getMessage() + ")");
            } else {
                LOG.info("replying to /{} through its interaction failed ({}); trying again in {} s", asked.name(),
                        e.getMessage(), wait.toSeconds());
                Duration w = wait;
                wait = w.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : w.multipliedBy(2);
                scheduler.schedule(this::next, w);
            }
        }

        /** Posts the parts not accepted to the command's channel, mentioning the caller. */
        private void toChannel(String why) {
            if (replies == null) {
                LOG.warn("answering /{} failed and there is no outbox to post it to the channel (reply lost): {}",
                        asked.name(), why);
                return;
            }
            int n;
            try {
                n = replies.toChannel(record(at), kept);
            } catch (RuntimeException e) {
                LOG.warn("could not queue the answer to /{} for its channel ({}): {}", asked.name(), kept
                        ? "it stays kept, and a later sweep posts it" : "reply lost", e.getMessage());
                return;
            }
            LOG.info("/{}: {}; {} part(s) of the answer queued for the channel", asked.name(), why, n);
            at = steps.size();
        }
    }

    /** @return whether Discord refused because the interaction or its token no longer exists */
    static boolean tokenGone(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof net.dv8tion.jda.api.exceptions.ErrorResponseException r) {
            return r.getErrorResponse() == net.dv8tion.jda.api.requests.ErrorResponse.UNKNOWN_INTERACTION
                    || r.getErrorResponse() == net.dv8tion.jda.api.requests.ErrorResponse.UNKNOWN_WEBHOOK
                    || r.getErrorResponse() == net.dv8tion.jda.api.requests.ErrorResponse.INVALID_WEBHOOK_TOKEN;
        }
        return false;
    }
}
