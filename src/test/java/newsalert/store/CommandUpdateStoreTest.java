package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    @Test
    void aHandledUpdateQueuesItsRepliesOnceAndRaisesTheOffset() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            CommandUpdateStore updates = store.commandUpdates();
            assertThat(updates.nextUpdateId(Platform.TELEGRAM)).isZero();
            assertThat(updates.handled(Platform.TELEGRAM, 41)).isFalse();

            String longPart = "x".repeat(4_000); // above the old 1,024-character note column on PostgreSQL
            assertThat(updates.queueReplies(Platform.TELEGRAM, 41, CHAT,
                    List.of(CommandReplyNote.encode("<b>one</b>"), CommandReplyNote.encode(longPart)), 41, T0))
                    .isTrue();
            assertThat(updates.queueReplies(Platform.TELEGRAM, 41, CHAT, List.of(CommandReplyNote.encode("again")),
                    42, T0)).isFalse();

            assertThat(updates.handled(Platform.TELEGRAM, 41)).isTrue();
            assertThat(updates.handled(Platform.DISCORD, 41)).isFalse();
            assertThat(updates.nextUpdateId(Platform.TELEGRAM)).isEqualTo(41);
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
            updates.queueReplies(Platform.TELEGRAM, 12, CHAT, List.of(), 10, T0); // 10 and 11 still open
            assertThat(updates.handled(Platform.TELEGRAM, 10)).isFalse();
            assertThat(updates.handled(Platform.TELEGRAM, 12)).isTrue();

            updates.confirmUpdates(Platform.TELEGRAM, 13, T0.plusSeconds(1));
            updates.confirmUpdates(Platform.TELEGRAM, 11, T0.plusSeconds(2)); // a late, lower value: ignored

            assertThat(updates.nextUpdateId(Platform.TELEGRAM)).isEqualTo(13);
            assertThat(updates.handled(Platform.TELEGRAM, 10)).isTrue();
            assertThat(updates.handled(Platform.TELEGRAM, 13)).isFalse();
            assertThat(store.subscriptions().pendingOutbox(CHAT, 10)).isEmpty();
        }
        // a restart (or another instance) reads the same offset
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            assertThat(store.commandUpdates().nextUpdateId(Platform.TELEGRAM)).isEqualTo(13);
        }
    }
}
