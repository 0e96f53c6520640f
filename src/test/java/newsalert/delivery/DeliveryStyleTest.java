package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import newsalert.store.OutboxItem;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Loudness;
import newsalert.subscription.Platform;
import newsalert.subscription.QuietHours;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the worker decides each alert's {@link AlertStyle} from the chat's settings and the subscription's
 * loudness as stored when it sends, on an injected clock (quiet hours in the chat's zone).
 */
class DeliveryStyleTest {
    /** 21:30 UTC is 00:30 in Kyiv (summer, UTC+3): inside 23:00-07:00 there, outside it in UTC. */
    private static final Instant NIGHT_IN_KYIV = Instant.parse("2025-08-28T21:30:00Z");
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final Target CHANNEL = new Target(Platform.DISCORD, "810000000000000001", "820000000000000001");
    private static final String ROLE = "<@&830000000000000001>";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NIGHT_IN_KYIV);
    private JdbcNewsStore news;
    private SubscriptionStore subs;
    private final List<String> seen = new ArrayList<>();
    private DeliveryWorker worker;

    /** Records "story severity style" per call. */
    private final ChatPlatform discord = new ChatPlatform() {
        @Override
        public Platform platform() {
            return Platform.DISCORD;
        }

        @Override
        public SendResult send(Target target, Story story, Assessment assessment) {
            throw new AssertionError("the worker must pass the style");
        }

        @Override
        public SendResult send(Target target, Story story, Assessment assessment, AlertStyle style) {
            seen.add(story.id() + " " + style);
            return new SendResult.Sent("m-" + story.id());
        }

        @Override
        public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
            throw new AssertionError("the worker must pass the style");
        }

        @Override
        public SendResult edit(Target target, String messageId, Story story, Assessment assessment,
                               AlertStyle style) {
            seen.add("edit " + story.id() + " " + style);
            return new SendResult.Sent(messageId);
        }

        @Override
        public SendResult reply(Target target, String messageId, String text) {
            throw new AssertionError("the worker must pass the style");
        }

        @Override
        public SendResult reply(Target target, String messageId, String text, AlertStyle style) {
            seen.add("reply " + text + " " + style);
            return new SendResult.Sent("r");
        }

        @Override
        public SendResult sendDigest(Target target, List<OutboxItem> items) {
            throw new AssertionError("no digests here");
        }
    };

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("style.db"));
        subs = news.subscriptions();
        worker = new DeliveryWorker(subs, List.of(discord), p -> RateLimits.discord(), clock,
                DeliverySettings.defaults().withoutDigests());
        subs.saveSubscription(Subscription.of(CHANNEL, EnumSet.allOf(Topic.class), 0, clock.instant()));
    }

    @AfterEach
    void close() {
        news.close();
    }

    private void route(String id, int severity) {
        Assessment a = new Assessment(java.util.Set.of(Topic.ATTACK), severity, List.of(), Stories.attack(true)
                .casualties(), List.of(), true);
        news.recordEntry("https://wire.test/a.rss", Stories.story(id, "Strike " + id, clock.instant()), a, true,
                clock.instant(), List.of(CHANNEL));
    }

    @Test
    void withoutSettingsEveryAlertIsLoudInUtcWithPictures() {
        route("a", 10);
        worker.deliverDue(clock.instant());
        assertThat(seen).containsExactly("a " + AlertStyle.DEFAULT);
    }

    @Test
    void quietBelowQuietHoursInTheChatsZoneAndMentionAt() {
        subs.saveLoudness(CHANNEL, new Loudness(30, ROLE, 70));
        subs.saveChatSettings(ChatSettings.defaults(Platform.DISCORD, CHANNEL.chatId()).withZone(KYIV)
                .withQuietHours(new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 0))).withPictures(false),
                clock.instant());
        route("low", 20);      // below quiet-below: silent
        route("night", 75);    // at mention-at, but in quiet hours: silent, nobody pinged
        route("urgent", 95);   // >= 90 breaks through quiet hours, and pings
        worker.deliverDue(clock.instant());

        assertThat(seen).containsExactly(
                "low " + new AlertStyle(KYIV, true, null, false),
                "night " + new AlertStyle(KYIV, true, null, false),
                "urgent " + new AlertStyle(KYIV, false, ROLE, false));
    }

    @Test
    void outsideQuietHoursTheMentionPingsAtMentionAtAndNotBelow() {
        clock.set(Instant.parse("2025-08-28T09:00:00Z")); // 12:00 in Kyiv
        subs.saveLoudness(CHANNEL, new Loudness(0, ROLE, 70));
        subs.saveChatSettings(ChatSettings.defaults(Platform.DISCORD, CHANNEL.chatId()).withZone(KYIV)
                .withQuietHours(new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 0))), clock.instant());
        route("sixty-nine", 69);
        route("seventy", 70);
        worker.deliverDue(clock.instant());

        assertThat(seen).containsExactly("sixty-nine " + new AlertStyle(KYIV, false, null, true),
                "seventy " + new AlertStyle(KYIV, false, ROLE, true));
    }

    @Test
    void quietHoursInUtcDoNotCoverTheSameInstant() {
        subs.saveChatSettings(ChatSettings.defaults(Platform.DISCORD, CHANNEL.chatId())
                .withQuietHours(new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 0))), clock.instant());
        route("a", 50);
        worker.deliverDue(clock.instant());
        assertThat(seen).containsExactly("a " + new AlertStyle(ZoneOffset.UTC, false, null, true));
    }

    @Test
    void anEditCarriesTheZoneAndPicturesButIsNeverSilent() {
        subs.saveLoudness(CHANNEL, new Loudness(100, ROLE, 0));
        subs.saveChatSettings(ChatSettings.defaults(Platform.DISCORD, CHANNEL.chatId()).withZone(KYIV),
                clock.instant());
        route("a", 50);
        worker.deliverDue(clock.instant());
        news.reviseStory(Stories.story("a", "Strike a", clock.instant()), Stories.attackKilling(30),
                clock.instant());
        worker.deliverDue(clock.instant());
        assertThat(seen).containsExactly("a " + new AlertStyle(KYIV, true, null, true),
                "edit a " + new AlertStyle(KYIV, false, null, true));
    }

    @Test
    void aFollowUpInQuietHoursIsSilentAndPingsNobodyUnlessSevere() {
        subs.saveLoudness(CHANNEL, new Loudness(0, ROLE, 0));
        subs.saveChatSettings(ChatSettings.defaults(Platform.DISCORD, CHANNEL.chatId()).withZone(KYIV)
                .withQuietHours(new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 0))), clock.instant());
        Story s = Stories.story("ev", "Strike ev", clock.instant());
        news.recordEntry("https://wire.test/a.rss", s, Stories.attackKilling(5), true, clock.instant(),
                List.of(CHANNEL), "e-9", new newsalert.store.EventView("e-9", s, Stories.attackKilling(5)));
        worker.deliverDue(clock.instant());
        news.reviseEvent(new newsalert.store.EventView("e-9", s, Stories.attackKilling(30)), clock.instant(),
                "Death toll rises to 30");
        for (int i = 1; i <= 5; i++) {
            worker.deliverDue(clock.instant().plusSeconds(i));
        }
        assertThat(seen).contains("reply Death toll rises to 30 " + new AlertStyle(KYIV, true, null, true));
    }
}
