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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
import newsalert.command.Reply;
import newsalert.delivery.CommandReplyNote;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.feed.OpmlCodec;
import newsalert.platform.telegram.FakeTelegramApi.Failure;
import newsalert.platform.telegram.FakeTelegramApi.Sent;
import newsalert.store.ChatFeed;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 5 for replies that carry a file, with the real TelegramBots client against the fake Bot API: the
 * document of {@code feeds export} is queued in the outbox with the command's update and sent by the delivery worker,
 * whose rounds run on a hand-moved clock (100 ms apart), so a 429's wait and an outage are the worker's clock, not
 * the wall's. The bot's command thread never sends nor waits.
 */
class TelegramFileReplyOutboxTest {
    private static final long CHAT = 4_242;
    private static final String BOT = "telegram:" + FakeTelegramApi.BOT_ID;
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final Duration STEP = Duration.ofMillis(100);
    private static final Clock BOT_CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FakeTelegramApi fake;
    private JdbcNewsStore store;
    private TelegramBot bot;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final Semaphore queued = new Semaphore(0);

    @BeforeEach
    void start() throws IOException {
        fake = new FakeTelegramApi();
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("news.db"));
        for (String url : List.of("https://a.example.org/world.rss", "https://b.example.net/feed.json")) {
            store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, String.valueOf(CHAT), url, "7",
                    BOT_CLOCK.instant(), null, null, null));
        }
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        fake.close();
        store.close();
    }

    private void startBot(CommandRegistry registry) {
        bot = new TelegramBot(fake.settings(Duration.ofSeconds(1)), registry, BOT_CLOCK, store.commandUpdates(),
                queued::release);
        bot.start();
    }

    private CommandRegistry standard() {
        FeedCheck check = uri -> FeedCheck.Result.feed("Wire " + uri.getHost());
        AddressPolicy policy = new AddressPolicy(host -> List.of(InetAddress.getByAddress(host,
                new byte[] {93, (byte) 184, (byte) 216, 34})), false);
        return CommandRegistry.standard(store.subscriptions(), store.queries(), store.chatFeeds(), check, policy,
                new OpmlCodec(), null);
    }

    /** Pushes the command and waits until its reply is queued and its update confirmed in the store. */
    private void command(String text) throws InterruptedException {
        int id = fake.pushPrivateCommand(CHAT, text);
        assertThat(queued.tryAcquire(1, WAIT.toSeconds(), TimeUnit.SECONDS)).as("reply queued").isTrue();
        long end = System.nanoTime() + WAIT.toNanos();
        while (store.commandUpdates().nextUpdateId(BOT, BOT_CLOCK.instant()) != id + 1) {
            assertThat(System.nanoTime()).as("update confirmed").isLessThan(end);
            Thread.sleep(10);
        }
    }

    private DeliveryWorker worker() {
        return new DeliveryWorker(store.subscriptions(),
                List.of(new TelegramPlatform(fake.settings(Duration.ofSeconds(1)))), p -> RateLimits.telegram(),
                clock, DeliverySettings.defaults());
    }

    /**
     * Delivery rounds {@link #STEP} apart on the driven clock until nothing is pending (at most {@code limit});
     * @return the round time of each sendDocument call the fake saw, refused ones included
     */
    private List<Instant> deliver(DeliveryWorker worker, Duration limit) {
        List<Instant> calls = new ArrayList<>();
        Instant end = clock.instant().plus(limit);
        while (!store.subscriptions().pendingTargets().isEmpty() && clock.instant().isBefore(end)) {
            int before = fake.callCount("sendDocument");
            worker.deliverDue(clock.instant());
            for (int i = before; i < fake.callCount("sendDocument"); i++) {
                calls.add(clock.instant());
            }
            clock.advance(STEP);
        }
        return calls;
    }

    @Test
    void anExportAnsweredWithA429GoesOnceExactlyAfterRetryAfterWithNoCallDuringTheWait() throws Exception {
        startBot(standard());
        command("/feeds export");
        assertThat(fake.callCount("sendDocument")).as("nothing sent from the command thread").isZero();
        fake.failNextDocuments(1, Failure.rateLimited(2));

        Instant first = clock.instant();
        List<Instant> calls = deliver(worker(), Duration.ofMinutes(1));

        assertThat(calls).containsExactly(first, first.plusSeconds(2));
        var docs = fake.documents();
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).chatId()).isEqualTo(String.valueOf(CHAT));
        assertThat(docs.get(0).fileName()).isEqualTo("newsalert-feeds.opml");
        assertThat(docs.get(0).caption()).isEqualTo("The 2 feeds of this chat as OPML. Bring them into another chat"
                + " with: feeds import");
        assertThat(new String(docs.get(0).content(), StandardCharsets.UTF_8))
                .contains("xmlUrl=\"https://a.example.org/world.rss\"", "xmlUrl=\"https://b.example.net/feed.json\"");
        assertThat(fake.sent()).isEmpty();
    }

    @Test
    void anExportQueuedWhileTheBotApiIsDownGoesOnceWithin15SecondsOfItsRecovery() throws Exception {
        startBot(standard());
        command("/feeds export");
        fake.failNextDocuments(10_000, Failure.serverError()); // down until cleared
        DeliveryWorker worker = worker();
        Instant down = clock.instant();
        Instant back = down.plus(Duration.ofMinutes(5));
        List<Instant> calls = new ArrayList<>();
        while (!store.subscriptions().pendingTargets().isEmpty()
                && clock.instant().isBefore(back.plus(Duration.ofMinutes(5)))) {
            if (!clock.instant().isBefore(back)) {
                fake.clearDocumentFailures();
            }
            int before = fake.callCount("sendDocument");
            worker.deliverDue(clock.instant());
            for (int i = before; i < fake.callCount("sendDocument"); i++) {
                calls.add(clock.instant());
            }
            clock.advance(STEP);
        }

        assertThat(fake.documents()).hasSize(1);
        assertThat(fake.documents().get(0).fileName()).isEqualTo("newsalert-feeds.opml");
        assertThat(store.subscriptions().pendingTargets()).isEmpty();
        Instant accepted = calls.get(calls.size() - 1);
        assertThat(Duration.between(back, accepted)).isLessThanOrEqualTo(Duration.ofSeconds(15));
        for (int i = 1; i < calls.size(); i++) { // tries thinned out while down, never in a loop
            assertThat(Duration.between(calls.get(i - 1), calls.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(calls.stream().filter(t -> t.isBefore(back)).count()).isBetween(4L, 40L);
    }

    @Test
    void aCaptionLongerThanTelegramAllowsGoesFirstAsTextThenTheDocumentWithoutCaption() throws Exception {
        String longText = "x".repeat(CommandReplies.CAPTION_MAX + 1);
        startBot(new CommandRegistry(List.of(new RecordingCommand("big", false) {
            @Override
            public Reply run(newsalert.command.CommandContext ctx, List<String> args) {
                return Reply.withFile(longText, new Reply.File("big.txt", "text/plain", new byte[] {1, 2, 3}));
            }
        })));
        command("/big");

        deliver(worker(), Duration.ofMinutes(1));

        assertThat(fake.sent()).extracting(Sent::text).containsExactly(longText);
        assertThat(fake.documents()).hasSize(1);
        assertThat(fake.documents().get(0).caption()).isNull();
        assertThat(fake.documents().get(0).content()).containsExactly(1, 2, 3);
        assertThat(fake.calls()).containsSubsequence("sendmessage", "senddocument");
    }

    @Test
    void aFileAboveTheOutboxCapIsReplacedByANoticeAfterTheText() {
        byte[] big = new byte[DocumentReply.MAX_BYTES + 1];
        List<String> notes;
        try (newsalert.testing.LogCapture log = newsalert.testing.LogCapture.of(CommandUpdates.class)) {
            notes = CommandUpdates.notes(Reply.withFile("Here it is.",
                    new Reply.File("big.bin", "application/octet-stream", big)));
            assertThat(log.lines()).containsExactly("WARN a reply's file big.bin has 65537 bytes, above the 65536"
                    + " kept in the outbox; the chat is told instead");
        }

        assertThat(notes).extracting(n -> CommandReplyNote.decode(n).orElseThrow())
                .containsExactly("Here it is.", DocumentReply.TOO_LARGE);
    }

    @Test
    void aDocumentNoteReadsBackToTheSameNameCaptionAndBytes() {
        byte[] bytes = "<opml>\n\u00e9\n</opml>".getBytes(StandardCharsets.UTF_8);
        List<String> notes = CommandUpdates.notes(Reply.withFile("line one\nline two",
                new Reply.File("a\nb.opml", "text/x-opml", bytes)));

        assertThat(notes).hasSize(1);
        DocumentReply doc = DocumentReply.decode(CommandReplyNote.decode(notes.get(0)).orElseThrow()).orElseThrow();
        assertThat(doc.name()).isEqualTo("a b.opml");
        assertThat(doc.caption()).isEqualTo("line one\nline two");
        assertThat(doc.content()).isEqualTo(bytes);
        assertThat(DocumentReply.isDocument("&lt;newsalert-document v1&gt;\nx")).isFalse();
    }
}
