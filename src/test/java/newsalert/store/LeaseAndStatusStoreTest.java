package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.Stories;
import newsalert.testing.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The delivery lease and the monitoring reads ({@code status}, {@code /health}) on both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class LeaseAndStatusStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100200");

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    @Test
    void aLeaseIsHeldByOneOwnerUntilItLapsesOrIsReleased() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            SubscriptionStore subs = store.subscriptions();
            assertThat(subs.acquireLease("delivery", "a", T0, TTL)).isTrue();
            assertThat(subs.acquireLease("delivery", "b", T0.plusSeconds(10), TTL)).isFalse();
            assertThat(subs.leaseHolder("delivery")).contains("a");
            assertThat(subs.acquireLease("delivery", "a", T0.plusSeconds(20), TTL))
                    .as("the holder renews").isTrue();
            assertThat(subs.acquireLease("delivery", "b", T0.plusSeconds(49), TTL)).isFalse();
            assertThat(subs.acquireLease("delivery", "b", T0.plusSeconds(50), TTL))
                    .as("lapsed").isTrue();
            subs.releaseLease("delivery", "b");
            assertThat(subs.leaseHolder("delivery")).isEmpty();
        }
    }

    @Test
    void statusCountsFeedsOutboxSubscriptionsAndAlerts() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            store.status().ping();
            store.subscriptions().saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            store.subscriptions().pause(GROUP, "test");
            store.saveFeedStates(List.of(new FeedState("https://wire.test/rss", null, null, T0, T0,
                    T0.plusSeconds(300), 2, "HTTP 503")));
            store.recordEntry("https://wire.test/rss", Stories.story("a", "Strike on a depot", T0),
                    Stories.attack(true), true, T0, List.of(GROUP));

            StoreStatus status = store.status().read(T0.plusSeconds(60));
            assertThat(status.feeds()).extracting(StoreStatus.Feed::url, StoreStatus.Feed::failures)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("https://wire.test/rss", 2));
            assertThat(status.subscriptions().get(Platform.TELEGRAM)).isEqualTo(new StoreStatus.Subscribers(1, 1));
            assertThat(status.alertsLastHour()).isEqualTo(1);
            assertThat(status.outbox().get(Platform.TELEGRAM)).isEqualTo(new StoreStatus.Backlog(1, T0));
            assertThat(store.status().outboxBacklog()).containsEntry(Platform.CONSOLE, new StoreStatus.Backlog(1, T0));
        }
    }
}
