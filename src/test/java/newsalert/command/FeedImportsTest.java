package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 17 (tester's item 1): {@code feeds import} runs off the command threads on {@link FeedImports}' executor,
 * one per chat and at most N at once, within a budget of tries and time; the command answers at once and the
 * summary follows as an outbox notice to the target the command came from. The executor is driven by the test
 * (tasks run when the test says) and time by the clock: no sleeping.
 */
class FeedImportsTest {
    private static final Target DISCORD_CHANNEL = new Target(Platform.DISCORD, "900100", "900222");
    private static final Target OTHER_CHAT = Target.chat(Platform.TELEGRAM, "-100555");
    private static final Target THIRD_CHAT = Target.chat(Platform.TELEGRAM, "-100666");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T05:00:00Z"));
    private final List<Runnable> tasks = Collections.synchronizedList(new ArrayList<>());
    private final List<URI> checked = Collections.synchronizedList(new ArrayList<>());
    /** What each check does besides recording the address: by default a fetch that hangs until its 50 s time-out. */
    private volatile FeedCheck check;
    private JdbcNewsStore news;

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("t.db"));
        check = uri -> {
            clock.advance(Duration.ofSeconds(50));
            return FeedCheck.Result.notFeed("the server did not answer within 50 s");
        };
    }

    @AfterEach
    void close() {
        news.close();
    }

    private CommandRegistry registry(FeedImports imports) {
        return CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(), uri -> {
            checked.add(uri);
            return check.check(uri);
        }, new AddressPolicy(CommandFixture::resolve, true), new newsalert.feed.OpmlCodec(), null, null, imports);
    }

    private static AttachedFile opml(String name, List<String> urls) {
        String outlines = urls.stream().map(u -> "<outline type=\"rss\" text=\"f\" xmlUrl=\"" + u + "\"/>")
                .collect(Collectors.joining("\n"));
        byte[] bytes = ("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body>"
                + outlines + "</body></opml>").getBytes(StandardCharsets.UTF_8);
        return new AttachedFile() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public byte[] read(long maxBytes) throws IOException {
                return bytes;
            }
        };
    }

    private static List<String> hungAddresses(int n) {
        return IntStream.range(0, n).mapToObj(i -> "https://news.example.org/hung-" + i + ".rss").toList();
    }

    private List<OutboxItem> notices(Target t) {
        return news.subscriptions().pendingOutbox(t, 100).stream().filter(r -> r.kind() == OutboxKind.NOTICE)
                .toList();
    }

    @Test
    void aFileOfHungAddressesIsAnsweredAtOnceAndTheSummaryNamesWhatWasNotTried() {
        FeedImports imports = new FeedImports(tasks::add, 2, new FeedImports.Budget(40, Duration.ofMinutes(3)));
        CommandRegistry registry = registry(imports);

        Reply r = registry.run(new CommandContext(DISCORD_CHANNEL, "7", true, clock,
                opml("hung.opml", hungAddresses(1000))), "feeds import");

        assertThat(r.text()).isEqualTo("Importing 1000 feeds from hung.opml; the summary follows here when it is"
                + " done (at most 40 addresses are checked, for at most 3m).");
        assertThat(checked).isEmpty();
        assertThat(tasks).hasSize(1);
        assertThat(notices(DISCORD_CHANNEL)).isEmpty();

        tasks.remove(0).run();

        // 50 s a check: the 4th check starts at 150 s, the 5th would start at 200 s > 3 min
        assertThat(checked).hasSize(4);
        List<OutboxItem> notices = notices(DISCORD_CHANNEL);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).target()).isEqualTo(DISCORD_CHANNEL);
        assertThat(notices.get(0).story()).isNull();
        String text = notices.get(0).note();
        assertThat(text).startsWith("Imported hung.opml: 0 added, 0 already here, 4 refused, 0 over the limit,"
                + " 996 not tried (one import checks at most 40 addresses, for at most 3m; send a file of the ones"
                + " not tried to add them).\nrefused: https://news.example.org/hung-0.rss — not a feed we can read:"
                + " the server did not answer within 50 s\n");
        assertThat(text).contains("\nnot tried (budget): https://news.example.org/hung-4.rss\n");
        assertThat(text.length()).isLessThanOrEqualTo(Reply.MAX_LENGTH);
    }

    @Test
    void refusedOutlinesCountTowardTheBudgetOfTries() {
        check = uri -> FeedCheck.Result.notFeed("this is a web page, not RSS, Atom or JSON Feed");
        FeedImports imports = new FeedImports(tasks::add, 2, new FeedImports.Budget(3, Duration.ofMinutes(3)));

        registry(imports).run(new CommandContext(OTHER_CHAT, "7", true, clock,
                opml("pages.opml", hungAddresses(6))), "feeds import");
        tasks.remove(0).run();

        assertThat(checked).hasSize(3);
        assertThat(notices(OTHER_CHAT).get(0).note()).contains(" 3 refused, 0 over the limit, 3 not tried (one"
                + " import checks at most 3 addresses")
                .contains("not tried (budget): https://news.example.org/hung-3.rss");
    }

    @Test
    void oneImportPerChatAndAtMostNAtOnceWhileOtherCommandsAreAnswered() {
        FeedImports imports = new FeedImports(tasks::add, 2, FeedImports.Budget.DEFAULT);
        CommandRegistry registry = registry(imports);
        CommandContext discord = new CommandContext(DISCORD_CHANNEL, "7", true, clock,
                opml("a.opml", hungAddresses(3)));

        assertThat(registry.run(discord, "feeds import").text()).startsWith("Importing 3 feeds from a.opml;");
        assertThat(registry.run(discord, "feeds import").text()).isEqualTo("An import is already running in this"
                + " chat; its summary follows here. Send this file again after it.");
        assertThat(registry.run(new CommandContext(OTHER_CHAT, "7", true, clock, opml("b.opml",
                hungAddresses(2))), "feeds import").text()).startsWith("Importing 2 feeds from b.opml;");
        assertThat(registry.run(new CommandContext(THIRD_CHAT, "7", true, clock, opml("c.opml",
                hungAddresses(2))), "feeds import").text()).isEqualTo("Other chats' imports are running right now."
                + " Please send the file again in a few minutes. Nothing was added.");
        assertThat(registry.run(new CommandContext(THIRD_CHAT, "7", true, clock), "feeds list").text())
                .isEqualTo("No feeds added here. Add one with: feeds add <url>");
        assertThat(tasks).hasSize(2);

        tasks.remove(0).run();

        assertThat(registry.run(discord, "feeds import").text()).startsWith("Importing 3 feeds from a.opml;");
        assertThat(notices(DISCORD_CHANNEL)).hasSize(1);
    }

    /** A real executor thread blocked in a fetch: another chat's command is answered on the test's thread. */
    @Test
    void aCommandOfAnotherChatIsAnsweredWhileAnImportHangsInAFetch() throws Exception {
        CountDownLatch inFetch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        check = uri -> {
            inFetch.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FeedCheck.Result.feed("Wire");
        };
        List<Thread> threads = new ArrayList<>();
        FeedImports imports = new FeedImports(task -> {
            Thread t = new Thread(task, "test-import");
            threads.add(t);
            t.start();
        }, 1, FeedImports.Budget.DEFAULT);
        CommandRegistry registry = registry(imports);

        assertThat(registry.run(new CommandContext(DISCORD_CHANNEL, "7", true, clock,
                opml("one.opml", List.of("https://news.example.org/wire.rss"))), "feeds import").text())
                .startsWith("Importing 1 feed from one.opml;");
        inFetch.await();
        assertThat(registry.run(new CommandContext(OTHER_CHAT, "7", true, clock), "feeds list").text())
                .isEqualTo("No feeds added here. Add one with: feeds add <url>");
        release.countDown();
        threads.get(0).join();

        assertThat(notices(DISCORD_CHANNEL)).singleElement().extracting(OutboxItem::note).isEqualTo(
                "Imported one.opml: 1 added, 0 already here, 0 refused, 0 over the limit.\n"
                        + "added: https://news.example.org/wire.rss (Wire)");
    }

    @Test
    void budgetAndLimitsAreChecked() {
        assertThatThrownBy(() -> new FeedImports.Budget(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedImports.Budget(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedImports(tasks::add, 0, FeedImports.Budget.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }
    /**
     * tester17e: an import in flight was lost on a restart (nothing said). It is kept as a check row (V27, kind
     * import) from the command on: a clean stop (or, after a kill, another instance's sweep) mid-import answers
     * "cut off; N of M added: …", the import stops at its next add, and its own summary is never sent.
     */
    @Test
    void anImportCutOffByAStopIsAnsweredOnceWithHowManyWereAdded() {
        List<String> urls = List.of("https://news.example.org/a.rss", "https://news.example.org/b.rss",
                "https://news.example.org/c.rss", "https://news.example.org/d.rss");
        check = uri -> {
            if (uri.toString().endsWith("/b.rss")) {
                // tester17f: another moderator adds a feed by hand meanwhile; it is not one of the file's
                news.chatFeeds().addChatFeed(new newsalert.store.ChatFeed(Platform.TELEGRAM, OTHER_CHAT.chatId(),
                        "https://other.example.net/x.rss", "8", clock.instant(), null), 50, null);
            }
            if (uri.toString().endsWith("/c.rss")) {
                // the run stops cleanly while c is being fetched: it answers its own kept checks
                news.chatFeeds().interruptChecks("run-a", clock.instant(), clock.instant(),
                        FeedAddChecks::interrupted);
            }
            clock.advance(Duration.ofSeconds(1));
            return FeedCheck.Result.feed("Wire");
        };
        FeedImports imports = new FeedImports(tasks::add, 2, FeedImports.Budget.DEFAULT);
        CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                uri -> {
                    checked.add(uri);
                    return check.check(uri);
                }, new AddressPolicy(CommandFixture::resolve, true), new newsalert.feed.OpmlCodec(), null, null,
                imports, new FeedAddChecks(tasks::add, 4, Duration.ZERO, "run-a"));

        assertThat(registry.run(new CommandContext(OTHER_CHAT, "7", true, clock, opml("reader.opml", urls)),
                "feeds import").text()).startsWith("Importing 4 feeds from reader.opml;");
        tasks.remove(0).run();

        assertThat(checked).hasSize(3);
        assertThat(news.chatFeeds().chatFeeds(Platform.TELEGRAM, OTHER_CHAT.chatId())).extracting(f -> f.url())
                .containsExactlyInAnyOrder("https://news.example.org/a.rss", "https://news.example.org/b.rss",
                        "https://other.example.net/x.rss");
        assertThat(notices(OTHER_CHAT)).extracting(OutboxItem::note).containsExactly("The import of reader.opml was"
                + " cut off by a restart; 2 of 4 feeds added: https://news.example.org/a.rss,"
                + " https://news.example.org/b.rss. Send the file again with /feeds import as its caption to add the"
                + " rest (the feeds already here are skipped).");
        // nothing kept any more: a later sweep says nothing more
        assertThat(news.chatFeeds().interruptChecks(null, clock.instant().plusSeconds(600),
                clock.instant().plusSeconds(600), FeedAddChecks::interrupted)).isZero();
    }

    /** An import that ends normally sends its summary and leaves no kept row behind. */
    @Test
    void anImportThatEndsLeavesNoKeptRow() {
        check = uri -> FeedCheck.Result.feed("Wire");
        FeedImports imports = new FeedImports(tasks::add, 2, FeedImports.Budget.DEFAULT);
        CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                check, new AddressPolicy(CommandFixture::resolve, true), new newsalert.feed.OpmlCodec(), null, null,
                imports, new FeedAddChecks(tasks::add, 4, Duration.ZERO, "run-a"));
        registry.run(new CommandContext(OTHER_CHAT, "7", true, clock, opml("one.opml",
                List.of("https://news.example.org/a.rss"))), "feeds import");
        tasks.remove(0).run();

        assertThat(notices(OTHER_CHAT)).extracting(OutboxItem::note).singleElement().asString()
                .startsWith("Imported one.opml: 1 added,");
        assertThat(news.chatFeeds().interruptChecks("run-a", clock.instant().plusSeconds(600),
                clock.instant().plusSeconds(600), FeedAddChecks::interrupted)).isZero();
    }
}
