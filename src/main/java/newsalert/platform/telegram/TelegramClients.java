package newsalert.platform.telegram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Builds the OkHttp clients the adapter uses, and releases their threads and connections. */
final class TelegramClients {
    private TelegramClients() {
    }

    /** How long a send may take to be answered before its outcome counts as unknown (issue 19: a slow but
     *  healthy Bot API answers within 60 s, and giving up earlier made the retry a duplicate). */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(75);

    /**
     * How many ordinary calls may be on their way to the Bot API at once: above delivery's sender threads (16,
     * {@code DeliveryLoop.SENDER_THREADS_PER_SEND} × 4) plus command answers and file downloads.
     */
    static final int MAX_CALLS_AT_ONCE = 64;

    /**
     * A client for ordinary calls (send, edit, getMe…): 10 s to connect, {@link #ANSWER_WAIT} to read, 30 s to
     * write, {@link #ANSWER_WAIT} + 15 s for a whole call, no retries beyond OkHttp's own connection-level ones.
     */
    static OkHttpClient requests() {
        // TelegramBots runs each call through OkHttp's dispatcher (enqueue, then waits), whose default lets only 5
        // calls to one host run at once: 5 sends hanging for their answer held every other send, edit and command
        // answer of the bot, however many sender threads delivery has (tester19e), and calls queued there reached
        // Telegram long after the rate limiter had let them start
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(MAX_CALLS_AT_ONCE);
        dispatcher.setMaxRequestsPerHost(MAX_CALLS_AT_ONCE);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(ANSWER_WAIT)
                .writeTimeout(30, TimeUnit.SECONDS)
                .callTimeout(ANSWER_WAIT.plusSeconds(15))
                .build();
    }

    /** A client for {@code getUpdates}: its read timeout outlasts the long-poll wait by 15 s. */
    static OkHttpClient polling(Duration longPoll) {
        return new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(longPoll.plusSeconds(15))
                .writeTimeout(30, TimeUnit.SECONDS)
                .build();
    }

    /** @return a TelegramBots client on {@code http} for the settings' server and token */
    static OkHttpTelegramClient telegram(OkHttpClient http, TelegramSettings settings) {
        return new OkHttpTelegramClient(http, settings.token(), settings.telegramUrl());
    }

    /** Cancels running calls and lets the client's threads and pooled connections go. */
    static void release(OkHttpClient http) {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
