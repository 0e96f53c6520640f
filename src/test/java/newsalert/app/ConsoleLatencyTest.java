package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.metrics.DeliveryOutcome;
import newsalert.metrics.Metrics;
import newsalert.pipeline.FeedReader;
import newsalert.pipeline.Poller;
import newsalert.pipeline.ReadResult;
import newsalert.platform.console.ConsolePlatform;
import newsalert.store.NewsStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.testing.ManualScheduler;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: an alert must not wait for the end of the poll cycle that stored it. The delivery loop runs on its
 * own schedule (here ticked by hand), so the console prints an alert in the loop's next round while the cycle
 * is still blocked on a slow feed.
 */
class ConsoleLatencyTest {
    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(30));
    private static final FeedConfig FAST = new FeedConfig("http://127.0.0.1/fast.xml", "Fast Wire", null);
    private static final FeedConfig SLOW = new FeedConfig("http://127.0.0.1/slow.xml", "Slow Wire", null);

    @TempDir
    Path dir;

    @Test
    void anAlertStoredMidCycleIsPrintedInTheLoopsNextRoundWhileTheCycleStillRuns() throws Exception {
        MutableClock clock = new MutableClock(T0);
        CountDownLatch alertStored = new CountDownLatch(1);
        CountDownLatch slowMayAnswer = new CountDownLatch(1);
        List<Duration> latencies = new ArrayList<>();
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        Metrics metrics = new Metrics() {
            @Override
            public synchronized void delivered(Platform platform, DeliveryOutcome outcome) {
                assertThat(platform).isEqualTo(Platform.CONSOLE);
                outcomes.add(outcome);
            }

            @Override
            public synchronized void alertLatency(Duration latency) {
                latencies.add(latency);
            }
        };
        StringWriter printed = new StringWriter();
        ManualScheduler scheduler = new ManualScheduler();
        Story strike = Stories.story("strike", "Strike on the port", T0);
        try (JdbcNewsStore real = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("latency.db"))) {
            NewsStore store = signalling(real, alertStored);
            boolean[] second = {false};
            FeedReader reader = (url, etag, lastModified, now) -> {
                if (!second[0]) { // the first cycle: both feeds are new and recorded without alerting
                    return new ReadResult.Read("Wire", List.of(), null, null);
                }
                if (url.equals(SLOW.url())) {
                    await(slowMayAnswer);
                    return new ReadResult.Read("Slow", List.of(), null, null);
                }
                return new ReadResult.Read("Fast", List.of(strike), null, null);
            };
            Poller poller = new Poller(store, reader, s -> Stories.attack(true), SETTINGS, clock);
            DeliveryLoop loop = new DeliveryLoop(new DeliveryWorker(real.subscriptions(),
                    List.of(ConsolePlatform.printing(new PrintWriter(printed))), RateLimits::forPlatform, clock,
                    DeliverySettings.defaults(), metrics), real.subscriptions(), clock, "test-1", scheduler);
            loop.start(Duration.ofSeconds(1));
            assertThat(scheduler.periodicCount()).as("the console's rounds and the claims' renewal").isEqualTo(2);
            poller.pollAll(List.of(FAST, SLOW));

            second[0] = true;
            clock.advance(Duration.ofMinutes(5));
            CompletableFuture<Integer> cycle = CompletableFuture.supplyAsync(() -> poller.pollAll(List.of(FAST, SLOW)));
            assertThat(alertStored.await(30, TimeUnit.SECONDS)).as("the fast feed's alert is stored").isTrue();
            clock.advance(Duration.ofMillis(400));
            scheduler.runPeriodic(); // the loop's next round

            assertThat(cycle).as("the cycle still waits for the slow feed").isNotDone();
            assertThat(printed.toString()).startsWith("[ALERT] ATTACK · severity 80\nStrike on the port\n")
                    .contains("id: strike\n");
            assertThat(outcomes).containsExactly(DeliveryOutcome.SENT);
            assertThat(latencies).containsExactly(Duration.ofMillis(400));

            slowMayAnswer.countDown();
            assertThat(cycle.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            poller.close();
            loop.close();
        }
    }

    /** The real store; {@code stored} counts down once a feed read holding an alert has been written. */
    private static NewsStore signalling(NewsStore real, CountDownLatch stored) {
        return (NewsStore) Proxy.newProxyInstance(NewsStore.class.getClassLoader(), new Class<?>[] {NewsStore.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    // one read's transaction (issue 13): it stored an alert when it holds a global alert
                    if (method.getName().equals("apply") && args[0] instanceof newsalert.store.FeedWrite w
                            && w.effects().stream().anyMatch(e -> e instanceof newsalert.store.FeedWrite.GlobalAlert)) {
                        stored.countDown();
                    }
                    return result;
                });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
