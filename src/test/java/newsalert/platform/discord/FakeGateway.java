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
import java.util.function.Supplier;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The gateway half of {@link FakeDiscord}: one session, plain JSON frames. HELLO on connect; IDENTIFY →
 * the session's opening dispatches (READY, GUILD_CREATE, from the supplier); HEARTBEAT → ACK; RESUME → every
 * dispatch after the client's sequence, then RESUMED. Dispatches made while no client is connected are kept
 * (with their sequence numbers) and replayed on RESUME, as Discord does.
 */
final class FakeGateway {
    /** One dispatch: event name and body. */
    record Event(String type, JsonNode body) {
    }

    private final Supplier<List<Event>> onIdentify;
    private final Duration wait;
    private final BlockingQueue<JsonNode> fromBot = new LinkedBlockingQueue<>();
    private final List<ObjectNode> dispatched = new ArrayList<>();
    private final Object lock = new Object();
    private WebSocket socket;
    private long seq;

    FakeGateway(Supplier<List<Event>> onIdentify, Duration wait) {
        this.onIdentify = onIdentify;
        this.wait = wait;
    }

    /** @return a listener for one upgraded connection */
    WebSocketListener connection() {
        return new Connection();
    }

    /** Sends a dispatch now, or keeps it for the resume when nobody is connected. */
    void dispatch(String type, JsonNode d) {
        synchronized (lock) {
            ObjectNode frame = JSON.createObjectNode().put("op", 0).put("t", type).put("s", ++seq);
            frame.set("d", d);
            dispatched.add(frame);
            if (socket != null) {
                socket.send(frame.toString());
            }
        }
    }

    long lastSequence() {
        synchronized (lock) {
            return seq;
        }
    }

    /** Closes the connection with 4000 (a code clients resume after). */
    void drop() {
        WebSocket ws;
        synchronized (lock) {
            ws = socket;
            socket = null;
        }
        if (ws != null) {
            ws.close(4000, "fake drop");
        }
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
        WebSocket ws;
        synchronized (lock) {
            ws = socket;
            socket = null;
        }
        if (ws != null) {
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
                case 2 -> {
                    synchronized (lock) {
                        socket = ws;
                    }
                    onIdentify.get().forEach(e -> dispatch(e.type(), e.body()));
                }
                case 6 -> resume(ws, frame.path("d").path("seq").asLong());
                default -> { }
            }
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            ws.close(code, reason);
            synchronized (lock) {
                if (socket == ws) {
                    socket = null;
                }
            }
        }

        private void resume(WebSocket ws, long clientSeq) {
            synchronized (lock) {
                for (ObjectNode frame : dispatched) {
                    if (frame.path("s").asLong() > clientSeq) {
                        ws.send(frame.toString());
                    }
                }
                socket = ws;
            }
            dispatch("RESUMED", JSON.createObjectNode().put("_trace", "fake"));
        }
    }

    static Event event(String type, JsonNode body) {
        return new Event(type, body);
    }

}
