package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import newsalert.delivery.CommandReplyNote;
import newsalert.store.InteractionReplyStore;
import newsalert.store.OutboxItem;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 (tester19c): a slash command acknowledged but not answered when the bot stopped or was killed (it waited
 * in its channel's queue behind a slow one) got no answer at all. A note is kept at acknowledgement; the command's
 * answer replaces it; a sweep after the owner is gone tells the caller in the channel to send it again.
 */
class DurableRepliesNoteTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Target CHANNEL = new Target(Platform.DISCORD, "900000000000000001", "900000000000000002");
    private static final String CALLER = "840000000000000001";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private JdbcNewsStore news;
    private DurableReplies replies;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("notes.db"));
        replies = new DurableReplies(news.interactionReplies(), "run-1", clock, () -> { });
    }

    @AfterEach
    void close() {
        news.close();
    }

    private InteractionReplyStore.Kept answer(String interactionId, String... texts) {
        List<InteractionReplyStore.Part> parts = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            parts.add(new InteractionReplyStore.Part(i, texts[i], false));
        }
        return new InteractionReplyStore.Kept(interactionId, CHANNEL, CALLER, "subscribe", T0, parts);
    }

    @Test
    void aCommandCutOffBeforeItsAnswerIsToldToTheCallerByTheNextSweep() {
        assertThat(replies.acknowledged("i-1", CHANNEL, CALLER, "subscribe", T0)).isTrue();
        // the bot stops (run-1 holds no lease); a later run sweeps once the note is old enough
        clock.advance(DurableReplies.ORPHAN_AGE);

        assertThat(new DurableReplies(news.interactionReplies(), "run-2", clock, () -> { }).sweep()).isEqualTo(1);

        List<OutboxItem> rows = news.subscriptions().pendingOutbox(CHANNEL, 10);
        assertThat(rows).hasSize(1);
        assertThat(CommandReplyNote.decode(rows.get(0).note())).contains("<@" + CALLER + "> (your /subscribe) "
                + "newsalert restarted before it could answer this command, so it may not have run. Please send it"
                + " again (sending a command twice does no harm).");
        assertThat(news.interactionReplies().kept()).isEmpty();
    }

    @Test
    void theAnswerReplacesTheNoteWhateverItsParts() {
        replies.acknowledged("i-2", CHANNEL, CALLER, "subscribe", T0);
        assertThat(replies.keep(answer("i-2", "Subscribed.", "Second part."))).isTrue();

        List<InteractionReplyStore.Kept> kept = news.interactionReplies().kept();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).parts()).extracting(InteractionReplyStore.Part::text)
                .containsExactly("Subscribed.", "Second part.");

        replies.accepted("i-2", 0);
        replies.accepted("i-2", 1);
        clock.advance(DurableReplies.STALE_AGE);
        assertThat(replies.sweep()).as("nothing left to post once Discord took both parts").isZero();
        assertThat(news.subscriptions().pendingOutbox(CHANNEL, 10)).isEmpty();
    }

    @Test
    void aRefusedCommandOrOneWithNothingToSayLeavesNoNote() {
        replies.acknowledged("i-3", CHANNEL, CALLER, "subscribe", T0);
        replies.forget("i-3");
        assertThat(news.interactionReplies().kept()).isEmpty();
    }
}
