package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import newsalert.platform.discord.FakeDiscord;
import newsalert.platform.telegram.FakeTelegramApi;
import newsalert.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot against a fake Discord (REST and gateway), a fake Telegram Bot API and a feed server, all on
 * 127.0.0.1: {@code run} with the real JDA and TelegramBots side by side, the SQLite outbox and the delivery loop.
 * Two polls of the feed: the second by moving the bot's clock over {@code poll.interval}.
 */
class DiscordEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GROUP = -1009998887770L;
    private static final long ADMIN = 9001;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private FakeTelegramApi telegram;
    private final MockWebServer feeds = new MockWebServer();
    private final AtomicInteger version = new AtomicInteger(1);
    private Path config;

    @BeforeEach
    void start() throws IOException {
        discord = new FakeDiscord();
        telegram = new FakeTelegramApi();
        telegram.setMemberStatus(GROUP, ADMIN, "creator");
        feeds.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml")
                        .body(TelegramEndToEndTest.feed(version.get())).build();
            }
        });
        feeds.start(InetAddress.getLoopbackAddress(), 0);
        config = dir.resolve("newsalert.yml");
        Files.writeString(config, """
                store:
                  url: "jdbc:sqlite:%s"
                poll:
                  interval: 10s
                  max-age: 3650d
                telegram:
                  token: "%s"
                  api-url: "%s"
                discord:
                  token: "%s"
                  api-url: "%s"
                  gateway-url: "%s"
                  guild-id: "%s"
                feeds:
                  - url: %s
                    name: Loopback Wire
                """.formatted(dir.resolve("e2e.db"), FakeTelegramApi.TOKEN, telegram.apiUrl(), FakeDiscord.TOKEN, discord.apiUrl(), discord.gatewayUrl(),
                FakeDiscord.GUILD_ID, feeds.url("/world.xml")));
    }

    @AfterEach
    void stop() {
        discord.close();
        telegram.close();
        feeds.close();
    }

    @Test
    void aModeratorSubscribesTheGatewayDropsAndANewStoryArrivesAsOneEmbedAndOnTelegramToo() throws Exception {
        TelegramEndToEndTest.RunningBot bot = TelegramEndToEndTest.RunningBot.start(config);
        try {
            discord.awaitCommandRegistration();
            discord.moderatorSends("subscribe", Map.of("topics", "attack"));
            assertThat(discord.awaitResponse().body().path("content").asText()).startsWith("Subscribed.");
            telegram.pushGroupCommand(GROUP, ADMIN, "/subscribe attack");
            assertThat(telegram.awaitSent(1, Duration.ofSeconds(20))).hasSize(1);

            FakeDiscord.Call first;
            FakeDiscord.Call second;
            // JDA logs the fake's close code 4000 at ERROR; expected here, so captured
            try (LogCapture gateway = LogCapture.of("net.dv8tion.jda.internal.requests.WebSocketClient")) {
                discord.dropConnection();   // alerts go over REST; the gateway resumes on its own
                version.set(2);
                bot.nextPoll();
                first = discord.awaitMessage(Duration.ofSeconds(40));
                second = discord.awaitMessage(Duration.ofSeconds(20));
            }
            assertThat(first.path()).isEqualTo("channels/" + FakeDiscord.CHANNEL_ID + "/messages");
            assertThat(second.path()).isEqualTo(first.path());
            JsonNode odesa = first.body().path("embeds").get(0).path("title").asText().contains("Odesa")
                    ? first.body() : second.body();
            assertThat(odesa.path("embeds").get(0)).isEqualTo(snapshot("e2e-embed.json"));
            assertThat(odesa.path("enforce_nonce").asBoolean()).isTrue();

            // after the resume, commands are still answered, with the stored alerts
            discord.memberSends("latest", Map.of("n", 2));
            String latest = discord.awaitResponse().body().path("content").asText();
            assertThat(latest).contains("Drone strike on Odesa port kills 7").contains("Shelling of Zaporizhzhia");
            discord.memberSends("story", Map.of("id", "e2e-0002"));
            assertThat(discord.awaitResponse().body().path("content").asText()).contains("7 killed, 20 injured");
            assertThat(discord.postedCount()).isEqualTo(2);
            // the same two alerts reach the Telegram group, once each, from the same run
            List<String> onTelegram = telegram.awaitSent(3, Duration.ofSeconds(20)).stream().skip(1)
                    .map(FakeTelegramApi.Sent::text).toList();
            assertThat(onTelegram).hasSize(2).allMatch(t -> t.startsWith("<b>[ALERT] ATTACK"));
        } finally {
            bot.stop();
        }
    }

    /**
     * Issue 18 item 5 end to end on Discord: a moderator turns the daily brief on in the channel's server (a member
     * may not); when the bot's clock passes its time the channel gets one embed listing the day's alerts. Then the
     * other settings (quiet-below, mention, mention-at, quiet hours, pictures) are changed by the moderator, refused
     * to a member, and all shown by {@code subscriptions}.
     */
    @Test
    void aModeratorTurnsTheDailyBriefOnAndTheChannelGetsOneEmbedAtItsTime() throws Exception {
        TelegramEndToEndTest.RunningBot bot = TelegramEndToEndTest.RunningBot.start(config);
        try {
            discord.awaitCommandRegistration();
            String at = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC)
                    .format(bot.clock().instant().plus(Duration.ofHours(2)));
            discord.moderatorSends("subscribe", Map.of("topics", "attack"));
            assertThat(discord.awaitResponse().body().path("content").asText()).startsWith("Subscribed.");
            discord.memberSends("brief", Map.of("schedule", "daily " + at));
            assertThat(discord.awaitResponse().body().path("content").asText())
                    .isEqualTo("Only chat admins can change the daily brief here.");
            discord.moderatorSends("brief", Map.of("schedule", "daily " + at));
            assertThat(discord.awaitResponse().body().path("content").asText())
                    .startsWith("A daily brief comes at " + at + " UTC");

            version.set(2);
            bot.nextPoll();
            discord.awaitMessage(Duration.ofSeconds(40));
            discord.awaitMessage(Duration.ofSeconds(20));
            bot.clock().jump(Duration.ofHours(2).plusMinutes(1));
            FakeDiscord.Call brief = discord.awaitMessage(Duration.ofSeconds(40));
            assertThat(brief.path()).isEqualTo("channels/" + FakeDiscord.CHANNEL_ID + "/messages");
            assertThat(brief.body().path("embeds")).as(brief.body().toString()).hasSize(1);
            JsonNode embed = brief.body().path("embeds").get(0);
            assertThat(embed.path("title").asText()).startsWith("Daily brief · ");
            assertThat(embed.path("description").asText())
                    .startsWith("2 events reached this chat in the 24 hours before " + at + " UTC")
                    .contains("Drone strike on Odesa port kills 7").contains("Shelling of Zaporizhzhia");
            assertThat(brief.body().path("allowed_mentions").path("parse")).isEmpty();

            // every other setting, through the same client: moderators change it, members may not, and
            // subscriptions shows them all
            discord.memberSends("quiet-below", Map.of("severity", 30));
            assertThat(discord.awaitResponse().body().path("content").asText())
                    .isEqualTo("Only chat admins can change quiet-below here.");
            discord.moderatorSends("quiet-below", Map.of("severity", 30));
            discord.awaitResponse();
            discord.moderatorSends("mention", Map.of("who", "@here"));
            discord.awaitResponse();
            discord.moderatorSends("mention-at", Map.of("severity", 70));
            discord.awaitResponse();
            discord.moderatorSends("quiet-hours", Map.of("hours", "23:00-07:00"));
            discord.awaitResponse();
            discord.moderatorSends("pictures", Map.of("state", "off"));
            discord.awaitResponse();
            discord.memberSends("subscriptions", Map.of());
            // read without Discord's escapes (backslashes, the zero-width space that keeps @here from pinging)
            assertThat(discord.awaitResponse().body().path("content").asText().replace("\\", "")
                    .replace("\u200b", ""))
                    .contains("\nQuiet below: alerts with severity below 30 arrive silently.\n")
                    .contains("\nMention: @here for severity 70 or more (mention-at 70).\n")
                    .contains("\nQuiet hours: 23:00-07:00, silent unless severity 90 or more.\nPictures: off.\n"
                            + "Daily brief: daily at " + at + " UTC.");
        } finally {
            bot.stop();
        }
        assertThat(discord.postedCount()).isEqualTo(3);
    }

    private static JsonNode snapshot(String name) throws IOException {
        try (InputStream in = DiscordEndToEndTest.class.getResourceAsStream("/snapshots/discord/" + name)) {
            assertThat(in).as("snapshot " + name).isNotNull();
            return JSON.readTree(in);
        }
    }
}
