package newsalert.platform.discord;

import static newsalert.platform.discord.FakeDiscordPayloads.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake Discord on 127.0.0.1 that the real JDA talks to: REST under {@code /api/v10/} and the gateway
 * websocket at {@code /gateway} (resume at {@code /resume}), both served by one OkHttp MockWebServer.
 *
 * <p>REST: {@code GET gateway}, {@code gateway/bot}, {@code users/@me}, {@code applications/@me};
 * {@code PUT} bulk overwrite of global and guild commands (echoed with ids); {@code POST} interaction
 * callbacks (204); {@code PATCH}/{@code DELETE} the original interaction response and {@code POST} follow-ups;
 * {@code POST}/{@code PATCH} channel messages (honouring {@code enforce_nonce}: a repeated nonce gets the
 * first message back and posts nothing). Message creates can be scripted to fail: {@link #rateLimitNextCreate}
 * (a 429 with {@code Via}, {@code Retry-After}, {@code X-RateLimit-*} and {@code retry_after}) and
 * {@link #failNextCreate} (e.g. 403 with code 50013), or answered late ({@link #answerNextCreateAfter}). Anything else gets a 404 with code 0 and is kept in
 * {@link #unknownRequests()}.
 *
 * <p>Gateway (plain JSON, no compression, one session per IDENTIFY, each of the shard it names): HELLO on
 * connect; IDENTIFY → READY (session id, resume URL pointing back here) and a GUILD_CREATE for each guild on
 * the session's shard: guild {@link #GUILD_ID} (shard 0 of 1 or 2) with channels {@link #CHANNEL_ID} and
 * {@link #PLAIN_CHANNEL_ID} — the latter denies Embed Links to everyone — and roles @everyone and
 * "Moderators" with Manage Server); HEARTBEAT → ACK; RESUME → the dispatches after the client's sequence,
 * then RESUMED. {@link #withTwoGuilds()} adds {@link #SECOND_GUILD_ID} (shard 1 of 2) with channel
 * {@link #SECOND_CHANNEL_ID}. Interactions go to the sessions of their guild's shard, direct ones to shard 0
 * ({@link #shardsReached}). {@link #dropConnection()} closes the sockets with 4000; dispatches made while nobody is
 * connected are kept and replayed on resume, as Discord does.
 */
public final class FakeDiscord implements AutoCloseable {
    public static final String TOKEN = "fake-bot-token";
    public static final String BOT_ID = "800000000000000001";
    public static final String GUILD_ID = "810000000000000001";
    public static final String CHANNEL_ID = "820000000000000001";
    public static final String PLAIN_CHANNEL_ID = "820000000000000002";
    public static final String MOD_ROLE_ID = "830000000000000001";
    public static final String OWNER_ID = "840000000000000009";
    /** A member holding the Moderators role (Manage Server). */
    public static final String MODERATOR_ID = "840000000000000001";
    /** A member with no role beyond @everyone. */
    public static final String MEMBER_ID = "840000000000000002";
    public static final String SESSION_ID = "fake-session-1";
    /**
     * A second guild, served only by {@link #withTwoGuilds()}: on shard 1 of 2, where {@link #GUILD_ID} is on
     * shard 0 of 2 ({@code (id >> 22) % 2}).
     */
    public static final String SECOND_GUILD_ID = "810000000004194305";
    /** The second guild's text channel. */
    public static final String SECOND_CHANNEL_ID = "820000000000000011";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * Upper bound for a call the bot's JDA threads make: each wait ends when the call arrives, and only a broken
     * run reaches the bound (10 s was too short for a JDA start on a 2-core machine shared by several builds).
     */
    private static final Duration AWAIT = Duration.ofSeconds(60);
    private static final String CREATE = "channels/\\d+/messages";

    /** One REST call the bot made: method, path below {@code /api/v10/}, query, JSON body (or null). */
    public record Call(String method, String path, String query, JsonNode body) {
    }

    private record Scripted(String method, String pathRegex, MockResponse response) {
    }

    private final MockWebServer server = new MockWebServer();
    /** Snowflakes of now: Discord (and JDA) read an id's creation time from it, and interactions expire after 15 min. */
    private final AtomicLong ids = new AtomicLong((System.currentTimeMillis() - 1420070400000L) << 22);
    private final BlockingQueue<Call> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<Call> edits = new LinkedBlockingQueue<>();
    private final BlockingQueue<Call> callbacks = new LinkedBlockingQueue<>();
    private final BlockingQueue<Call> responses = new LinkedBlockingQueue<>();
    private final Map<String, byte[]> hostedFiles = new ConcurrentHashMap<>();
    private final List<String> fileDownloads = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Call> commandPuts = new LinkedBlockingQueue<>();
    private final List<Call> unknown = new CopyOnWriteArrayList<>();
    private final List<Call> allCalls = new CopyOnWriteArrayList<>();
    private final Deque<Scripted> script = new ConcurrentLinkedDeque<>();
    private final Map<String, String> nonces = new ConcurrentHashMap<>();
    private final Map<String, String> commandIds = new ConcurrentHashMap<>();
    private final FakeGateway gateway = new FakeGateway(this::opening, WAIT);
    /** Interaction id → the shards its INTERACTION_CREATE went to (one entry per session). */
    private final Map<String, List<Integer>> routed = new ConcurrentHashMap<>();
    private final boolean twoGuilds;

    /** Starts the server on 127.0.0.1 on a free port, with the one guild {@link #GUILD_ID}. */
    public FakeDiscord() {
        this(false);
    }

    /** @return a fake with {@link #GUILD_ID} and {@link #SECOND_GUILD_ID} (on shards 0 and 1 of 2) */
    public static FakeDiscord withTwoGuilds() {
        return new FakeDiscord(true);
    }

    private FakeDiscord(boolean twoGuilds) {
        this.twoGuilds = twoGuilds;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FakeDiscord.this.dispatch(request);
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the REST base, e.g. {@code http://127.0.0.1:PORT/api/v10/} */
    public String apiUrl() {
        return server.url("/api/v10/").toString();
    }

    /** @return the gateway URL, {@code ws://127.0.0.1:PORT/gateway} */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + server.getPort() + "/gateway";
    }

    /** @return settings pointing JDA here, commands registered in {@link #GUILD_ID} when {@code guildCommands} */
    public DiscordSettings settings(boolean guildCommands) {
        return settings(guildCommands, Duration.ofSeconds(10));
    }

    /** @return {@link #settings(boolean)} with this {@code discord.request-timeout} */
    public DiscordSettings settings(boolean guildCommands, Duration requestTimeout) {
        return new DiscordSettings(TOKEN, apiUrl(), gatewayUrl(), guildCommands ? GUILD_ID : null, requestTimeout);
    }

    // ---- REST scripting and records ----

    /** The next message create answers 429 with this retry-after (seconds), as a per-route limit. */
    public void rateLimitNextCreate(double retryAfterSeconds) {
        String body = "{\"message\":\"You are being rate limited.\",\"retry_after\":" + retryAfterSeconds
                + ",\"global\":false,\"code\":0}";
        script.add(new Scripted("POST", CREATE, new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
                .setHeader("Retry-After", (long) Math.ceil(retryAfterSeconds)).setHeader("Via", "1.1 google")
                .setHeader("X-RateLimit-Limit", 5).setHeader("X-RateLimit-Remaining", 0)
                .setHeader("X-RateLimit-Reset-After", retryAfterSeconds).setHeader("X-RateLimit-Bucket", "fake-create")
                .setHeader("X-RateLimit-Scope", "user").body(body).build()));
    }

    /** The next message create answers {@code http} with Discord error {@code code} and {@code message}. */
    public void failNextCreate(int http, int code, String message) {
        failNext("POST", CREATE, http, code, message);
    }

    /**
     * The next request with this method whose path (below {@code /api/v10/}) matches {@code pathRegex} answers
     * {@code http} with Discord error {@code code} and {@code message}; e.g. {@code ("PATCH",
     * "channels/\\d+/messages/\\d+", 404, 10008, "Unknown Message")}.
     */
    public void failNext(String method, String pathRegex, int http, int code, String message) {
        script.add(new Scripted(method, pathRegex, json(http, "{\"message\":\"" + message + "\",\"code\":" + code + "}")));
    }

    /**
     * The next message create is posted (and recorded) at once, as Discord does, but answered only after
     * {@code delay}: the answer of a slow Discord that the bot may have given up on. {@link #awaitLateAnswer} returns
     * once that answer is on its way.
     */
    public void answerNextCreateAfter(Duration delay) {
        lateCreate.set(delay);
    }

    /** Waits until the create delayed by {@link #answerNextCreateAfter} has been answered. */
    public void awaitLateAnswer() {
        try {
            if (!lateAnswered.await(AWAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no late answer within " + AWAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the late answer", e);
        }
    }

    private final java.util.concurrent.atomic.AtomicReference<Duration> lateCreate =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.CountDownLatch lateAnswered = new java.util.concurrent.CountDownLatch(1);

    /** @return the next message created (POST channels/{id}/messages that posted something) */
    public Call awaitMessage() {
        return await(messages, "a posted message", AWAIT);
    }

    /** @return the next message created, waiting up to {@code timeout} (a whole poll interval, say) */
    public Call awaitMessage(Duration timeout) {
        return await(messages, "a posted message", timeout);
    }

    /** @return the next message edit (PATCH channels/{id}/messages/{id}) */
    public Call awaitEdit() {
        return await(edits, "a message edit");
    }

    /** @return the next interaction callback (POST interactions/{id}/{token}/callback) */
    public Call awaitCallback() {
        return await(callbacks, "an interaction callback");
    }

    /** @return the next interaction callback, waited for at most {@code wait} */
    public Call awaitCallback(Duration wait) {
        return await(callbacks, "an interaction callback", wait);
    }

    /** @return the next interaction response: PATCH/DELETE of the original, or a POSTed follow-up */
    public Call awaitResponse() {
        return await(responses, "an interaction response");
    }

    /** @return the next bulk overwrite of commands (PUT .../commands) */
    public Call awaitCommandRegistration() {
        return await(commandPuts, "a command registration");
    }

    /** @return how many messages were posted so far (failed creates and repeated nonces not counted) */
    public int postedCount() {
        return created.get();
    }

    private volatile int duplicates;
    private final java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();

    /** @return how many creates repeated a nonce already seen (answered with the earlier message) */
    public int duplicateNonces() {
        return duplicates;
    }

    /** @return requests nothing here serves */
    public List<Call> unknownRequests() {
        return List.copyOf(unknown);
    }

    // ---- gateway ----

    /** @return the next frame the bot sent with this op (2 IDENTIFY, 6 RESUME, 1 HEARTBEAT), skipping others */
    public JsonNode awaitFromBot(int op) {
        return gateway.awaitFromBot(op);
    }

    /** Closes the gateway connection (code 4000, which clients resume after); later dispatches wait for RESUME. */
    public void dropConnection() {
        gateway.drop();
    }

    /** The next IDENTIFY is answered by closing the connection with {@code code} (4011 sharding required, 4010 invalid shard). */
    public void refuseNextIdentify(int code) {
        gateway.refuseNextIdentify(code);
    }

    /** @return the sequence number of the last dispatch */
    public long lastSequence() {
        return gateway.lastSequence();
    }

    /**
     * Dispatches a slash command interaction in {@code channelId} of the guild, from {@code userId} holding
     * {@code roles}.
     *
     * @param options option name → value (a Number is sent as an integer option, anything else as a string)
     * @return the interaction's id (its token is {@code "token-" + id})
     */
    public String sendInteraction(String name, Map<String, Object> options, String userId, List<String> roles,
                                  String channelId) {
        String id = Long.toString(ids.incrementAndGet());
        ObjectNode member = FakeDiscordPayloads.member(FakeDiscordPayloads.user(userId, "user" + userId.substring(15),
                false), roles, roles.contains(MOD_ROLE_ID) ? FakeDiscordPayloads.MANAGE_SERVER : 0);
        ObjectNode channel = channel(channelId);
        String commandId = commandIds.getOrDefault(name, "870000000000000001");
        String guild = guildOf(channelId);
        routed.put(id, gateway.dispatch("INTERACTION_CREATE", FakeDiscordPayloads.interaction(id, "token-" + id,
                BOT_ID, guild, channel, member, commandId, name, options), Long.parseLong(guild)));
        return id;
    }

    /**
     * Dispatches a slash command sent in the bot's DM channel {@code dmChannelId} with user {@code userId}.
     *
     * @return the interaction's id (its token is {@code "token-" + id})
     */
    public String sendDirectInteraction(String name, Map<String, Object> options, String userId, String dmChannelId) {
        String id = Long.toString(ids.incrementAndGet());
        ObjectNode user = FakeDiscordPayloads.user(userId, "user" + userId.substring(15), false);
        routed.put(id, gateway.dispatch("INTERACTION_CREATE", FakeDiscordPayloads.directInteraction(id, "token-" + id,
                BOT_ID, user, dmChannelId, commandIds.getOrDefault(name, "870000000000000001"), name, options), null));
        return id;
    }

    /** Same as {@link #sendInteraction} by the moderator in {@link #CHANNEL_ID}. */
    public String moderatorSends(String name, Map<String, Object> options) {
        return sendInteraction(name, options, MODERATOR_ID, List.of(MOD_ROLE_ID), CHANNEL_ID);
    }

    /** Same as {@link #sendInteraction} by a plain member in {@link #CHANNEL_ID}. */
    public String memberSends(String name, Map<String, Object> options) {
        return sendInteraction(name, options, MEMBER_ID, List.of(), CHANNEL_ID);
    }

    /**
     * @return the shards the interaction's INTERACTION_CREATE went to, one entry per gateway session that got it
     *         (e.g. {@code [1]}: only a session of shard 1)
     */
    public List<Integer> shardsReached(String interactionId) {
        return routed.getOrDefault(interactionId, List.of());
    }

    /** @return the shard of each gateway session that is open or may resume, in the order they identified */
    public List<Integer> openShards() {
        return gateway.openShards();
    }

    private static String guildOf(String channelId) {
        return channelId.equals(SECOND_CHANNEL_ID) ? SECOND_GUILD_ID : GUILD_ID;
    }

    private ObjectNode channel(String id) {
        if (id.equals(SECOND_CHANNEL_ID)) {
            return FakeDiscordPayloads.textChannel(SECOND_CHANNEL_ID, SECOND_GUILD_ID, "second-alerts", 0, Map.of());
        }
        return id.equals(PLAIN_CHANNEL_ID)
                ? FakeDiscordPayloads.textChannel(PLAIN_CHANNEL_ID, GUILD_ID, "plain", 1,
                Map.of(GUILD_ID, FakeDiscordPayloads.EMBED_LINKS))
                : FakeDiscordPayloads.textChannel(CHANNEL_ID, GUILD_ID, "alerts", 0, Map.of());
    }

    /** READY and a GUILD_CREATE per guild on the session's shard ({@code (guild_id >> 22) % total}). */
    private List<FakeGateway.Event> opening(int shard, int total, String sessionId) {
        String resume = "ws://127.0.0.1:" + server.getPort() + "/resume";
        List<String> guilds = (twoGuilds ? List.of(GUILD_ID, SECOND_GUILD_ID) : List.of(GUILD_ID)).stream()
                .filter(g -> (Long.parseLong(g) >>> 22) % total == shard).toList();
        List<FakeGateway.Event> out = new ArrayList<>();
        out.add(FakeGateway.event("READY", FakeDiscordPayloads.ready(sessionId, resume, self(), guilds, shard, total)));
        for (String g : guilds) {
            out.add(FakeGateway.event("GUILD_CREATE", guild(g)));
        }
        return out;
    }

    private ObjectNode guild(String id) {
        ObjectNode everyone = FakeDiscordPayloads.role(id, "@everyone", FakeDiscordPayloads.MEMBER_PERMISSIONS, 0);
        ObjectNode botMember = FakeDiscordPayloads.member(self(), List.of(), FakeDiscordPayloads.MEMBER_PERMISSIONS);
        if (id.equals(SECOND_GUILD_ID)) {
            return FakeDiscordPayloads.guild(id, OWNER_ID, List.of(everyone), List.of(channel(SECOND_CHANNEL_ID)),
                    List.of(botMember));
        }
        ObjectNode mods = FakeDiscordPayloads.role(MOD_ROLE_ID, "Moderators",
                FakeDiscordPayloads.MEMBER_PERMISSIONS | FakeDiscordPayloads.MANAGE_SERVER, 1);
        return FakeDiscordPayloads.guild(id, OWNER_ID, List.of(everyone, mods),
                List.of(channel(CHANNEL_ID), channel(PLAIN_CHANNEL_ID)), List.of(botMember));
    }

    // ---- REST ----

    private ObjectNode self() {
        return FakeDiscordPayloads.user(BOT_ID, "newsalert", true);
    }

    /**
     * A file a user attached to a slash command: pass it as an option value to {@link #sendInteraction}.
     *
     * @param id the attachment id; {@code name} the file name; {@code url} where the fake serves it
     */
    public record Attachment(String id, String name, long size, String url) {
    }

    /** Serves {@code content} under {@code /attachments/<id>/<name>} and returns the option value for it. */
    public Attachment hostFile(String name, byte[] content) {
        String id = Long.toString(ids.incrementAndGet());
        hostedFiles.put(id + "/" + name, content);
        return new Attachment(id, name, content.length, "http://127.0.0.1:" + server.getPort() + "/attachments/" + id
                + "/" + name);
    }

    /** @return the attachment paths downloaded so far */
    public List<String> fileDownloads() {
        return List.copyOf(fileDownloads);
    }

    private MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/attachments/")) {
            String key = path.substring("/attachments/".length());
            fileDownloads.add(key);
            byte[] content = hostedFiles.get(key);
            return content == null ? new MockResponse.Builder().code(404).build()
                    : new MockResponse.Builder().code(200).body(new okio.Buffer().write(content)).build();
        }
        String type = request.getHeaders().get("Content-Type");
        if (type != null && type.startsWith("multipart/")) {
            String rel = path.startsWith("/api/v10/") ? path.substring("/api/v10/".length()) : path;
            Call call = new Call(request.getMethod(), rel, request.getUrl().encodedQuery(),
                    FakeDiscordPayloads.multipart(request));
            allCalls.add(call);
            return route(call);
        }
        if (path.equals("/gateway") || path.equals("/resume")) {
            return new MockResponse.Builder().webSocketUpgrade(gateway.connection()).build();
        }
        String rel = path.startsWith("/api/v10/") ? path.substring("/api/v10/".length()) : path;
        JsonNode body = null;
        try {
            if (request.getBody() != null && request.getBody().size() > 0) {
                body = JSON.readTree(request.getBody().utf8());
            }
        } catch (IOException e) {
            body = JSON.createObjectNode().put("unparsed", request.getBody().utf8());
        }
        Call call = new Call(request.getMethod(), rel, request.getUrl().encodedQuery(), body);
        allCalls.add(call);
        return route(call);
    }

    private MockResponse route(Call c) {
        String m = c.method();
        String p = c.path();
        for (Scripted s : script) {
            if (s.method().equals(m) && p.matches(s.pathRegex()) && script.remove(s)) {
                return s.response();
            }
        }
        if (m.equals("GET") && (p.equals("gateway") || p.equals("gateway/bot"))) {
            return json(200, "{\"url\":\"" + gatewayUrl() + "\",\"shards\":1,\"session_start_limit\":"
                    + "{\"total\":1000,\"remaining\":999,\"reset_after\":0,\"max_concurrency\":1}}");
        }
        if (m.equals("GET") && p.equals("users/@me")) {
            return json(200, self().toString());
        }
        if (m.equals("GET") && p.equals("applications/@me")) {
            return json(200, "{\"id\":\"" + BOT_ID + "\",\"name\":\"newsalert\",\"flags\":0,\"bot_public\":true}");
        }
        if (m.equals("PUT") && p.matches("applications/\\d+(/guilds/\\d+)?/commands")) {
            commandPuts.add(c);
            return json(200, registered(c).toString());
        }
        if (m.equals("POST") && p.matches("interactions/\\d+/[^/]+/callback")) {
            callbacks.add(c);
            return new MockResponse.Builder().code(204).build();
        }
        if (p.matches("webhooks/\\d+/[^/]+(/messages/@original)?")) {
            responses.add(c);
            if (m.equals("DELETE")) {
                return new MockResponse.Builder().code(204).build();
            }
            String channel = CHANNEL_ID;
            return json(200, FakeDiscordPayloads.message(Long.toString(ids.incrementAndGet()), channel, self(),
                    c.body() == null ? JSON.createObjectNode() : c.body(), BOT_ID, FakeDiscordPayloads.JOINED).toString());
        }
        if (m.equals("POST") && p.matches("channels/\\d+/messages")) {
            Duration late = lateCreate.getAndSet(null);
            MockResponse answer = create(c);
            if (late != null) { // this server thread serves only this connection: the wait holds nothing else
                try {
                    Thread.sleep(late.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                lateAnswered.countDown();
            }
            return answer;
        }
        if (m.equals("PATCH") && p.matches("channels/\\d+/messages/\\d+")) {
            edits.add(c);
            String[] parts = p.split("/");
            return json(200, FakeDiscordPayloads.message(parts[3], parts[1], self(), c.body(), null,
                    FakeDiscordPayloads.JOINED).toString());
        }
        unknown.add(c);
        return json(404, "{\"message\":\"404: Not Found\",\"code\":0}");
    }

    private MockResponse create(Call c) {
        String channel = c.path().split("/")[1];
        String nonce = c.body().path("nonce").asText(null);
        boolean enforce = c.body().path("enforce_nonce").asBoolean(false);
        String key = channel + "/" + nonce;
        String id;
        if (enforce && nonce != null && nonces.containsKey(key)) {
            id = nonces.get(key);
            duplicates++;
        } else {
            id = Long.toString(ids.incrementAndGet());
            if (nonce != null) {
                nonces.put(key, id);
            }
            created.incrementAndGet();
            messages.add(c);
        }
        return json(200, FakeDiscordPayloads.message(id, channel, self(), c.body(), null, FakeDiscordPayloads.JOINED)
                .toString());
    }

    private ArrayNode registered(Call c) {
        ArrayNode out = JSON.createArrayNode();
        String guild = c.path().contains("/guilds/") ? c.path().split("/")[3] : null;
        for (JsonNode cmd : c.body()) {
            ObjectNode o = ((ObjectNode) cmd.deepCopy());
            String id = commandIds.computeIfAbsent(o.path("name").asText(), n -> Long.toString(ids.incrementAndGet()));
            o.put("id", id).put("application_id", BOT_ID).put("version", id);
            if (guild != null) {
                o.put("guild_id", guild);
            }
            o.put("type", o.path("type").asInt(1));
            out.add(o);
        }
        return out;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .setHeader("Via", "1.1 google").body(body).build();
    }

    private static <T> T await(BlockingQueue<T> queue, String what) {
        return await(queue, what, AWAIT);
    }

    private static <T> T await(BlockingQueue<T> queue, String what, Duration wait) {
        try {
            T t = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (t == null) {
                throw new AssertionError("no " + what + " within " + wait);
            }
            return t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    /** @return every REST call so far, in arrival order */
    public List<Call> calls() {
        return new ArrayList<>(allCalls);
    }

    @Override
    public void close() {
        gateway.close();
        server.close();
    }
}
