package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's shared send limit: each {@link SharedStoreCheck} tells its listener how many instances run on the
 * database (their presence leases), so that each takes its share of a platform's overall limit; a stopped
 * instance leaves at once, a killed one when its lease lapses.
 */
class SharedStoreCheckCountTest {
    @TempDir
    Path dir;

    @Test
    void eachCheckTellsHowManyInstancesRunAndAKilledOneDropsOutWhenItsLeaseLapses() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
        String url = "jdbc:sqlite:" + dir.resolve("shared.db");
        List<Integer> toldFirst = new CopyOnWriteArrayList<>();
        List<Integer> toldSecond = new CopyOnWriteArrayList<>();
        List<Integer> toldThird = new CopyOnWriteArrayList<>();
        try (JdbcNewsStore store = JdbcNewsStore.open(url)) {
            SharedStoreCheck first = new SharedStoreCheck(store.subscriptions(), "host/1/aaaaaa", clock, url,
                    toldFirst::add);
            SharedStoreCheck second = new SharedStoreCheck(store.subscriptions(), "host/2/bbbbbb", clock, url,
                    toldSecond::add);
            SharedStoreCheck third = new SharedStoreCheck(store.subscriptions(), "host/3/cccccc", clock, url,
                    toldThird::add);
            first.check();
            second.check();
            third.check();
            first.check();
            assertThat(toldFirst).containsExactly(1, 3);
            assertThat(toldSecond).containsExactly(2);
            assertThat(toldThird).containsExactly(3);

            second.close();                          // stopped: its presence goes at once
            first.check();
            assertThat(toldFirst).last().isEqualTo(2);

            clock.advance(Duration.ofSeconds(19));   // the third is killed: no more checks, its lease runs 20 s
            first.check();
            assertThat(toldFirst).last().isEqualTo(2);
            clock.advance(Duration.ofSeconds(2));
            first.check();
            assertThat(toldFirst).last().isEqualTo(1);
            first.close();
        }
    }

    @Test
    void aPresenceLeaseNameFitsTheLeaseTableWhateverTheHostName() {
        String longHost = "a-very-long-kubernetes-pod-name-of-the-newsalert-deployment-7d9f8c6b5d-x2x9z/12345/abcdef";
        String name = SharedStoreCheck.PRESENCE + SharedStoreCheck.presenceKey(longHost);
        assertThat(name).hasSize(SharedStoreCheck.PRESENCE.length() + 16).hasSizeLessThanOrEqualTo(64);
        assertThat(SharedStoreCheck.presenceKey(longHost)).isEqualTo(SharedStoreCheck.presenceKey(longHost))
                .isNotEqualTo(SharedStoreCheck.presenceKey(longHost + "x"));
    }
}
