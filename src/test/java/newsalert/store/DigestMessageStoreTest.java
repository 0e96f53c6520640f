package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.StoreKind;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SubscriptionStore#fixDigest(long, List, String)} and {@link SubscriptionStore#digestMessage} on both
 * databases (issue 19 item 2): the message is stored with the digest's rows in one write, read back as stored
 * (long, non-ASCII, line breaks), kept once fixed, and not stored for a digest whose first row is no longer
 * pending.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class DigestMessageStoreTest {
    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final Target CHAT = Target.chat(Platform.TELEGRAM, "5550001");

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    private static List<Long> route(JdbcNewsStore store, int n) {
        for (int i = 1; i <= n; i++) {
            store.recordEntry("https://wire.test/rss", Stories.story("s" + i, "Story " + i, T0), Stories.attack(true),
                    false, T0, List.of(CHAT));
        }
        return store.subscriptions().pendingOutbox(CHAT, 20).stream().map(OutboxItem::id).toList();
    }

    @Test
    void aDigestsMessageIsStoredWithItsRowsAndReadBackAsStored() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            List<Long> ids = route(store, 5);
            String message = "digest/1\n<b>Digest: 4 alerts</b>\n• Київ — 12 killed · Wire\n" + "x".repeat(9_000);
            SubscriptionStore subs = store.subscriptions();

            assertThat(subs.fixDigest(ids.get(0), ids.subList(0, 4), message)).isEqualTo(4);

            assertThat(subs.digestMessage(ids.get(0))).contains(message);
            assertThat(subs.digestMessage(ids.get(1))).isEmpty(); // a member, not the digest's id
            assertThat(subs.pendingOutbox(CHAT, 20)).extracting(OutboxItem::digestId)
                    .containsExactly(ids.get(0), ids.get(0), ids.get(0), ids.get(0), null);

            // fixing again (another instance's race) neither moves rows nor replaces the message
            assertThat(subs.fixDigest(ids.get(0), ids.subList(0, 4), "other")).isZero();
            assertThat(subs.digestMessage(ids.get(0))).contains(message);
        }
    }

    @Test
    void noMessageIsKeptForADigestFixedWithoutOneOrWhoseFirstRowIsSettled() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            List<Long> ids = route(store, 6);
            SubscriptionStore subs = store.subscriptions();
            subs.fixDigest(ids.get(0), ids.subList(0, 2));
            assertThat(subs.digestMessage(ids.get(0))).isEmpty();

            subs.settle(ids.get(2), OutboxStatus.DROPPED, "unsubscribed");
            assertThat(subs.fixDigest(ids.get(2), ids.subList(2, 5), "m")).isEqualTo(2);
            assertThat(subs.digestMessage(ids.get(2))).isEmpty();
        }
    }
}
