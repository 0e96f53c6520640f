package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.metrics.Metrics;
import newsalert.store.NewsStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 4: feeds are fetched and parsed on the executor passed in, up to {@code fetch.concurrency} at a
 * time, and when the store falls behind the readers wait: at most {@code 2 × concurrency} feeds are being read or
 * wait, read, to be stored. Driven by latches and semaphores; nothing here waits for time to pass.
 */
class PollerBackPressureTest {
    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(30));
    /** Bounds how long a test waits for something that must happen (a hang fails instead of blocking the build). */
    private static final long LIVENESS_S = 30;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private JdbcNewsStore real;
    private ExecutorService pool;
    private final ExecutorService cycleThread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void open() {
        real = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("bp.db"));
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        cycleThread.shutdownNow();
        real.close();
    }

    private static List<FeedConfig> feeds(int n) {
        List<FeedConfig> feeds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            feeds.add(new FeedConfig("http://127.0.0.1/feed/" + i + ".xml", "Wire " + i, null));
        }
        return feeds;
    }

    /** @return the entries the store has seen from the first {@code n} feeds */
    private int seen(int n) {
        return feeds(n).stream().mapToInt(f -> real.seenCount(f.url())).sum();
    }

    /** One new story per read, its id taken from the feed's URL. */
    private static ReadResult.Read oneStory(String url) {
        String id = url.substring(url.lastIndexOf('/') + 1);
        return new ReadResult.Read("Wire", List.of(Stories.story(id, "Harvest fair opens " + id, T0)), null, null);
    }

    private Poller poller(NewsStore store, FeedReader reader, Executor executor, int concurrency, Runnable queued) {
        return new Poller(store, reader, s -> Stories.nothing(), SETTINGS, clock, null, null, Metrics.NOOP, -1,
                new Poller.Reads(executor, concurrency), queued);
    }

    @Test
    void aSlowStoreMakesTheReadersWaitAndNoMoreThanTwiceTheConcurrencyReadResultsWait() throws Exception {
        int concurrency = 2;
        int bound = 2 * concurrency;
        int feeds = 14;
        pool = Executors.newFixedThreadPool(concurrency);
        CountingExecutor executor = new CountingExecutor(pool);
        AtomicInteger readNotStored = new AtomicInteger(); // feeds read whose transaction has not ended yet
        AtomicInteger maxReadNotStored = new AtomicInteger();
        FeedReader reader = (url, etag, lastModified, now) -> {
            maxReadNotStored.accumulateAndGet(readNotStored.incrementAndGet(), Math::max);
            return oneStory(url);
        };
        Semaphore applyEntered = new Semaphore(0);
        Semaphore applyMayGo = new Semaphore(0);
        NewsStore slow = proxy(real, method -> {
            if (method.equals("apply")) {
                applyEntered.release();
                acquire(applyMayGo);
            }
        }, method -> {
            if (method.equals("apply")) {
                readNotStored.decrementAndGet();
            }
        });
        try (Poller poller = poller(slow, reader, executor, concurrency, () -> { })) {
            CompletableFuture<Integer> cycle = CompletableFuture.supplyAsync(
                    () -> poller.pollAll(feeds(feeds)), cycleThread);
            List<Integer> waitingWhileStoreStalled = new ArrayList<>();
            for (int stored = 0; stored < feeds; stored++) {
                assertThat(applyEntered.tryAcquire(LIVENESS_S, TimeUnit.SECONDS)).as("store call %d", stored).isTrue();
                // the polling thread is inside the store: every read handed out finishes, and no new one starts
                assertThat(executor.awaitIdle(LIVENESS_S)).isTrue();
                waitingWhileStoreStalled.add(readNotStored.get());
                assertThat(executor.executed()).as("feeds handed to the readers while store call %d is stalled",
                        stored).isLessThanOrEqualTo(stored + bound);
                applyMayGo.release();
            }
            assertThat(cycle.get(LIVENESS_S, TimeUnit.SECONDS)).isZero();
            assertThat(executor.executed()).isEqualTo(feeds);
            assertThat(maxReadNotStored.get()).isEqualTo(bound);
            // how far the readers get before the first stalls depends on thread timing; from the third on the
            // readers are ahead, and each stall finds exactly the bound read and not stored, until the tail drains
            assertThat(waitingWhileStoreStalled.get(0)).isBetween(2, bound);
            assertThat(waitingWhileStoreStalled.get(1)).isBetween(3, bound);
            assertThat(waitingWhileStoreStalled.subList(2, feeds)).containsExactly(4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 2, 1);
            assertThat(seen(feeds)).isEqualTo(feeds);
        }
    }

    @Test
    void feedsAreReadOnTheInjectedExecutorAtMostConcurrencyAtATime() throws Exception {
        int concurrency = 3;
        pool = Executors.newFixedThreadPool(6, r -> new Thread(r, "test-reader")); // more threads than allowed
        CountingExecutor executor = new CountingExecutor(pool);
        Set<String> readThreads = ConcurrentHashMap.newKeySet();
        AtomicInteger inProgress = new AtomicInteger();
        AtomicInteger maxInProgress = new AtomicInteger();
        CountDownLatch allStarted = new CountDownLatch(concurrency);
        FeedReader reader = (url, etag, lastModified, now) -> {
            readThreads.add(Thread.currentThread().getName());
            maxInProgress.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
            allStarted.countDown();
            try {
                // the first reads go on only once `concurrency` of them run side by side
                assertThat(allStarted.await(LIVENESS_S, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inProgress.decrementAndGet();
            return oneStory(url);
        };
        Poller poller = poller(real, reader, executor, concurrency, () -> { });
        poller.pollAll(feeds(10));
        poller.close();

        assertThat(executor.executed()).isEqualTo(10);
        assertThat(readThreads).containsOnly("test-reader");
        assertThat(maxInProgress.get()).isEqualTo(concurrency);
        assertThat(pool.isShutdown()).as("an executor passed in is its owner's").isFalse();
        assertThat(seen(10)).isEqualTo(10);
    }

    @Test
    void aReadThatQueuedAlertsTellsTheDelivery() {
        pool = Executors.newFixedThreadPool(2);
        List<FeedConfig> one = feeds(1);
        List<ReadResult> answers = new ArrayList<>(List.of(
                new ReadResult.Read("Wire", List.of(Stories.story("old", "Strike on the depot", T0)), null, null),
                new ReadResult.NotModified(),
                new ReadResult.Read("Wire", List.of(Stories.story("new", "Strike on the port", T0)), null, null)));
        FeedReader reader = (url, etag, lastModified, now) -> answers.remove(0);
        AtomicInteger wakes = new AtomicInteger();
        Poller poller = new Poller(real, reader, s -> Stories.attack(true), SETTINGS, clock, null, null,
                Metrics.NOOP, -1, new Poller.Reads(pool, 2), wakes::incrementAndGet);

        assertThat(poller.pollAll(one)).isZero(); // the first poll records without alerting
        assertThat(wakes.get()).isZero();
        clock.advance(Duration.ofMinutes(5));
        poller.pollAll(one); // 304
        assertThat(wakes.get()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(poller.pollAll(one)).isEqualTo(1);
        assertThat(wakes.get()).isEqualTo(1);
        poller.close();
    }

    /** Delegates to an executor and counts the tasks it was given and those that finished. */
    private static final class CountingExecutor implements Executor {
        private final Executor delegate;
        private int executed;
        private int finished;

        CountingExecutor(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable task) {
            synchronized (this) {
                executed++;
            }
            delegate.execute(() -> {
                try {
                    task.run();
                } finally {
                    synchronized (this) {
                        finished++;
                        notifyAll();
                    }
                }
            });
        }

        synchronized int executed() {
            return executed;
        }

        /** @return whether every task given so far finished within the liveness bound */
        synchronized boolean awaitIdle(long seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (finished < executed) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** The real store; {@code before} and {@code after} run with the method's name around each call. */
    private static NewsStore proxy(NewsStore real, Consumer<String> before, Consumer<String> after) {
        return (NewsStore) Proxy.newProxyInstance(NewsStore.class.getClassLoader(), new Class<?>[] {NewsStore.class},
                (p, method, args) -> {
                    before.accept(method.getName());
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        after.accept(method.getName());
                    }
                });
    }

    private static void acquire(Semaphore s) {
        try {
            if (!s.tryAcquire(LIVENESS_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the store go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
