package newsalert.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.Test;

/**
 * tester19e: TelegramBots sends each call through OkHttp's dispatcher, which by default runs at most 5 calls to one
 * host at once; 5 sends hanging for their answer then held every other call of the bot. The client of
 * {@link TelegramClients#requests()} lets many more calls reach the Bot API at once: here 20 calls are all received
 * by a server on 127.0.0.1 that answers none of them until the last has arrived.
 */
class TelegramClientsTest {
    /** How long a latch may wait before the test counts as hung (never reached when the code is right). */
    private static final long HANG_BOUND_S = 20;
    private static final int CALLS = 20;

    @Test
    void twentyCallsToTheBotApiAreOnTheirWayAtOnce() throws Exception {
        CountDownLatch allArrived = new CountDownLatch(CALLS);
        CountDownLatch answered = new CountDownLatch(CALLS);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    allArrived.countDown();
                    allArrived.await(HANG_BOUND_S, TimeUnit.SECONDS); // each answer waits for the last call
                    return new MockResponse.Builder().body("{\"ok\":true,\"result\":true}").build();
                }
            });
            server.start();
            OkHttpClient http = TelegramClients.requests();
            try {
                for (int i = 0; i < CALLS; i++) {
                    http.newCall(new Request.Builder().url(server.url("/bot123:abc/sendMessage?n=" + i)).build())
                            .enqueue(new Callback() {
                                @Override
                                public void onFailure(@NotNull Call call, @NotNull IOException e) {
                                }

                                @Override
                                public void onResponse(@NotNull Call call, @NotNull Response response) {
                                    response.close();
                                    answered.countDown();
                                }
                            });
                }
                assertThat(allArrived.await(HANG_BOUND_S, TimeUnit.SECONDS))
                        .as("all %d calls reached the server before any was answered", CALLS).isTrue();
                assertThat(answered.await(HANG_BOUND_S, TimeUnit.SECONDS)).isTrue();
                assertThat(http.dispatcher().getMaxRequestsPerHost()).isEqualTo(TelegramClients.MAX_CALLS_AT_ONCE);
            } finally {
                TelegramClients.release(http);
            }
        }
    }
}
