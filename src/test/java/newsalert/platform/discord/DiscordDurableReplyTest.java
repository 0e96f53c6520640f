package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
import newsalert.delivery.CommandReplyNote;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 5 on Discord: a slash command's answer is not lost when the interaction's reply fails. The real JDA
 * bot against {@link FakeDiscord}: a refused reply is tried again after 1, 2, 4 … s on a scheduler the test drives
 * (no sleep on a command thread), until Discord accepts it — one answer; when the replies keep failing until the
 * token's life is nearly over (14 of its 15 minutes, by the driven clock), or Discord no longer knows the
 * interaction, the answer goes to the channel through the outbox as one message that mentions the caller.
 */
class DiscordDurableReplyTest {
    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final Target CHANNEL = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);
    private static final String ORIGINAL = "webhooks/\\d+/[^/]+/messages/@original";

    /** A task the router asked to run later, and after how long. */
    private record Later(Runnable task, Duration delay) {
    }

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final FakeDiscord discord = new FakeDiscord();
    private final BlockingQueue<Later> later = new LinkedBlockingQueue<>();
    private JdbcNewsStore news;
    private DiscordBot bot;

    @BeforeEach
    void start() throws InterruptedException {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("discord.db"));
        CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                uri -> FeedCheck.Result.feed("Example Wire"), new AddressPolicy(host -> {
                    throw new UnknownHostException(host);
                }, false));
        // the fallback as run wires it (ChatServices): a command-reply notice in the outbox
        SlashCommandRouter.ChannelFallback toOutbox = (target, key, body, at) ->
                news.chatFeeds().queueNotice(target, key, CommandReplyNote.encode(body), at);
        bot = DiscordBot.start(discord.settings(true, Duration.ofSeconds(10)), registry, clock, toOutbox,
                (task, delay) -> later.add(new Later(task, delay)));
        assertThat(bot.awaitReady(Duration.ofSeconds(10))).isTrue();
        assertThat(bot.commandsRegistered()).succeedsWithin(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        bot.close();
        discord.close();
        news.close();
    }

    /** @return the retry the router scheduled after a failed reply (a bound only against a hang) */
    private Later nextRetry() throws InterruptedException {
        Later next = later.poll(20, TimeUnit.SECONDS);
        assertThat(next).as("a retry scheduled").isNotNull();
        return next;
    }

    private List<FakeDiscord.Call> originalEdits() {
        return discord.calls().stream().filter(c -> c.method().equals("PATCH") && c.path().matches(ORIGINAL)).toList();
    }

    private List<FakeDiscord.Call> channelPosts() {
        return discord.calls().stream().filter(c -> c.method().equals("POST")
                && c.path().equals("channels/" + FakeDiscord.CHANNEL_ID + "/messages")).toList();
    }

    @Test
    void aReplyRefusedThreeTimesIsRetriedOffTheCommandThreadAndAnsweredOnce() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            discord.failNext("PATCH", ORIGINAL, 500, 0, "Internal Server Error");
        }
        discord.moderatorSends("subscribe", Map.of("topics", "attack"));
        for (Duration expected : List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4))) {
            Later retry = nextRetry();
            assertThat(retry.delay()).isEqualTo(expected);
            clock.advance(retry.delay());
            retry.task().run();
        }
        FakeDiscord.Call accepted = discord.awaitResponse();
        assertThat(accepted.method()).isEqualTo("PATCH");
        assertThat(accepted.body().path("content").asText()).startsWith("Subscribed.");
        assertThat(originalEdits()).hasSize(4).allSatisfy(c -> assertThat(c.body().path("content"))
                .isEqualTo(accepted.body().path("content")));
        assertThat(later).as("no retry after the accepted reply").isEmpty();
        assertThat(news.subscriptions().pendingOutbox(CHANNEL, 10)).as("nothing for the channel").isEmpty();
    }

    @Test
    void aReplyFailingPastTheTokensLifeIsPostedOnceInTheChannelMentioningTheCaller() throws InterruptedException {
        discord.failNext("PATCH", ORIGINAL, 500, 0, "Internal Server Error");
        discord.failNext("PATCH", ORIGINAL, 500, 0, "Internal Server Error");
        discord.moderatorSends("subscribe", Map.of("topics", "attack"));
        Later retry = nextRetry();
        clock.advance(SlashCommandRouter.RETRY_UNTIL); // the hook stays down for 14 minutes
        retry.task().run();
        // the second try failed too, and the next one would come past the token's life
        var rows = waitForOutboxRow();
        assertThat(later).isEmpty();
        assertThat(rows).hasSize(1);

        DeliveryWorker worker = new DeliveryWorker(news.subscriptions(), List.of(bot.platform()),
                RateLimits::forPlatform, clock, DeliverySettings.defaults());
        assertThat(worker.deliverDue(clock.instant()).sent()).isEqualTo(1);
        assertThat(worker.deliverDue(clock.instant().plusSeconds(5)).sent()).isZero();
        List<FakeDiscord.Call> posts = channelPosts();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).body().path("content").asText())
                .startsWith("<@" + FakeDiscord.MODERATOR_ID + "> (your /subscribe) Subscribed.");
        assertThat(posts.get(0).body().path("allowed_mentions").path("users").get(0).asText())
                .isEqualTo(FakeDiscord.MODERATOR_ID);
        assertThat(originalEdits()).hasSize(2);
    }

    @Test
    void anInteractionDiscordNoLongerKnowsIsAnsweredInTheChannelAtOnce() throws InterruptedException {
        discord.failNext("PATCH", ORIGINAL, 404, 10015, "Unknown Webhook");
        discord.moderatorSends("subscribe", Map.of("topics", "attack"));
        assertThat(waitForOutboxRow()).hasSize(1);
        assertThat(later).as("no retry of a dead token").isEmpty();
        assertThat(originalEdits()).hasSize(1);
    }

    /** @return the channel's pending rows once the fallback's row is there (a bound only against a hang) */
    private List<newsalert.store.OutboxItem> waitForOutboxRow() throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            List<newsalert.store.OutboxItem> rows = news.subscriptions().pendingOutbox(CHANNEL, 10);
            if (!rows.isEmpty()) {
                return rows;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answer queued for the channel");
    }
}
