package newsalert.platform.telegram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Builds the OkHttp clients the adapter uses, and releases their threads and connections. */
final class TelegramClients {
    private TelegramClients() {
    }

    /**
     * A client for ordinary calls (send, edit, getMe…): 10 s to connect, 30 s to read or write, 60 s for a
     * whole call, no retries beyond OkHttp's own connection-level ones.
     */
    static OkHttpClient requests() {
        return new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .callTimeout(60, TimeUnit.SECONDS)
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
