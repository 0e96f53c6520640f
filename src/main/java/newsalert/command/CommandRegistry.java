package newsalert.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import newsalert.metrics.CommandOutcome;
import newsalert.metrics.Metrics;
import newsalert.store.ChatFeedStore;
import newsalert.store.StoryQueries;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands by name, and the one entry point adapters call. Dispatch rules: names are matched
 * case-insensitively; an unknown name gets a reply listing the commands; a {@link Command#moderatorOnly()}
 * command run by a non-moderator gets the command's {@link Command#refusal()}; an exception thrown by a
 * command (such as a storage failure) is logged and answered with an apology, so adapters never see one.
 */
public final class CommandRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);

    /** The {@code command} label of names that are not commands (keeps the metric's series bounded). */
    public static final String UNKNOWN = "unknown";

    private final Map<String, Command> byName = new LinkedHashMap<>();
    private volatile Metrics metrics = Metrics.NOOP;

    /**
     * @param commands the commands, in the order {@code help} lists them
     * @throws IllegalArgumentException when two share a name
     */
    public CommandRegistry(List<Command> commands) {
        for (Command c : commands) {
            if (byName.put(c.name(), c) != null) {
                throw new IllegalArgumentException("two commands named " + c.name());
            }
        }
    }

    /**
     * The standard set of commands over the given ports.
     *
     * @param subscriptions subscriptions and keyword rules
     * @param stories       read-side story lookups
     * @param feeds         per-chat feeds
     * @param feedCheck     confirms a URL is a feed before {@code feeds add} saves it
     * @param addresses     which feed URLs may be added
     * @return help, subscribe, unsubscribe, subscriptions, latest, search, story, keywords, feeds, why, timezone,
     *         quiet-hours, pictures, quiet-below, mention, mention-at
     */
    public static CommandRegistry standard(SubscriptionStore subscriptions, StoryQueries stories, ChatFeedStore feeds,
                                           FeedCheck feedCheck, AddressPolicy addresses) {
        return standard(subscriptions, stories, feeds, feedCheck, addresses, null, null, null);
    }

    /**
     * The standard set of commands, with {@code why} naming stories older than {@code poll.max-age}.
     *
     * @param maxAge {@code poll.max-age}; {@code null} when unknown
     * @see #standard(SubscriptionStore, StoryQueries, ChatFeedStore, FeedCheck, AddressPolicy)
     */
    public static CommandRegistry standard(SubscriptionStore subscriptions, StoryQueries stories, ChatFeedStore feeds,
                                           FeedCheck feedCheck, AddressPolicy addresses, Duration maxAge) {
        return standard(subscriptions, stories, feeds, feedCheck, addresses, null, null, maxAge);
    }

    /**
     * The standard set of commands, with feed-list files for {@code feeds export|import} and feed health for
     * {@code feeds list}.
     *
     * @param feedLists writes and reads feed-list files (OPML), or {@code null} for none
     * @param status    each chat feed's polling health for {@code feeds list}, or {@code null} to note only a failed
     *                  last poll
     * @return as {@link #standard(SubscriptionStore, StoryQueries, ChatFeedStore, FeedCheck, AddressPolicy)}
     */
    public static CommandRegistry standard(SubscriptionStore subscriptions, StoryQueries stories, ChatFeedStore feeds,
                                           FeedCheck feedCheck, AddressPolicy addresses, FeedListCodec feedLists,
                                           FeedStatus status) {
        return standard(subscriptions, stories, feeds, feedCheck, addresses, feedLists, status, null);
    }

    /**
     * The standard set of commands with everything optional given.
     *
     * @param feedLists writes and reads feed-list files (OPML), or {@code null} for none
     * @param status    each chat feed's polling health for {@code feeds list}, or {@code null}
     * @param maxAge    {@code poll.max-age}, for {@code why}; {@code null} when unknown
     * @return as {@link #standard(SubscriptionStore, StoryQueries, ChatFeedStore, FeedCheck, AddressPolicy)}
     */
    public static CommandRegistry standard(SubscriptionStore subscriptions, StoryQueries stories, ChatFeedStore feeds,
                                           FeedCheck feedCheck, AddressPolicy addresses, FeedListCodec feedLists,
                                           FeedStatus status, Duration maxAge) {
        return standard(subscriptions, stories, feeds, feedCheck, addresses, feedLists, status, maxAge, null);
    }

    /**
     * The standard set of commands with everything optional given, {@code feeds import} running on {@code
     * imports}.
     *
     * @param imports where {@code feeds import} runs its checks, its summary following as a notice; {@code null}
     *                runs them on the command's thread and replies the summary
     * @return as {@link #standard(SubscriptionStore, StoryQueries, ChatFeedStore, FeedCheck, AddressPolicy)}
     */
    public static CommandRegistry standard(SubscriptionStore subscriptions, StoryQueries stories, ChatFeedStore feeds,
                                           FeedCheck feedCheck, AddressPolicy addresses, FeedListCodec feedLists,
                                           FeedStatus status, Duration maxAge, FeedImports imports) {
        return standard(subscriptions, stories, feeds, feedCheck, addresses, feedLists, status, maxAge, imports, null);
    }

    /**
     * The standard set of commands with everything optional given, {@code feeds import} running on {@code
     * imports} and {@code feeds add}'s check on {@code adds}.
     *
     * @param imports where {@code feeds import} runs its checks, its summary following as a notice; {@code null}
     *                runs them on the command's thread and replies the summary
     * @param adds    where {@code feeds add} runs its check, a slow one's answer following as a notice; {@code null}
     *                runs it on the command's thread
     * @return as {@link #standard(SubscriptionStore, StoryQueries, ChatFeedStore, FeedCheck, AddressPolicy)}
     */
    public static CommandRegistry standard(SubscriptionStore subscriptions, StoryQueries stories, ChatFeedStore feeds,
                                           FeedCheck feedCheck, AddressPolicy addresses, FeedListCodec feedLists,
                                           FeedStatus status, Duration maxAge, FeedImports imports,
                                           FeedAddChecks adds) {
        List<Command> all = new ArrayList<>();
        all.add(new HelpCommand(Collections.unmodifiableList(all)));
        all.add(new SubscribeCommand(subscriptions));
        all.add(new UnsubscribeCommand(subscriptions));
        all.add(new SubscriptionsCommand(subscriptions));
        all.add(new LatestCommand(stories));
        all.add(new SearchCommand(stories));
        all.add(new StoryCommand(stories, subscriptions));
        all.add(new KeywordsCommand(subscriptions));
        all.add(new FeedsCommand(feeds, feedCheck, addresses, feedLists, status, imports, adds, subscriptions));
        all.add(new WhyCommand(stories, subscriptions, maxAge));
        all.add(new TimezoneCommand(subscriptions));
        all.add(new QuietHoursCommand(subscriptions));
        all.add(new PicturesCommand(subscriptions));
        all.add(new QuietBelowCommand(subscriptions));
        all.add(new MentionCommand(subscriptions));
        all.add(new MentionAtCommand(subscriptions));
        all.add(new BriefCommand(subscriptions));
        return new CommandRegistry(all);
    }

    /**
     * Records every command this registry runs from now on ({@code newsalert_commands_total}): {@code ok},
     * {@code refused} (not a moderator, or not a command: labelled {@value #UNKNOWN}) or {@code error}; adapters
     * report the ones they drop through {@link #dropped}.
     *
     * @param metrics where to record
     * @return this
     */
    public CommandRegistry recordingTo(Metrics metrics) {
        this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
        return this;
    }

    /**
     * Records a command an adapter did not run (the chat is over its command rate, the queue is full).
     *
     * @param platform where it was typed
     * @param name     the name as typed (a leading {@code /} is ignored); names that are not commands count as
     *                 {@value #UNKNOWN}
     */
    public void dropped(Platform platform, String name) {
        metrics.command(platform, find(name).map(Command::name).orElse(UNKNOWN), CommandOutcome.DROPPED);
    }

    /** @return the commands in registration order */
    public List<Command> commands() {
        return List.copyOf(byName.values());
    }

    /**
     * @return the command with this name (case-insensitive, a leading {@code /} ignored, {@code _} read as
     *         {@code -}: Telegram command names cannot hold a hyphen, so {@code /quiet_below} is {@code quiet-below})
     */
    public Optional<Command> find(String name) {
        String n = name.startsWith("/") ? name.substring(1) : name;
        return Optional.ofNullable(byName.get(n.toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    /**
     * Any space character: ASCII white space, every Unicode space separator (U+00A0, U+2007, U+202F...), and the
     * line and paragraph separators (U+2028, U+2029, U+0085) a paste can carry.
     */
    private static final java.util.regex.Pattern SPACES =
            java.util.regex.Pattern.compile("[\\s\\p{Zs}\\p{Zl}\\p{Zp}\\u0085]+");
    /**
     * Invisible characters phones and copy-paste leave in words: zero-width space, word joiner, BOM, and the soft
     * hyphen (U+00AD, shown only where a line breaks, so a word typed or pasted with one reads as without it).
     */
    private static final java.util.regex.Pattern INVISIBLE =
            java.util.regex.Pattern.compile("[\\u200B\\u2060\\uFEFF\\u00AD]");

    /**
     * The one rule for spaces in command text, for every command on every platform: invisible zero-width
     * characters and soft hyphens are dropped, each run of space characters (ASCII or Unicode, e.g. a non-breaking space)
     * becomes one ASCII space, and the ends are stripped.
     *
     * @param text a command line or one argument; never null
     * @return the text with only single ASCII spaces between words ("" when nothing visible is left)
     */
    public static String plain(String text) {
        return SPACES.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ").strip();
    }

    /**
     * Runs one command line as typed in a chat, e.g. {@code "/keywords@newsalert_bot add -drill"}: the
     * first word (without a leading {@code /} or a {@code @botname} suffix) is the command, the other
     * whitespace-separated words its arguments.
     *
     * @return the reply; a blank line gets the unknown-command reply
     */
    public Reply run(CommandContext ctx, String line) {
        List<String> words = Arrays.stream(plain(line).split(" ")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return unknown("");
        }
        String name = words.get(0);
        int at = name.indexOf('@');
        if (at > 0) {
            name = name.substring(0, at);
        }
        return run(ctx, name, words.subList(1, words.size()));
    }

    /**
     * Runs a command by name; see the class comment for the dispatch rules.
     *
     * @param args the arguments, already split (blank entries are dropped)
     */
    public Reply run(CommandContext ctx, String name, List<String> args) {
        Optional<Command> found = find(name);
        Platform platform = ctx.target().platform();
        if (found.isEmpty()) {
            metrics.command(platform, UNKNOWN, CommandOutcome.REFUSED);
            return unknown(name);
        }
        Command c = found.get();
        if (c.moderatorOnly() && !ctx.callerIsModerator()) {
            metrics.command(platform, c.name(), CommandOutcome.REFUSED);
            return Reply.ephemeral(c.refusal());
        }
        try {
            Reply r = c.run(ctx, args.stream().filter(a -> a != null).map(CommandRegistry::plain)
                    .filter(a -> !a.isEmpty()).toList());
            metrics.command(platform, c.name(), CommandOutcome.OK);
            return r;
        } catch (RuntimeException e) {
            LOG.warn("command " + c.name() + " failed in " + ctx.target(), e);
            metrics.command(platform, c.name(), CommandOutcome.ERROR);
            return Reply.ephemeral("Sorry, " + c.name() + " failed on our side. Please try again later.");
        }
    }

    private Reply unknown(String name) {
        String names = byName.keySet().stream().collect(Collectors.joining(", "));
        String what = name.isEmpty() ? "No command given." : "Unknown command \"" + name + "\".";
        return Reply.ephemeral(what + " Commands: " + names + ". Try: help");
    }
}
