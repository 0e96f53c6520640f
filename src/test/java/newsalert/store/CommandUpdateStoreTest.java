package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.delivery.CommandReplyNote;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link CommandUpdateStore} on both databases (issue 19 item 5): a handled update's replies are queued with it in
 * one transaction, a second try of the same update writes nothing, the stored offset only rises, and the handled
 * ids below it are forgotten (they count as handled through the offset).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class CommandUpdateStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    private static final Target CHAT = new Target(Platform.TELEGRAM, "-100300", "7");
    private static final String BOT = "telegram:4242";
    private static final String OTHER_BOT = "telegram:5353";

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    @Test
    void aHandledUpdateQueuesItsRepliesOnceAndRaisesTheOffset() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            CommandUpdateStore updates = store.commandUpdates();
            assertThat(updates.nextUpdateId(BOT, T0)).isZero();
            assertThat(updates.handled(BOT, 41, T0)).isFalse();

            String longPart = "x".repeat(4_000); // above the old 1,024-character note column on PostgreSQL
            assertThat(updates.queueReplies(BOT, 41, CHAT,
                    List.of(CommandReplyNote.encode("<b>one</b>"), CommandReplyNote.encode(longPart)), 41, T0))
                    .isTrue();
            assertThat(updates.queueReplies(BOT, 41, CHAT, List.of(CommandReplyNote.encode("again")),
                    42, T0)).isFalse();

            assertThat(updates.handled(BOT, 41, T0)).isTrue();
            assertThat(updates.handled(OTHER_BOT, 41, T0)).isFalse();
            assertThat(updates.nextUpdateId(BOT, T0)).isEqualTo(41);
            List<OutboxItem> rows = store.subscriptions().pendingOutbox(CHAT, 10);
            assertThat(rows).extracting(OutboxItem::kind).containsExactly(OutboxKind.NOTICE, OutboxKind.NOTICE);
            assertThat(rows).extracting(r -> CommandReplyNote.decode(r.note()).orElseThrow())
                    .containsExactly("<b>one</b>", longPart);
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.story()).isNull();
                assertThat(r.target()).isEqualTo(CHAT);
                assertThat(r.createdAt()).isEqualTo(T0);
            });
        }
    }

    @Test
    void theOffsetOnlyRisesAndIdsBelowItCountAsHandled() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            CommandUpdateStore updates = store.commandUpdates();
            updates.queueReplies(BOT, 12, CHAT, List.of(), 10, T0); // 10 and 11 still open
            assertThat(updates.handled(BOT, 10, T0)).isFalse();
            assertThat(updates.handled(BOT, 12, T0)).isTrue();

            updates.confirmUpdates(BOT, 13, T0.plusSeconds(1));
            updates.confirmUpdates(BOT, 11, T0.plusSeconds(2)); // a late, lower value: ignored

            assertThat(updates.nextUpdateId(BOT, T0)).isEqualTo(13);
            assertThat(updates.handled(BOT, 10, T0)).isTrue();
            assertThat(updates.handled(BOT, 13, T0)).isFalse();
            assertThat(store.subscriptions().pendingOutbox(CHAT, 10)).isEmpty();
        }
        // a restart (or another instance) reads the same offset; another bot (a new token) starts afresh
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            assertThat(store.commandUpdates().nextUpdateId(BOT, T0)).isEqualTo(13);
            assertThat(store.commandUpdates().nextUpdateId(OTHER_BOT, T0)).isZero();
        }
    }

    @Test
    void anOffsetNotRaisedForSixDaysCountsAsNone() {
        // Telegram picks the next update id at random after a week without updates: it may be below the old offset
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            CommandUpdateStore updates = store.commandUpdates();
            updates.confirmUpdates(BOT, 900, T0);
            Instant later = T0.plus(CommandUpdateStore.STALE).plus(Duration.ofMinutes(1));

            assertThat(updates.nextUpdateId(BOT, T0.plus(CommandUpdateStore.STALE))).isEqualTo(900);
            assertThat(updates.nextUpdateId(BOT, later)).isZero();
            assertThat(updates.handled(BOT, 17, later)).isFalse();
            assertThat(updates.queueReplies(BOT, 17, CHAT, List.of(CommandReplyNote.encode("ok")), 17, later)).isTrue();
            updates.confirmUpdates(BOT, 18, later);
            assertThat(updates.nextUpdateId(BOT, later)).isEqualTo(18);
        }
    }
}
