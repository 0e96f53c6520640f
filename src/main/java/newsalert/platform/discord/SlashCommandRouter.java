package newsalert.platform.discord;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
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
import newsalert.command.Reply;
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
 */
public final class SlashCommandRouter extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SlashCommandRouter.class);
    /** Longest wait for one reply request (Discord keeps an interaction token for 15 minutes). */
    private static final long REPLY_TIMEOUT_S = 30;

    private final CommandRegistry registry;
    private final Clock clock;
    private final ExecutorService executor;

    /**
     * @param registry the commands
     * @param clock    passed to commands for stored timestamps
     * @param executor runs commands off JDA's event thread (commands may touch the store or the network)
     */
    public SlashCommandRouter(CommandRegistry registry, Clock clock, ExecutorService executor) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        try {
            Optional<Command> command = registry.find(event.getName());
            boolean moderator = isModerator(event);
            boolean ephemeral = command.map(c -> c.name().equals("help") || c.moderatorOnly() && !moderator)
                    .orElse(true);
            event.deferReply(ephemeral).queue(null, e -> LOG.warn("could not acknowledge /" + event.getName(), e));
            CommandContext ctx = new CommandContext(target(event), event.getUser().getId(), moderator, clock,
                    attachment(event), roleNames(event));
            List<String> args = command.map(c -> args(c, event)).orElse(List.of());
            InteractionHook hook = event.getHook();
            executor.execute(() -> answer(hook, ephemeral, () -> registry.run(ctx, event.getName(), args)));
        } catch (RejectedExecutionException e) {
            LOG.warn("bot is closing; /" + event.getName() + " not answered");
        } catch (RuntimeException e) {
            LOG.warn("slash command /" + event.getName() + " failed", e);
        }
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
     *         {@code in} (places) becomes one {@code in:} argument, its spaces read as hyphens
     *         ({@code "south sudan, russia"} → {@code in:south-sudan,russia})
     */
    static List<String> args(Command command, SlashCommandInteractionEvent event) {
        List<String> args = new ArrayList<>();
        for (CommandOption o : command.options()) {
            OptionMapping m = event.getOption(o.name());
            if (m != null && o.name().equals("in") && m.getType() != OptionType.ATTACHMENT) {
                // README writes places as in:ukraine; a user who types that into the option means the same
                String places = CommandRegistry.plain(m.getAsString()).replaceFirst("(?i)^in: ?", "");
                args.add("in:" + places.replace(" ,", ",").replace(", ", ",").replace(' ', '-'));
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

    private static void answer(InteractionHook hook, boolean deferredEphemeral, java.util.function.Supplier<Reply> run) {
        try {
            Reply reply = run.get();
            String text = reply.text().isBlank() ? "Done." : reply.text();
            List<String> parts = DiscordText.split(DiscordText.escapeKeepingLinks(text), DiscordEmbeds.MESSAGE_MAX);
            var none = EnumSet.noneOf(Message.MentionType.class);
            int first = 0;
            // one after the other (complete(), on the command thread), so the parts arrive in order
            if (reply.ephemeral() && !deferredEphemeral) {
                hook.deleteOriginal().timeout(REPLY_TIMEOUT_S, TimeUnit.SECONDS).complete();
            } else {
                var edit = hook.editOriginal(parts.get(0)).setAllowedMentions(none);
                if (reply.file() != null) {
                    edit = edit.setFiles(FileUpload.fromData(reply.file().content(), reply.file().name()));
                }
                edit.timeout(REPLY_TIMEOUT_S, TimeUnit.SECONDS).complete();
                first = 1;
            }
            for (String part : parts.subList(first, parts.size())) {
                hook.sendMessage(part).setEphemeral(reply.ephemeral() || deferredEphemeral).setAllowedMentions(none)
                        .timeout(REPLY_TIMEOUT_S, TimeUnit.SECONDS).complete();
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // JDA's requester is stopped: the bot is closing, and a reply still on its way cannot go out
            LOG.info("bot is closing; a slash command reply was not sent");
        } catch (RuntimeException e) {
            LOG.warn("answering a slash command failed (reply lost)", e);
        }
    }
}
