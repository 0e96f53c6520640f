package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.store.InteractionReplyStore.Kept;
import newsalert.store.InteractionReplyStore.Part;
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
 * Kept slash-command answers (issue 19, V30): kept until accepted, moved to the channel once (the part's delete and
 * its outbox row in one transaction), swept when their run no longer holds a lease or they outlived the retries, and
 * never taken from a live run. On SQLite and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class InteractionReplyStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-07T23:00:00Z");
    private static final Target CHANNEL = new Target(Platform.DISCORD, "700", "701");
    private static final Target DM = Target.chat(Platform.DISCORD, "900");
    private static final InteractionReplyStore.Notes NOTES = (reply, part, first) -> "<@" + reply.caller() + "> "
            + (first ? "(your /" + reply.command() + ") " : "") + part.text() + (part.file() ? " [file]" : "");

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

    private InteractionReplyStore replies() {
        return store.interactionReplies();
    }

    private List<String> notes(Target t) {
        return store.subscriptions().pendingOutbox(t, 10).stream().map(OutboxItem::note).toList();
    }

    private static Kept answer(String id, Target target, Instant at, Part... parts) {
        return new Kept(id, target, "42", "feeds", at, List.of(parts));
    }

    @Test
    void aKeptAnswerReadsBackAndIsGoneWhenEveryPartWasAccepted() {
        Kept kept = answer("i1", CHANNEL, T0, new Part(0, "Your feeds: a", true), new Part(1, "b", false));
        replies().keep(kept, "run-a");

        assertThat(replies().kept()).containsExactly(kept);
        assertThat(replies().accepted("i1", 0)).isTrue();
        assertThat(replies().accepted("i1", 0)).isFalse();
        assertThat(replies().kept()).containsExactly(answer("i1", CHANNEL, T0, new Part(1, "b", false)));
        assertThat(replies().accepted("i1", 1)).isTrue();
        assertThat(replies().kept()).isEmpty();
        assertThat(replies().moveToChannel("i1", T0, NOTES)).isZero();
        assertThat(notes(CHANNEL)).isEmpty();
    }

    @Test
    void theRestMovesToTheChannelOnceHeadedOnItsFirstPart() {
        replies().keep(answer("i1", CHANNEL, T0, new Part(1, "one", false), new Part(2, "two", false),
                new Part(3, "three", false)), "run-a");
        replies().accepted("i1", 1);

        assertThat(replies().moveToChannel("i1", T0.plusSeconds(5), NOTES)).isEqualTo(2);
        assertThat(replies().moveToChannel("i1", T0.plusSeconds(6), NOTES)).isZero();
        assertThat(replies().sweep(T0.plusSeconds(3600), T0.plusSeconds(3600), T0.plusSeconds(3600), NOTES)).isZero();
        List<OutboxItem> rows = store.subscriptions().pendingOutbox(CHANNEL, 10);
        assertThat(rows).extracting(OutboxItem::note).containsExactly("<@42> (your /feeds) two", "<@42> three");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(OutboxKind.NOTICE);
            assertThat(r.target()).isEqualTo(CHANNEL);
            assertThat(r.severity()).as("never under a chat's quiet-below").isEqualTo(100);
        });
        assertThat(replies().kept()).isEmpty();
    }

    @Test
    void anAnswerThatCouldNotBeKeptIsQueuedAsItIs() {
        assertThat(replies().queueToChannel(answer("i9", DM, T0, new Part(0, "Done.", true)), T0, NOTES))
                .isEqualTo(1);
        assertThat(notes(DM)).containsExactly("<@42> (your /feeds) Done. [file]");
        assertThat(store.subscriptions().pendingOutbox(DM, 10).get(0).target()).isEqualTo(DM);
    }

    @Test
    void aMoveThatFailsHalfWayLeavesEveryPartKeptAndNothingQueued() {
        Kept kept = answer("i1", CHANNEL, T0, new Part(0, "one", false), new Part(1, "two", false));
        replies().keep(kept, "run-a");
        InteractionReplyStore.Notes failing = (reply, part, first) -> {
            if (part.index() == 1) {
                throw new IllegalStateException("the second part's row cannot be written");
            }
            return NOTES.note(reply, part, first);
        };

        assertThatThrownBy(() -> replies().moveToChannel("i1", T0, failing)).isInstanceOf(RuntimeException.class);
        assertThat(notes(CHANNEL)).as("the first part's row rolled back with the failure").isEmpty();
        assertThat(replies().kept()).containsExactly(kept);
        assertThatThrownBy(() -> replies().sweep(T0.plusSeconds(3600), T0, T0.plusSeconds(3600), failing))
                .isInstanceOf(RuntimeException.class);
        assertThat(replies().kept()).containsExactly(kept);

        assertThat(replies().moveToChannel("i1", T0, NOTES)).isEqualTo(2);
        assertThat(notes(CHANNEL)).containsExactly("<@42> (your /feeds) one", "<@42> two");
    }

    @Test
    void aSweepTakesTheAnswersOfRunsWithoutALiveLeaseAndOldEnoughOnly() {
        // run-a was killed: its presence lease ran until T0+20 s; run-b is alive
        store.subscriptions().acquireLease("instance:aaaa", "run-a", T0, Duration.ofSeconds(20));
        replies().keep(answer("dead-old", CHANNEL, T0, new Part(0, "a", false)), "run-a");
        replies().keep(answer("dead-young", DM, T0.plusSeconds(50), new Part(0, "b", false)), "run-a");
        replies().keep(answer("live", CHANNEL, T0, new Part(0, "c", false)), "run-b");
        Instant now = T0.plusSeconds(70);
        store.subscriptions().acquireLease("instance:bbbb", "run-b", now.minusSeconds(3), Duration.ofSeconds(20));

        // orphaned: asked at least 30 s ago; stale: asked at least 15 minutes ago
        assertThat(replies().sweep(now.minus(Duration.ofMinutes(15)), now.minusSeconds(30), now, NOTES)).isEqualTo(1);
        assertThat(notes(CHANNEL)).containsExactly("<@42> (your /feeds) a");
        assertThat(notes(DM)).isEmpty();
        assertThat(replies().kept()).extracting(Kept::interactionId).containsExactly("live", "dead-young");
        // a second instance sweeping the same moment finds nothing left
        assertThat(replies().sweep(now.minus(Duration.ofMinutes(15)), now.minusSeconds(30), now, NOTES)).isZero();
        assertThat(replies().accepted("dead-old", 0)).as("a late accept finds it gone").isFalse();

        Instant later = T0.plusSeconds(81);
        assertThat(replies().sweep(later.minus(Duration.ofMinutes(15)), later.minusSeconds(30), later, NOTES))
                .isEqualTo(1);
        assertThat(notes(DM)).containsExactly("<@42> (your /feeds) b");
        assertThat(replies().kept()).extracting(Kept::interactionId).containsExactly("live");
    }

    @Test
    void aLiveRunsAnswerIsSweptOnlyOnceItOutlivedTheRetries() {
        replies().keep(answer("live", CHANNEL, T0, new Part(0, "c", false)), "run-b");
        Instant now = T0.plus(Duration.ofMinutes(14));
        store.subscriptions().acquireLease("instance:bbbb", "run-b", now, Duration.ofSeconds(20));
        assertThat(replies().sweep(now.minus(Duration.ofMinutes(15)), now.minusSeconds(30), now, NOTES)).isZero();

        Instant stale = T0.plus(Duration.ofMinutes(15));
        store.subscriptions().acquireLease("instance:bbbb", "run-b", stale, Duration.ofSeconds(20));
        assertThat(replies().sweep(stale.minus(Duration.ofMinutes(15)), stale.minusSeconds(30), stale, NOTES))
                .isEqualTo(1);
        assertThat(notes(CHANNEL)).containsExactly("<@42> (your /feeds) c");
    }
}
