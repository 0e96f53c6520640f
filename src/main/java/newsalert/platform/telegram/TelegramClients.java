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
     * A client for ordinary calls (send, edit, getMe…): 10 s to connect, {@link #ANSWER_WAIT} to read, 30 s to
     * write, {@link #ANSWER_WAIT} + 15 s for a whole call, no retries beyond OkHttp's own connection-level ones.
     */
    static OkHttpClient requests() {
        return new OkHttpClient.Builder()
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
