package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
                .contains("x… was interrupted by a restart; nothing was added. Send `feeds add https://long.example.org/");
        java.util.List<String> gained = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> "https://f" + i + ".example.org/" + "y".repeat(1500)).toList();
        String many = FeedAddChecks.interrupted(url, gained);
        assertThat(many).hasSizeLessThan(4096).contains(" and 15 more. Send `feeds list`");
        assertThat(FeedAddChecks.interrupted("https://a.example.org/feed", java.util.List.of("https://a.example.org/rss")))
                .isEqualTo("The check of https://a.example.org/feed was interrupted by a restart, after this chat's"
                        + " list gained https://a.example.org/rss. Send `feeds list` to see the chat's feeds, and"
                        + " `feeds add https://a.example.org/feed` again if the one you wanted is not there.");
    }
}
