package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.StoreKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kept {@code feeds add} checks (issue 17, V26): answered once, either by their answer or as interrupted; a live
 * run's check is never taken; a clean stop answers its own at once. On SQLite and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class FeedAddCheckStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-07T14:00:00Z");
    private static final Target TOPIC = new Target(Platform.TELEGRAM, "-100777", "42");
    private static final Target DM = Target.chat(Platform.TELEGRAM, "555");

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    private JdbcNewsStore store;

    @BeforeEach
    void open() {
        store = JdbcNewsStore.open(kind.url(dir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ChatFeedStore checks() {
        return store.chatFeeds();
    }

    private static String note(String url, List<String> gained) {
        return "cut off: " + url + (gained.isEmpty() ? "" : "; gained " + String.join(" ", gained));
    }

    private List<String> notes(Target t) {
        return store.subscriptions().pendingOutbox(t, 10).stream().map(OutboxItem::note).toList();
    }

    @Test
    void anAnsweredCheckIsQueuedOnceAndNeverReportedInterrupted() {
        checks().beginFeedAddCheck("c1", TOPIC, "https://hung.example.org/", "run-a", T0);

        assertThat(checks().answerFeedAddCheck("c1", TOPIC, "feed-add:1", "feeds add x: Added.", T0.plusSeconds(20)))
                .isTrue();
        assertThat(checks().answerFeedAddCheck("c1", TOPIC, "feed-add:2", "again", T0.plusSeconds(21))).isFalse();
        assertThat(checks().interruptFeedAddChecks(null, T0.plusSeconds(600), T0.plusSeconds(600),
                FeedAddCheckStoreTest::note)).isZero();

        List<OutboxItem> rows = store.subscriptions().pendingOutbox(TOPIC, 10);
        assertThat(rows).extracting(OutboxItem::note).containsExactly("feeds add x: Added.");
        assertThat(rows.get(0).target()).isEqualTo(TOPIC);
        assertThat(rows.get(0).kind()).isEqualTo(OutboxKind.NOTICE);
    }

    @Test
    void aDeadRunsOldCheckBecomesOneNoticeToItsTopicAndItsLateAnswerIsDropped() {
        // run-a held a lease until T0+20 s, then was killed
        store.subscriptions().acquireLease("instance:aaaa", "run-a", T0, Duration.ofSeconds(20));
        checks().beginFeedAddCheck("c1", TOPIC, "https://hung.example.org/", "run-a", T0);
        checks().beginFeedAddCheck("c2", DM, "https://slow.example.org/", "run-a", T0.plusSeconds(50));

        Instant now = T0.plusSeconds(70);
        // only checks started at least 60 s ago: c2 (20 s old) waits for a later sweep
        assertThat(checks().interruptFeedAddChecks(null, now.minusSeconds(60), now, FeedAddCheckStoreTest::note))
                .isEqualTo(1);
        assertThat(notes(TOPIC)).containsExactly("cut off: https://hung.example.org/");
        assertThat(store.subscriptions().pendingOutbox(TOPIC, 10).get(0).target()).isEqualTo(TOPIC);
        assertThat(notes(DM)).isEmpty();
        // a second instance sweeping the same moment finds nothing left
        assertThat(checks().interruptFeedAddChecks(null, now.minusSeconds(60), now, FeedAddCheckStoreTest::note))
                .isZero();
        assertThat(checks().answerFeedAddCheck("c1", TOPIC, "feed-add:late", "late answer", now)).isFalse();

        Instant later = T0.plusSeconds(111);
        assertThat(checks().interruptFeedAddChecks(null, later.minusSeconds(60), later, FeedAddCheckStoreTest::note))
                .isEqualTo(1);
        assertThat(notes(DM)).containsExactly("cut off: https://slow.example.org/");
        assertThat(notes(TOPIC)).containsExactly("cut off: https://hung.example.org/");
    }

    @Test
    void aLiveRunsSlowCheckIsNotTakenHoweverOld() {
        checks().beginFeedAddCheck("c1", DM, "https://slow.example.org/", "run-b", T0);
        Instant now = T0.plusSeconds(300);
        store.subscriptions().acquireLease("instance:bbbb", "run-b", now.minusSeconds(3), Duration.ofSeconds(20));

        assertThat(checks().interruptFeedAddChecks(null, now.minusSeconds(60), now, FeedAddCheckStoreTest::note))
                .isZero();
        assertThat(checks().answerFeedAddCheck("c1", DM, "feed-add:1", "feeds add: Added.", now)).isTrue();
        assertThat(notes(DM)).containsExactly("feeds add: Added.");
    }

    @Test
    void aCleanStopAnswersItsOwnChecksAtOnceAndLeavesOtherRunsAlone() {
        checks().beginFeedAddCheck("mine", DM, "https://a.example.org/", "run-a", T0);
        checks().beginFeedAddCheck("theirs", TOPIC, "https://b.example.org/", "run-b", T0);
        checks().beginFeedAddCheck("done", DM, "https://c.example.org/", "run-a", T0);
        checks().forgetFeedAddCheck("done");

        Instant now = T0.plusSeconds(3);
        assertThat(checks().interruptFeedAddChecks("run-a", now, now, FeedAddCheckStoreTest::note)).isEqualTo(1);

        assertThat(notes(DM)).containsExactly("cut off: https://a.example.org/");
        assertThat(notes(TOPIC)).isEmpty();
        assertThat(checks().answerFeedAddCheck("theirs", TOPIC, "k", "answer of b", now)).isTrue();
        assertThat(notes(TOPIC)).containsExactly("answer of b");
    }

    /**
     * A kill between a check's add and its answer (tester17d's window, told by check17): the sweep's notice names
     * the feed the chat gained since the check began instead of saying nothing was added; feeds added before it
     * began are not named.
     */
    @Test
    void aCheckKilledAfterItsAddIsAnsweredWithTheFeedTheChatGained() {
        checks().addChatFeed(new ChatFeed(Platform.TELEGRAM, "-100777", "https://old.example.org/feed", "u1",
                T0.minusSeconds(5), null), 20);
        checks().beginFeedAddCheck("c1", TOPIC, "https://page.example.org/", "run-a", T0);
        assertThat(checks().addChatFeed(new ChatFeed(Platform.TELEGRAM, "-100777", "https://page.example.org/rss",
                "u1", T0.plusSeconds(4), null), 20, "c1")).isEqualTo(ChatFeedStore.Added.ADDED);
        // killed here: no answer; run-a holds no lease

        Instant now = T0.plusSeconds(61);
        assertThat(checks().interruptFeedAddChecks(null, now.minusSeconds(60), now, FeedAddCheckStoreTest::note))
                .isEqualTo(1);
        assertThat(notes(TOPIC)).containsExactly("cut off: https://page.example.org/; gained"
                + " https://page.example.org/rss");
    }

    /**
     * A clean stop answers a running check "interrupted; nothing was added" (check17's window): the check's own
     * add, coming after, finds its row gone and adds nothing, so the notice stays true.
     */
    @Test
    void aCheckAnsweredAsInterruptedAddsNothingAfterwards() {
        checks().beginFeedAddCheck("c1", DM, "https://slow.example.org/", "run-a", T0);
        assertThat(checks().interruptFeedAddChecks("run-a", T0.plusSeconds(2), T0.plusSeconds(2),
                FeedAddCheckStoreTest::note)).isEqualTo(1);

        assertThat(checks().addChatFeed(new ChatFeed(Platform.TELEGRAM, "555", "https://slow.example.org/",
                "u1", T0.plusSeconds(3), null), 20, "c1")).isEqualTo(ChatFeedStore.Added.INTERRUPTED);
        assertThat(checks().chatFeeds(Platform.TELEGRAM, "555")).isEmpty();
        assertThat(notes(DM)).containsExactly("cut off: https://slow.example.org/");
        // an add outside any kept check is not affected
        assertThat(checks().addChatFeed(new ChatFeed(Platform.TELEGRAM, "555", "https://slow.example.org/",
                "u1", T0.plusSeconds(4), null), 20, null)).isEqualTo(ChatFeedStore.Added.ADDED);
    }
    /**
     * V27: a kept check keeps its kind, its interval and (an import) the file's count, and the sweep hands them back
     * with the feeds the chat gained, so that the notice can name the interval (tester17e) and say "N of M added".
     */
    @Test
    void aCutOffCheckComesBackWithItsKindIntervalAndTotal() {
        Target discord = new Target(Platform.DISCORD, "900100", "900200");
        checks().beginCheck("a1", new ChatFeedStore.KeptCheck(ChatFeedStore.CheckKind.ADD, discord,
                "https://slow.example.org/", Duration.ofMinutes(30), 0), "run-a", T0);
        checks().beginCheck("i1", new ChatFeedStore.KeptCheck(ChatFeedStore.CheckKind.IMPORT, DM, "reader.opml", null,
                3), "run-a", T0.plusSeconds(1));
        assertThat(checks().addChatFeed(new ChatFeed(Platform.TELEGRAM, "555", "https://one.example.org/feed", "u1",
                T0.plusSeconds(2), null), 20, "i1")).isEqualTo(ChatFeedStore.Added.ADDED);

        List<ChatFeedStore.CutOffCheck> seen = new java.util.ArrayList<>();
        Instant now = T0.plusSeconds(90);
        assertThat(checks().interruptChecks(null, now.minusSeconds(60), now, c -> {
            seen.add(c);
            return c.check().kind().wire() + " " + c.check().url() + " " + c.check().interval() + " "
                    + c.check().total() + " " + c.gained();
        })).isEqualTo(2);

        assertThat(seen).extracting(ChatFeedStore.CutOffCheck::check).containsExactly(
                new ChatFeedStore.KeptCheck(ChatFeedStore.CheckKind.ADD, discord, "https://slow.example.org/",
                        Duration.ofMinutes(30), 0),
                new ChatFeedStore.KeptCheck(ChatFeedStore.CheckKind.IMPORT, DM, "reader.opml", null, 3));
        assertThat(notes(discord)).containsExactly("add https://slow.example.org/ PT30M 0 []");
        assertThat(notes(DM)).containsExactly("import reader.opml null 3 [https://one.example.org/feed]");
        // the import's next add, after the cut, finds its row gone
        assertThat(checks().addChatFeed(new ChatFeed(Platform.TELEGRAM, "555", "https://two.example.org/feed", "u1",
                now, null), 20, "i1")).isEqualTo(ChatFeedStore.Added.INTERRUPTED);
    }
}
