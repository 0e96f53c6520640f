package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.store.ChatClaim;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This side of the chat claims: a send is started only while the claim runs for more than the margin, renewal
 * keeps it, and a claim that lapsed before its renewal is forgotten (another instance may hold the chat by then).
 */
class DeliveryClaimsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T05:00:00Z");
    private static final Target GROUP = new Target(Platform.TELEGRAM, "-100300", "4");

    @TempDir
    Path dir;

    @Test
    void aSendStartsOnlyWhileTheClaimRunsAndALapsedClaimIsNotRenewed() {
        MutableClock clock = new MutableClock(T0);
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("claims.db"))) {
            store.recordEntry("https://wire.test/rss", Stories.story("a", "Strike on a depot", T0),
                    Stories.attack(false), false, T0, List.of(GROUP));
            DeliveryClaims claims = new DeliveryClaims(store.subscriptions(), "me", clock);
            assertThat(claims.holds(GROUP)).isFalse();
            assertThat(claims.claim(Platform.TELEGRAM, T0)).containsExactly(ChatClaim.of(GROUP));
            assertThat(claims.holds(GROUP)).as("the topic's chat").isTrue();
            assertThat(claims.holds(Target.chat(Platform.TELEGRAM, "-100300"))).isTrue();

            clock.advance(DeliveryClaims.TTL.minus(DeliveryClaims.MARGIN).minusSeconds(1));
            assertThat(claims.holds(GROUP)).isTrue();
            clock.advance(Duration.ofSeconds(1));
            assertThat(claims.holds(GROUP)).as("too close to its end to start a send").isFalse();
            claims.renew();
            assertThat(claims.holds(GROUP)).isTrue();
            assertThat(store.subscriptions().chatClaimHolder(ChatClaim.of(GROUP), clock.instant().plusSeconds(19)))
                    .contains("me");

            clock.advance(DeliveryClaims.TTL); // stalled past the TTL: the claim lapsed
            claims.renew();
            assertThat(claims.holds(GROUP)).isFalse();
            assertThat(store.subscriptions().claimChats("other", null, clock.instant(), DeliveryClaims.TTL, 10))
                    .containsExactly(ChatClaim.of(GROUP));
            assertThat(claims.claim(null, clock.instant())).isEmpty();
            assertThat(claims.holds(GROUP)).isFalse();
        }
    }
}
