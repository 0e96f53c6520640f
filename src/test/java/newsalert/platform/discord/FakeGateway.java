package newsalert.platform.discord;

import static newsalert.platform.discord.FakeDiscordPayloads.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The gateway half of {@link FakeDiscord}: plain JSON frames, any number of sessions (one per IDENTIFY), each of
 * one shard. HELLO on connect; IDENTIFY with {@code shard: [id, total]} (absent: {@code [0, 1]}) → a new session
 * {@code fake-session-N} and its opening dispatches (READY, GUILD_CREATE for the guilds on that shard, from
 * {@link Opening}); HEARTBEAT → ACK; RESUME → every dispatch of that session after the client's sequence, then
 * RESUMED. A guild's dispatch goes to each open session of the shard {@code (guild_id >> 22) % total}, a direct
 * message's to shard 0, as Discord routes them. Dispatches made while a session has no connection are kept (with
 * their sequence numbers) and replayed on RESUME, as Discord does; a session the client closed with 1000 (JDA's
 * shutdown) gets nothing more.
 */
final class FakeGateway {
    /** One dispatch: event name and body. */
    record Event(String type, JsonNode body) {
    }

    /** What a new session opens with. */
    interface Opening {
        /**
         * @param shard     the shard the client identified with
         * @param total     the client's shard count
         * @param sessionId the new session's id (READY carries it)
         */
        List<Event> events(int shard, int total, String sessionId);
    }

    /** One gateway session: its shard, its dispatches so far, its connection (null while dropped). */
    private static final class Session {
        final String id;
        final int shard;
        final int total;
        final List<ObjectNode> dispatched = new ArrayList<>();
        long seq;
        WebSocket socket;
        boolean ended;

        Session(String id, int shard, int total) {
            this.id = id;
            this.shard = shard;
            this.total = total;
        }

        boolean carries(Long guildId) {
            return (guildId == null ? 0 : (int) ((guildId >>> 22) % total)) == shard;
        }
    }

    private final Opening opening;
    private final Duration wait;
    private final BlockingQueue<JsonNode> fromBot = new LinkedBlockingQueue<>();
    private final List<Session> sessions = new ArrayList<>();
    private final Object lock = new Object();
    private Session latest;
    /** A close code to answer the next IDENTIFY with instead of READY, or 0. */
    private int refuseNextIdentify;

    FakeGateway(Opening opening, Duration wait) {
        this.opening = opening;
        this.wait = wait;
    }

    /** @return a listener for one upgraded connection */
    WebSocketListener connection() {
        return new Connection();
    }

    /**
     * Sends a dispatch to every session of the shard that carries {@code guildId} ({@code null}: a direct
     * message, shard 0), or keeps it for the resume when that session has no connection now.
     *
     * @return the shards it went to, one entry per session (e.g. {@code [1]}; empty when no session carries it)
     */
    List<Integer> dispatch(String type, JsonNode d, Long guildId) {
        List<Integer> to = new ArrayList<>();
        synchronized (lock) {
            for (Session s : sessions) {
                if (!s.ended && s.carries(guildId)) {
                    send(s, type, d);
                    to.add(s.shard);
                }
            }
        }
        return to;
    }

    private void send(Session s, String type, JsonNode d) {
        ObjectNode frame = JSON.createObjectNode().put("op", 0).put("t", type).put("s", ++s.seq);
        frame.set("d", d);
        s.dispatched.add(frame);
        if (s.socket != null) {
            s.socket.send(frame.toString());
        }
    }

    /** The next IDENTIFY is answered by closing the connection with {@code code} (e.g. 4011 sharding required). */
    void refuseNextIdentify(int code) {
        synchronized (lock) {
            refuseNextIdentify = code;
        }
    }

    /** @return the sequence number of the last dispatch of the newest session */
    long lastSequence() {
        synchronized (lock) {
            return latest == null ? 0 : latest.seq;
        }
    }

    /** @return the shard of each session not ended, e.g. {@code [0, 1]} */
    List<Integer> openShards() {
        synchronized (lock) {
            return sessions.stream().filter(s -> !s.ended).map(s -> s.shard).toList();
        }
    }

    /** Closes every connection with 4000 (a code clients resume after). */
    void drop() {
        List<WebSocket> open = new ArrayList<>();
        synchronized (lock) {
            for (Session s : sessions) {
                if (s.socket != null) {
                    open.add(s.socket);
                    s.socket = null;
                }
            }
        }
        open.forEach(ws -> ws.close(4000, "fake drop"));
    }

    JsonNode awaitFromBot(int op) {
        long end = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < end) {
                JsonNode f = fromBot.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (f != null && f.path("op").asInt() == op) {
                    return f;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("the bot sent no op " + op + " within " + wait);
    }

    void close() {
        List<WebSocket> open = new ArrayList<>();
        synchronized (lock) {
            for (Session s : sessions) {
                if (s.socket != null) {
                    open.add(s.socket);
                    s.socket = null;
                }
            }
        }
        for (WebSocket ws : open) {
            try {
                ws.close(1001, "fake closing");
            } catch (RuntimeException e) {
                // already closed
            }
        }
    }

    private final class Connection extends WebSocketListener {
        @Override
        public void onOpen(WebSocket ws, Response response) {
            ws.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (IOException e) {
                return;
            }
            fromBot.add(frame);
            switch (frame.path("op").asInt()) {
                case 1 -> ws.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                case 2 -> identify(ws, frame.path("d").path("shard"));
                case 6 -> resume(ws, frame.path("d").path("session_id").asText(),
                        frame.path("d").path("seq").asLong());
                default -> { }
            }
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            ws.close(code, reason);
            synchronized (lock) {
                for (Session s : sessions) {
                    if (s.socket == ws) {
                        s.socket = null;
                        s.ended = code == 1000; // a clean close ends the session; others may resume
                    }
                }
            }
        }

        private void identify(WebSocket ws, JsonNode shard) {
            synchronized (lock) {
                if (refuseNextIdentify != 0) {
                    int code = refuseNextIdentify;
                    refuseNextIdentify = 0;
                    ws.close(code, "fake refusal");
                    return;
                }
                int id = shard.isArray() ? shard.path(0).asInt() : 0;
                int total = shard.isArray() ? shard.path(1).asInt(1) : 1;
                Session s = new Session("fake-session-" + (sessions.size() + 1), id, total);
                s.socket = ws;
                sessions.add(s);
                latest = s;
                opening.events(id, total, s.id).forEach(e -> send(s, e.type(), e.body()));
            }
        }

        private void resume(WebSocket ws, String sessionId, long clientSeq) {
            synchronized (lock) {
                Session s = sessions.stream().filter(x -> x.id.equals(sessionId)).findFirst().orElse(null);
                if (s == null || s.ended) {
                    ws.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}"); // INVALID_SESSION, not resumable
                    return;
                }
                for (ObjectNode frame : s.dispatched) {
                    if (frame.path("s").asLong() > clientSeq) {
                        ws.send(frame.toString());
                    }
                }
                s.socket = ws;
                send(s, "RESUMED", JSON.createObjectNode().put("_trace", "fake"));
            }
        }
    }

    static Event event(String type, JsonNode body) {
        return new Event(type, body);
    }
}
