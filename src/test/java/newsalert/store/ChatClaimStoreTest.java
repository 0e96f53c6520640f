package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.Stories;
import newsalert.testing.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shared delivery's chat claims (issue 14 item 4) on both databases: one owner per chat at a time, a claim that
 * lapses after its TTL of the driven clock (a dead instance's chats go to another), renewal, release, and only
 * chats with pending rows.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ChatClaimStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(20);
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100200");
    private static final Target TOPIC = new Target(Platform.TELEGRAM, "-100200", "7");
    private static final Target CHANNEL = Target.chat(Platform.DISCORD, "555");
    private static final ChatClaim GROUP_CHAT = ChatClaim.of(GROUP);
    private static final ChatClaim CHANNEL_CHAT = ChatClaim.of(CHANNEL);

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    private static void route(JdbcNewsStore store, String id, Target... targets) {
        store.recordEntry("https://wire.test/rss", Stories.story(id, "Strike on depot " + id, T0),
                Stories.attack(false), false, T0, List.of(targets));
    }

    @Test
    void aChatIsClaimedByOneOwnerUntilItsClaimLapses() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            SubscriptionStore subs = store.subscriptions();
            route(store, "a", GROUP, TOPIC, CHANNEL);

            assertThat(subs.claimChats("one", null, T0, TTL, 100)).containsExactly(CHANNEL_CHAT, GROUP_CHAT);
            assertThat(subs.claimChats("two", null, T0.plusSeconds(5), TTL, 100)).as("held by one").isEmpty();
            assertThat(subs.chatClaimHolder(GROUP_CHAT, T0.plusSeconds(19))).contains("one");

            // "one" dies: nothing renews; at the TTL the chats are free for "two"
            assertThat(subs.chatClaimHolder(GROUP_CHAT, T0.plusSeconds(20))).isEmpty();
            assertThat(subs.claimChats("two", null, T0.plusSeconds(20), TTL, 100))
                    .containsExactly(CHANNEL_CHAT, GROUP_CHAT);
            assertThat(subs.chatClaimHolder(CHANNEL_CHAT, T0.plusSeconds(21))).contains("two");
            assertThat(subs.renewChatClaims("one", T0.plusSeconds(21), TTL)).as("a lapsed claim is not renewed")
                    .isZero();
            assertThat(subs.claimChats("one", null, T0.plusSeconds(21), TTL, 100)).isEmpty();
        }
    }

    @Test
    void renewingKeepsTheChatsAndReleasingHandsThemOverAtOnce() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            SubscriptionStore subs = store.subscriptions();
            route(store, "a", GROUP, CHANNEL);
            assertThat(subs.claimChats("one", null, T0, TTL, 100)).hasSize(2);

            assertThat(subs.renewChatClaims("one", T0.plusSeconds(15), TTL)).isEqualTo(2);
            assertThat(subs.claimChats("two", null, T0.plusSeconds(34), TTL, 100)).as("renewed until 35 s").isEmpty();
            assertThat(subs.claimChats("one", null, T0.plusSeconds(34), TTL, 100)).as("the holder renews by claiming")
                    .hasSize(2);
            assertThat(subs.claimChats("two", null, T0.plusSeconds(53), TTL, 100)).isEmpty();

            subs.releaseChatClaims("one");
            assertThat(subs.chatClaimHolder(GROUP_CHAT, T0.plusSeconds(35))).isEmpty();
            assertThat(subs.claimChats("two", null, T0.plusSeconds(35), TTL, 100)).hasSize(2);
        }
    }

    @Test
    void onlyChatsWithPendingRowsOfTheAskedPlatformAreClaimedUpToTheLimit() {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            SubscriptionStore subs = store.subscriptions();
            assertThat(subs.claimChats("one", null, T0, TTL, 100)).as("no pending rows").isEmpty();
            route(store, "a", GROUP, CHANNEL, Target.chat(Platform.TELEGRAM, "42"));

            assertThat(subs.claimChats("one", Platform.DISCORD, T0, TTL, 100)).containsExactly(CHANNEL_CHAT);
            assertThat(subs.claimChats("one", Platform.TELEGRAM, T0, TTL, 1)).hasSize(1);
            assertThat(subs.claimChats("two", Platform.TELEGRAM, T0, TTL, 100)).as("the other Telegram chat")
                    .hasSize(1).doesNotContainAnyElementsOf(subs.claimChats("one", Platform.TELEGRAM, T0, TTL, 100));

            // the channel's rows are settled: its claim is not handed out again, though the row stays
            for (OutboxItem row : subs.pendingOutbox(CHANNEL, 10)) {
                subs.settle(row.id(), OutboxStatus.DROPPED, "test");
            }
            subs.releaseChatClaims("one");
            assertThat(subs.claimChats("two", Platform.DISCORD, T0.plusSeconds(1), TTL, 100)).isEmpty();
        }
    }

    @Test
    void twoOwnersClaimingAtOnceNeverShareAChat() throws Exception {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            SubscriptionStore subs = store.subscriptions();
            List<Target> chats = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                chats.add(Target.chat(Platform.TELEGRAM, "chat" + i));
            }
            route(store, "a", chats.toArray(Target[]::new));
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Future<List<ChatClaim>> a = two.submit(() -> {
                    go.await();
                    return subs.claimChats("one", null, T0, TTL, 25);
                });
                java.util.concurrent.Future<List<ChatClaim>> b = two.submit(() -> {
                    go.await();
                    return subs.claimChats("two", null, T0, TTL, 25);
                });
                go.countDown();
                List<ChatClaim> ofOne = a.get();
                List<ChatClaim> ofTwo = b.get();
                assertThat(ofOne).doesNotContainAnyElementsOf(ofTwo);
                assertThat(ofOne.size() + ofTwo.size()).isEqualTo(40);
            } finally {
                two.shutdownNow();
            }
        }
    }
}
