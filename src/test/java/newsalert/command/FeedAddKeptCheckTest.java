package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import newsalert.store.OutboxItem;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code feeds add}'s handed-over check as the command keeps it (issue 17, tester17e's lows): the interval it asked
 * for reaches the cut-off notice, worded for the platform; one person gets at most {@value
 * FeedAddChecks#MAX_PER_USER} check slots and is told so. The executor and the clock are the test's.
 */
class FeedAddKeptCheckTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T05:00:00Z"));
    private final List<Runnable> tasks = Collections.synchronizedList(new ArrayList<>());
    private JdbcNewsStore news;
    private CommandRegistry registry;

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("t.db"));
        registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                uri -> FeedCheck.Result.feed("Wire"), new AddressPolicy(CommandFixture::resolve, true), null, null,
                null, null, new FeedAddChecks(tasks::add, 4, Duration.ZERO, "run-a"));
    }

    @AfterEach
    void close() {
        news.close();
    }

    private List<String> notices(Target t) {
        return news.subscriptions().pendingOutbox(t, 10).stream().map(OutboxItem::note).toList();
    }

    @Test
    void aCutOffCheckOnDiscordIsAnsweredWithItsIntervalInDiscordsWords() {
        Target channel = new Target(Platform.DISCORD, "900100", "900222");
        assertThat(registry.run(new CommandContext(channel, "7", true, clock),
                "feeds add https://news.example.org/a.rss 30m").text())
                .startsWith("Checking https://news.example.org/a.rss…");

        // the run stops cleanly before the check ran
        assertThat(news.chatFeeds().interruptChecks("run-a", clock.instant(), clock.instant(),
                FeedAddChecks::interrupted)).isEqualTo(1);
        tasks.remove(0).run();

        assertThat(notices(channel)).containsExactly("The check of https://news.example.org/a.rss (every 30m) was"
                + " interrupted by a restart; nothing was added. Use /feeds with action add, url"
                + " https://news.example.org/a.rss and interval 30m again.");
        assertThat(news.chatFeeds().chatFeeds(Platform.DISCORD, "900100")).isEmpty();
    }

    /**
     * tester17f: with {@code chat-feeds.add-wait: 0s} an address refused by its form, a private IP address or an
     * interval change was answered "Checking…" and then by a notice; they need no network and are answered at once.
     */
    @Test
    void whatNeedsNoNetworkIsAnsweredAtOnceEvenWithNoWait() {
        CommandRegistry strict = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                uri -> FeedCheck.Result.feed("Wire"), new AddressPolicy(CommandFixture::resolve, false), null, null,
                null, null, new FeedAddChecks(tasks::add, 4, Duration.ZERO, "run-a"));
        Target chat = Target.chat(Platform.TELEGRAM, "-1001");
        CommandContext ctx = new CommandContext(chat, "7", true, clock);
        assertThat(strict.run(ctx, "feeds add ftp://news.example.org/a.rss").text())
                .startsWith("Only http:// and https:// feed addresses are accepted.");
        assertThat(strict.run(ctx, "feeds add http://127.0.0.1/a.rss").text())
                .startsWith("That address points to a loopback address (127.0.0.1), which is not allowed.");
        assertThat(strict.run(ctx, "feeds add https://news.example.org/a.rss").text()).startsWith("Checking ");
        tasks.remove(0).run(); // the check over the network: added
        assertThat(strict.run(ctx, "feeds add https://news.example.org/a.rss 45m").text())
                .isEqualTo("That feed is already in this chat's list; it is now polled every 45m.");
        assertThat(strict.run(ctx, "feeds add https://news.example.org/a.rss").text())
                .isEqualTo("That feed is already in this chat's list.");
        assertThat(tasks).isEmpty(); // nothing else was handed over
        assertThat(notices(chat)).containsExactly("feeds add https://news.example.org/a.rss: Added feed"
                + " https://news.example.org/a.rss (Wire).");
    }

    @Test
    void onePersonCheckingInThreeChatsIsToldTheBound() {
        for (String chat : List.of("-1001", "-1002")) {
            assertThat(registry.run(new CommandContext(Target.chat(Platform.TELEGRAM, chat), "7", true, clock),
                    "feeds add https://news.example.org/a.rss").text()).startsWith("Checking ");
        }
        Target third = Target.chat(Platform.TELEGRAM, "-1003");
        assertThat(registry.run(new CommandContext(third, "7", true, clock),
                "feeds add https://news.example.org/a.rss").text()).isEqualTo("You already have 2 feed checks running"
                + " in other chats; one person may run at most 2 at once. Nothing was added; send this again when one"
                + " of them has answered.");
        assertThat(registry.run(new CommandContext(third, "8", true, clock),
                "feeds add https://news.example.org/a.rss").text()).startsWith("Checking ");
        // the refused command kept no row: only the three checks that started are cut off
        assertThat(news.chatFeeds().interruptChecks("run-a", clock.instant(), clock.instant(),
                FeedAddChecks::interrupted)).isEqualTo(3);
    }
}
