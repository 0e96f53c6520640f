package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import newsalert.store.ChatFeedStore;
import newsalert.subscription.Platform;
import org.junit.jupiter.api.Test;

/**
 * {@link FeedAddChecks} with an executor the test drives: where each answer goes (the reply or the later notice,
 * once), one check per chat, a cap across chats, and a check that throws.
 */
class FeedAddChecksTest {
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Reply> later = new ArrayList<>();

    @Test
    void aCheckDoneWithinTheWaitIsTheReplyAndNothingFollows() {
        FeedAddChecks adds = new FeedAddChecks(Runnable::run, 1, Duration.ZERO);
        FeedAddChecks.Answer a = adds.run(Platform.TELEGRAM, "1", () -> Reply.of("Added feed x."), later::add);
        assertThat(a.start()).isEqualTo(FeedAddChecks.Start.ANSWERED);
        assertThat(a.reply().text()).isEqualTo("Added feed x.");
        assertThat(later).isEmpty();
    }

    @Test
    void aSlowCheckIsHandedOverAndItsAnswerFollowsOnce() {
        FeedAddChecks adds = new FeedAddChecks(tasks::add, 2, Duration.ZERO);
        FeedAddChecks.Answer a = adds.run(Platform.TELEGRAM, "1", () -> Reply.of("Added feed x."), later::add);
        assertThat(a.start()).isEqualTo(FeedAddChecks.Start.HANDED_OVER);
        assertThat(a.reply()).isNull();
        assertThat(adds.run(Platform.TELEGRAM, "1", () -> Reply.of("no"), later::add).start())
                .isEqualTo(FeedAddChecks.Start.SAME_CHAT);
        assertThat(adds.run(Platform.DISCORD, "1", () -> Reply.of("Added feed y."), later::add).start())
                .as("the same id on another platform is another chat").isEqualTo(FeedAddChecks.Start.HANDED_OVER);
        assertThat(adds.run(Platform.TELEGRAM, "2", () -> Reply.of("no"), later::add).start())
                .isEqualTo(FeedAddChecks.Start.BUSY);
        assertThat(tasks).hasSize(2);

        tasks.poll().run();
        assertThat(later).extracting(Reply::text).containsExactly("Added feed x.");
        assertThat(adds.run(Platform.TELEGRAM, "1", () -> Reply.of("again"), later::add).start())
                .as("the chat may check again once its check ended").isEqualTo(FeedAddChecks.Start.HANDED_OVER);
    }

    @Test
    void aCheckThatThrowsAnswersWhatToDoNextAndFreesTheChat() {
        FeedAddChecks adds = new FeedAddChecks(tasks::add, 1, Duration.ZERO);
        adds.run(Platform.TELEGRAM, "1", () -> {
            throw new IllegalStateException("[SQLITE_BUSY] database is locked");
        }, later::add);
        tasks.poll().run();
        assertThat(later).extracting(Reply::text).containsExactly(FeedAddChecks.FAILED);
        assertThat(later.get(0).text()).doesNotContain("SQLITE");
        assertThat(adds.run(Platform.TELEGRAM, "1", () -> Reply.of("ok"), later::add).start())
                .isEqualTo(FeedAddChecks.Start.HANDED_OVER);
    }

    @Test
    void refusesNoRoomAndANegativeWait() {
        assertThatThrownBy(() -> new FeedAddChecks(tasks::add, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedAddChecks(tasks::add, 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * tester17e: an address of 2,048 characters named twice made the interrupted notice 4,119 characters, past
     * Telegram's 4,096, and the chat was never told. Addresses are cut at 300 characters, at most five gained feeds named.
     */
    @Test
    void theInterruptedNoticeStaysShortForLongAddressesAndManyGainedFeeds() {
        String url = "https://long.example.org/" + "x".repeat(2023);
        String notice = FeedAddChecks.interrupted(url);
        assertThat(notice).hasSizeLessThan(800)
                .startsWith("The check of https://long.example.org/xxx")
                .contains("x… was interrupted by a restart; nothing was added. Send /feeds add https://long.example.org/");
        java.util.List<String> gained = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> "https://f" + i + ".example.org/" + "y".repeat(1500)).toList();
        String many = FeedAddChecks.interrupted(url, gained);
        assertThat(many).hasSizeLessThan(4096).contains(" and 15 more. Send /feeds list");
        assertThat(FeedAddChecks.interrupted("https://a.example.org/feed", java.util.List.of("https://a.example.org/rss")))
                .isEqualTo("The check of https://a.example.org/feed was interrupted by a restart, after this chat's"
                        + " list gained https://a.example.org/rss. Send /feeds list to see the chat's feeds, and"
                        + " /feeds add https://a.example.org/feed again if the one you wanted is not there.");
    }
    private static String cutOff(ChatFeedStore.CheckKind kind, Platform platform, String url, Duration interval,
                                 int total, List<String> gained) {
        return FeedAddChecks.interrupted(new ChatFeedStore.CutOffCheck(new ChatFeedStore.KeptCheck(kind,
                newsalert.subscription.Target.chat(platform, "1"), url, interval, total), gained));
    }

    /**
     * tester17e: the interrupted notice dropped the interval of {@code feeds add <url> 30m}, and Discord got
     * Telegram's wording with backticks that showed once escaped. Each platform now gets its own command form, no
     * markdown, the interval kept.
     */
    @Test
    void theInterruptedNoticeNamesTheIntervalInEachPlatformsOwnWords() {
        String url = "https://b.example.org/feed";
        Duration every = Duration.ofMinutes(30);
        assertThat(cutOff(ChatFeedStore.CheckKind.ADD, Platform.TELEGRAM, url, every, 0, List.of()))
                .isEqualTo("The check of https://b.example.org/feed (every 30m) was interrupted by a restart; nothing"
                        + " was added. Send /feeds add https://b.example.org/feed 30m again.");
        assertThat(cutOff(ChatFeedStore.CheckKind.ADD, Platform.DISCORD, url, every, 0, List.of()))
                .isEqualTo("The check of https://b.example.org/feed (every 30m) was interrupted by a restart; nothing"
                        + " was added. Use /feeds with action add, url https://b.example.org/feed and interval 30m"
                        + " again.");
        assertThat(cutOff(ChatFeedStore.CheckKind.ADD, Platform.CONSOLE, url, Duration.ofMinutes(90), 0, List.of()))
                .endsWith("Send feeds add https://b.example.org/feed 1h30m again.");
        assertThat(cutOff(ChatFeedStore.CheckKind.ADD, Platform.DISCORD, url, every, 0,
                List.of("https://b.example.org/rss")))
                .isEqualTo("The check of https://b.example.org/feed (every 30m) was interrupted by a restart, after"
                        + " this chat's list gained https://b.example.org/rss. Use /feeds with action list to see the"
                        + " chat's feeds, and /feeds with action add, url https://b.example.org/feed and interval 30m"
                        + " again if the one you wanted is not there.");
        for (Platform p : Platform.values()) {
            assertThat(cutOff(ChatFeedStore.CheckKind.ADD, p, url, every, 0, List.of("https://b.example.org/rss")))
                    .doesNotContain("`");
            assertThat(IntervalText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        }
    }

    /** An import cut off by a restart: how many of the file's feeds were added, which, and how to add the rest. */
    @Test
    void anImportCutOffSaysHowManyOfTheFileWereAdded() {
        List<String> two = List.of("https://c.example.org/a", "https://c.example.org/b");
        assertThat(cutOff(ChatFeedStore.CheckKind.IMPORT, Platform.TELEGRAM, "reader.opml", null, 5, two))
                .isEqualTo("The import of reader.opml was cut off by a restart; 2 of 5 feeds added:"
                        + " https://c.example.org/a, https://c.example.org/b. Send the file again with /feeds import"
                        + " as its caption to add the rest (the feeds already here are skipped).");
        assertThat(cutOff(ChatFeedStore.CheckKind.IMPORT, Platform.DISCORD, "", null, 1, List.of()))
                .isEqualTo("The import of the file was cut off by a restart; 0 of 1 feed added. Use /feeds again"
                        + " with action import and the file attached to add the rest (the feeds already here are"
                        + " skipped).");
    }

    /** tester17f: a check whose kept row was already swept was answered in Telegram's words, without its interval. */
    @Test
    void aCheckFoundSweptIsAnsweredInItsPlatformsWordsWithItsInterval() {
        String u = "https://c.example.org/feed.xml";
        assertThat(FeedAddChecks.interrupted(newsalert.subscription.Target.chat(Platform.DISCORD, "42"), u,
                java.time.Duration.ofMinutes(30)))
                .isEqualTo("The check of " + u + " (every 30m) was interrupted by a restart; nothing was added. Use"
                        + " /feeds with action add, url " + u + " and interval 30m again.");
        assertThat(FeedAddChecks.interrupted(newsalert.subscription.Target.chat(Platform.TELEGRAM, "7"), u, null))
                .isEqualTo("The check of " + u + " was interrupted by a restart; nothing was added. Send /feeds"
                        + " add " + u + " again.");
    }

    /**
     * tester17e: one user moderating four chats held all four check slots, and every other chat was told "busy".
     * One person may run at most {@value FeedAddChecks#MAX_PER_USER} at once; the slot frees when a check ends.
     */
    @Test
    void onePersonHoldsAtMostTwoCheckSlots() {
        FeedAddChecks adds = new FeedAddChecks(tasks::add, 4, Duration.ZERO);
        assertThat(adds.run(Platform.TELEGRAM, "1", "u7", () -> Reply.of("a"), later::add).start())
                .isEqualTo(FeedAddChecks.Start.HANDED_OVER);
        assertThat(adds.run(Platform.TELEGRAM, "2", "u7", () -> Reply.of("b"), later::add).start())
                .isEqualTo(FeedAddChecks.Start.HANDED_OVER);
        assertThat(adds.run(Platform.TELEGRAM, "3", "u7", () -> Reply.of("c"), later::add).start())
                .isEqualTo(FeedAddChecks.Start.SAME_USER);
        assertThat(adds.run(Platform.DISCORD, "3", "u7", () -> Reply.of("d"), later::add).start())
                .as("the same id on Discord is another person").isEqualTo(FeedAddChecks.Start.HANDED_OVER);
        assertThat(adds.run(Platform.TELEGRAM, "4", "u8", () -> Reply.of("e"), later::add).start())
                .as("another person still gets the last slot").isEqualTo(FeedAddChecks.Start.HANDED_OVER);
        assertThat(tasks).hasSize(4);
        tasks.poll().run();
        assertThat(adds.run(Platform.TELEGRAM, "3", "u7", () -> Reply.of("c"), later::add).start())
                .as("u7's first check ended").isEqualTo(FeedAddChecks.Start.HANDED_OVER);
        assertThat(later).extracting(Reply::text).containsExactly("a");
    }
}
