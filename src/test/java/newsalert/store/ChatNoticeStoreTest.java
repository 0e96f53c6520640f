package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

/** {@link ChatFeedStore#queueNotice}: one pending notice row to exactly the target given, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ChatNoticeStoreTest {
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

    @Test
    void aNoticeGoesToTheOneTargetGivenAndNowhereElse() {
        Target channel = new Target(Platform.DISCORD, "900100", "900222");
        Instant at = Instant.parse("2026-12-07T05:00:00Z");

        store.chatFeeds().queueNotice(channel, "feed-import:discord:900100:1", "Imported a.opml: 1 added.", at);
        store.chatFeeds().queueNotice(channel, "x".repeat(3000), "second", at.plusSeconds(1));

        List<OutboxItem> rows = store.subscriptions().pendingOutbox(channel, 10);
        assertThat(rows).extracting(OutboxItem::note).containsExactly("Imported a.opml: 1 added.", "second");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(OutboxKind.NOTICE);
            assertThat(r.target()).isEqualTo(channel);
            assertThat(r.story()).isNull();
            assertThat(r.status()).isEqualTo(OutboxStatus.PENDING);
        });
        assertThat(rows.get(0).createdAt()).isEqualTo(at);
        assertThat(store.subscriptions().pendingOutbox(Target.chat(Platform.DISCORD, "900100"), 10)).isEmpty();
    }
}
