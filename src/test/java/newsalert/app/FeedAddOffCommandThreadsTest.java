package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedAddChecks;
import newsalert.config.ConfigLoader;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.feed.OpmlCodec;
import newsalert.platform.discord.DiscordBot;
import newsalert.platform.discord.FakeDiscord;
import newsalert.platform.telegram.FakeTelegramApi;
import newsalert.platform.telegram.TelegramBot;
import newsalert.platform.telegram.TelegramPlatform;
import newsalert.store.ChatFeed;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.testing.MutableClock;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 (tester17c's must-fix): a slow {@code feeds add} no longer holds the platforms' command threads. The
 * feed server holds every request on a latch; with the checks on {@link FeedAddChecks}' executor, the adds are
 * answered "checking…", {@code /help} from another chat is answered while the pages are still held, and once the
 * pages come each add's answer reaches its chat once, as a notice through the outbox. Real clients over the fake
 * Bot API and the fake Discord, the real feed reader over a local server. The command's wait is zero here, so no
 * test step depends on how long a check takes.
 */
class FeedAddOffCommandThreadsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Slow wire</title><link>https://slow.example.org/</link>
            <item><title>Harbour reopens</title><guid>slow-1</guid></item></channel></rss>
            """;

    @TempDir
    Path dir;

    private final MockWebServer site = new MockWebServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final ExecutorService checks = Executors.newCachedThreadPool();
    private JdbcNewsStore news;

    @BeforeEach
    void start() throws IOException {
        site.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                held.incrementAndGet();
                release.await(60, TimeUnit.SECONDS);
                return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml").body(RSS).build();
            }
        });
        site.start(InetAddress.getLoopbackAddress(), 0);
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("bot.db"));
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        checks.shutdownNow();
        site.close();
        news.close();
    }

    private CommandRegistry registry() {
        return registry(null);
    }

    private CommandRegistry registry(String owner) {
        Wiring wiring = new Wiring(ConfigLoader.load(null, Map.of()));
        Dns dns = host -> List.of(InetAddress.getAllByName(host));
        return CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                new FetchingFeedCheck(wiring.chatFeedReader(dns, null), clock),
                new AddressPolicy(host -> List.of(InetAddress.getAllByName(host)), true), new OpmlCodec(), null, null,
                null, new FeedAddChecks(checks, 4, Duration.ZERO, owner));
    }

    private String feed(int n) {
        return site.url("/slow/" + n + ".xml").toString();
    }

    /** Lets the pages go and waits (bounded, as a guard against a hang) for every check to end. */
    private void releaseAndFinish() throws InterruptedException {
        release.countDown();
        checks.shutdown();
        assertThat(checks.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void telegramFourSlowAddsLeaveHelpAnsweredAndEachAnswerFollowsOnce() throws Exception {
        long first = -1001000000301L;
        try (FakeTelegramApi fake = new FakeTelegramApi()) {
            // one admin per chat: one person may hold at most 2 of the 4 check slots (FeedAddChecks.MAX_PER_USER)
            for (int i = 0; i < 5; i++) {
                fake.setMemberStatus(first - i, 111 + i, "administrator");
            }
            TelegramBot bot = new TelegramBot(fake.settings(Duration.ofSeconds(1)), registry(), clock);
            TelegramPlatform platform = new TelegramPlatform(fake.settings(Duration.ofSeconds(1)));
            try {
                bot.start();
                for (int i = 0; i < 4; i++) {
                    fake.pushGroupCommand(first - i, 111 + i, "/feeds add " + feed(i));
                }
                fake.pushGroupCommand(first - 4, 115, "/help");
                List<FakeTelegramApi.Sent> sent = fake.awaitSent(5, WAIT);
                assertThat(release.getCount()).as("the pages are still held").isEqualTo(1);
                assertThat(sent).filteredOn(s -> s.chatId().equals(String.valueOf(first - 4))).singleElement()
                        .satisfies(s -> assertThat(s.text()).contains("feeds add"));
                for (int i = 0; i < 4; i++) {
                    String chat = String.valueOf(first - i);
                    assertThat(sent).filteredOn(s -> s.chatId().equals(chat)).singleElement()
                            .satisfies(s -> assertThat(s.text()).startsWith("Checking " + feed(Integer.parseInt(
                                    chat.substring(chat.length() - 1)) - 1) + "… the answer follows here"));
                }

                releaseAndFinish();
                new DeliveryWorker(news.subscriptions(), List.of(platform), RateLimits::forPlatform, clock,
                        DeliverySettings.defaults()).deliverDue(clock.instant());
                List<FakeTelegramApi.Sent> all = fake.awaitSent(9, WAIT);
                assertThat(all).hasSize(9);
                for (int i = 0; i < 4; i++) {
                    String chat = String.valueOf(first - i);
                    assertThat(all.subList(5, 9)).filteredOn(s -> s.chatId().equals(chat)).singleElement()
                            .satisfies(s -> assertThat(s.text()).isEqualTo("feeds add " + feed(Integer.parseInt(
                                    chat.substring(chat.length() - 1)) - 1) + ": Added feed " + feed(Integer.parseInt(
                                    chat.substring(chat.length() - 1)) - 1) + " (Slow wire)."));
                    assertThat(news.chatFeeds().chatFeeds(Platform.TELEGRAM, chat)).extracting(ChatFeed::url)
                            .hasSize(1);
                }
                new DeliveryWorker(news.subscriptions(), List.of(platform), RateLimits::forPlatform, clock,
                        DeliverySettings.defaults()).deliverDue(clock.instant());
                assertThat(fake.sent()).as("each answer is sent once").hasSize(9);
            } finally {
                bot.close();
                platform.close();
            }
        }
    }

    @Test
    void discordASecondAddInTheSameChatIsToldToWaitAndHelpIsAnswered() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            DiscordBot bot = DiscordBot.start(discord.settings(true), registry(), clock);
            try {
                assertThat(bot.awaitReady(Duration.ofSeconds(10))).isTrue();
                discord.awaitCommandRegistration();

                discord.moderatorSends("feeds", Map.of("action", "add", "url", feed(1)));
                assertThat(discord.awaitResponse().body().path("content").asText())
                        .startsWith("Checking " + feed(1) + "… the answer follows here");
                discord.moderatorSends("feeds", Map.of("action", "add", "url", feed(2)));
                assertThat(discord.awaitResponse().body().path("content").asText())
                        .startsWith("One check at a time in this chat");
                discord.moderatorSends("help", Map.of());
                assertThat(discord.awaitResponse().body().path("content").asText()).contains("feeds add");
                assertThat(release.getCount()).as("the page is still held").isEqualTo(1);
                assertThat(held).as("only the first add fetched").hasValue(1);

                releaseAndFinish();
                new DeliveryWorker(news.subscriptions(), List.of(bot.platform()), RateLimits::forPlatform, clock,
                        DeliverySettings.defaults()).deliverDue(clock.instant());
                FakeDiscord.Call posted = discord.awaitMessage();
                assertThat(posted.path()).isEqualTo("channels/" + FakeDiscord.CHANNEL_ID + "/messages");
                assertThat(posted.body().path("content").asText()).isEqualTo("feeds add " + feed(1) + ": Added feed "
                        + feed(1) + " (Slow wire).");
                assertThat(discord.postedCount()).isEqualTo(1);
                assertThat(news.chatFeeds().chatFeeds(Platform.DISCORD, FakeDiscord.GUILD_ID))
                        .extracting(ChatFeed::url).containsExactly(feed(1));
            } finally {
                bot.close();
            }
        }
    }

    /**
     * tester17d's must-fix: the run that said "Checking…" is killed while the page hangs; a minute later another
     * run's sweep (on the test's clock) tells the chat, once, that nothing was added and what to send again.
     */
    @Test
    void telegramACheckCutOffByAKillIsAnsweredOnceByAnotherRun() throws Exception {
        long chat = -1001000000401L;
        try (FakeTelegramApi fake = new FakeTelegramApi()) {
            fake.setMemberStatus(chat, 111, "administrator");
            TelegramBot bot = new TelegramBot(fake.settings(Duration.ofSeconds(1)), registry("killed-run"), clock);
            TelegramPlatform platform = new TelegramPlatform(fake.settings(Duration.ofSeconds(1)));
            try {
                bot.start();
                fake.pushGroupCommand(chat, 111, "/feeds add " + feed(7));
                assertThat(fake.awaitSent(1, WAIT)).singleElement()
                        .satisfies(s -> assertThat(s.text()).startsWith("Checking " + feed(7)));
                bot.close(); // the killed run answers nothing more; its check never ends

                FeedAddCheckSweep other = new FeedAddCheckSweep(news.chatFeeds(), "next-run", clock,
                        FeedAddCheckSweep.MIN_AGE);
                clock.advance(Duration.ofSeconds(30));
                assertThat(other.sweep()).as("too young: its owner may only be slow").isZero();
                clock.advance(Duration.ofSeconds(30));
                assertThat(other.sweep()).isEqualTo(1);
                for (int round = 0; round < 2; round++) {
                    new DeliveryWorker(news.subscriptions(), List.of(platform), RateLimits::forPlatform, clock,
                            DeliverySettings.defaults()).deliverDue(clock.instant());
                }
                assertThat(fake.awaitSent(2, WAIT)).hasSize(2).last().satisfies(s -> {
                    assertThat(s.chatId()).isEqualTo(String.valueOf(chat));
                    assertThat(s.text()).isEqualTo("The check of " + feed(7) + " was interrupted by a restart;"
                            + " nothing was added. Send /feeds add " + feed(7) + " again.");
                });
                assertThat(fake.sent()).hasSize(2);
                assertThat(news.chatFeeds().chatFeeds(Platform.TELEGRAM, String.valueOf(chat))).isEmpty();
            } finally {
                bot.close();
                platform.close();
            }
        }
    }
}
