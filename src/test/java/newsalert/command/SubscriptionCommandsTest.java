package newsalert.command;

import static newsalert.command.CommandFixture.GROUP;
import static newsalert.command.CommandFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionCommandsTest {
    private static final String SUBSCRIBE_USAGE = "\nUsage: subscribe [attack|diplomacy|all] [min-severity] [in:<place>,…]";

    @TempDir
    Path dir;
    CommandFixture f;

    @BeforeEach
    void open() {
        f = new CommandFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/subscribe                    | attack and diplomacy alerts with severity 40 or more | ATTACK DIPLOMACY | 40",
            "/subscribe attack             | attack alerts with severity 40 or more               | ATTACK           | 40",
            "/subscribe@newsalert_bot diplomacy 70 | diplomacy alerts with severity 70 or more    | DIPLOMACY        | 70",
            "/subscribe 0 all              | attack and diplomacy alerts with severity 0 or more  | ATTACK DIPLOMACY | 0",
            "subscribe ATTACK 100          | attack alerts with severity 100 or more              | ATTACK           | 100",
    })
    void subscribeSaysWhatTheChatNowReceives(String line, String receives, String topics, int min) {
        Reply r = f.admin(line);
        assertThat(r).isEqualTo(Reply.of("Subscribed. This chat now receives " + receives + "."));
        Subscription s = f.news.subscriptions().subscription(GROUP).orElseThrow();
        EnumSet<Topic> want = EnumSet.noneOf(Topic.class);
        for (String t : topics.split(" ")) {
            want.add(Topic.valueOf(t));
        }
        assertThat(s.topics()).isEqualTo(want);
        assertThat(s.minSeverity()).isEqualTo(min);
        assertThat(s.createdAt()).isEqualTo(T0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "subscribe sports         | Topics are attack, diplomacy or all; severity is a number from 0 to 100.",
            "subscribe attack 101     | The minimum severity is one number from 0 to 100.",
            "subscribe 40 50          | The minimum severity is one number from 0 to 100.",
            "subscribe attack all     | Topics are attack, diplomacy or all; severity is a number from 0 to 100.",
            "subscribe -5             | Topics are attack, diplomacy or all; severity is a number from 0 to 100.",
            "subscribe attack 40 more | Too many arguments.",
    })
    void subscribeWithBadArgumentsGivesUsageAndSavesNothing(String line, String problem) {
        assertThat(f.admin(line)).isEqualTo(Reply.ephemeral(problem + SUBSCRIBE_USAGE));
        assertThat(f.news.subscriptions().subscription(GROUP)).isEmpty();
    }

    @Test
    void resubscribingResumesAPausedSubscriptionAndKeepsItsOwnKeywords() {
        f.news.subscriptions().saveSubscription(new Subscription(0, GROUP, EnumSet.of(Topic.ATTACK), 10,
                List.of("kharkiv"), List.of("drill"), true, "bot was blocked", T0));
        f.admin("subscribe diplomacy 60");
        Subscription s = f.news.subscriptions().subscription(GROUP).orElseThrow();
        assertThat(s.paused()).isFalse();
        assertThat(s.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(s.includeKeywords()).containsExactly("kharkiv");
        assertThat(s.excludeKeywords()).containsExactly("drill");
    }

    @Test
    void membersCannotSubscribeOrUnsubscribe() {
        assertThat(f.member("/subscribe attack"))
                .isEqualTo(Reply.ephemeral("Only chat admins can change this chat's subscription."));
        f.admin("/subscribe attack");
        assertThat(f.member("/unsubscribe"))
                .isEqualTo(Reply.ephemeral("Only chat admins can change this chat's subscription."));
        assertThat(f.news.subscriptions().subscription(GROUP)).isPresent();
    }

    @Test
    void unsubscribeRemovesTheSubscription() {
        f.admin("subscribe");
        assertThat(f.admin("unsubscribe")).isEqualTo(Reply.of("Unsubscribed. This chat no longer receives alerts."));
        assertThat(f.news.subscriptions().subscription(GROUP)).isEmpty();
        assertThat(f.admin("unsubscribe")).isEqualTo(Reply.of("This chat was not subscribed."));
        assertThat(f.admin("unsubscribe now"))
                .isEqualTo(Reply.ephemeral("unsubscribe takes no arguments.\nUsage: unsubscribe"));
    }

    @Test
    void subscriptionsListsThisChatItsTopicsAndKeywordRules() {
        assertThat(f.member("subscriptions")).isEqualTo(Reply.of("This chat is not subscribed. An admin can start"
                + " alerts with: subscribe [attack|diplomacy|all] [min-severity] [in:<place>,…]\nKeyword rules: none."
                + "\nTime zone: UTC (now 2025-08-28 15:00 UTC).\nQuiet hours: off.\nPictures: on.\nDaily brief: off."));
        f.admin("subscribe attack 50");
        f.in(new Target(Platform.TELEGRAM, GROUP.chatId(), "42"), "subscribe diplomacy");
        f.news.subscriptions().pause(GROUP, "bot was removed from the chat");
        f.admin("keywords add Kharkiv");
        f.admin("keywords add -drill");
        assertThat(f.member("subscriptions")).isEqualTo(Reply.of("""
                This chat receives attack alerts with severity 50 or more.
                Paused: bot was removed from the chat.
                Forum topic 42 receives diplomacy alerts with severity 40 or more.
                Keyword rules: include "kharkiv"; exclude "drill".
                Quiet below: off (every alert notifies).
                Time zone: UTC (now 2025-08-28 15:00 UTC).
                Quiet hours: off.
                Pictures: on.
                Daily brief: off."""));
        assertThat(f.member("subscriptions all")).isEqualTo(
                Reply.ephemeral("subscriptions takes no arguments.\nUsage: subscriptions"));
    }

    @Test
    void onDiscordOtherChannelsOfTheServerAreCalledChannelsNotForumTopics() {
        Target alerts = new Target(Platform.DISCORD, "810000000000000001", "820000000000000001");
        Target other = new Target(Platform.DISCORD, "810000000000000001", "820000000000000002");
        f.in(alerts, "subscribe attack");
        f.in(other, "subscribe diplomacy");
        assertThat(f.in(alerts, "subscriptions").text()).isEqualTo("""
                This chat receives attack alerts with severity 40 or more.
                Channel 820000000000000002 receives diplomacy alerts with severity 40 or more.
                Keyword rules: none.
                Quiet below: off (every alert notifies).
                Mention: nobody (mention-at 80).
                Time zone: UTC (now 2025-08-28 15:00 UTC).
                Quiet hours: off.
                Pictures: on.
                Daily brief: off.""");
    }

    @Test
    void helpListsEveryCommandAndMarksAdminOnes() {
        Reply r = f.member("/help");
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).isEqualTo("""
                Commands:
                help [command] — list the commands, or explain one
                subscribe [attack|diplomacy|all] [min-severity] [in:<place>,…] — start receiving alerts here (default: all topics,\
                 severity 40 or more, every place) (admins)
                unsubscribe — stop receiving alerts here (admins)
                subscriptions — what this chat receives, its keyword rules and alert settings
                latest [n] [attack|diplomacy|all] — the most recent alerts (default 5, at most 20)
                search <words> — find stories whose title contains all the words
                story <id> — a story in full: counts, quotes, source
                keywords add|remove|list [term] (a leading - excludes: keywords add -drill) — words or phrases that\
                 include or exclude stories in this chat (admins)
                feeds add|remove|list|export|import|retry [url] [interval] — feeds polled for this chat (admins)
                why <story id> — why a story was or was not sent here
                timezone <Area/City|UTC> — the time zone this chat's times are shown in (default UTC) (admins)
                quiet-hours <HH:MM-HH:MM|off> — send alerts silently in these hours unless severity is 90 or more\
                 (admins)
                pictures on|off — show the story's picture from the feed in alerts (default on) (admins)
                quiet-below <severity|off> — send alerts below this severity silently (default off) (admins)
                mention <@role|@here|off> — Discord: ping a role for alerts at or above mention-at (admins)
                mention-at <severity> — Discord: the lowest severity that pings the mention (default 80) (admins)
                brief daily <HH:MM>|off — a daily brief of this chat's events at that time of its time zone, most severe\
                 first (admins)""");
        assertThat(f.member("help latest")).isEqualTo(Reply.ephemeral(
                "latest [n] [attack|diplomacy|all]\nThe most recent alerts (default 5, at most 20)."));
        assertThat(f.member("help /feeds")).isEqualTo(Reply.ephemeral(
                "feeds add|remove|list|export|import|retry [url] [interval]\nFeeds polled for this chat.\nOnly chat admins can use it."));
        assertThat(f.in(CommandFixture.GROUP, "help feeds")).isEqualTo(Reply.ephemeral(
                "feeds add|remove|list|export|import|retry [url] [interval]\nFeeds polled for this chat.\nOnly chat admins can use it; you can here."));
        assertThat(f.member("help dance")).isEqualTo(Reply.ephemeral(
                "There is no command \"dance\".\nUsage: help [command]"));
    }

    @Test
    void aFailingCommandGetsAnApologyNotAnException() {
        Command broken = new Command() {
            public String name() {
                return "latest";
            }

            public String usage() {
                return "latest";
            }

            public String help() {
                return "breaks";
            }

            public java.util.List<CommandOption> options() {
                return java.util.List.of();
            }

            public boolean moderatorOnly() {
                return false;
            }

            public Reply run(CommandContext ctx, java.util.List<String> args) {
                throw new newsalert.store.StoreException("database is locked", null);
            }
        };
        CommandRegistry registry = new CommandRegistry(java.util.List.of(broken));
        try (newsalert.testing.LogCapture log = newsalert.testing.LogCapture.of(CommandRegistry.class)) {
            assertThat(registry.run(new CommandContext(GROUP, "1", false, f.clock), "latest 5"))
                    .isEqualTo(Reply.ephemeral("Sorry, latest failed on our side. Please try again later."));
            // the operator's log keeps the failure, with the chat it happened in
            assertThat(log.lines()).containsExactly("WARN command latest failed in " + GROUP);
        }
    }

    @Test
    void unknownCommandListsTheCommands() {
        assertThat(f.member("/dance now")).isEqualTo(Reply.ephemeral("Unknown command \"/dance\". Commands: help,"
                + " subscribe, unsubscribe, subscriptions, latest, search, story, keywords, feeds, why,"
                + " timezone, quiet-hours, pictures, quiet-below, mention, mention-at, brief. Try: help"));
        assertThat(f.member("   ")).isEqualTo(Reply.ephemeral("No command given. Commands: help,"
                + " subscribe, unsubscribe, subscriptions, latest, search, story, keywords, feeds, why,"
                + " timezone, quiet-hours, pictures, quiet-below, mention, mention-at, brief. Try: help"));
    }

    @Test
    void registryDeclaresWhoMayRunEachCommand() {
        assertThat(f.registry.commands()).extracting(Command::name, Command::moderatorOnly).containsExactly(
                org.assertj.core.groups.Tuple.tuple("help", false),
                org.assertj.core.groups.Tuple.tuple("subscribe", true),
                org.assertj.core.groups.Tuple.tuple("unsubscribe", true),
                org.assertj.core.groups.Tuple.tuple("subscriptions", false),
                org.assertj.core.groups.Tuple.tuple("latest", false),
                org.assertj.core.groups.Tuple.tuple("search", false),
                org.assertj.core.groups.Tuple.tuple("story", false),
                org.assertj.core.groups.Tuple.tuple("keywords", true),
                org.assertj.core.groups.Tuple.tuple("feeds", true),
                org.assertj.core.groups.Tuple.tuple("why", false),
                org.assertj.core.groups.Tuple.tuple("timezone", true),
                org.assertj.core.groups.Tuple.tuple("quiet-hours", true),
                org.assertj.core.groups.Tuple.tuple("pictures", true),
                org.assertj.core.groups.Tuple.tuple("quiet-below", true),
                org.assertj.core.groups.Tuple.tuple("mention", true),
                org.assertj.core.groups.Tuple.tuple("mention-at", true),
                org.assertj.core.groups.Tuple.tuple("brief", true));
        assertThat(f.registry.find("/Subscribe")).isPresent();
        assertThat(f.registry.find("/quiet_below").map(Command::name)).contains("quiet-below");
        assertThat(f.registry.find("subscribe").orElseThrow().options()).extracting(CommandOption::name)
                .containsExactly("topics", "min-severity", "in");
    }
}
