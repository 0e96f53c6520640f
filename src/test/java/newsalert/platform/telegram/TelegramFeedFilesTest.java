package newsalert.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
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
 * {@code /feeds export} and {@code /feeds import} over the real TelegramBots client and the fake Bot API: the
 * export is a document, an import reads the document the command is the caption of (or replies to), and a
 * non-admin's import downloads nothing.
 */
class TelegramFeedFilesTest {
    private static final long CHAT_A = -1001000000001L;
    private static final long CHAT_B = -1001000000002L;
    private static final long ADMIN = 111;
    private static final long MEMBER = 222;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-28T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FakeTelegramApi fake;
    private TelegramBot bot;
    private JdbcNewsStore news;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeTelegramApi();
        for (long chat : List.of(CHAT_A, CHAT_B)) {
            fake.setMemberStatus(chat, ADMIN, "administrator");
            fake.setMemberStatus(chat, MEMBER, "member");
        }
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("bot.db"));
        FeedCheck check = uri -> uri.getPath().endsWith(".rss") || uri.getPath().endsWith(".json")
                ? FeedCheck.Result.feed("Wire " + uri.getHost()) : FeedCheck.Result.notFeed("HTTP 404 Not Found");
        AddressPolicy policy = new AddressPolicy(host -> List.of(InetAddress.getByAddress(host,
                new byte[] {93, (byte) 184, (byte) 216, 34})), false);
        CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                check, policy, new OpmlCodec(), null);
        bot = new TelegramBot(fake.settings(Duration.ofSeconds(1)), registry, CLOCK);
        bot.start();
    }

    @AfterEach
    void stop() {
        bot.close();
        fake.close();
        news.close();
    }

    private List<String> feeds(long chat) {
        return news.chatFeeds().chatFeeds(Platform.TELEGRAM, String.valueOf(chat)).stream().map(ChatFeed::url).toList();
    }

    @Test
    void exportedDocumentImportedIntoAnotherChatGivesTheSameFeeds() throws InterruptedException {
        fake.pushGroupCommand(CHAT_A, ADMIN, "/feeds add https://a.example.org/world.rss 30m");
        fake.pushGroupCommand(CHAT_A, ADMIN, "/feeds add https://b.example.net/feed.json");
        fake.pushGroupCommand(CHAT_A, ADMIN, "/feeds export");

        var docs = fake.awaitDocuments(1, WAIT);
        assertThat(docs).hasSize(1);
        var export = docs.get(0);
        assertThat(export.chatId()).isEqualTo(String.valueOf(CHAT_A));
        assertThat(export.fileName()).isEqualTo("newsalert-feeds.opml");
        assertThat(export.caption()).isEqualTo("The 2 feeds of this chat as OPML. Bring them into another chat with:"
                + " feeds import");
        assertThat(new String(export.content(), StandardCharsets.UTF_8))
                .contains("xmlUrl=\"https://a.example.org/world.rss\" newsalert:interval=\"30m\"",
                        "xmlUrl=\"https://b.example.net/feed.json\" />");

        fake.hostFile("exp-1", "newsalert-feeds.opml", export.content());
        fake.pushGroupDocument(CHAT_B, ADMIN, "/feeds import", "exp-1");

        List<Sent> sent = fake.awaitSent(3, WAIT);
        assertThat(sent.get(2).chatId()).isEqualTo(String.valueOf(CHAT_B));
        assertThat(sent.get(2).text()).isEqualTo("""
                Imported newsalert-feeds.opml: 2 added, 0 already here, 0 refused, 0 over the limit.
                added: https://a.example.org/world.rss (Wire a.example.org), every 30m
                added: https://b.example.net/feed.json (Wire b.example.net)""");
        assertThat(feeds(CHAT_B)).isEqualTo(feeds(CHAT_A))
                .containsExactly("https://a.example.org/world.rss", "https://b.example.net/feed.json");
        assertThat(news.chatFeeds().chatFeeds(Platform.TELEGRAM, String.valueOf(CHAT_B)))
                .extracting(ChatFeed::interval).containsExactly(Duration.ofMinutes(30), null);
    }

    @Test
    void importReplyingToADocumentSummarisesEachLine() throws Exception {
        fake.pushGroupCommand(CHAT_B, ADMIN, "/feeds add https://harbour.example.net/rss.xml.rss");
        fake.awaitSent(1, WAIT);
        fake.hostFile("mixed", "mine.opml", fixture("import-mixed.opml"));
        fake.pushGroupReplyToDocument(CHAT_B, ADMIN, "/feeds import", "mixed");

        List<Sent> sent = fake.awaitSent(2, WAIT);
        assertThat(sent.get(1).text()).isEqualTo("""
                Imported mine.opml: 1 added, 1 already here, 2 refused, 0 over the limit.
                already here: https://harbour.example.net/rss.xml.rss
                added: https://valley.example.org/news.rss (Wire valley.example.org)
                refused: https://gone.example.org/page — not a feed we can read: HTTP 404 Not Found
                refused: file:///etc/passwd — Only http:// and https:// feed addresses are accepted""");
        assertThat(feeds(CHAT_B)).containsExactly("https://harbour.example.net/rss.xml.rss",
                "https://valley.example.org/news.rss");
    }

    @Test
    void hostileFileIsRefusedWithTheReasonAndNothingIsAdded() throws Exception {
        fake.hostFile("bomb", "laughs.opml", fixture("laughs.opml"));
        fake.pushGroupDocument(CHAT_B, ADMIN, "/feeds import", "bomb");

        assertThat(fake.awaitSent(1, WAIT).get(0).text()).isEqualTo("That file was refused: not an OPML file: too"
                + " many XML entity expansions (entity bomb?). Nothing was added.");
        assertThat(feeds(CHAT_B)).isEmpty();
    }

    @Test
    void aMembersImportIsRefusedWithoutDownloadingTheFile() throws Exception {
        fake.hostFile("f", "mine.opml", fixture("import-mixed.opml"));
        fake.pushGroupDocument(CHAT_B, MEMBER, "/feeds import", "f");

        assertThat(fake.awaitSent(1, WAIT).get(0).text()).isEqualTo("Only chat admins can change feeds here.");
        assertThat(fake.downloads()).isEmpty();
        assertThat(fake.callCount("getfile")).isZero();
    }

    @Test
    void importWithoutAFileSaysHowToAttachOne() throws InterruptedException {
        fake.pushGroupCommand(CHAT_B, ADMIN, "/feeds import");

        assertThat(fake.awaitSent(1, WAIT).get(0).text()).startsWith("No file came with the command. Attach the OPML"
                + " file: on Telegram send the file with \"/feeds import\" as its caption");
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = TelegramFeedFilesTest.class.getResourceAsStream("/opml/" + name)) {
            return in.readAllBytes();
        }
    }
}
