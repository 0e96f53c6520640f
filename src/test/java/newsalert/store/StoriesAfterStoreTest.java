package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.StoreKind;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link NewsStore#storiesAfter} / {@link NewsStore#lastStorySeq} (V28 {@code story.seq}): the read by which one
 * instance's event memory catches up with the stories other instances stored (issue 14), on SQLite and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class StoriesAfterStoreTest {
    @Parameter
    StoreKind kind;

    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    private static final String FEED = "https://wire.test/rss";
    private static final String CHAT_FEED = "https://blog.test/feed";

    @TempDir
    Path dir;

    private static List<Object> row(CaughtStory c) {
        return List.of(c.seq(), c.stored().story().id(), String.valueOf(c.eventId()), String.valueOf(c.standsFor()));
    }

    @Test
    void sharedStoriesComeInStoreOrderWithTheirEventAndTheAlertedEventTheyStandFor() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            assertThat(store.lastStorySeq()).isZero();
            assertThat(store.storiesAfter(0, 10)).isEmpty();

            var a = Stories.story("a", "Strike on a depot kills 4", T0);
            var b = Stories.story("b", "Depot strike toll rises to 9", T0.plusSeconds(60));
            store.apply(new FeedWrite(FEED, List.of(
                    new FeedWrite.InsertStory(a, Stories.attack(true), T0, false),
                    new FeedWrite.LinkEvent("a", "e-1"),
                    new FeedWrite.SaveEventView(new EventView("e-1", a, Stories.attack(true)), T0)), null));
            store.apply(new FeedWrite(CHAT_FEED, List.of(
                    new FeedWrite.InsertStory(Stories.story("c", "A chat's own story", T0), Stories.nothing(), T0,
                            true)), null));
            store.apply(new FeedWrite(FEED, List.of(
                    new FeedWrite.InsertStory(b, Stories.attack(true), T0, false),
                    new FeedWrite.LinkEvent("b", "e-1")), null));

            assertThat(store.storiesAfter(0, 10)).extracting(StoriesAfterStoreTest::row).containsExactly(
                    List.of(1L, "a", "e-1", "e-1"),
                    List.of(3L, "b", "e-1", "null"));
            assertThat(store.storiesAfter(0, 10).get(0).stored().assessment().alert()).isTrue();
            assertThat(store.lastStorySeq()).as("the chat-only story has a seq, but is not read").isEqualTo(3);
            assertThat(store.storiesAfter(1, 10)).extracting(c -> c.stored().story().id()).containsExactly("b");
            assertThat(store.storiesAfter(0, 1)).extracting(c -> c.stored().story().id()).containsExactly("a");
            assertThat(store.storiesAfter(3, 10)).as("nothing new: empty").isEmpty();

            // a configured feed carries the chat-only story too: it becomes shared with the next seq
            store.apply(new FeedWrite(FEED, List.of(new FeedWrite.ShareStory("c")), null));
            assertThat(store.storiesAfter(3, 10)).extracting(c -> tuple(c.seq(), c.stored().story().id()))
                    .containsExactly(tuple(4L, "c"));
            // sharing it again gives no new seq
            store.apply(new FeedWrite(FEED, List.of(new FeedWrite.ShareStory("c")), null));
            assertThat(store.lastStorySeq()).isEqualTo(4);
        }
    }

    /**
     * Issue 14 step 2 (b): a story revised ({@link FeedWrite.ReviseStory}) or found alert-worthy and alerted
     * ({@link FeedWrite.AlertRevisedStory}) gets the next seq, so another instance's catch-up reads it again with its
     * new assessment.
     */
    @Test
    void aRevisedStoryAndOneThatBecameAlertWorthyComeAgainWithTheNextSeq() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            var a = Stories.story("a", "Strike on a depot kills 4", T0);
            var b = Stories.story("b", "Explosions heard near a depot", T0);
            store.apply(new FeedWrite(FEED, List.of(
                    new FeedWrite.InsertStory(a, Stories.attackKilling(4), T0, false),
                    new FeedWrite.InsertStory(b, Stories.nothing(), T0, false)), null));
            assertThat(store.lastStorySeq()).isEqualTo(2);

            store.apply(new FeedWrite(FEED, List.of(new FeedWrite.ReviseStory(
                    Stories.story("a", "Strike on a depot kills 9", T0), Stories.attackKilling(9))), null));
            assertThat(store.storiesAfter(2, 10)).extracting(c -> tuple(c.seq(), c.stored().story().id(),
                    c.stored().assessment().casualties().killed().min())).containsExactly(tuple(3L, "a", 9));

            var bNow = Stories.story("b", "Strike on a depot kills 9", T0);
            store.apply(new FeedWrite(FEED, List.of(
                    new FeedWrite.AlertRevisedStory(bNow, Stories.attack(true), T0.plusSeconds(60)),
                    new FeedWrite.LinkEvent("b", "e-1"),
                    new FeedWrite.SaveEventView(new EventView("e-1", bNow, Stories.attack(true)), T0)), null));
            assertThat(store.storiesAfter(3, 10)).extracting(StoriesAfterStoreTest::row)
                    .containsExactly(List.of(4L, "b", "e-1", "e-1"));
            assertThat(store.storiesAfter(3, 10).get(0).stored().assessment().alert()).isTrue();
            assertThat(store.storiesAfter(0, 10)).as("each story once, at its newest seq").extracting(CaughtStory::seq)
                    .containsExactly(3L, 4L);
        }
    }
}
