package newsalert.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.metrics.Metrics;
import newsalert.platform.telegram.TelegramPlatform;
import newsalert.platform.telegram.TelegramSettings;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;

/**
 * Real-clock delivery throughput (issue 19, BENCHMARKS.md "Delivery throughput on a real clock"): routes
 * {@code --alerts} alerts to each of {@code --chats} Telegram chats in a SQLite outbox, then lets {@code run}'s own
 * {@link DeliveryLoop} (1 s rounds, the system clock, Telegram's rate limits, the real TelegramBots client) drain it
 * into a fake Bot API on 127.0.0.1 ({@code com.sun.net.httpserver}, answering each {@code sendMessage} after
 * {@code --answer-ms}). It prints one line: messages, seconds from the first accepted send to the last, messages per
 * second over that span, the process CPU seconds of the drain (the fake server's included), the smallest gap between
 * two messages to one chat (Telegram: 1 s) and the most messages accepted in any one second (Telegram: 30).
 *
 * <p>Run: {@code java -cp target/benchmarks.jar newsalert.app.DeliveryDrain --chats 1000 --alerts 3}. It lives in
 * {@code newsalert.app} because {@link DeliveryLoop} is package-private there; it changes nothing in the bot.
 */
public final class DeliveryDrain {
    private static final String TOKEN = "4242:BENCH-token";

    private DeliveryDrain() {
    }

    /**
     * @param args {@code --chats N} (1,000), {@code --alerts N} (3), {@code --answer-ms N} (0), {@code --limit-s N}
     *             (600: give up after this long)
     */
    public static void main(String[] args) throws Exception {
        Map<String, Integer> opts = new HashMap<>(Map.of("--chats", 1000, "--alerts", 3, "--answer-ms", 0,
                "--limit-s", 600));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!opts.containsKey(args[i])) {
                System.err.println("unknown option " + args[i] + "; options: " + opts.keySet());
                System.exit(2);
            }
            opts.put(args[i], Integer.parseInt(args[i + 1]));
        }
        int chats = opts.get("--chats");
        int alerts = opts.get("--alerts");
        Path dir = Files.createTempDirectory("delivery-drain");
        try (FakeBotApi api = new FakeBotApi(opts.get("--answer-ms"));
             JdbcNewsStore news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("news.db"))) {
            List<Target> targets = new ArrayList<>();
            for (int c = 0; c < chats; c++) {
                targets.add(Target.chat(Platform.TELEGRAM, String.valueOf(7_000_000 + c)));
            }
            Instant now = Instant.now();
            for (int a = 1; a <= alerts; a++) {
                Story story = new Story("drain-" + a, "Bench Wire", "Missile strike " + a + " on a rail depot",
                        "https://news.test/drain-" + a, now, "Missile strike " + a + ". Body text.");
                Assessment attack = new Assessment(Set.of(Topic.ATTACK), 80, List.of("attack: \"missile strike\""),
                        new Casualties(CasualtyCount.exact(3 + a), null, null), List.of(), true);
                news.recordEntry("https://news.test/wire.rss", story, attack, true, now, targets);
            }
            TelegramPlatform telegram = new TelegramPlatform(new TelegramSettings(TOKEN, api.url()));
            DeliveryWorker worker = new DeliveryWorker(news.subscriptions(), List.of(telegram),
                    RateLimits::forPlatform, Clock.systemUTC(), DeliverySettings.defaults(), Metrics.NOOP);
            long cpu0 = cpuNanos();
            long wall0 = System.nanoTime();
            try (DeliveryLoop loop = new DeliveryLoop(worker, news.subscriptions(), Clock.systemUTC())) {
                loop.start(Duration.ofSeconds(1));
                long deadline = wall0 + Duration.ofSeconds(opts.get("--limit-s")).toNanos();
                while (api.accepted() < chats * alerts && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            long cpu = cpuNanos() - cpu0;
            api.report(chats * alerts, cpu);
            telegram.close();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The fake Bot API: {@code getMe} and {@code sendMessage}; every accepted send is logged with its time. */
    private static final class FakeBotApi implements AutoCloseable {
        private final ObjectMapper json = new ObjectMapper();
        private final HttpServer http;
        private final ExecutorService threads = Executors.newFixedThreadPool(16);
        private final long answerMs;
        private final AtomicInteger nextId = new AtomicInteger(100);
        private final List<long[]> log = new ArrayList<>(); // {nanoTime, chat id}

        FakeBotApi(long answerMs) throws IOException {
            this.answerMs = answerMs;
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            http.setExecutor(threads);
            http.createContext("/", this::handle);
            http.start();
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        int accepted() {
            synchronized (log) {
                return log.size();
            }
        }

        private void handle(HttpExchange ex) throws IOException {
            String path = ex.getRequestURI().getPath().toLowerCase(java.util.Locale.ROOT); // TelegramBots writes "sendmessage"
            JsonNode body = body(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ObjectNode answer = json.createObjectNode().put("ok", true);
            if (path.endsWith("/getme")) {
                answer.set("result", json.createObjectNode().put("id", 4242).put("is_bot", true)
                        .put("first_name", "Bench").put("username", "bench_bot"));
            } else if (path.endsWith("/sendmessage")) {
                long chat = body.path("chat_id").asLong();
                synchronized (log) {
                    log.add(new long[] {System.nanoTime(), chat});
                }
                if (answerMs > 0) {
                    try {
                        Thread.sleep(answerMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                ObjectNode m = json.createObjectNode().put("message_id", nextId.incrementAndGet())
                        .put("date", Instant.now().getEpochSecond()).put("text", body.path("text").asText());
                m.set("chat", json.createObjectNode().put("id", chat).put("type", "private"));
                answer.set("result", m);
            } else {
                answer.put("ok", false).put("error_code", 404).put("description", "Not Found");
            }
            byte[] out = json.writeValueAsBytes(answer);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(answer.path("ok").asBoolean() ? 200 : 404, out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        }

        /** TelegramBots posts form fields ({@code chat_id=…&text=…}); JSON is read too. */
        private JsonNode body(String text) throws IOException {
            if (text.startsWith("{")) {
                return json.readTree(text);
            }
            ObjectNode node = json.createObjectNode();
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    node.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return node;
        }

        void report(int expected, long cpuNanos) {
            List<long[]> sends;
            synchronized (log) {
                sends = new ArrayList<>(log);
            }
            if (sends.size() < 2) {
                System.out.println("only " + sends.size() + " message(s) of " + expected + " arrived");
                return;
            }
            long first = sends.get(0)[0];
            long last = sends.get(sends.size() - 1)[0];
            double seconds = (last - first) / 1e9;
            Map<Long, Long> lastPerChat = new HashMap<>();
            long minGapMs = Long.MAX_VALUE;
            long[] times = new long[sends.size()];
            for (int i = 0; i < sends.size(); i++) {
                long[] s = sends.get(i);
                times[i] = s[0];
                Long before = lastPerChat.put(s[1], s[0]);
                if (before != null) {
                    minGapMs = Math.min(minGapMs, (s[0] - before) / 1_000_000);
                }
            }
            Arrays.sort(times);
            int maxInSecond = 0;
            for (int i = 0, j = 0; i < times.length; i++) {
                while (times[i] - times[j] >= 1_000_000_000L) {
                    j++;
                }
                maxInSecond = Math.max(maxInSecond, i - j + 1);
            }
            System.out.printf("messages=%d of %d  seconds=%.1f  per_second=%.1f  cpu_s=%.1f"
                            + "  min_gap_per_chat_ms=%d  max_in_any_second=%d%n", sends.size(), expected, seconds,
                    (sends.size() - 1) / seconds, cpuNanos / 1e9, minGapMs == Long.MAX_VALUE ? -1 : minGapMs,
                    maxInSecond);
        }

        @Override
        public void close() {
            http.stop(0);
            threads.shutdownNow();
        }
    }
}
