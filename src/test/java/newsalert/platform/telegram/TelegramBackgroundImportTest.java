package newsalert.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
import newsalert.command.FeedImports;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.feed.OpmlCodec;
import newsalert.platform.telegram.FakeTelegramApi.Sent;
import newsalert.store.ChatFeed;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /feeds import} the way {@code run} wires it, over the real TelegramBots client and the fake Bot API: the
 * command answers at once and checks nothing on the command thread; the checks run when the imports' executor
 * (here a queue the test drains) runs them; the summary is queued in the outbox and reaches the chat as a message
 * of its own when the delivery worker runs.
 */
class TelegramBackgroundImportTest {
    private static final long CHAT = -1001000000077L;
    private static final long ADMIN = 111;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T06:30:00Z"), ZoneOffset.UTC);
    private static final String OPML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>my reading</title></head>
              <body>
                <outline text="Harbour" xmlUrl="https://harbour.example.org/news.rss"/>
                <outline text="Hills" xmlUrl="https://hills.example.net/missing"/>
              </body>
            </opml>
            """;

    @TempDir
    Path dir;

    private final Queue<Runnable> importTasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger checks = new AtomicInteger();
    private FakeTelegramApi fake;
    private TelegramBot bot;
    private TelegramPlatform platform;
    private JdbcNewsStore news;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeTelegramApi();
        fake.setMemberStatus(CHAT, ADMIN, "administrator");
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("bot.db"));
        FeedCheck check = uri -> {
            checks.incrementAndGet();
            return uri.getPath().endsWith(".rss") ? FeedCheck.Result.feed("Wire " + uri.getHost())
                    : FeedCheck.Result.notFeed("HTTP 404 Not Found");
        };
        AddressPolicy policy = new AddressPolicy(host -> List.of(InetAddress.getByAddress(host,
                new byte[] {93, (byte) 184, (byte) 216, 34})), false);
        FeedImports imports = new FeedImports(importTasks::add, 1, FeedImports.Budget.DEFAULT);
        CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                check, policy, new OpmlCodec(), null, null, imports);
        bot = new TelegramBot(fake.settings(Duration.ofSeconds(1)), registry, CLOCK);
        bot.start();
        platform = new TelegramPlatform(fake.settings(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        bot.close();
        platform.close();
        fake.close();
        news.close();
    }

    private void deliver() {
        new DeliveryWorker(news.subscriptions(), List.of(platform), RateLimits::forPlatform, CLOCK,
                DeliverySettings.defaults()).deliverDue(CLOCK.instant());
    }

    @Test
    void theCommandAnswersAtOnceAndTheSummaryFollowsAsAMessage() throws InterruptedException {
        fake.hostFile("reading", "reading.opml", OPML.getBytes(StandardCharsets.UTF_8));
        fake.pushGroupDocument(CHAT, ADMIN, "/feeds import", "reading");

        Sent ack = fake.awaitSent(1, WAIT).get(0);
        assertThat(ack.chatId()).isEqualTo(String.valueOf(CHAT));
        assertThat(ack.text()).startsWith("Importing 2 feeds from reading.opml; the summary follows here when it is"
                + " done (at most 40 addresses are checked, for at most ");
        assertThat(checks).as("nothing is checked on the command thread").hasValue(0);
        assertThat(importTasks).hasSize(1);
        deliver();
        assertThat(fake.sent()).as("no summary before the import ran").hasSize(1);

        importTasks.poll().run();
        assertThat(checks).hasValue(2);
        assertThat(news.chatFeeds().chatFeeds(Platform.TELEGRAM, String.valueOf(CHAT))).extracting(ChatFeed::url)
                .containsExactly("https://harbour.example.org/news.rss");
        assertThat(fake.sent()).as("the summary waits in the outbox").hasSize(1);

        deliver();
        List<Sent> sent = fake.awaitSent(2, WAIT);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).chatId()).isEqualTo(String.valueOf(CHAT));
        assertThat(sent.get(1).parseMode()).isNull();
        assertThat(sent.get(1).text()).isEqualTo("""
                Imported reading.opml: 1 added, 0 already here, 1 refused, 0 over the limit.
                added: https://harbour.example.org/news.rss (Wire harbour.example.org)
                refused: https://hills.example.net/missing — not a feed we can read: HTTP 404 Not Found""");
    }

    @Test
    void aSecondImportInTheSameChatWhileOneRunsIsToldToWait() throws InterruptedException {
        fake.hostFile("reading", "reading.opml", OPML.getBytes(StandardCharsets.UTF_8));
        fake.pushGroupDocument(CHAT, ADMIN, "/feeds import", "reading");
        fake.awaitSent(1, WAIT);
        fake.pushGroupDocument(CHAT, ADMIN, "/feeds import", "reading");

        assertThat(fake.awaitSent(2, WAIT).get(1).text()).isEqualTo("An import is already running in this chat; its"
                + " summary follows here. Send this file again after it.");
        assertThat(importTasks).hasSize(1);
        assertThat(checks).hasValue(0);
    }
}
