package newsalert.command;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsalert.store.ChatFeedStore;
import newsalert.subscription.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code feeds export} and {@code feeds import}: the chat's feeds as a file (OPML through the
 * {@link FeedListCodec}), and a file's feeds added one by one through the same checks as {@code feeds add}
 * ({@link FeedAdder}), answered with a summary: a count line, then one line per address — added, already
 * there, refused with the reason, or not added because the chat reached its cap (those are not checked).
 * Addresses listed twice in the file count once. A feed's own interval travels with it ({@link
 * FeedListCodec.Entry}: exported as written in {@code feeds list}, imported through the same checks as {@code feeds
 * add <url> <interval>}; one the checks refuse is left out, the feed added at {@code poll.interval}, and the line
 * says why; a feed already here gets the file's interval in place). Files over {@value #MAX_FILE_BYTES} bytes are refused
 * before they are downloaded when the platform gives the size.
 *
 * <p>An import tries at most {@link FeedImports.Budget#maxTries()} outlines within {@link
 * FeedImports.Budget#maxTime()} (every outline that is fetched or refused by the address rule counts; one already
 * here does not); the rest are listed as {@code not tried (budget)}. With {@link FeedImports} the checks run on
 * its executor: the command answers at once ({@code Importing N feeds from F; the summary follows here.}) and the
 * summary is queued later as an outbox notice to the target the command came from (on Discord, its channel).
 * Without, the summary is the reply (tests and tools that run commands one by one).
 */
final class FeedsTransfer {
    /** Largest feed-list file read: 1 MB, far more than 1,000 outlines need. */
    static final long MAX_FILE_BYTES = 1024 * 1024;
    static final String HOW_TO_ATTACH = "Attach the OPML file: on Telegram send the file with \"/feeds import\" as"
            + " its caption, or reply to the file with /feeds import; on Discord use /feeds import with the file"
            + " option.";

    private static final Logger LOG = LoggerFactory.getLogger(FeedsTransfer.class);

    private final FeedAdder adder;
    private final FeedListCodec codec;
    private final java.util.function.Function<String, java.time.Duration> intervals;
    private final ChatFeedStore store;
    private final FeedImports imports;
    private final String owner;

    /**
     * @param codec     reads and writes the files, or {@code null} when this bot has none (both then say so)
     * @param intervals checks an interval as {@code feeds add} does: the duration, or an IllegalArgumentException
     *                  whose message is the reply's sentence
     */
    FeedsTransfer(FeedAdder adder, FeedListCodec codec,
                  java.util.function.Function<String, java.time.Duration> intervals) {
        this(adder, codec, intervals, null, null);
    }

    /**
     * @param store   queues the summary notice of an import run on {@code imports}
     * @param imports where imports run, or {@code null} to run them on the calling thread and reply the summary
     */
    FeedsTransfer(FeedAdder adder, FeedListCodec codec,
                  java.util.function.Function<String, java.time.Duration> intervals, ChatFeedStore store,
                  FeedImports imports) {
        this(adder, codec, intervals, store, imports, null);
    }

    /**
     * @param owner the run's id: an import on {@code imports} is kept in the store under it until its summary is
     *              queued ({@link ChatFeedStore#beginCheck}), so that a stop or kill mid-import is answered ("the
     *              import was cut off; N of M added"); {@code null} keeps nothing
     */
    FeedsTransfer(FeedAdder adder, FeedListCodec codec,
                  java.util.function.Function<String, java.time.Duration> intervals, ChatFeedStore store,
                  FeedImports imports, String owner) {
        this.owner = store == null ? null : owner;
        this.adder = adder;
        this.codec = codec;
        this.intervals = intervals;
        this.store = store;
        this.imports = store == null ? null : imports;
    }

    Reply export(CommandContext ctx) {
        if (codec == null) {
            return Reply.of("Feed lists cannot be exported from this bot.");
        }
        List<FeedListCodec.Entry> urls = adder.feeds(ctx).stream().map(f -> new FeedListCodec.Entry(f.url(),
                f.interval() == null ? null : FeedHealthLine.duration(f.interval()))).toList();
        if (urls.isEmpty()) {
            return Reply.of("No feeds added here, so there is nothing to export. Add one with: feeds add <url>");
        }
        byte[] file = codec.writeEntries(urls, ctx.clock().instant());
        return Reply.withFile("The " + urls.size() + " feed" + (urls.size() == 1 ? "" : "s") + " of this chat as "
                        + codec.extension().toUpperCase(java.util.Locale.ROOT) + ". Bring them into another chat"
                        + " with: feeds import",
                new Reply.File("newsalert-feeds." + codec.extension(), codec.mediaType(), file));
    }

    Reply importFile(CommandContext ctx) {
        if (codec == null) {
            return Reply.of("Feed lists cannot be imported into this bot.");
        }
        AttachedFile attached = ctx.attachment();
        if (attached == null) {
            return Reply.ephemeral("No file came with the command. " + HOW_TO_ATTACH);
        }
        if (attached.size() > MAX_FILE_BYTES) {
            return Reply.of(tooLarge());
        }
        List<FeedListCodec.Entry> urls;
        try {
            urls = codec.readEntries(attached.read(MAX_FILE_BYTES));
        } catch (AttachedFile.TooLargeException e) {
            return Reply.of(tooLarge());
        } catch (IOException e) {
            return Reply.of("I could not download that file. Please send it again in a minute.");
        } catch (IllegalArgumentException e) {
            return Reply.of("That file was refused: " + e.getMessage() + ". Nothing was added.");
        }
        java.util.Map<String, String> unique = new java.util.LinkedHashMap<>();
        urls.forEach(e -> unique.putIfAbsent(FeedUrls.normalise(e.url()), e.interval()));
        if (unique.isEmpty()) {
            return Reply.of("That file lists no feeds (no outline has an xmlUrl). Nothing was added.");
        }
        FeedImports.Budget budget = imports == null ? FeedImports.Budget.DEFAULT : imports.budget();
        if (imports == null) {
            return Reply.of(summary(attached.name(), run(ctx, unique, budget), budget));
        }
        Target target = ctx.target();
        String name = attached.name();
        // kept before the import starts, so that its summary always finds the row; forgotten unless it started
        String checkId = owner == null ? null : java.util.UUID.randomUUID().toString();
        if (checkId != null) {
            store.beginCheck(checkId, new ChatFeedStore.KeptCheck(ChatFeedStore.CheckKind.IMPORT, target,
                    name == null ? "" : name, null, unique.size()), owner, ctx.callerId(), ctx.clock().instant());
        }
        FeedImports.Start started;
        try {
            started = imports.start(target.platform(), target.chatId(),
                    () -> runAndNotify(ctx, unique, budget, name, checkId));
        } catch (RuntimeException e) {
            forget(checkId);
            throw e;
        }
        if (started != FeedImports.Start.STARTED) {
            forget(checkId);
        }
        return switch (started) {
            case SAME_CHAT -> Reply.of("An import is already running in this chat; its summary follows here. Send"
                    + " this file again after it.");
            case BUSY -> Reply.of("Other chats' imports are running right now. Please send the file again in a few"
                    + " minutes. Nothing was added.");
            case STARTED -> Reply.of("Importing " + unique.size() + " feed" + (unique.size() == 1 ? "" : "s")
                    + " from " + (name == null || name.isBlank() ? "the file" : name) + "; the summary follows here"
                    + " when it is done (at most " + budget.maxTries() + " addresses are checked, for at most "
                    + FeedHealthLine.duration(budget.maxTime()) + ").");
        };
    }

    /** Deletes the kept row of an import that did not start (nothing to answer after a restart). */
    private void forget(String checkId) {
        FeedAddChecks.forget(store, checkId, "feeds import: an import that did not start");
    }

    /** Runs an import on the imports' executor and queues its summary (or why it stopped) as a notice. */
    private void runAndNotify(CommandContext ctx, java.util.Map<String, String> urls, FeedImports.Budget budget,
                              String fileName, String checkId) {
        Target target = ctx.target();
        String text;
        try {
            text = summary(fileName, run(ctx, urls, budget, checkId), budget);
        } catch (RuntimeException e) {
            LOG.warn("feeds import for {}:{} stopped: {}", target.platform().wireName(), target.chatId(),
                    e.toString());
            text = "The import of " + (fileName == null || fileName.isBlank() ? "the file" : fileName) + " stopped"
                    + " early because the bot's storage failed. The feeds added before that stay; see them with:"
                    + " feeds list. Send the file again later for the rest.";
        }
        Instant at = ctx.clock().instant();
        try {
            String key = "feed-import:" + target.platform().wireName() + ":" + target.chatId() + ":"
                    + at.toEpochMilli();
            if (checkId == null) {
                store.queueNotice(target, key, text, at);
            } else if (!store.answerFeedAddCheck(checkId, target, key, text, at)) {
                LOG.info("feeds import for {}:{}: done after it was reported cut off; its summary is not sent",
                        target.platform().wireName(), target.chatId());
                return;
            }
            LOG.info("feeds import for {}:{} done; summary queued", target.platform().wireName(), target.chatId());
        } catch (RuntimeException e) {
            LOG.warn("feeds import for {}:{}: its summary could not be queued: {}", target.platform().wireName(),
                    target.chatId(), e.toString());
        }
    }

    /**
     * One address's outcome ({@code null}: not tried, the budget was spent), with the interval it was given
     * ({@code null}: none) and why one was left out.
     */
    private record Line(String url, FeedAdder.Outcome outcome, java.time.Duration interval, String intervalRefused) {
    }

    private List<Line> run(CommandContext ctx, java.util.Map<String, String> urls, FeedImports.Budget budget) {
        return run(ctx, urls, budget, null);
    }

    /**
     * @param checkId the import's kept row, or {@code null}: each feed is added only while it stands, and once an
     *                add finds it gone (answered as cut off) the import stops trying
     */
    private List<Line> run(CommandContext ctx, java.util.Map<String, String> urls, FeedImports.Budget budget,
                           String checkId) {
        List<Line> out = new ArrayList<>();
        boolean full = false;
        Instant start = ctx.clock().instant();
        int tries = 0;
        for (var e : urls.entrySet()) {
            String url = e.getKey();
            if (!full && (tries >= budget.maxTries()
                    || Duration.between(start, ctx.clock().instant()).compareTo(budget.maxTime()) >= 0)) {
                out.add(new Line(url, null, null, null));
                continue;
            }
            java.time.Duration interval = null;
            String refused = null;
            if (e.getValue() != null) {
                try {
                    interval = intervals.apply(e.getValue());
                } catch (IllegalArgumentException bad) {
                    refused = bad.getMessage();
                }
            }
            FeedAdder.Outcome o = full ? new FeedAdder.Outcome(FeedAdder.Kind.FULL, url, "")
                    : adder.add(ctx, url, interval, checkId);
            if (o.kind() == FeedAdder.Kind.INTERRUPTED) {
                out.add(new Line(url, o, interval, refused));
                break; // the chat was told the import was cut off; its summary will not be sent
            }
            full |= o.kind() == FeedAdder.Kind.FULL;
            if (o.kind() != FeedAdder.Kind.FULL && o.kind() != FeedAdder.Kind.ALREADY_THERE
                    && o.kind() != FeedAdder.Kind.INTERVAL_CHANGED) {
                tries++;
            }
            out.add(new Line(url, o, interval, refused));
        }
        return out;
    }

    private static String summary(String fileName, List<Line> outcomes, FeedImports.Budget budget) {
        int[] n = new int[FeedAdder.Kind.values().length];
        List<String> lines = new ArrayList<>();
        int notTried = 0;
        for (Line line : outcomes) {
            FeedAdder.Outcome o = line.outcome();
            if (o == null) {
                notTried++;
                lines.add("not tried (budget): " + line.url());
                continue;
            }
            n[o.kind().ordinal()]++;
            String every = line.interval() == null ? "" : ", every " + FeedHealthLine.duration(line.interval());
            String ignored = line.intervalRefused() == null ? ""
                    : "; its interval was left out: " + sentence(line.intervalRefused());
            lines.add(switch (o.kind()) {
                case ADDED -> "added: " + o.url() + (o.reason().isBlank() ? "" : " (" + o.reason() + ")")
                        + (o.page() == null ? "" : ", found on " + o.page()) + every + ignored;
                case ALREADY_THERE -> "already here: " + o.url() + ignored;
                case INTERVAL_CHANGED -> "already here: " + o.url() + ", now polled" + every.replace(",", "");
                case BAD_ADDRESS -> "refused: " + o.url() + " — " + sentence(o.reason());
                case SEVERAL -> "refused: " + o.url() + " — a page offering " + o.candidates().size()
                        + " feeds; add the one you want with: feeds add <its address>";
                case NOT_A_FEED -> "refused: " + o.url() + " — not a feed we can read: " + sentence(o.reason());
                case FULL -> "not added: " + o.url() + " — this chat reached its limit of " + FeedAdder.MAX_PER_CHAT
                        + " feeds";
                // only the last line of an import answered as cut off, whose summary is never sent
                case INTERRUPTED -> "not added: " + o.url() + " — interrupted by a restart";
            });
        }
        String name = fileName == null || fileName.isBlank() ? "the file" : fileName;
        String head = "Imported " + name + ": " + n[FeedAdder.Kind.ADDED.ordinal()] + " added, "
                + (n[FeedAdder.Kind.ALREADY_THERE.ordinal()] + n[FeedAdder.Kind.INTERVAL_CHANGED.ordinal()])
                + " already here, "
                + (n[FeedAdder.Kind.BAD_ADDRESS.ordinal()] + n[FeedAdder.Kind.NOT_A_FEED.ordinal()]
                + n[FeedAdder.Kind.SEVERAL.ordinal()]) + " refused, "
                + n[FeedAdder.Kind.FULL.ordinal()] + " over the limit"
                + (notTried == 0 ? "." : ", " + notTried + " not tried (one import checks at most " + budget.maxTries()
                        + " addresses, for at most " + FeedHealthLine.duration(budget.maxTime()) + "; send a file"
                        + " of the ones not tried to add them).");
        return Render.list(head, lines);
    }

    /** @return the text without its final full stop, so it reads as part of a line */
    private static String sentence(String s) {
        String t = s == null ? "" : s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String tooLarge() {
        return "That file is larger than " + MAX_FILE_BYTES / 1024 + " KB; a feed list is much smaller. Nothing was"
                + " added.";
    }
}
