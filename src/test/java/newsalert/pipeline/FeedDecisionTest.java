package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import newsalert.event.EventSettings;
import newsalert.store.ChatFeedCap;
import newsalert.store.FeedWrite;
import newsalert.store.PriorState;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;

/** The decision about one feed read, on plain values: no store, no clock, no threads. */
class FeedDecisionTest {
    private static final Instant NOW = Instant.parse("2026-05-04T12:00:00Z");
    private static final Duration MAX_AGE = Duration.ofHours(24);
    private static final String FEED = "https://wire.test/rss";
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100200");
    private static final FeedDecision.Router EVERYONE = (s, a) -> a.topics().isEmpty() ? List.of() : List.of(GROUP);

    private final List<String> assessed = new ArrayList<>();

    /** Titles starting "Strike" are alert-worthy attacks killing the number after "kills", others nothing. */
    private final Function<Story, Assessment> assessor = s -> {
        assessed.add(s.id());
        if (!s.title().startsWith("Strike")) {
            return Stories.nothing();
        }
        int at = s.title().indexOf("kills ");
        return at < 0 ? Stories.attack(true)
                : Stories.attackKilling(Integer.parseInt(s.title().substring(at + 6).split(" ")[0]));
    };

    private static FeedDecision.Entry entry(String id, String title) {
        Story s = Stories.story(id, title, NOW.minusSeconds(600));
        return new FeedDecision.Entry(id, s, ContentHash.of(s));
    }

    private static FeedDecision.Read later(FeedDecision.Entry... entries) {
        return new FeedDecision.Read(FEED, true, null, false, NOW, List.of(entries));
    }

    private FeedDecision plain() {
        return new FeedDecision(assessor, MAX_AGE, null, 50);
    }

    @Test
    void anEntrySeenWithTheSameContentIsNeitherAssessedNorWritten() {
        FeedDecision.Entry e = entry("a", "Strike on a depot kills 4");

        FeedDecision.Decision d = plain().decide(later(e),
                new PriorState(Map.of("a", e.contentHash()), Map.of()), EVERYONE);

        assertThat(assessed).isEmpty();
        assertThat(d.effects()).isEmpty();
        assertThat(d.assessed()).isZero();
        assertThat(d.tally(new FeedWrite.Applied(List.of()))).isEqualTo(
                new FeedEntries.Tally(0, 0, 0, 0, 0, List.of()));
    }

    @Test
    void aNewAlertWorthyEntryIsSeenStoredAlertedAndRouted() {
        FeedDecision.Entry e = entry("a", "Strike on a depot kills 4");

        FeedDecision.Decision d = plain().decide(later(e), PriorState.EMPTY, EVERYONE);

        assertThat(d.effects()).containsExactly(
                new FeedWrite.SeeEntry("a", e.contentHash(), NOW),
                new FeedWrite.InsertStory(e.story(), Stories.attackKilling(4), NOW, false),
                new FeedWrite.GlobalAlert("a", NOW),
                new FeedWrite.Sends("a", 80, List.of(GROUP), NOW, null));
        assertThat(d.tally(new FeedWrite.Applied(List.of(0, 0, 0, 0)))).isEqualTo(
                new FeedEntries.Tally(1, 1, 1, 0, 0, List.of(Topic.ATTACK)));
    }

    @Test
    void aFeedsFirstPollRecordsWithoutAlertingOrRouting() {
        FeedDecision.Entry e = entry("a", "Strike on a depot kills 4");

        FeedDecision.Decision d = plain().decide(new FeedDecision.Read(FEED, true, null, true, NOW, List.of(e)),
                PriorState.EMPTY, EVERYONE);

        assertThat(d.effects()).containsExactly(
                new FeedWrite.SeeEntry("a", e.contentHash(), NOW),
                new FeedWrite.InsertStory(e.story(), Stories.attackKilling(4), NOW, false));
    }

    @Test
    void aStoryOlderThanMaxAgeIsStoredButNotAlerted() {
        Story old = Stories.story("a", "Strike on a depot kills 4", NOW.minus(Duration.ofHours(30)));
        FeedDecision.Entry e = new FeedDecision.Entry("a", old, ContentHash.of(old));

        FeedDecision.Decision d = plain().decide(later(e), PriorState.EMPTY, EVERYONE);

        assertThat(d.effects()).hasSize(2).noneMatch(x -> x instanceof FeedWrite.GlobalAlert
                || x instanceof FeedWrite.Sends);
        assertThat(d.held()).singleElement().satisfies(h -> assertThat(h.decision().reason()).contains("24h"));
    }

    @Test
    void aRaisedTollRevisesTheStoryAndQueuesEditsAsTheEditRule() {
        FeedDecision.Entry e = entry("a", "Strike on a depot kills 9");
        PriorState prior = new PriorState(Map.of("a", "0123"),
                Map.of("a", new PriorState.Stored(true, false, Stories.attackKilling(4), true, null)));

        FeedDecision.Decision d = plain().decide(later(e), prior, EVERYONE);

        assertThat(d.effects()).containsExactly(
                new FeedWrite.RehashEntry("a", e.contentHash()),
                new FeedWrite.ReviseStory(e.story(), Stories.attackKilling(9)),
                new FeedWrite.Edits("a", 80, NOW, null));
        // the store queued two edit rows: two edits, one story revised
        assertThat(d.tally(new FeedWrite.Applied(List.of(0, 0, 2)))).isEqualTo(
                new FeedEntries.Tally(0, 0, 0, 2, 1, List.of()));
        // none queued (nothing was sent yet): no revision counted
        assertThat(d.tally(new FeedWrite.Applied(List.of(0, 0, 0))).revised()).isZero();
    }

    @Test
    void changedWordingWithTheSameCountsAndTopicsOnlyStoresTheNewHash() {
        FeedDecision.Entry e = entry("a", "Strike on a depot kills 4");
        PriorState prior = new PriorState(Map.of("a", "0123"),
                Map.of("a", new PriorState.Stored(true, false, Stories.attackKilling(4), true, null)));

        FeedDecision.Decision d = plain().decide(later(e), prior, EVERYONE);

        assertThat(assessed).containsExactly("a");
        assertThat(d.effects()).containsExactly(new FeedWrite.RehashEntry("a", e.contentHash()));
    }

    @Test
    void anEntryStoredBeforeHashesWereKeptCountsAsChangedOnce() {
        FeedDecision.Entry e = entry("a", "Strike on a depot kills 4");
        PriorState prior = new PriorState(Map.of("a", ""),
                Map.of("a", new PriorState.Stored(true, false, Stories.attackKilling(4), false, null)));

        FeedDecision.Decision d = plain().decide(later(e), prior, EVERYONE);

        assertThat(assessed).containsExactly("a");
        assertThat(d.effects()).containsExactly(new FeedWrite.RehashEntry("a", e.contentHash()));
    }

    @Test
    void aChatAddedFeedRevisesOnlyChatOnlyStoriesAndItsRowsPassTheCap() {
        ChatFeedCap cap = new ChatFeedCap(3, Duration.ofHours(1), end -> "held");
        FeedDecision.Entry shared = entry("s", "Strike on a depot kills 9");
        FeedDecision.Entry own = entry("o", "Strike on a bridge kills 9");
        FeedDecision.Entry fresh = entry("n", "Strike on a port kills 2");
        PriorState prior = new PriorState(Map.of("s", "1", "o", "2"), Map.of(
                "s", new PriorState.Stored(true, false, Stories.attackKilling(4), true, null),
                "o", new PriorState.Stored(false, true, Stories.attackKilling(4), true, null)));

        FeedDecision.Decision d = plain().decide(
                new FeedDecision.Read(FEED, false, cap, false, NOW, List.of(shared, own, fresh)), prior, EVERYONE);

        assertThat(d.effects()).containsExactly(
                new FeedWrite.RehashEntry("s", shared.contentHash()),
                new FeedWrite.RehashEntry("o", own.contentHash()),
                new FeedWrite.ReviseStory(own.story(), Stories.attackKilling(9)),
                new FeedWrite.Edits("o", 80, NOW, cap),
                new FeedWrite.SeeEntry("n", fresh.contentHash(), NOW),
                new FeedWrite.InsertStory(fresh.story(), Stories.attackKilling(2), NOW, true),
                new FeedWrite.Sends("n", 80, List.of(GROUP), NOW, cap));
    }

    @Test
    void theSameEntryTwiceInOneReadIsStoredOnceAndThenSkipped() {
        FeedDecision.Entry e = entry("a", "Strike on a depot kills 4");

        FeedDecision.Decision d = plain().decide(later(e, e), PriorState.EMPTY, EVERYONE);

        assertThat(assessed).containsExactly("a");
        assertThat(d.fresh()).isEqualTo(1);
        assertThat(d.effects()).filteredOn(x -> x instanceof FeedWrite.GlobalAlert).hasSize(1);
    }

    @Test
    void withEventsAStoryStoredUnworthyThatBecameAlertWorthyAlertsItsEventOnce() {
        EventTracker events = new EventTracker(EventSettings.defaults(), 1);
        FeedDecision decision = new FeedDecision(assessor, MAX_AGE, events, 50);
        FeedDecision.Entry before = entry("a", "Explosions heard near the depot");
        decision.decide(later(before), PriorState.EMPTY, EVERYONE);
        FeedDecision.Entry after = entry("a", "Strike on a depot kills 25");
        PriorState prior = new PriorState(Map.of("a", before.contentHash()),
                Map.of("a", new PriorState.Stored(false, false, Stories.nothing(), false, null)));

        FeedDecision.Decision d = decision.decide(later(after), prior, EVERYONE);

        assertThat(d.effects()).hasSize(5);
        assertThat(d.effects().get(0)).isEqualTo(new FeedWrite.RehashEntry("a", after.contentHash()));
        assertThat(d.effects().get(1)).isEqualTo(
                new FeedWrite.AlertRevisedStory(after.story(), Stories.attackKilling(25), NOW));
        assertThat(d.effects().get(2)).isInstanceOf(FeedWrite.LinkEvent.class);
        assertThat(d.effects().get(3)).isInstanceOfSatisfying(FeedWrite.SaveEventView.class,
                v -> assertThat(v.view().story().id()).isEqualTo("a"));
        assertThat(d.effects().get(4)).isInstanceOf(FeedWrite.Sends.class);
        assertThat(d.queued()).isEqualTo(1);

        // republished again with the stored flag now alert-worthy: no second alert
        FeedDecision.Entry again = entry("a", "Strike on a depot kills 25 as rescuers search");
        PriorState now = new PriorState(Map.of("a", after.contentHash()),
                Map.of("a", new PriorState.Stored(true, false, Stories.attackKilling(25), true, null)));
        FeedDecision.Decision d2 = decision.decide(later(again), now, EVERYONE);
        assertThat(d2.queued()).isZero();
        assertThat(d2.effects()).noneMatch(x -> x instanceof FeedWrite.AlertRevisedStory
                || x instanceof FeedWrite.GlobalAlert || x instanceof FeedWrite.Sends);
    }
}
