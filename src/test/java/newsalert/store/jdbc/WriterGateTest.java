package newsalert.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SQLite writer gate: one writer inside, ordinary writers first come first served, a mark before every ordinary
 * writer waiting. Waiters are lined up one at a time by watching {@link WriterGate#waiting()}; the long timeouts only
 * keep a broken gate from hanging the build.
 */
class WriterGateTest {
    private static final long LONG = TimeUnit.MINUTES.toMillis(1);

    private final WriterGate gate = new WriterGate();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> order = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Starts a writer that enters, notes its name, and leaves; returns once it waits at the gate. */
    private Future<Boolean> queue(String name, boolean jump) {
        int before = gate.waiting();
        Future<Boolean> f = threads.submit(() -> {
            if (!gate.enter(jump, LONG)) {
                return false;
            }
            order.add(name);
            gate.leave();
            return true;
        });
        while (gate.waiting() == before) {
            Thread.onSpinWait();
        }
        return f;
    }

    @Test
    void aMarkGoesBeforeTheOrdinaryWritersWaitingWhoKeepTheirOrder() throws Exception {
        assertThat(gate.enter(false, LONG)).isTrue(); // a poll write in progress
        List<Future<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            writers.add(queue("poll " + i, false));
        }
        writers.add(queue("mark a", true));
        writers.add(queue("poll 5", false));
        writers.add(queue("mark b", true));
        assertThat(gate.waiting()).isEqualTo(8);
        assertThat(order).isEmpty();

        gate.leave();
        for (Future<Boolean> w : writers) {
            assertThat(w.get(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(order).containsExactly("mark a", "mark b", "poll 0", "poll 1", "poll 2", "poll 3", "poll 4",
                "poll 5");
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aWriterWhoseTimePassesLeavesTheLineAndTheNextGoesIn() throws Exception {
        assertThat(gate.enter(false, LONG)).isTrue();
        assertThat(threads.submit(() -> gate.enter(true, 0)).get(1, TimeUnit.MINUTES)).isFalse();
        Future<Boolean> gaveUp = threads.submit(() -> gate.enter(false, 1));
        assertThat(gaveUp.get(1, TimeUnit.MINUTES)).isFalse();
        Future<Boolean> next = queue("next", false);
        assertThat(gate.waiting()).isEqualTo(1);

        gate.leave();
        assertThat(next.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(order).containsExactly("next");
    }

    @Test
    void anInterruptedWriterLeavesTheLine() throws Exception {
        assertThat(gate.enter(false, LONG)).isTrue();
        Future<Boolean> interrupted = queue("interrupted", true);
        Future<Boolean> next = queue("next", false);
        interrupted.cancel(true);
        while (gate.waiting() != 1) {
            Thread.onSpinWait();
        }
        gate.leave();
        assertThat(next.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(order).containsExactly("next");
    }

    @Test
    void aWriteInsideAWriteGoesInAtOnceAndTheGateOpensAfterTheOuterOne() throws Exception {
        assertThat(gate.enter(false, LONG)).isTrue();
        Future<Boolean> next = queue("next", false);
        assertThat(gate.enter(true, 0)).as("the thread inside enters again").isTrue();
        gate.leave();
        assertThat(gate.waiting()).as("still inside: the next waits").isEqualTo(1);
        assertThat(order).isEmpty();
        gate.leave();
        assertThat(next.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(order).containsExactly("next");
    }

    @Test
    void aLeaveFromOutsideIsAnError() throws Exception {
        assertThatThrownBy(gate::leave).isInstanceOf(IllegalStateException.class);
        assertThat(gate.enter(false, LONG)).isTrue();
        assertThat(threads.submit(() -> {
            try {
                gate.leave();
                return "left";
            } catch (IllegalStateException e) {
                return "refused";
            }
        }).get(1, TimeUnit.MINUTES)).isEqualTo("refused");
        gate.leave();
        assertThat(gate.enter(false, 0)).isTrue();
        gate.leave();
    }
}
