package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * brief18b (issue 18, tester18b): a minute when thousands of chats' briefs fall due. The briefs are queued apart from
 * the delivery rounds ({@link DeliveryWorker#queueBriefs}), each once, also by a second instance, from one read of
 * the due chats; the next minute reads none of them; and an alert's round is not held while the queueing runs.
 */
class BriefBusyMinuteTest {
    private static final int CHATS = 3000;
    /** 08:00 UTC = 11:00 in Kyiv on 28 Aug 2025. */
    private static final Instant EIGHT = Instant.parse("2025-08-28T08:00:00Z");
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-08-27T09:00:00Z"));
    private JdbcNewsStore news;
    private SubscriptionStore subs;
    /** Store calls by method name, through {@link #counting}. */
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final List<String> alerts = Collections.synchronizedList(new ArrayList<>());
    private final List<Target> briefs = Collections.synchronizedList(new ArrayList<>());

    private final ChatPlatform telegram = new ChatPlatform() {
        @Override
        public Platform platform() {
            return Platform.TELEGRAM;
        }

        @Override
        public SendResult send(Target target, Story story, Assessment assessment) {
            alerts.add(story.id() + "@" + target.chatId());
            return new SendResult.Sent("m-" + story.id());
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
            briefs.add(target);
            return new SendResult.Sent("b");
        }
    };

    private static Target chat(int i) {
        return Target.chat(Platform.TELEGRAM, "-100" + i);
    }

    @BeforeEach
    void open() throws Exception {
        Path db = dir.resolve("busy.db");
        news = JdbcNewsStore.open("jdbc:sqlite:" + db);
        subs = news.subscriptions();
        // 3,000 subscriptions and settings rows written in one transaction straight into the tables (6,000 store
        // calls take minutes on a loaded machine); they are the rows saveSubscription and saveChatSettings write,
        // checked below by reading chats 0 and 1 back through the store
        String topics = EnumSet.allOf(Topic.class).stream().map(Topic::wireName).sorted()
                .collect(java.util.stream.Collectors.joining(","));
        try (java.sql.Connection conn = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            conn.setAutoCommit(false);
            try (java.sql.PreparedStatement sub = conn.prepareStatement("INSERT INTO subscription (platform, chat_id,"
                    + " thread_id, topics, min_severity, include_keywords, exclude_keywords, paused, pause_reason,"
                    + " created_at, places) VALUES ('telegram', ?, '', ?, 0, '', '', FALSE, NULL, ?, '')");
                 java.sql.PreparedStatement set = conn.prepareStatement("INSERT INTO chat_settings (platform,"
                    + " chat_id, time_zone, pictures, brief_at, updated_at) VALUES ('telegram', ?, ?, TRUE, ?, ?)")) {
                for (int i = 0; i < CHATS; i++) {
                    sub.setString(1, chat(i).chatId());
                    sub.setString(2, topics);
                    sub.setLong(3, clock.instant().toEpochMilli());
                    sub.addBatch();
                    // half at 08:00 UTC, half at 11:00 Kyiv: the same instant
                    set.setString(1, chat(i).chatId());
                    set.setString(2, i % 2 == 0 ? "UTC" : KYIV.getId());
                    set.setInt(3, i % 2 == 0 ? 8 * 60 : 11 * 60);
                    set.setLong(4, clock.instant().toEpochMilli());
                    set.addBatch();
                }
                sub.executeBatch();
                set.executeBatch();
            }
            conn.commit();
        }
        Subscription like = Subscription.of(chat(0), EnumSet.allOf(Topic.class), 0, clock.instant());
        assertThat(subs.subscriptions(Platform.TELEGRAM, chat(0).chatId())).singleElement()
                .usingRecursiveComparison().ignoringFields("id").isEqualTo(like);
        assertThat(subs.chatSettings(Platform.TELEGRAM, chat(1).chatId())).isEqualTo(ChatSettings
                .defaults(Platform.TELEGRAM, chat(1).chatId()).withZone(KYIV).withBrief(LocalTime.of(11, 0)));
        calls.clear();
    }

    /** Yesterday's alert reached every chat: each chat's brief has one event. */
    private void alertEveryChat() {
        List<Target> all = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            all.add(chat(i));
        }
        Instant at = Instant.parse("2025-08-27T10:00:00Z");
        news.recordEntry("https://wire.test/rss", new Story("s-port", "Wire A", "Strike on the port",
                "https://news.test/port", at, "A strike on the port."), new Assessment(Set.of(Topic.ATTACK), 70,
                List.of(), Casualties.NONE, List.of(), true), true, at, all);
    }

    @AfterEach
    void close() {
        news.close();
    }

    /** @return the store, counting each call by method name; {@code before} runs before each call */
    private SubscriptionStore counting(SubscriptionStore real, java.util.function.Consumer<String> before) {
        return (SubscriptionStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SubscriptionStore.class}, (proxy, method, args) -> {
                    calls.merge(method.getName(), 1, Integer::sum);
                    before.accept(method.getName());
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private DeliveryWorker worker(SubscriptionStore store) {
        return new DeliveryWorker(store, List.of(telegram), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults().withoutDigests());
    }

    @Test
    void threeThousandBriefsDueAtOneMinuteAreQueuedOnceFromOneReadOfTheDueChats() {
        alertEveryChat();
        DeliveryWorker worker = worker(counting(subs, m -> { }));
        clock.set(EIGHT);
        assertThat(worker.queueBriefs(EIGHT)).isEqualTo(CHATS);
        assertThat(worker.queueBriefs(EIGHT.plusSeconds(30))).isZero();              // the same minute
        assertThat(worker(subs).queueBriefs(EIGHT.plusSeconds(40))).isZero();        // another instance
        assertThat(calls).containsEntry("dueBriefChats", 1).doesNotContainKey("briefChats")
                .doesNotContainKey("chatSettings");
        assertThat(calls.get("queueBriefs")).isEqualTo(CHATS / BriefScheduler.BATCH); // batched writes
        // the next minute reads none of them: each chat's next brief is tomorrow at 08:00 UTC
        assertThat(subs.dueBriefChats(EIGHT.plusSeconds(60))).isEmpty();
        assertThat(subs.briefChat(Platform.TELEGRAM, chat(1).chatId()).next()).isEqualTo(EIGHT.plusSeconds(86_400));
        assertThat(worker.queueBriefs(EIGHT.plusSeconds(60))).isZero();

        for (int i = 0; i < CHATS; i++) {
            List<OutboxItem> pending = subs.pendingOutbox(chat(i), 10);
            assertThat(pending).as("chat %d", i).extracting(OutboxItem::kind)
                    .containsExactly(OutboxKind.SEND, OutboxKind.NOTICE); // the alert itself, then its brief
            assertThat(pending.get(1).note()).contains("s-port");
        }
        assertThat(subs.briefChats()).hasSize(CHATS)
                .allSatisfy(c -> assertThat(c.last()).isEqualTo(LocalDate.of(2025, 8, 28)));
    }

    @Test
    void anAlertIsSentWhileTheBriefsAreBeingQueued() throws Exception {
        CountDownLatch queueing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SubscriptionStore store = counting(subs, m -> {
            if (m.equals("dueBriefChats")) {
                queueing.countDown();
                try {
                    release.await(); // the brief queueing is stuck until the test lets it go
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        DeliveryWorker worker = worker(store);
        clock.set(EIGHT);
        Instant routed = EIGHT.minus(BriefScheduler.SETTLE); // the last instant the 08:00 brief holds
        news.recordEntry("https://wire.test/rss", new Story("s-new", "Wire B", "A new strike",
                "https://news.test/new", routed, "A new strike."), new Assessment(Set.of(Topic.ATTACK), 90,
                List.of(), Casualties.NONE, List.of(), true), true, routed, List.of(chat(7)));
        AtomicReference<Integer> queued = new AtomicReference<>();
        Thread briefThread = new Thread(() -> queued.set(worker.queueBriefs(EIGHT)), "test-briefs");
        briefThread.start();
        queueing.await();

        worker.deliverDue(EIGHT, Platform.TELEGRAM); // returns although the brief queueing is held
        assertThat(alerts).containsExactly("s-new@" + chat(7).chatId());
        assertThat(briefs).isEmpty();

        release.countDown();
        briefThread.join();
        assertThat(queued.get()).isEqualTo(1); // only chat 7 had an alert; the others' empty days count as briefed
        assertThat(subs.dueBriefChats(EIGHT.plusSeconds(60))).isEmpty();
        clock.set(EIGHT.plusSeconds(5)); // past the chat's rate limit after the alert
        worker.deliverDue(clock.instant(), Platform.TELEGRAM);
        assertThat(briefs).containsExactly(chat(7)); // the brief goes out in a round after
    }
}
