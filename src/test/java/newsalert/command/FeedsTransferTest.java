package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import newsalert.store.ChatFeed;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feeds import} summaries and limits, with a one-address-a-line codec and in-memory files. */
class FeedsTransferTest {
    private static final Target CHAT = Target.chat(Platform.TELEGRAM, "-100777");
    private final MutableClock clock = new MutableClock(Instant.parse("2025-08-28T15:00:00Z"));
    private final java.util.List<java.net.URI> checked = new java.util.ArrayList<>();
    private JdbcNewsStore news;
    private CommandRegistry registry;

    /** A codec whose files are addresses, one a line; "BAD" anywhere makes the file refused. */
    private static final FeedListCodec LINES = new FeedListCodec() {
        @Override
        public String extension() {
            return "txt";
        }

        @Override
        public String mediaType() {
            return "text/plain";
        }

        @Override
        public byte[] write(List<String> urls, Instant now) {
            return String.join("\n", urls).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public List<String> read(byte[] file) {
            String text = new String(file, StandardCharsets.UTF_8);
            if (text.contains("BAD")) {
                throw new IllegalArgumentException("not a list file: it says BAD");
            }
            return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank()).map(l -> l.split(" ")[0]).toList();
        }

        /** A line's second word is the feed's interval. */
        @Override
        public List<Entry> readEntries(byte[] file) {
            List<String> urls = read(file);
            List<String> lines = Arrays.stream(new String(file, StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> !l.isBlank()).toList();
            return java.util.stream.IntStream.range(0, urls.size()).mapToObj(i -> new Entry(urls.get(i),
                    lines.get(i).contains(" ") ? lines.get(i).split(" ")[1] : null)).toList();
        }
    };

    @BeforeEach
    void open(@TempDir Path dir) {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("t.db"));
        registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(), uri -> {
            checked.add(uri);
            return FeedCheck.Result.feed("");
        }, new AddressPolicy(CommandFixture::resolve, true), LINES, null);
    }

    @AfterEach
    void close() {
        news.close();
    }

    private Reply run(String line, AttachedFile file) {
        return registry.run(new CommandContext(CHAT, "1", true, clock, file), line);
    }

    private static AttachedFile file(String name, String content, long reportedSize) {
        return new AttachedFile() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return reportedSize;
            }

            @Override
            public byte[] read(long maxBytes) throws IOException {
                byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
                if (bytes.length > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                return bytes;
            }
        };
    }

    @Test
    void importStopsCheckingAtTheChatsCapAndCountsTheRestOverTheLimit() {
        for (int i = 0; i < FeedAdder.MAX_PER_CHAT - 1; i++) {
            news.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, CHAT.chatId(), "https://n" + i
                    + ".example.org/f.rss", "1", clock.instant()));
        }

        Reply r = run("feeds import", file("list.txt", """
                https://news.example.org/a.rss
                https://news.example.org/b.rss
                https://news.example.org/c.rss
                https://news.example.org/a.rss
                """, -1));

        assertThat(r.text()).isEqualTo("""
                Imported list.txt: 1 added, 0 already here, 0 refused, 2 over the limit.
                added: https://news.example.org/a.rss
                not added: https://news.example.org/b.rss — this chat reached its limit of 20 feeds
                not added: https://news.example.org/c.rss — this chat reached its limit of 20 feeds""");
        assertThat(checked).extracting(java.net.URI::toString).containsExactly("https://news.example.org/a.rss");
    }

    @Test
    void fileOverOneMegabyteIsRefusedBeforeItIsRead() {
        assertThat(run("feeds import", file("huge.txt", "https://x.example.org/a.rss", 5_000_000)).text())
                .isEqualTo("That file is larger than 1024 KB; a feed list is much smaller. Nothing was added.");
        assertThat(run("feeds import", file("big.txt", "x".repeat(1024 * 1024 + 1), -1)).text())
                .isEqualTo("That file is larger than 1024 KB; a feed list is much smaller. Nothing was added.");
        assertThat(checked).isEmpty();
    }

    @Test
    void refusedAndEmptyFilesAndExportOfNothingSaySo() {
        assertThat(run("feeds import", file("x.txt", "BAD", -1)).text())
                .isEqualTo("That file was refused: not a list file: it says BAD. Nothing was added.");
        assertThat(run("feeds import", file("x.txt", "\n", -1)).text())
                .isEqualTo("That file lists no feeds (no outline has an xmlUrl). Nothing was added.");
        Reply export = run("feeds export", null);
        assertThat(export.file()).isNull();
        assertThat(export.text()).isEqualTo("No feeds added here, so there is nothing to export. Add one with: feeds"
                + " add <url>");
        assertThat(run("feeds export now", null).text()).isEqualTo("feeds export takes no address.\nUsage: feeds"
                + " add|remove|list|export|import|retry [url] [interval]");
    }

    /** issue 17 item 4: an imported interval goes through feeds add's checks; a refused one is left out, said */
    @Test
    void importedIntervalsAreCheckedLikeFeedsAddAndChangeAFeedAlreadyHere() {
        run("feeds add https://news.example.org/c.rss", null);
        Reply r = run("feeds import", file("list.txt", """
                https://news.example.org/a.rss 30m
                https://news.example.org/b.rss 1m
                https://news.example.org/c.rss 2h
                """, 100));

        assertThat(r.text()).isEqualTo("""
                Imported list.txt: 2 added, 1 already here, 0 refused, 0 over the limit.
                added: https://news.example.org/a.rss, every 30m
                added: https://news.example.org/b.rss; its interval was left out: interval 1m is below\
                 poll.min-interval 5m; use 5m or more
                already here: https://news.example.org/c.rss, now polled every 2h""");
        assertThat(news.chatFeeds().chatFeeds(Platform.TELEGRAM, CHAT.chatId())).extracting(ChatFeed::interval)
                .containsExactly(java.time.Duration.ofMinutes(30), null, java.time.Duration.ofHours(2));
    }

    @Test
    void exportCarriesTheFileWithTheChatsFeedsInOrder() {
        run("feeds add https://news.example.org/b.rss", null);
        clock.advance(java.time.Duration.ofMinutes(1));
        run("feeds add https://news.example.org/a.rss", null);

        Reply export = run("feeds export", null);

        assertThat(export.file().name()).isEqualTo("newsalert-feeds.txt");
        assertThat(new String(export.file().content(), StandardCharsets.UTF_8))
                .isEqualTo("https://news.example.org/b.rss\nhttps://news.example.org/a.rss");
    }
}
