package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.command.CommandRegistry;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slash commands through the real JDA and the fake gateway, answered by the standard registry on SQLite. */
class DiscordCommandsTest {
    static final Target ALERTS = new Target(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);

    @TempDir
    Path dir;
    DiscordFixture f;
    /**
     * Failures these tests cause on purpose are logged with stack traces: a reply to an unknown interaction,
     * and the command registration a test that does not wait for it leaves in flight when the fixture closes
     * (JDA's requester and the bot log it). Kept off the console of a green build.
     */
    List<LogCapture> expectedErrors;

    @BeforeEach
    void start() throws InterruptedException {
        expectedErrors = List.of(LogCapture.of(SlashCommandRouter.class), LogCapture.of(DiscordBot.class),
                LogCapture.of("net.dv8tion.jda.internal.requests.Requester"));
        f = new DiscordFixture(dir, true);
    }

    @AfterEach
    void stop() {
        f.close();
        expectedErrors.forEach(LogCapture::close);
    }

    @Test
    void bulkOverwriteRegistersEveryCommandWithTypedOptionsChoicesAndPermissions() {
        FakeDiscord.Call put = f.discord.awaitCommandRegistration();

        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).isEqualTo("applications/" + FakeDiscord.BOT_ID + "/guilds/" + FakeDiscord.GUILD_ID
                + "/commands");
        List<String> names = new ArrayList<>();
        put.body().forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).containsExactly("help", "subscribe", "unsubscribe", "subscriptions", "latest", "search",
                "story", "keywords", "feeds", "why", "timezone", "quiet-hours", "pictures", "quiet-below", "mention",
                "mention-at", "brief");
        JsonNode quietBelow = command(put.body(), "quiet-below").path("options").get(0);
        assertThat(quietBelow.path("type").asInt()).isEqualTo(4);
        assertThat(quietBelow.path("max_value").asInt()).isEqualTo(100);
        assertThat(command(put.body(), "pictures").path("options").get(0).path("choices").findValuesAsText("value"))
                .containsExactly("on", "off");
        assertThat(command(put.body(), "mention").path("default_member_permissions").asText()).isEqualTo("32");
        JsonNode subscribe = command(put.body(), "subscribe");
        assertThat(subscribe.path("default_member_permissions").asText()).isEqualTo("32");
        JsonNode topics = subscribe.path("options").get(0);
        assertThat(topics.path("name").asText()).isEqualTo("topics");
        assertThat(topics.path("type").asInt()).isEqualTo(3);
        assertThat(topics.path("choices").findValuesAsText("value")).containsExactly("attack", "diplomacy", "all");
        JsonNode severity = subscribe.path("options").get(1);
        assertThat(severity.path("type").asInt()).isEqualTo(4);
        assertThat(severity.path("min_value").asInt()).isZero();
        assertThat(severity.path("max_value").asInt()).isEqualTo(100);
        assertThat(command(put.body(), "latest").path("default_member_permissions").isNull()).isTrue();
        assertThat(command(put.body(), "latest").path("options").get(0).path("max_value").asInt()).isEqualTo(20);
        assertThat(command(put.body(), "keywords").path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(command(put.body(), "feeds").path("options").get(0).path("choices").findValuesAsText("value"))
                .containsExactly("add", "remove", "list", "export", "import", "retry");
        assertThat(command(put.body(), "feeds").path("options").get(2).path("type").asInt()).isEqualTo(11);
        assertThat(command(put.body(), "keywords").path("options").get(0).path("choices").findValuesAsText("value"))
                .containsExactly("add", "remove", "list");
        assertThat(command(put.body(), "story").path("options").get(0).path("required").asBoolean()).isTrue();
        assertThat(command(put.body(), "help").path("options").get(0).path("choices")).hasSize(17);
    }

    @Test
    void subscribeByAModeratorIsAnsweredThroughTheInteractionAndThenAnAlertIsPosted() {
        f.discord.awaitCommandRegistration();
        String id = f.discord.moderatorSends("subscribe", Map.of("topics", "attack"));

        FakeDiscord.Call callback = f.discord.awaitCallback();
        assertThat(callback.path()).isEqualTo("interactions/" + id + "/token-" + id + "/callback");
        assertThat(callback.body().path("type").asInt()).isEqualTo(5);
        assertThat(callback.body().path("data").path("flags").asInt(0) & 64).isZero();
        FakeDiscord.Call reply = f.discord.awaitResponse();
        assertThat(reply.method()).isEqualTo("PATCH");
        assertThat(reply.path()).isEqualTo("webhooks/" + FakeDiscord.BOT_ID + "/token-" + id + "/messages/@original");
        assertThat(reply.body().path("content").asText()).startsWith("Subscribed. This chat now receives");
        Subscription sub = f.news.subscriptions().subscription(ALERTS).orElseThrow();
        assertThat(sub.topics()).isEqualTo(Set.of(Topic.ATTACK));

        // a new story routed to the channel goes out through the outbox worker as one embed
        f.story(DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment(), ALERTS);
        DeliveryWorker worker = new DeliveryWorker(f.news.subscriptions(), List.of(f.bot.platform()),
                RateLimits::forPlatform, f.clock, DeliverySettings.defaults());
        worker.deliverDue(f.clock.instant());
        FakeDiscord.Call posted = f.discord.awaitMessage();
        assertThat(posted.path()).isEqualTo("channels/" + FakeDiscord.CHANNEL_ID + "/messages");
        Snapshots.assertMatches("alert-kharkiv", posted.body().path("embeds").get(0).toString());
        worker.deliverDue(f.clock.instant());
        assertThat(f.discord.postedCount()).isEqualTo(1);
    }

    @Test
    void subscribeByAMemberWithoutManageServerGetsAnEphemeralRefusal() {
        f.discord.awaitCommandRegistration();
        f.discord.memberSends("subscribe", Map.of("topics", "attack"));

        FakeDiscord.Call callback = f.discord.awaitCallback();
        assertThat(callback.body().path("type").asInt()).isEqualTo(5);
        assertThat(callback.body().path("data").path("flags").asInt()).isEqualTo(64);
        FakeDiscord.Call reply = f.discord.awaitResponse();
        assertThat(reply.body().path("content").asText()).isEqualTo("Only chat admins can change this chat's subscription.");
        assertThat(f.news.subscriptions().subscription(ALERTS)).isEmpty();
    }

    @Test
    void subscribeInADirectMessageSubscribesThatDmChannelAndTheUserMayManageIt() {
        f.discord.awaitCommandRegistration();
        f.discord.sendDirectInteraction("subscribe", Map.of("topics", "diplomacy", "min-severity", 60),
                FakeDiscord.MEMBER_ID, "850000000000000007");

        assertThat(f.discord.awaitCallback().body().path("data").path("flags").asInt(0) & 64).isZero();
        assertThat(f.discord.awaitResponse().body().path("content").asText()).startsWith("Subscribed.");
        Subscription sub = f.news.subscriptions().subscription(Target.chat(Platform.DISCORD, "850000000000000007"))
                .orElseThrow();
        assertThat(sub.topics()).isEqualTo(Set.of(Topic.DIPLOMACY));
        assertThat(sub.minSeverity()).isEqualTo(60);
    }

    @Test
    void latestAndStoryAnswerWithTheStoredStories() {
        f.discord.awaitCommandRegistration();
        f.story(DiscordEmbedsTest.kharkivStory(), DiscordEmbedsTest.kharkivAssessment());

        f.discord.memberSends("latest", Map.of("n", 3, "topic", "attack"));
        f.discord.awaitCallback();
        String latest = f.discord.awaitResponse().body().path("content").asText();
        f.discord.memberSends("story", Map.of("id", "wire-kharkiv-0828"));
        f.discord.awaitCallback();
        String story = f.discord.awaitResponse().body().path("content").asText();

        assertThat(latest).startsWith("Latest attack alerts:").contains("Missile strike on Kharkiv apartment block kills 12");
        assertThat(story).contains("Missile strike on Kharkiv apartment block kills 12")
                .contains("12 killed, at least 30 injured");
    }

    @Test
    void aPhraseOptionIsSplitBackIntoArgumentsInTheCommandsOrder() {
        f.discord.awaitCommandRegistration();
        f.discord.moderatorSends("keywords", Map.of("term", "-naval drill", "action", "add"));

        f.discord.awaitCallback();
        String reply = f.discord.awaitResponse().body().path("content").asText();
        assertThat(reply).startsWith("Added exclude keyword");
        assertThat(f.news.subscriptions().keywordRules(Platform.DISCORD, FakeDiscord.GUILD_ID))
                .extracting(r -> r.term() + "/" + r.kind()).containsExactly("naval drill/EXCLUDE");
    }

    @Test
    void aPlaceOptionWrittenWithItsReadmePrefixMeansThePlace() {
        // README writes places as in:ukraine; typed into /subscribe's in option it used to be "in:in:ukraine"
        f.discord.awaitCommandRegistration();
        f.discord.moderatorSends("subscribe", Map.of("topics", "attack", "in", "in:ukraine, middle east"));

        f.discord.awaitCallback();
        assertThat(f.discord.awaitResponse().body().path("content").asText()).startsWith("Subscribed.");
        assertThat(f.news.subscriptions().subscription(ALERTS).orElseThrow().places())
                .containsExactly("UA", "middle-east");
    }

    /** zone18: an NBSP or zero-width space inside an option used to survive the split on ASCII whitespace. */
    @Test
    void aPlaceOptionWithNonBreakingAndZeroWidthSpacesMeansThePlaces() {
        f.discord.awaitCommandRegistration();
        f.discord.moderatorSends("subscribe", Map.of("topics", "attack\u00A0", "in",
                "in:\u00A0ukraine,\u200B middle\u00A0east\u2003"));

        f.discord.awaitCallback();
        assertThat(f.discord.awaitResponse().body().path("content").asText()).startsWith("Subscribed.");
        assertThat(f.news.subscriptions().subscription(ALERTS).orElseThrow().places())
                .containsExactly("UA", "middle-east");
    }

    /**
     * tester18d: the in option typed as "In : ukraine", with a second in: inside it, a soft hyphen, a line separator
     * or an ideographic comma means the places; all with other places is refused with the reason.
     */
    @Test
    void oddButPlainPlaceOptionsMeanThePlacesAndAllWithOthersIsRefused() {
        f.discord.awaitCommandRegistration();
        String[][] cases = {
                {"In : ukraine", "UA"},
                {"in:ukraine in:russia", "UA RU"},
                {"ukr\u00ADaine\u2028south sudan", "UA SS"},
                {"ukraine\u3001russia", "UA RU"},
        };
        for (String[] c : cases) {
            f.discord.moderatorSends("subscribe", Map.of("in", c[0]));
            f.discord.awaitCallback();
            assertThat(f.discord.awaitResponse().body().path("content").asText()).as(c[0]).startsWith("Subscribed.");
            assertThat(f.news.subscriptions().subscription(ALERTS).orElseThrow().places()).as(c[0])
                    .containsExactly(c[1].split(" "));
        }
        f.discord.moderatorSends("subscribe", Map.of("in", "all, ukraine"));
        f.discord.awaitCallback();
        FakeDiscord.Call reply = f.discord.awaitResponse();
        if (reply.body() == null) { // an ephemeral answer: the deferred reply is deleted, then a followup
            reply = f.discord.awaitResponse();
        }
        assertThat(reply.body().path("content").asText()).startsWith("in:all follows every place, so it goes alone");
        assertThat(f.news.subscriptions().subscription(ALERTS).orElseThrow().places()).containsExactly("UA", "RU");
    }

    /** tester18: /timezone zone:America/New York and /quiet-hours hours:23:00 - 07:00 got "without spaces". */
    @Test
    void aZoneWithASpaceAndHoursWithSpacesAroundTheDashAreTaken() {
        f.discord.awaitCommandRegistration();
        f.discord.moderatorSends("timezone", Map.of("zone", "America/New York"));
        f.discord.awaitCallback();
        assertThat(f.discord.awaitResponse().body().path("content").asText())
                .startsWith("Times in this chat are now shown in America/New\\_York (now 2025-08-28 11:00 UTC-4).");
        f.discord.moderatorSends("quiet-hours", Map.of("hours", "23:00 - 07:00"));
        f.discord.awaitCallback();
        assertThat(f.discord.awaitResponse().body().path("content").asText())
                .startsWith("Quiet hours are 23:00-07:00 America/New\\_York:");
        assertThat(f.news.subscriptions().chatSettings(Platform.DISCORD, FakeDiscord.GUILD_ID).quietHours())
                .hasToString("23:00-07:00");
    }

    /** tester18: mention took any role id and showed it raw; now the guild's role cache decides and names it. */
    @Test
    void mentionChecksTheRoleIsInTheServerAndNamesIt() {
        f.discord.awaitCommandRegistration();
        f.discord.moderatorSends("subscribe", Map.of("topics", "attack"));
        f.discord.awaitCallback();
        f.discord.awaitResponse();
        f.discord.moderatorSends("mention", Map.of("who", "<@&830000000000000077>"));
        f.discord.awaitCallback();
        FakeDiscord.Call refusal = f.discord.awaitResponse();
        if (refusal.body() == null) { // an ephemeral answer: the public "thinking…" is deleted, then a follow-up
            refusal = f.discord.awaitResponse();
        }
        // Discord's answer keeps @here from pinging with a zero-width space
        assertThat(refusal.body().path("content").asText().replace("\u200b", "")).isEqualTo("This server has no role"
                + " with the id 830000000000000077. Type @ in the who option and pick the role from the list, or"
                + " say @here or off.");
        assertThat(f.news.subscriptions().loudness(ALERTS).orElseThrow().mention()).isNull();
        // the guild's own id is its @everyone role: refused like @everyone typed by hand
        f.discord.moderatorSends("mention", Map.of("who", "<@&" + FakeDiscord.GUILD_ID + ">"));
        f.discord.awaitCallback();
        FakeDiscord.Call everyone = f.discord.awaitResponse();
        if (everyone.body() == null) {
            everyone = f.discord.awaitResponse();
        }
        assertThat(everyone.body().path("content").asText().replace("\u200b", "")).isEqualTo("That is the @everyone"
                + " role: alerts never ping everyone. Pick a role, or say @here or off.");
        assertThat(f.news.subscriptions().loudness(ALERTS).orElseThrow().mention()).isNull();
        f.discord.moderatorSends("mention", Map.of("who", "<@&" + FakeDiscord.MOD_ROLE_ID + ">"));
        f.discord.awaitCallback();
        assertThat(f.discord.awaitResponse().body().path("content").asText())
                .isEqualTo("Alerts here with severity 80 or more will ping the role @Moderators.");
        assertThat(f.news.subscriptions().loudness(ALERTS).orElseThrow().mention())
                .isEqualTo("<@&" + FakeDiscord.MOD_ROLE_ID + ">");
    }

    @Test
    void aReplyLongerThan2000CharactersIsSplitIntoTheOriginalAndAFollowUp() {
        f.discord.awaitCommandRegistration();
        for (int i = 0; i < 20; i++) {
            f.story(new newsalert.story.Story("long-" + i, "Wire", "Overnight shelling of frontline town number " + i
                    + " damages houses, school and water station, officials say; repairs to take weeks "
                    + "x".repeat(60), "https://wire.example/long-" + i, DiscordFixture.T0.plusSeconds(i), "Body."),
                    DiscordEmbedsTest.kharkivAssessment());
        }
        String id = f.discord.memberSends("latest", Map.of("n", 20));

        f.discord.awaitCallback();
        FakeDiscord.Call first = f.discord.awaitResponse();
        FakeDiscord.Call second = f.discord.awaitResponse();
        assertThat(first.method()).isEqualTo("PATCH");
        assertThat(second.method()).isEqualTo("POST");
        assertThat(second.path()).isEqualTo("webhooks/" + FakeDiscord.BOT_ID + "/token-" + id);
        assertThat(first.body().path("content").asText()).startsWith("Latest alerts:").hasSizeLessThanOrEqualTo(2000);
        assertThat(second.body().path("content").asText()).hasSizeLessThanOrEqualTo(2000).isNotBlank();
        assertThat(second.body().path("flags").asInt(0) & 64).isZero();
    }

    @Test
    void anInteractionThatCannotBeAcknowledgedDoesNotStopTheNextOne() {
        f.discord.awaitCommandRegistration();
        f.discord.failNext("POST", "interactions/\\d+/[^/]+/callback", 404, 10062, "Unknown interaction");
        String all = f.discord.memberSends("latest", Map.of());
        String attacks = f.discord.memberSends("latest", Map.of("topic", "attack"));

        // JDA acknowledges the two on separate routes, in either order, so the refusal hits one of them; the
        // other is still acknowledged and answered
        FakeDiscord.Call callback = f.discord.awaitCallback();
        assertThat(callback.path()).containsAnyOf(all, attacks);
        String expected = callback.path().contains(attacks) ? "No attack alerts yet." : "No alerts yet.";
        assertThat(f.discord.awaitResponse().body().path("content").asText()).isEqualTo(expected);
    }

    @Test
    void aUsageErrorAfterAPublicDeferralIsSentEphemeralInstead() {
        f.discord.awaitCommandRegistration();
        f.discord.moderatorSends("keywords", Map.of("action", "add"));

        assertThat(f.discord.awaitCallback().body().path("data").path("flags").asInt(0) & 64).isZero();
        FakeDiscord.Call delete = f.discord.awaitResponse();
        FakeDiscord.Call followUp = f.discord.awaitResponse();
        assertThat(List.of(delete.method(), followUp.method())).containsExactlyInAnyOrder("DELETE", "POST");
        FakeDiscord.Call post = delete.method().equals("POST") ? delete : followUp;
        assertThat(post.body().path("flags").asInt() & 64).isEqualTo(64);
        assertThat(post.body().path("content").asText()).contains("Usage: keywords add\\|remove\\|list");
    }

    @Test
    void theGatewayDropsAndResumesAndAnInteractionAfterwardsIsAnswered() throws InterruptedException {
        // JDA logs the close it is sent at ERROR on its own thread: kept off the console, and checked
        try (LogCapture jda = LogCapture.of("net.dv8tion.jda")) {
            f.discord.awaitCommandRegistration();
            f.discord.awaitFromBot(2);
            long seq = f.discord.lastSequence();
            f.discord.dropConnection();
            // sent while the bot is away: replayed on RESUME
            String id = f.discord.memberSends("latest", Map.of());

            JsonNode resume = f.discord.awaitFromBot(6);
            assertThat(resume.path("d").path("session_id").asText()).isEqualTo(FakeDiscord.SESSION_ID);
            assertThat(resume.path("d").path("seq").asLong()).isEqualTo(seq);
            assertThat(resume.path("d").path("token").asText()).isEqualTo(FakeDiscord.TOKEN);
            assertThat(f.discord.awaitCallback().path()).isEqualTo("interactions/" + id + "/token-" + id + "/callback");
            assertThat(f.discord.awaitResponse().body().path("content").asText()).isEqualTo("No alerts yet.");

            String after = f.discord.memberSends("latest", Map.of("topic", "diplomacy"));
            assertThat(f.discord.awaitCallback().path()).contains(after);
            assertThat(f.discord.awaitResponse().body().path("content").asText()).isEqualTo("No diplomacy alerts yet.");
            assertThat(jda.await("4000", java.time.Duration.ofSeconds(30))).isTrue();
        }
    }

    private static JsonNode command(JsonNode list, String name) {
        for (JsonNode c : list) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no command " + name);
    }

    @Test
    void freeTextOptionsHaveAMaximumLengthSoMembersCannotMakeTheBotEchoKilobytes() {
        var commands = SlashCommands.of(CommandRegistry.standard(null, null, null, null, null));
        java.util.Map<String, Integer> maxima = new java.util.TreeMap<>();
        commands.forEach(c -> c.getOptions().forEach(o -> {
            if (o.getType() == net.dv8tion.jda.api.interactions.commands.OptionType.STRING && o.getChoices().isEmpty()) {
                maxima.put(c.getName() + "." + o.getName(), o.getMaxLength());
            }
        }));
        assertThat(maxima).containsExactly(java.util.Map.entry("brief.schedule", 200),
                java.util.Map.entry("feeds.interval", 32), java.util.Map.entry("feeds.url", 2048),
                java.util.Map.entry("keywords.term", 65), java.util.Map.entry("mention.who", 200),
                java.util.Map.entry("quiet-hours.hours", 200), java.util.Map.entry("search.words", 200),
                java.util.Map.entry("story.id", 300), java.util.Map.entry("subscribe.in", 200),
                java.util.Map.entry("timezone.zone", 200),
                java.util.Map.entry("why.id", 300));
    }
}
