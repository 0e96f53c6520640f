package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.delivery.ScriptedPlatform.Call;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import newsalert.testing.StoreKind;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Edits of sent alerts: a later version of a story with other counts becomes one edit row per sent target. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class DeliveryEditTest {
    @Parameter
    StoreKind kind;

    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final String FEED = "https://wire.test/world.rss";
    private static final Target ALICE = Target.chat(Platform.TELEGRAM, "5550001");
    private static final Target BOB = Target.chat(Platform.TELEGRAM, "5550002");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private JdbcNewsStore news;
    private SubscriptionStore subs;
    private ScriptedPlatform telegram;
    private DeliveryWorker worker;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open(kind.url(dir));
        subs = news.subscriptions();
        telegram = new ScriptedPlatform(Platform.TELEGRAM, clock);
        worker = new DeliveryWorker(subs, List.of(telegram), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults());
    }

    @AfterEach
    void close() {
        news.close();
    }

    private static Story version(String title) {
        return Stories.story("s1", title, T0);
    }

    @Test
    void aHigherTollEditsEverySentAlertOnce() {
        news.recordEntry(FEED, version("Strike kills 19"), Stories.attackKilling(19), false, T0, List.of(ALICE, BOB));
        assertThat(worker.deliverDue(T0).sent()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(5));
        List<Target> edited = news.reviseStory(version("Death toll rises to 23"), Stories.attackKilling(23),
                clock.instant());

        assertThat(edited).containsExactly(ALICE, BOB);
        OutboxItem row = subs.pendingOutbox(ALICE, 10).get(0);
        assertThat(row.kind()).isEqualTo(OutboxKind.EDIT);
        assertThat(row.story().title()).isEqualTo("Death toll rises to 23");
        assertThat(row.assessment().casualties().killed().min()).isEqualTo(23);

        DeliveryReport report = worker.deliverDue(clock.instant());

        assertThat(report.edited()).isEqualTo(2);
        assertThat(report.sent()).isZero();
        assertThat(telegram.calls).extracting(Call::storyId)
                .containsExactly("s1", "s1", "edit:s1@m100", "edit:s1@m101");
        assertThat(subs.pendingTargets()).isEmpty();
        // the edit keeps the original message id, which later edits use again
        assertThat(subs.sentMessageId("s1", ALICE)).contains("m100");
    }

    @Test
    void sameCountsOrAnUnknownStoryGiveNoEdit() {
        news.recordEntry(FEED, version("Strike kills 19"), Stories.attackKilling(19), false, T0, List.of(ALICE));
        worker.deliverDue(T0);

        assertThat(news.reviseStory(version("Strike kills 19, officials say"), Stories.attackKilling(19), T0))
                .isEmpty();
        assertThat(news.reviseStory(Stories.story("other", "x", T0), Stories.attackKilling(3), T0)).isEmpty();
        assertThat(subs.pendingTargets()).isEmpty();
    }

    @Test
    void aStoryRevisedBeforeItsAlertWentGoesOutRevisedAndItsEditIsSkipped() {
        news.recordEntry(FEED, version("Strike kills 19"), Stories.attackKilling(19), false, T0, List.of(ALICE));

        // the send might be on its way when the toll changes: an edit is queued behind it in case it is
        assertThat(news.reviseStory(version("Death toll rises to 23"), Stories.attackKilling(23), T0))
                .containsExactly(ALICE);
        List<OutboxItem> pending = subs.pendingOutbox(ALICE, 10);
        assertThat(pending).extracting(OutboxItem::kind).containsExactly(OutboxKind.SEND, OutboxKind.EDIT);
        assertThat(pending.get(0).story().title()).isEqualTo("Death toll rises to 23");

        worker.deliverDue(T0);

        // the send read the story after the revision: it showed 23, so the edit is settled without a call
        assertThat(telegram.killedShown).containsExactly("s1:23");
        assertThat(telegram.storiesTo(ALICE)).containsExactly("s1");
        assertThat(subs.pendingTargets()).isEmpty();
        assertThat(subs.shownRevision("s1", ALICE, true)).hasValue(1);
    }

    @Test
    void twoRevisionsBeforeTheEditGoesGiveOneEditCallWithTheLatestCounts() {
        news.recordEntry(FEED, version("Strike kills 19"), Stories.attackKilling(19), false, T0, List.of(ALICE));
        worker.deliverDue(T0);

        news.reviseStory(version("Toll rises to 23"), Stories.attackKilling(23), T0);
        assertThat(news.reviseStory(version("Toll rises to 31"), Stories.attackKilling(31), T0))
                .containsExactly(ALICE);
        assertThat(subs.pendingOutbox(ALICE, 10)).extracting(OutboxItem::revision).containsExactly(1L, 2L);

        clock.advance(Duration.ofSeconds(2));
        worker.deliverDue(clock.instant());

        assertThat(telegram.killedShown).containsExactly("s1:19", "edit:s1:31");
        assertThat(subs.pendingTargets()).as("the second edit, already shown by the first, needs no call").isEmpty();
    }

    @Test
    void aTollThatChangesWhileTheSendIsOnItsWayGetsItsEditAndFollowUp() {
        // tester19d: an alert whose send was on its way when its toll changed was never edited
        news.recordEntry(FEED, version("Strike kills 12"), Stories.attackKilling(12), false, T0, List.of(ALICE),
                "e-000000000001", new newsalert.store.EventView("e-000000000001", version("Strike kills 12"),
                        Stories.attackKilling(12)));
        telegram.duringNextCall(() -> news.reviseEvent(new newsalert.store.EventView("e-000000000001",
                version("Strike kills 12"), Stories.attackKilling(41)), clock.instant(),
                "Death toll now 41 (was 12), 2 outlets: Strike kills 12"));

        worker.deliverDue(T0); // the send shows 12; the revision commits while it waits for its answer
        clock.advance(Duration.ofSeconds(2));
        worker.deliverDue(clock.instant());
        clock.advance(Duration.ofSeconds(2));
        worker.deliverDue(clock.instant());

        assertThat(telegram.killedShown).containsExactly("s1:12", "edit:s1:41");
        assertThat(telegram.storiesTo(ALICE)).containsExactly("s1", "edit:s1@m100",
                "reply:m100:Death toll now 41 (was 12), 2 outlets: Strike kills 12");
        assertThat(subs.pendingTargets()).isEmpty();
    }

    @Test
    void aFollowUpForARevisionTheAlertAlreadyShowedIsNotSent() {
        news.recordEntry(FEED, version("Strike kills 12"), Stories.attackKilling(12), false, T0, List.of(ALICE),
                "e-000000000001", new newsalert.store.EventView("e-000000000001", version("Strike kills 12"),
                        Stories.attackKilling(12)));
        // the toll rises before the alert is sent: the chat never saw 12, so "now 41 (was 12)" would mislead
        news.reviseEvent(new newsalert.store.EventView("e-000000000001", version("Strike kills 12"),
                Stories.attackKilling(41)), T0, "Death toll now 41 (was 12), 2 outlets: Strike kills 12");

        worker.deliverDue(T0);
        clock.advance(Duration.ofSeconds(2));
        worker.deliverDue(clock.instant());

        assertThat(telegram.killedShown).containsExactly("s1:41");
        assertThat(telegram.storiesTo(ALICE)).containsExactly("s1");
        assertThat(subs.pendingTargets()).isEmpty();
    }

    @Test
    void aTollThatChangesWhileAnEditIsOnItsWayGetsAnotherEdit() {
        // the edit row read with its round shows the counts of then; a revision committing before its answer
        // queues its own edit, which goes next
        news.recordEntry(FEED, version("Strike kills 19"), Stories.attackKilling(19), false, T0, List.of(ALICE));
        worker.deliverDue(T0);
        news.reviseStory(version("Toll rises to 23"), Stories.attackKilling(23), T0);
        clock.advance(Duration.ofSeconds(2));
        telegram.duringNextCall(() -> news.reviseStory(version("Toll rises to 31"), Stories.attackKilling(31),
                clock.instant()));

        worker.deliverDue(clock.instant());
        clock.advance(Duration.ofSeconds(2));
        worker.deliverDue(clock.instant());

        assertThat(telegram.killedShown).containsExactly("s1:19", "edit:s1:23", "edit:s1:31");
        assertThat(subs.pendingTargets()).isEmpty();
    }

    @Test
    void aRateLimitedEditIsRetriedAfterTheWait() {
        news.recordEntry(FEED, version("Strike kills 19"), Stories.attackKilling(19), false, T0, List.of(ALICE));
        worker.deliverDue(T0);
        news.reviseStory(version("Toll rises to 23"), Stories.attackKilling(23), T0);
        telegram.then(new SendResult.RateLimited(Duration.ofSeconds(9)));

        clock.advance(Duration.ofSeconds(2));
        assertThat(worker.deliverDue(clock.instant()).retried()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(8));
        assertThat(worker.deliverDue(clock.instant()).edited()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.deliverDue(clock.instant()).edited()).isEqualTo(1);
        assertThat(telegram.storiesTo(ALICE)).containsExactly("s1", "edit:s1@m100", "edit:s1@m100");
    }

    @Test
    void anAlertMergedIntoADigestIsNotEditedAndEditsAreNeverMerged() {
        worker = new DeliveryWorker(subs, List.of(telegram), p -> RateLimits.telegram(), clock,
                new DeliverySettings(50, Duration.ofSeconds(1), Duration.ofMinutes(10), 2, 1));
        for (String id : List.of("a", "b", "c")) {
            news.recordEntry(FEED, Stories.story(id, "Strike " + id, T0), Stories.attackKilling(5), false, T0,
                    List.of(ALICE));
        }
        clock.advance(DeliveryWorker.DIGEST_AFTER); // waited a minute: a backlog
        worker.deliverDue(clock.instant()); // three rows above the threshold of two: a and b merged, c single (later)
        clock.advance(Duration.ofSeconds(5));
        worker.deliverDue(clock.instant());
        assertThat(telegram.storiesTo(ALICE)).containsExactly("digest:a,b", "c");

        assertThat(news.reviseStory(Stories.story("a", "Strike a", T0), Stories.attackKilling(9), T0)).isEmpty();
        assertThat(news.reviseStory(Stories.story("c", "Strike c", T0), Stories.attackKilling(9), T0))
                .containsExactly(ALICE);
    }

    @Test
    void aSharpRiseQueuesAnEditAndThenAReplyToTheSameMessage() {
        news.recordEntry(FEED, version("Strike kills 12"), Stories.attackKilling(12), false, T0, List.of(ALICE),
                "e-000000000001", new newsalert.store.EventView("e-000000000001", version("Strike kills 12"),
                        Stories.attackKilling(12)));
        worker.deliverDue(T0);

        clock.advance(Duration.ofMinutes(5));
        news.reviseEvent(new newsalert.store.EventView("e-000000000001", version("Strike kills 12"),
                Stories.attackKilling(41)), clock.instant(), "Death toll now 41 (was 12), 2 outlets: Strike kills 12");

        assertThat(subs.pendingOutbox(ALICE, 10)).extracting(OutboxItem::kind)
                .containsExactly(OutboxKind.EDIT, OutboxKind.REPLY);
        worker.deliverDue(clock.instant());
        clock.advance(Duration.ofSeconds(2));
        worker.deliverDue(clock.instant());

        assertThat(telegram.storiesTo(ALICE)).containsExactly("s1", "edit:s1@m100",
                "reply:m100:Death toll now 41 (was 12), 2 outlets: Strike kills 12");
        assertThat(subs.pendingTargets()).isEmpty();
    }
}
