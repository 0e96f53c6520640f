package newsalert.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import newsalert.command.AddressPolicy;
import newsalert.command.Command;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
import newsalert.platform.telegram.FakeTelegramApi.Failure;
import newsalert.platform.telegram.FakeTelegramApi.MenuCommand;
import newsalert.platform.telegram.FakeTelegramApi.Sent;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Commands over long polling: the real TelegramBots client against the fake Bot API. */
class TelegramBotTest {
    private static final long GROUP = -1001234567890L;
    private static final long ADMIN = 111;
    private static final long MEMBER = 222;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-28T15:00:00Z"), ZoneOffset.UTC);

    private FakeTelegramApi fake;
    private TelegramBot bot;
    private final RecordingCommand help = new RecordingCommand("help", false);
    private final RecordingCommand subscribe = new RecordingCommand("subscribe", true);
    private final RecordingCommand keywords = new RecordingCommand("keywords", true);

    /** Replies these tests make fail on purpose (a bot closed mid-command) are logged: kept off a green build's console. */
    private LogCapture replies;

    /** Closing a bot mid-command (on purpose, in the close tests) logs that its commands were interrupted: captured. */
    @org.junit.jupiter.api.extension.RegisterExtension
    final LogCapture.PerTest botLog = LogCapture.perTest(TelegramBot.class);

    @BeforeEach
    void start() throws IOException {
        replies = LogCapture.of(CommandUpdates.class);
        fake = new FakeTelegramApi();
        fake.setMemberStatus(GROUP, ADMIN, "administrator");
        fake.setMemberStatus(GROUP, MEMBER, "member");
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        fake.close();
        replies.close();
    }

    private void startBot(CommandRegistry registry) {
        bot = new TelegramBot(fake.settings(Duration.ofSeconds(1)), registry, CLOCK);
        bot.start();
    }

    private void startTestBot() {
        startBot(new CommandRegistry(List.of(help, subscribe, keywords)));
    }

    @Test
    void aGroupAdminsSubscribeRunsAsModeratorAndTheReplyArrivesInTheSameChat() throws InterruptedException {
        startTestBot();
        fake.pushGroupCommand(GROUP, ADMIN, "/subscribe attack");

        List<Sent> sent = fake.awaitSent(1, WAIT);
        assertThat(sent).containsExactly(new Sent(101, String.valueOf(GROUP), null,
                "subscribe: attack (moderator=true)", "HTML", true));
        assertThat(subscribe.calls).singleElement().satisfies(c -> {
            assertThat(c.ctx().target()).isEqualTo(Target.chat(Platform.TELEGRAM, String.valueOf(GROUP)));
            assertThat(c.ctx().callerId()).isEqualTo("111");
            assertThat(c.ctx().callerIsModerator()).isTrue();
            assertThat(c.args()).containsExactly("attack");
        });
        assertThat(bot.username()).isEqualTo(FakeTelegramApi.BOT_USERNAME);
    }

    @Test
    void aThousandCommandsFromAThousandChatsInOneBurstAreAllAnswered() throws InterruptedException {
        startTestBot();
        for (int i = 0; i < 1_000; i++) {
            fake.pushPrivateCommand(5_000 + i, "/help");
        }

        List<Sent> sent = fake.awaitSent(1_000, Duration.ofMinutes(5));

        assertThat(sent).hasSize(1_000);
        assertThat(sent.stream().map(Sent::chatId).distinct()).hasSize(1_000);
        assertThat(help.calls).hasSize(1_000);
        assertThat(replies.lines()).noneMatch(l -> l.contains("not run") || l.contains("dropping"));
    }

    @Test
    void oneMemberCannotMakeTheBotFloodAGroup() throws InterruptedException {
        newsalert.metrics.micrometer.MicrometerMetrics meters = new newsalert.metrics.micrometer.MicrometerMetrics();
        startBot(new CommandRegistry(List.of(help, subscribe, keywords)).recordingTo(meters));
        for (int i = 0; i < 12; i++) {
            fake.pushGroupCommand(GROUP, MEMBER, "/help");
        }
        fake.pushGroupCommand(GROUP + 1, MEMBER, "/help");   // another chat has its own allowance

        // five answered at once (the burst), one notice, the rest ignored; the other chat is answered
        List<Sent> sent = fake.awaitSent(7, WAIT);
        // the other chat's answer means every update was read; close lets the commands already taken finish,
        // so what the fake holds afterwards is all the bot will ever send for them
        bot.close();
        List<String> inGroup = fake.sent().stream().filter(s -> s.chatId().equals(String.valueOf(GROUP)))
                .map(Sent::text).toList();
        assertThat(inGroup).hasSize(6).containsOnlyOnce(CommandUpdates.SLOW_DOWN);
        // five answered at once, as the notice says (tester19: it spoke of 10 a minute only)
        assertThat(CommandUpdates.SLOW_DOWN).isEqualTo("Too many commands here: newsalert answers 5 at once and then"
                + " up to 10 a minute in each chat. Please wait a moment.");
        assertThat(fake.sent()).filteredOn(s -> s.chatId().equals(String.valueOf(GROUP + 1))).hasSize(1);
        assertThat(sent).hasSize(7);
        // the seven commands over the limit count as dropped, the six answered as ok
        assertThat(meters.scrape()).contains(
                "newsalert_commands_total{command=\"help\",platform=\"telegram\",result=\"dropped\"} 7.0",
                "newsalert_commands_total{command=\"help\",platform=\"telegram\",result=\"ok\"} 6.0");
        meters.close();
    }

    @Test
    void aMembersModeratorCommandGetsThePoliteRefusal() throws InterruptedException {
        startTestBot();
        fake.pushGroupCommand(GROUP, MEMBER, "/keywords add drone");

        assertThat(fake.awaitSent(1, WAIT)).extracting(Sent::text)
                .containsExactly("Only chat admins can change keywords here.");
        assertThat(keywords.calls).isEmpty();
    }

    @Test
    void commandsForAnotherBotAreIgnoredAndOursAreAnswered() throws InterruptedException {
        startTestBot();
        fake.pushGroupCommand(GROUP, MEMBER, "/help@otherbot");
        fake.pushGroupCommand(GROUP, MEMBER, "hello everyone");
        fake.pushGroupCommand(GROUP, MEMBER, "/help@" + FakeTelegramApi.BOT_USERNAME + " subscribe");

        // one chat's updates are handled in order: once the third is answered, the first two were seen
        assertThat(fake.awaitSent(1, WAIT)).extracting(Sent::text)
                .containsExactly("help: subscribe (moderator=false)");
        assertThat(help.calls).hasSize(1);
        assertThat(fake.sent()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1} -> \"{2}\"")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "supergroup | /weather               | NONE",
        "supergroup | /WEATHER now           | NONE",
        "supergroup | /weather@otherbot      | NONE",
        "supergroup | /weather@newsalert_test_bot | Unknown command \"/weather\". Commands: help, subscribe, keywords. Try: help",
        "supergroup | /start                 | help:  (moderator=false)",
        "private    | /weather               | Unknown command \"/weather\". Commands: help, subscribe, keywords. Try: help",
        "channel    | /weather               | Unknown command \"/weather\". Commands: help, subscribe, keywords. Try: help",
    })
    void unknownCommandsInGroupsAreIgnoredUnlessAddressedToUs(String chatType, String command, String expected)
            throws InterruptedException {
        startTestBot();
        long chat = switch (chatType) {
            case "supergroup" -> GROUP;
            case "private" -> 555;
            default -> -1009999;
        };
        for (String text : List.of(command, "/help marker")) {
            switch (chatType) {
                case "supergroup" -> fake.pushGroupCommand(GROUP, MEMBER, text);
                case "private" -> fake.pushPrivateCommand(555, text);
                default -> fake.pushChannelPost(chat, text);
            }
        }
        String marker = "help: marker (moderator=" + !chatType.equals("supergroup") + ")";
        List<String> want = expected == null ? List.of(marker) : List.of(expected, marker);

        // one chat's commands run in order: once the marker is answered, the command before it was handled
        assertThat(fake.awaitSent(want.size(), WAIT)).extracting(Sent::chatId, Sent::text)
                .containsExactlyElementsOf(want.stream()
                        .map(t -> org.assertj.core.groups.Tuple.tuple(String.valueOf(chat), t)).toList());
        assertThat(fake.sent()).hasSize(want.size());
    }

    @Test
    void aForumTopicCommandIsAnsweredInTheSameTopic() throws InterruptedException {
        startTestBot();
        fake.pushTopicCommand(GROUP, 77, ADMIN, "/subscribe diplomacy 60");

        assertThat(fake.awaitSent(1, WAIT)).singleElement().satisfies(s -> {
            assertThat(s.chatId()).isEqualTo(String.valueOf(GROUP));
            assertThat(s.threadId()).isEqualTo(77);
            assertThat(s.text()).isEqualTo("subscribe: diplomacy 60 (moderator=true)");
        });
        assertThat(subscribe.calls.get(0).ctx().target())
                .isEqualTo(new Target(Platform.TELEGRAM, String.valueOf(GROUP), "77"));
    }

    @Test
    void privateChatsAndChannelPostsAreModeratorsWithoutAskingTelegram() throws InterruptedException {
        startTestBot();
        fake.pushPrivateCommand(555, "/subscribe all");
        fake.pushChannelPost(-1009999, "/keywords list");

        List<Sent> sent = fake.awaitSent(2, WAIT); // two chats: their commands may finish in either order
        assertThat(sent).extracting(Sent::chatId, Sent::text).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("555", "subscribe: all (moderator=true)"),
                org.assertj.core.groups.Tuple.tuple("-1009999", "keywords: list (moderator=true)"));
        assertThat(keywords.calls.get(0).ctx().callerId()).isNull();
        assertThat(fake.callCount("getChatMember")).isZero();
    }

    @Test
    void adminAnswersAreCachedAndAFailedCheckAsksToTryAgain() throws InterruptedException {
        startTestBot();
        fake.pushGroupCommand(GROUP, ADMIN, "/subscribe attack");
        fake.pushGroupCommand(GROUP, ADMIN, "/keywords add drone");
        assertThat(fake.awaitSent(2, WAIT)).hasSize(2);
        assertThat(fake.callCount("getChatMember")).isEqualTo(1);

        fake.failChatMember(true);
        try (LogCapture log = LogCapture.of(ModeratorCheck.class)) {
            fake.pushGroupCommand(GROUP, 333, "/subscribe attack");
            assertThat(fake.awaitSent(3, WAIT)).extracting(Sent::text).endsWith("I could not check with Telegram"
                    + " whether you are an admin of this chat. Please try again in a minute.");
            assertThat(log.lines()).containsExactly("WARN getChatMember failed for user 333 in chat " + GROUP
                    + ": Telegram 400: Bad Request: chat not found");
        }
        assertThat(subscribe.calls).hasSize(1);
    }

    @Test
    void commandsAnyoneMayRunDoNotAskTelegramWhoIsAnAdmin() throws InterruptedException {
        startTestBot();
        fake.pushGroupCommand(GROUP, MEMBER, "/help");
        fake.pushGroupCommand(GROUP, ADMIN, "/help");
        assertThat(fake.awaitSent(2, WAIT)).extracting(Sent::text)
                .containsExactly("help:  (moderator=false)", "help:  (moderator=false)");
        assertThat(fake.callCount("getChatMember")).isZero();

        fake.pushGroupCommand(GROUP, ADMIN, "/subscribe attack");
        fake.pushGroupCommand(GROUP, ADMIN, "/help");
        assertThat(fake.awaitSent(4, WAIT)).extracting(Sent::text).endsWith("subscribe: attack (moderator=true)",
                "help:  (moderator=true)"); // a known admin is named as one without asking again
        assertThat(fake.callCount("getChatMember")).isEqualTo(1);
    }

    @Test
    void aFailedReplyDoesNotStopPolling() throws InterruptedException {
        startTestBot();
        fake.failNextSends(1, Failure.forbidden("Forbidden: bot was blocked by the user"));
        fake.pushPrivateCommand(555, "/help");
        fake.pushPrivateCommand(555, "/help again"); // same chat: runs after the first, whose reply fails

        assertThat(fake.awaitSent(1, WAIT)).extracting(Sent::chatId, Sent::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("555", "help: again (moderator=true)"));
        assertThat(help.calls).hasSize(2);
    }

    @Test
    void withoutAStoreARateLimitedReplyIsDroppedAtOnceAndTheNextCommandIsAnswered() throws InterruptedException {
        // run queues replies in the outbox (TelegramFileReplyOutboxTest); a bot without a store never waits (no sleep)
        startTestBot();
        fake.failNextSends(1, Failure.rateLimited(1));
        fake.pushPrivateCommand(555, "/help");
        fake.pushPrivateCommand(555, "/help again");

        assertThat(fake.awaitSent(1, WAIT)).extracting(Sent::text).containsExactly("help: again (moderator=true)");
        assertThat(fake.callCount("sendMessage")).isEqualTo(2);
    }

    @Test
    void aRefusedReplyIsLoggedOnceAtWarnThroughSlf4j() throws InterruptedException {
        try (LogCapture log = LogCapture.of(CommandUpdates.class)) {
            startTestBot();
            fake.failNextSends(1, Failure.forbidden("Forbidden: bot was blocked by the user"));
            fake.pushPrivateCommand(555, "/help");
            fake.pushPrivateCommand(555, "/help again");
            assertThat(fake.awaitSent(1, WAIT)).hasSize(1);

            assertThat(log.lines()).containsExactly(
                    "WARN reply to /help in chat 555 not sent: Telegram 403: Forbidden: bot was blocked by the user");
        }
    }

    @Test
    void aCommandThatThrowsAnErrorDoesNotStopPolling() throws InterruptedException {
        RecordingCommand boom = new RecordingCommand("boom", false) {
            @Override
            public newsalert.command.Reply run(newsalert.command.CommandContext ctx, List<String> args) {
                throw new StackOverflowError("deep");
            }
        };
        startBot(new CommandRegistry(List.of(help, boom)));
        fake.pushPrivateCommand(555, "/boom");
        fake.pushPrivateCommand(555, "/help after");

        assertThat(fake.awaitSent(1, WAIT)).extracting(Sent::text).containsExactly("help: after (moderator=true)");
    }

    @Test
    void aSlowFeedsAddDoesNotHoldAnotherChatsHelp() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingCommand feeds = new RecordingCommand("feeds", false) {
            @Override
            public newsalert.command.Reply run(newsalert.command.CommandContext ctx, List<String> args) {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.run(ctx, args);
            }
        };
        startBot(new CommandRegistry(List.of(help, feeds)));
        fake.pushPrivateCommand(555, "/feeds add https://slow.example/rss");
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        fake.pushPrivateCommand(556, "/help");

        assertThat(fake.awaitSent(1, WAIT)).extracting(Sent::chatId, Sent::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("556", "help:  (moderator=true)"));
        assertThat(release.getCount()).isEqualTo(1);
        assertThat(Thread.getAllStackTraces().keySet())
                .anyMatch(t -> t.getName().startsWith("telegram-commands-") && t.isDaemon());

        release.countDown();
        assertThat(fake.awaitSent(2, WAIT)).extracting(Sent::chatId, Sent::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("556", "help:  (moderator=true)"),
                org.assertj.core.groups.Tuple.tuple("555", "feeds: add https://slow.example/rss (moderator=true)"));
    }

    @Test
    void closeInterruptsACommandThatOutlivesTheGrace() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        RecordingCommand stuck = new RecordingCommand("feeds", false) {
            @Override
            public newsalert.command.Reply run(newsalert.command.CommandContext ctx, List<String> args) {
                started.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return super.run(ctx, args);
            }
        };
        startBot(new CommandRegistry(List.of(help, stuck)));
        fake.pushPrivateCommand(555, "/feeds add https://slow.example/rss");
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        long t0 = System.nanoTime();
        bot.close();

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(TelegramBot.COMMAND_GRACE.plusSeconds(2));
        assertThat(interrupted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // the interrupted command's reply cannot go out any more, and the log says so
        assertThat(replies.await("reply to /feeds in chat 555 not sent", WAIT)).isTrue();
    }

    @Test
    void startRunsHelpWhenThereIsNoStartCommand() throws InterruptedException {
        startTestBot();
        fake.pushPrivateCommand(555, "/start");
        assertThat(fake.awaitSent(1, WAIT)).extracting(Sent::text).containsExactly("help:  (moderator=true)");
    }

    @Test
    void theStandardRegistryGivesTheMenuAndRefusesMembers(@TempDir Path dir) throws InterruptedException {
        try (JdbcNewsStore news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("bot.db"))) {
            FeedCheck check = uri -> FeedCheck.Result.feed("Example Wire");
            CommandRegistry registry = CommandRegistry.standard(news.subscriptions(), news.queries(),
                    news.chatFeeds(), check, new AddressPolicy(host -> List.of(), false));
            startBot(registry);

            assertThat(fake.commands()).extracting(MenuCommand::command).containsExactly(
                    "help", "subscribe", "unsubscribe", "subscriptions", "latest", "search", "story", "keywords",
                    "feeds", "why", "timezone", "quiet_hours", "pictures", "quiet_below", "mention", "mention_at",
                    "brief");
            assertThat(fake.commands()).extracting(MenuCommand::description)
                    .containsExactlyElementsOf(registry.commands().stream().map(Command::help).toList());

            fake.pushGroupCommand(GROUP, MEMBER, "/keywords add drone");
            fake.pushGroupCommand(GROUP, ADMIN, "/subscribe attack");
            List<Sent> sent = fake.awaitSent(2, WAIT);
            assertThat(sent.get(0).text()).isEqualTo("Only chat admins can change keywords here.");
            assertThat(news.subscriptions().subscriptions(Platform.TELEGRAM, String.valueOf(GROUP))).hasSize(1);
            assertThat(news.subscriptions().keywordRules(Platform.TELEGRAM, String.valueOf(GROUP))).isEmpty();
            bot.close();
        }
    }

    @Test
    void closeStopsPollingPromptly() throws InterruptedException {
        startTestBot();
        assertThat(fake.awaitCall("getUpdates", 1, WAIT)).isTrue();

        long t0 = System.nanoTime();
        bot.close();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("telegram-poll") && t.isAlive());
        // no thread is left that could poll: the count stays where close left it
        int polls = fake.callCount("getUpdates");
        bot.close(); // idempotent
        assertThat(fake.callCount("getUpdates")).isEqualTo(polls);
    }

    @Test
    void aWrongTokenFailsStartWithoutShowingTheToken() {
        TelegramSettings wrong = new TelegramSettings("999:WRONG-secret", fake.apiUrl(), Duration.ofSeconds(1));
        bot = new TelegramBot(wrong, new CommandRegistry(List.of(help)), CLOCK);
        assertThatThrownBy(bot::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Telegram 401: Unauthorized").hasMessageNotContaining("WRONG-secret");
    }
}
