package newsalert.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import newsalert.delivery.AlertStyle;
import newsalert.delivery.Brief;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.delivery.SendResult;
import newsalert.store.OutboxItem;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;

/**
 * The thread CPU time of a delivery round while many chats have a daily brief (issue 18, brief18b): a SQLite store
 * with {@code N} (default 3,000) Telegram chats, each subscribed and with {@code brief daily 08:00} UTC, and nothing
 * to deliver. Not a JMH benchmark; run it from the benchmark jar:
 * {@code java -Xms256m -Xmx256m -cp target/benchmarks.jar newsalert.bench.BriefRoundCheck [N]}.
 *
 * <p>Rule: for each of 6 days (the first is warm-up, not printed) it times, on the calling thread, the delivery
 * round at 08:00:00 (every brief due), the brief queueing at 08:00 when the worker has it apart
 * ({@code queueBriefs}, looked up by reflection so the same file runs against a worker without it), and the
 * round and the queueing at 08:01 (nothing due). Prints ms of thread CPU per step and the mean over the 5 timed days.
 */
public final class BriefRoundCheck {
    private BriefRoundCheck() {
    }

    /** @param args optional: the number of brief chats */
    public static void main(String[] args) throws Exception {
        int chats = args.length == 0 ? 3000 : Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("brief-round");
        Instant setUp = Instant.parse("2025-08-27T09:00:00Z");
        try (JdbcNewsStore news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("briefs.db"))) {
            SubscriptionStore subs = news.subscriptions();
            for (int i = 0; i < chats; i++) {
                Target t = new Target(Platform.TELEGRAM, "-100" + i, null);
                subs.saveSubscription(Subscription.of(t, EnumSet.allOf(Topic.class), 0, setUp));
                subs.saveChatSettings(ChatSettings.defaults(Platform.TELEGRAM, t.chatId()).withZone(ZoneOffset.UTC)
                        .withBrief(LocalTime.of(8, 0)), setUp);
            }
            DeliveryWorker worker = new DeliveryWorker(subs, List.of(new Quiet()), p -> RateLimits.telegram(),
                    Clock.systemUTC(), DeliverySettings.defaults());
            Method queue = null;
            try {
                queue = DeliveryWorker.class.getMethod("queueBriefs", Instant.class);
            } catch (NoSuchMethodException old) {
                // a worker that queues briefs inside deliverDue
            }
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            double[] sums = new double[4];
            int timed = 5;
            for (int day = 0; day <= timed; day++) {
                Instant eight = Instant.parse("2025-08-28T08:00:00Z").plusSeconds(86_400L * day);
                double[] ms = new double[4];
                Instant[] at = {eight, eight, eight.plusSeconds(60), eight.plusSeconds(60)};
                for (int step = 0; step < 4; step++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    if (step % 2 == 0) {
                        worker.deliverDue(at[step]);
                    } else if (queue != null) {
                        queue.invoke(worker, at[step]);
                    }
                    ms[step] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
                }
                if (day > 0) {
                    for (int i = 0; i < 4; i++) {
                        sums[i] += ms[i];
                    }
                    System.out.printf("day %d: round 08:00 %.1f ms, queueing 08:00 %.1f ms, round 08:01 %.1f ms,"
                            + " queueing 08:01 %.1f ms%n", day, ms[0], ms[1], ms[2], ms[3]);
                }
            }
            System.out.printf("%d brief chats, %s, mean CPU ms: round 08:00 %.1f, queueing 08:00 %.1f, round 08:01"
                    + " %.1f, queueing 08:01 %.1f%n", chats, queue == null ? "briefs inside the round"
                    : "briefs apart", sums[0] / timed, sums[1] / timed, sums[2] / timed, sums[3] / timed);
        }
    }

    /** A platform that accepts everything (nothing is due in these rounds but the briefs' empty days). */
    private static final class Quiet implements ChatPlatform {
        @Override
        public Platform platform() {
            return Platform.TELEGRAM;
        }

        @Override
        public SendResult send(Target target, Story story, Assessment assessment) {
            return new SendResult.Sent("m");
        }

        @Override
        public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
            return new SendResult.Sent(messageId);
        }

        @Override
        public SendResult reply(Target target, String messageId, String text) {
            return new SendResult.Sent("r");
        }

        @Override
        public SendResult sendDigest(Target target, List<OutboxItem> items) {
            return new SendResult.Sent("d");
        }

        @Override
        public boolean briefFits(Brief part) {
            return true;
        }

        @Override
        public SendResult sendBrief(Target target, Brief brief, AlertStyle style) {
            return new SendResult.Sent("b");
        }
    }
}
