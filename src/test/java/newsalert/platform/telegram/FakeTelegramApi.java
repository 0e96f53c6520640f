package newsalert.platform.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake Telegram Bot API on 127.0.0.1 for tests, spoken to by the real TelegramBots client.
 *
 * <p>Requests go to {@code /bot<TOKEN>/<method>}; the method name is matched case-insensitively (the client
 * sends some in lower case, some in camel case). Bodies are JSON (what TelegramBots sends) or form-encoded.
 * A wrong token gets 401. Supported methods:
 * <ul>
 *   <li>{@code getMe}: the bot {@value #BOT_USERNAME} (id {@value #BOT_ID});</li>
 *   <li>{@code deleteWebhook}: true;</li>
 *   <li>{@code setMyCommands}: records the commands ({@link #commands()});</li>
 *   <li>{@code getUpdates}: the queued updates with {@code update_id >= offset} (older ones are dropped as
 *       confirmed); when there are none it waits for one up to the request's {@code timeout}, but never longer
 *       than {@link #maxPollWait(Duration)} (default 300 ms), then answers {@code []};</li>
 *   <li>{@code sendMessage}: records a {@link Sent} and answers a message with an increasing
 *       {@code message_id} (from 101), unless a failure was queued with {@link #failNextSends} or the text
 *       fails the {@link #checkText} check (HTML that Telegram would not parse, over 4,096 characters);</li>
 *   <li>{@code editMessageText}: records an {@link Edit}, unless a failure was queued with
 *       {@link #failNextEdits} or the text fails the check; an edit that would leave the message as it is (same
 *       text, parse mode and preview option as the message sent or last edited) is answered as Telegram does,
 *       400 "message is not modified", and not recorded;</li>
 *   <li>{@code getChatMember}: the status set with {@link #setMemberStatus} (default "member"), or 400 when
 *       {@link #failChatMember} is on.</li>
 * </ul>
 * Anything else gets 404 "Not Found". Every call is listed in {@link #calls()} by lower-case method name.
 */
public final class FakeTelegramApi implements AutoCloseable {
    /** The only token the fake accepts. */
    public static final String TOKEN = "4242:FAKE-token_for_tests";
    /** The bot's username, as {@code getMe} reports it. */
    public static final String BOT_USERNAME = "newsalert_test_bot";
    /** The bot's user id. */
    public static final long BOT_ID = 4242;

    /** One message the bot sent. {@code previewsDisabled} is {@code link_preview_options.is_disabled}. */
    public record Sent(int messageId, String chatId, Integer threadId, String text, String parseMode,
                       Boolean previewsDisabled) {
    }

    /** One edit the bot made. */
    public record Edit(String chatId, int messageId, String text, String parseMode, Boolean previewsDisabled) {
    }

    /** One entry of the command menu. */
    public record MenuCommand(String command, String description) {
    }

    /** An error answer to queue for the next send or edit: HTTP status = error_code. */
    public record Failure(int code, String description, Integer retryAfter, Long migrateToChatId) {
        /** 429 "Too Many Requests: retry after N" with {@code retry_after}. */
        public static Failure rateLimited(int retryAfterSeconds) {
            return new Failure(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds, null);
        }

        /** 403 with the given description, e.g. "Forbidden: bot was blocked by the user". */
        public static Failure forbidden(String description) {
            return new Failure(403, description, null, null);
        }

        /** 400 "group chat was upgraded to a supergroup chat" with {@code migrate_to_chat_id}. */
        public static Failure migrated(long newChatId) {
            return new Failure(400, "Bad Request: group chat was upgraded to a supergroup chat", null, newChatId);
        }

        /** 400 with the given description, e.g. "Bad Request: chat not found". */
        public static Failure badRequest(String description) {
            return new Failure(400, description, null, null);
        }

        /** 500 "Internal Server Error". */
        public static Failure serverError() {
            return new Failure(500, "Internal Server Error", null, null);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final FakeUpdates build = new FakeUpdates(json);
    private final FakeHttp http = new FakeHttp(json);
    private final MockWebServer server = new MockWebServer();
    private final Object lock = new Object();
    private final List<ObjectNode> updates = new ArrayList<>();
    /** Every update pushed, for {@link #replayFrom}. */
    private final List<ObjectNode> history = new ArrayList<>();
    private final FakeTelegramFiles files = new FakeTelegramFiles(json);
    private final List<Sent> sent = new ArrayList<>();
    private final List<ObjectNode> bodies = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    /** Per "chat/message id": what the message shows now (text, parse mode, previews), as Telegram compares it. */
    private final Map<String, List<Object>> shown = new HashMap<>();
    /** Edits answered "message is not modified". */
    private int notModified;
    private final List<String> calls = new ArrayList<>();
    private final Deque<Failure> sendFailures = new ArrayDeque<>();
    private final Deque<Failure> editFailures = new ArrayDeque<>();
    private final Deque<Failure> documentFailures = new ArrayDeque<>();
    /** Preview URLs refused ({@link #refusePreviewUrl}). */
    private final java.util.Set<String> refusedPreviews = new java.util.HashSet<>();
    private final Map<String, String> statuses = new HashMap<>();
    private List<MenuCommand> commands = List.of();
    private int nextUpdateId = 1;
    private int nextMessageId = 101;
    private int nextIncomingId = 1;
    private long maxPollWaitMillis = 300;
    private boolean failChatMember;
    private boolean checkText = true;
    private boolean closed;
    private int holdAfter = Integer.MAX_VALUE;
    private long answerDelayMillis;
    private Integer lastReplyTo;
    private int held;
    private long lastAcceptedNanos;
    private long lastOffset;

    /** Starts the fake on 127.0.0.1 on a free port. */
    public FakeTelegramApi() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer(request);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** @return the base URL for {@code telegram.api-url}: {@code http://127.0.0.1:PORT} */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** @return settings for this fake with the given long-poll wait */
    public TelegramSettings settings(Duration longPoll) {
        return new TelegramSettings(TOKEN, apiUrl(), longPoll);
    }

    /** Caps how long one getUpdates call waits for updates (default 300 ms). */
    public FakeTelegramApi maxPollWait(Duration wait) {
        synchronized (lock) {
            maxPollWaitMillis = wait.toMillis();
        }
        return this;
    }

    // ---- incoming updates ------------------------------------------------------------------------------

    /**
     * Queues an update; {@code update_id} is assigned.
     *
     * @param update the update without its id, e.g. {@code {"message": {...}}}
     * @return the update id
     */
    public int pushUpdate(ObjectNode update) {
        synchronized (lock) {
            int id = nextUpdateId++;
            update.put("update_id", id);
            updates.add(update);
            history.add(update.deepCopy());
            lock.notifyAll();
            return id;
        }
    }

    /**
     * Queues again every update pushed with an id at or above {@code updateId}, as Telegram does when the last
     * {@code getUpdates} offset it saw was {@code updateId} (the bot died before confirming more).
     */
    public void replayFrom(int updateId) {
        synchronized (lock) {
            updates.clear();
            history.stream().filter(u -> u.path("update_id").asInt() >= updateId).map(ObjectNode::deepCopy)
                    .forEach(updates::add);
            lock.notifyAll();
        }
    }

    /** @return the offset of the last getUpdates call (0 before any, or when it sent none) */
    public long lastOffset() {
        synchronized (lock) {
            return lastOffset;
        }
    }

    /** Queues a text message from user {@code userId} in supergroup {@code chatId}. @return the update id */
    public int pushGroupCommand(long chatId, long userId, String text) {
        return pushMessage("message", chat(chatId, "supergroup"), userId, null, text);
    }

    /** Queues a text message in forum topic {@code threadId} of supergroup {@code chatId}. @return the update id */
    public int pushTopicCommand(long chatId, int threadId, long userId, String text) {
        ObjectNode chat = chat(chatId, "supergroup").put("is_forum", true);
        return pushMessage("message", chat, userId, threadId, text);
    }

    /** Queues a text message in the private chat of user {@code userId}. @return the update id */
    public int pushPrivateCommand(long userId, String text) {
        return pushMessage("message", chat(userId, "private"), userId, null, text);
    }

    /** Queues a post in channel {@code chatId} (no sender user, as Telegram does). @return the update id */
    public int pushChannelPost(long chatId, String text) {
        return pushMessage("channel_post", chat(chatId, "channel"), null, null, text);
    }

    // ---- documents ----------------------------------------------------------------------------------------

    /** Makes a file available under {@code fileId} for getFile and download. */
    public void hostFile(String fileId, String name, byte[] content) {
        files.host(fileId, name, content);
    }

    /** Queues a document (hosted as {@code fileId}) sent in supergroup {@code chatId} with {@code caption}. */
    public int pushGroupDocument(long chatId, long userId, String caption, String fileId) {
        ObjectNode update = build.textUpdate("message", nextIncoming(), chat(chatId, "supergroup"), userId, null,
                caption);
        ObjectNode m = (ObjectNode) update.get("message");
        m.remove("text");
        m.set("caption_entities", m.remove("entities"));
        m.put("caption", caption);
        m.set("document", files.document(fileId));
        return pushUpdate(update);
    }

    /** Queues a text command in supergroup {@code chatId} replying to a message with document {@code fileId}. */
    public int pushGroupReplyToDocument(long chatId, long userId, String text, String fileId) {
        ObjectNode update = build.textUpdate("message", nextIncoming(), chat(chatId, "supergroup"), userId, null,
                text);
        ObjectNode original = build.textUpdate("message", nextIncoming(), chat(chatId, "supergroup"), userId, null,
                "").get("message").deepCopy();
        original.remove("text");
        original.set("document", files.document(fileId));
        ((ObjectNode) update.get("message")).set("reply_to_message", original);
        return pushUpdate(update);
    }

    /** @return the documents the bot sent, once {@code n} have come or the timeout passed */
    public List<FakeTelegramFiles.SentDocument> awaitDocuments(int n, Duration timeout) throws InterruptedException {
        return files.awaitSent(n, timeout);
    }

    /** Answers the next {@code n} sendDocument calls with {@code failure} (not recorded as sent). */
    public void failNextDocuments(int n, Failure failure) {
        synchronized (lock) {
            for (int i = 0; i < n; i++) {
                documentFailures.add(failure);
            }
        }
    }

    /** Forgets the sendDocument failures not yet given: the next sendDocument calls are accepted. */
    public void clearDocumentFailures() {
        synchronized (lock) {
            documentFailures.clear();
        }
    }

    /** @return the documents the bot sent so far */
    public List<FakeTelegramFiles.SentDocument> documents() throws InterruptedException {
        return files.awaitSent(0, Duration.ZERO);
    }

    /** @return the file paths downloaded so far */
    public List<String> downloads() {
        return files.downloads();
    }

    private int nextIncoming() {
        synchronized (lock) {
            return nextIncomingId++;
        }
    }

    private ObjectNode chat(long chatId, String type) {
        return build.chat(chatId, type);
    }

    private int pushMessage(String kind, ObjectNode chat, Long userId, Integer threadId, String text) {
        int messageId;
        synchronized (lock) {
            messageId = nextIncomingId++;
        }
        return pushUpdate(build.textUpdate(kind, messageId, chat, userId, threadId, text));
    }

    // ---- configuration -----------------------------------------------------------------------------------

    /** Sets what getChatMember answers for this user in this chat ("creator", "administrator", "member"…). */
    public void setMemberStatus(long chatId, long userId, String status) {
        synchronized (lock) {
            statuses.put(chatId + "/" + userId, status);
        }
    }

    /** Makes getChatMember answer 400 "Bad Request: chat not found" while on. */
    public void failChatMember(boolean on) {
        synchronized (lock) {
            failChatMember = on;
        }
    }

    /**
     * Turns the text check off or on (on by default): sendMessage and editMessageText refuse, as Telegram
     * does, an empty text (400 "message text is empty"), HTML that does not parse (400 "can't parse
     * entities: …") and a text longer than 4,096 after entity parsing (400 "message is too long").
     */
    public void checkText(boolean on) {
        synchronized (lock) {
            checkText = on;
        }
    }

    /** Answers the next {@code n} sendMessage calls with {@code failure} (not recorded as sent). */
    public void failNextSends(int n, Failure failure) {
        synchronized (lock) {
            for (int i = 0; i < n; i++) {
                sendFailures.add(failure);
            }
        }
    }

    /**
     * From now on, a sendMessage that arrives when {@code n} messages have been recorded is held: it waits,
     * unrecorded, until {@link #releaseHeld()} or {@link #close()}, and is then answered 500 — as if the
     * request never reached Telegram. Lets a test kill the bot in the middle of a delivery.
     */
    public void holdSendsAfter(int n) {
        synchronized (lock) {
            holdAfter = n;
        }
    }

    /**
     * From now on, each accepted sendMessage is recorded at once (Telegram has it) and answered only after
     * {@code delay}: a slow but healthy Bot API.
     */
    public void answerSendsAfter(Duration delay) {
        synchronized (lock) {
            answerDelayMillis = delay.toMillis();
        }
    }

    /** Stops holding and lets held sends finish (unrecorded). */
    public void releaseHeld() {
        synchronized (lock) {
            holdAfter = Integer.MAX_VALUE;
            lock.notifyAll();
        }
    }

    /** Waits until a send is being held, or the timeout passes. @return whether one is */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        synchronized (lock) {
            return awaitLocked(() -> held > 0, timeout);
        }
    }

    /**
     * From now on, every sendMessage and editMessageText whose {@code link_preview_options.url} is {@code url} is
     * answered 400 "Bad Request: wrong HTTP URL specified", whatever its text: a picture address Telegram will not
     * take, which no retry of the same request gets past.
     */
    public void refusePreviewUrl(String url) {
        synchronized (lock) {
            refusedPreviews.add(url);
        }
    }

    /** Answers the next {@code n} editMessageText calls with {@code failure}. */
    public void failNextEdits(int n, Failure failure) {
        synchronized (lock) {
            for (int i = 0; i < n; i++) {
                editFailures.add(failure);
            }
        }
    }

    // ---- observations ------------------------------------------------------------------------------------

    /** @return the messages sent so far, in order */
    /**
     * @return every sendMessage and editMessageText request body as received, in order, each with a
     *         {@code method} field added; for pinning the exact payload
     */
    public List<ObjectNode> bodies() {
        synchronized (lock) {
            return List.copyOf(bodies);
        }
    }

    public List<Sent> sent() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    /**
     * Waits until at least {@code n} messages were sent, or the timeout passes.
     *
     * @return the messages sent so far (check the size: it is below {@code n} on timeout)
     */
    public List<Sent> awaitSent(int n, Duration timeout) throws InterruptedException {
        synchronized (lock) {
            awaitLocked(() -> sent.size() >= n, timeout);
            return List.copyOf(sent);
        }
    }

    /** @return the {@code reply_parameters.message_id} of the last message sent, or {@code null} when none */
    public Integer lastReplyTo() {
        synchronized (lock) {
            return lastReplyTo;
        }
    }

    /** @return the edits so far, in order */
    public List<Edit> edits() {
        synchronized (lock) {
            return List.copyOf(edits);
        }
    }

    /**
     * Waits until at least {@code n} edits were made, or the timeout passes.
     *
     * @return the edits so far (check the size: it is below {@code n} on timeout)
     */
    public List<Edit> awaitEdits(int n, Duration timeout) throws InterruptedException {
        synchronized (lock) {
            awaitLocked(() -> edits.size() >= n, timeout);
            return List.copyOf(edits);
        }
    }

    /**
     * @return the {@link System#nanoTime()} at which the fake last accepted a sendMessage, editMessageText or sendDocument (the
     *         moment before its answer is written), 0 before any; for tests that act a set time after an accepted
     *         message
     */
    public long lastAcceptedNanos() {
        synchronized (lock) {
            return lastAcceptedNanos;
        }
    }

    /** @return the command menu from the last setMyCommands, empty before */
    public List<MenuCommand> commands() {
        synchronized (lock) {
            return commands;
        }
    }

    /** @return every call's lower-case method name, in arrival order */
    public List<String> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** @return how many times {@code method} (any case) was called */
    public int callCount(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        synchronized (lock) {
            return (int) calls.stream().filter(m::equals).count();
        }
    }

    /**
     * Waits until {@code method} has been called more than {@code after} times, or the timeout passes.
     *
     * @return whether it was
     */
    public boolean awaitCall(String method, int after, Duration timeout) throws InterruptedException {
        String m = method.toLowerCase(Locale.ROOT);
        synchronized (lock) {
            return awaitLocked(() -> calls.stream().filter(m::equals).count() > after, timeout);
        }
    }

    private boolean awaitLocked(java.util.function.BooleanSupplier done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            lock.wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    // ---- the server ----------------------------------------------------------------------------------------

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        List<String> segments = request.getUrl() == null ? List.of() : request.getUrl().pathSegments();
        if (segments.size() > 2 && segments.get(0).equals("file") && segments.get(1).equals("bot" + TOKEN)) {
            return files.download(segments.subList(2, segments.size()));
        }
        if (segments.size() == 2 && segments.get(1).equalsIgnoreCase("sendDocument")) {
            Failure failure;
            synchronized (lock) {
                calls.add("senddocument");
                lock.notifyAll();
                failure = documentFailures.poll();
            }
            if (failure != null) {
                return http.error(failure);
            }
            try {
                FakeTelegramFiles.SentDocument d = files.sendDocument(request);
                int id;
                synchronized (lock) {
                    id = nextMessageId++;
                    lastAcceptedNanos = System.nanoTime();
                }
                return http.ok(message(id, d.chatId(), d.threadId(), d.caption() == null ? "" : d.caption()));
            } catch (java.io.IOException e) {
                return http.error(Failure.badRequest("Bad Request: multipart unreadable"));
            }
        }
        if (segments.size() != 2 || !segments.get(0).equals("bot" + TOKEN)) {
            return http.error(segments.size() == 2 && segments.get(0).startsWith("bot")
                    ? new Failure(401, "Unauthorized", null, null) : new Failure(404, "Not Found", null, null));
        }
        String method = segments.get(1).toLowerCase(Locale.ROOT);
        ObjectNode body = http.body(request);
        synchronized (lock) {
            calls.add(method);
            lock.notifyAll();
        }
        return switch (method) {
            case "getme" -> http.ok(json.createObjectNode().put("id", BOT_ID).put("is_bot", true)
                    .put("first_name", "Newsalert Test").put("username", BOT_USERNAME));
            case "deletewebhook", "setmycommands" -> {
                if (method.equals("setmycommands")) {
                    List<MenuCommand> menu = new ArrayList<>();
                    body.path("commands").forEach(c -> menu.add(
                            new MenuCommand(c.path("command").asText(), c.path("description").asText())));
                    synchronized (lock) {
                        commands = List.copyOf(menu);
                    }
                }
                yield http.ok(json.getNodeFactory().booleanNode(true));
            }
            case "getupdates" -> getUpdates(body);
            case "sendmessage" -> sendMessage(body);
            case "editmessagetext" -> editMessageText(body);
            case "getchatmember" -> getChatMember(body);
            case "getfile" -> {
                ObjectNode file = files.getFile(body);
                yield file == null ? http.error(Failure.badRequest("Bad Request: invalid file_id")) : http.ok(file);
            }
            default -> http.error(new Failure(404, "Not Found", null, null));
        };
    }

    private MockResponse getUpdates(ObjectNode body) throws InterruptedException {
        long offset = body.path("offset").asLong(0);
        int limit = body.path("limit").asInt(100);
        long waitMillis = Math.min(body.path("timeout").asLong(0) * 1000, maxPollWait());
        ArrayNode result = json.createArrayNode();
        synchronized (lock) {
            lastOffset = offset;
            updates.removeIf(u -> offset > 0 && u.path("update_id").asLong() < offset);
            awaitLocked(() -> closed || !updates.isEmpty(), Duration.ofMillis(waitMillis));
            updates.stream().limit(limit).forEach(result::add);
        }
        return http.ok(result);
    }

    private long maxPollWait() {
        synchronized (lock) {
            return maxPollWaitMillis;
        }
    }

    private MockResponse sendMessage(ObjectNode body) throws InterruptedException {
        Failure f;
        Sent s;
        long delay;
        synchronized (lock) {
            bodies.add(body.deepCopy().put("method", "sendMessage"));
            if (sent.size() >= holdAfter) {
                held++;
                lock.notifyAll();
                while (!closed && sent.size() >= holdAfter) {
                    lock.wait();
                }
                held--;
                return http.error(Failure.serverError());
            }
            f = sendFailures.poll();
            if (f != null) {
                return http.error(f);
            }
            if (refusedPreview(body)) {
                return http.error(Failure.badRequest("Bad Request: wrong HTTP URL specified"));
            }
            String problem = checkText ? FakeHtml.problem(body.path("text").asText(null), parseMode(body)) : null;
            if (problem != null) {
                return http.error(Failure.badRequest(problem));
            }
            JsonNode replyTo = body.path("reply_parameters").path("message_id");
            lastReplyTo = replyTo.isMissingNode() || replyTo.isNull() ? null : replyTo.asInt();
            s = new Sent(nextMessageId++, body.path("chat_id").asText(),
                    body.hasNonNull("message_thread_id") ? body.path("message_thread_id").asInt() : null,
                    body.path("text").asText(), parseMode(body),
                    previews(body));
            sent.add(s);
            shown.put(s.chatId() + "/" + s.messageId(), shownAs(s.text(), s.parseMode(), s.previewsDisabled()));
            lastAcceptedNanos = System.nanoTime();
            lock.notifyAll();
            delay = answerDelayMillis;
        }
        if (delay > 0) {
            Thread.sleep(delay);
        }
        return http.ok(message(s.messageId(), s.chatId(), s.threadId(), s.text()));
    }

    private MockResponse editMessageText(ObjectNode body) {
        synchronized (lock) {
            bodies.add(body.deepCopy().put("method", "editMessageText"));
            Failure f = editFailures.poll();
            if (f != null) {
                return http.error(f);
            }
            if (refusedPreview(body)) {
                return http.error(Failure.badRequest("Bad Request: wrong HTTP URL specified"));
            }
            String problem = checkText ? FakeHtml.problem(body.path("text").asText(null), parseMode(body)) : null;
            if (problem != null) {
                return http.error(Failure.badRequest(problem));
            }
            Edit e = new Edit(body.path("chat_id").asText(), body.path("message_id").asInt(),
                    body.path("text").asText(), parseMode(body),
                    previews(body));
            List<Object> now = shownAs(e.text(), e.parseMode(), e.previewsDisabled());
            if (now.equals(shown.put(e.chatId() + "/" + e.messageId(), now))) {
                notModified++;
                return http.error(Failure.badRequest("Bad Request: message is not modified: specified new message"
                        + " content and reply markup are exactly the same as a current content and reply markup"
                        + " of the message"));
            }
            edits.add(e);
            lastAcceptedNanos = System.nanoTime();
            lock.notifyAll();
            return http.ok(message(e.messageId(), e.chatId(), null, e.text()));
        }
    }

    private MockResponse getChatMember(ObjectNode body) {
        String status;
        synchronized (lock) {
            if (failChatMember) {
                return http.error(Failure.badRequest("Bad Request: chat not found"));
            }
            status = statuses.getOrDefault(body.path("chat_id").asText() + "/" + body.path("user_id").asText(),
                    "member");
        }
        ObjectNode member = build.member(body.path("user_id").asLong(), status);
        return http.ok(member);
    }

    private static List<Object> shownAs(String text, String parseMode, Boolean previewsDisabled) {
        return java.util.Arrays.asList(text, parseMode, previewsDisabled);
    }

    /** @return how many edits were answered 400 "message is not modified" (they changed nothing) */
    public int notModifiedEdits() {
        synchronized (lock) {
            return notModified;
        }
    }

    /** Called holding the lock. */
    private boolean refusedPreview(ObjectNode body) {
        JsonNode url = body.path("link_preview_options").path("url");
        return url.isTextual() && refusedPreviews.contains(url.asText());
    }

    private static String parseMode(ObjectNode body) {
        return body.hasNonNull("parse_mode") ? body.path("parse_mode").asText() : null;
    }

    private static Boolean previews(ObjectNode body) {
        JsonNode lp = body.path("link_preview_options").path("is_disabled");
        return lp.isMissingNode() || lp.isNull() ? null : lp.asBoolean();
    }

    private ObjectNode message(int id, String chatId, Integer threadId, String text) {
        return build.sentMessage(id, chatId, threadId, text, BOT_ID);
    }

    /** Wakes waiting getUpdates calls and stops the server. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        server.close();
    }
}
