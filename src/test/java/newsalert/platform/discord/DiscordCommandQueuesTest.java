package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import newsalert.command.Command;
import newsalert.command.CommandContext;
import newsalert.command.CommandOption;
import newsalert.command.CommandRegistry;
import newsalert.command.Reply;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 5 on Discord: slash commands wait in a bounded queue per channel, channels take turns on the two
 * command threads, and every interaction gets an answer. The real JDA client against {@link FakeDiscord}; the first
 * command of the flooding channel holds its thread on a latch, so what runs when is fixed by the test, not by timing;
 * the minute between slow-down notices and the 5-minute wait limit run on the bot's injected clock.
 */
class DiscordCommandQueuesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Guild channel that floods. */
    private static final String FLOOD = FakeDiscord.CHANNEL_ID;

    private final MutableClock clock = new MutableClock(DiscordFixture.T0);
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    /** The echo texts in the order the commands ran. */
    private final List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
    private FakeDiscord discord;
    private DiscordBot bot;
    /** Interaction id → what it was (for reading the fake's log). */
    private final Map<String, String> sent = new HashMap<>();
    /** Every interaction response (webhook PATCH/DELETE/POST) seen so far, in arrival order. */
    private final List<FakeDiscord.Call> responses = new ArrayList<>();

    /** Runs until the test releases it. */
    private final Command hold = new TestCommand("hold", List.of()) {
        @Override
        public Reply run(CommandContext ctx, List<String> args) {
            holding.countDown();
            try {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.add("hold");
            return Reply.of("held");
        }
    };

    /** Answers its text at once. */
    private final Command echo = new TestCommand("echo", List.of(CommandOption.required("text", "what to say"))) {
        @Override
        public Reply run(CommandContext ctx, List<String> args) {
            String text = String.join(" ", args);
            ran.add(text);
            return Reply.of("echo " + text);
        }
    };

    @BeforeEach
    void start() throws InterruptedException {
        discord = FakeDiscord.withTwoGuilds();
        bot = DiscordBot.start(discord.settings(true), new CommandRegistry(List.of(hold, echo)), clock);
        assertThat(bot.awaitReady(WAIT)).as("READY from the fake").isTrue();
        assertThat(bot.commandsRegistered()).succeedsWithin(WAIT);
    }

    @AfterEach
    void stop() {
        release.countDown();
        bot.close();
        discord.close();
    }

    @Test
    void aFloodingChannelWaitsItsTurnGetsOneSlowDownAMinuteAndEveryCommandIsAnswered() throws Exception {
        send("hold", Map.of(), FLOOD, "hold");
        assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the first command runs").isTrue();
        for (int n = 2; n <= 200; n++) {
            send("echo", Map.of("text", "flood-" + n), FLOOD, "flood-" + n);
        }
        send("echo", Map.of("text", "plain"), FakeDiscord.PLAIN_CHANNEL_ID, "plain");
        send("echo", Map.of("text", "second"), FakeDiscord.SECOND_CHANNEL_ID, "second");

        // the other channels are answered while the flooding channel's first command still holds its thread
        awaitResponses(r -> contents(r).containsAll(List.of("echo plain", "echo second")));
        assertThat(ran).as("nothing of the flooding channel ran yet").containsExactly("plain", "second");
        assertThat(release.getCount()).isEqualTo(1);

        // 20 wait behind "hold"; the 179 after them are refused: one notice, the rest dismissed
        awaitResponses(r -> deletes(r) == 178);
        List<FakeDiscord.Call> callbacks = awaitCallbacks(202);
        assertThat(slowDowns(callbacks)).as("one slow-down notice for the flood")
                .containsExactly(sent.entrySet().stream().filter(e -> e.getValue().equals("flood-22"))
                        .map(Map.Entry::getKey).findFirst().orElseThrow());

        clock.advance(Duration.ofSeconds(59));
        send("echo", Map.of("text", "late-1"), FLOOD, "late-1");
        awaitResponses(r -> deletes(r) == 179);
        clock.advance(Duration.ofSeconds(1));
        send("echo", Map.of("text", "late-2"), FLOOD, "late-2");
        callbacks.addAll(awaitCallbacks(2));
        assertThat(slowDowns(callbacks)).as("a second notice a minute after the first").hasSize(2)
                .last().satisfies(id -> assertThat(sent.get(id)).isEqualTo("late-2"));

        release.countDown();
        awaitResponses(r -> contents(r).contains("echo flood-21"));
        List<String> expected = new ArrayList<>(List.of("plain", "second", "hold"));
        for (int n = 2; n <= 21; n++) {
            expected.add("flood-" + n);
        }
        assertThat(ran).as("the flooding channel's commands ran one at a time, in order").isEqualTo(expected);
        assertThat(contents(responses)).filteredOn(c -> c.startsWith("echo flood") || c.equals("held"))
                .as("answered in order").containsExactlyElementsOf(expected.subList(2, expected.size()).stream()
                        .map(t -> t.equals("hold") ? "held" : "echo " + t).toList());

        // every interaction answered: a reply in the callback, or a deferral then an edit or a delete of it
        assertThat(sent).hasSize(204);
        for (String id : sent.keySet()) {
            FakeDiscord.Call callback = callbacks.stream().filter(c -> c.path().startsWith("interactions/" + id + "/"))
                    .reduce((a, b) -> {
                        throw new AssertionError("two callbacks for " + sent.get(id));
                    }).orElseThrow(() -> new AssertionError("no callback for " + sent.get(id)));
            int type = callback.body().path("type").asInt();
            long finals = responses.stream().filter(r -> r.path().contains("/token-" + id + "/messages/@original"))
                    .count();
            assertThat(type == 4 ? finals : type == 5 ? finals - 1 : -1).as("answers to " + sent.get(id)).isZero();
        }
        assertThat(discord.postedCount()).as("no channel messages").isZero();
    }

    @Test
    void aCommandThatWaitedLongerThanFiveMinutesIsAnsweredTooBusyWithoutRunning() throws Exception {
        send("hold", Map.of(), FLOOD, "hold");
        assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        send("echo", Map.of("text", "a"), FLOOD, "a");
        // each command is queued (its time read) before it is acknowledged: the clock moves after that
        List<FakeDiscord.Call> callbacks = awaitCallbacks(2);
        clock.advance(Duration.ofMinutes(4));
        send("echo", Map.of("text", "b"), FLOOD, "b");
        callbacks.addAll(awaitCallbacks(1));
        assertThat(callbacks).extracting(c -> c.body().path("type").asInt()).containsOnly(5);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));

        release.countDown();
        awaitResponses(r -> contents(r).contains("echo b"));
        assertThat(ran).as("a waited 5 min 1 s, b 1 min 1 s").containsExactly("hold", "b");
        String a = idOf("a");
        assertThat(responses).filteredOn(r -> r.path().contains("/token-" + a))
                .extracting(r -> r.method() + " " + (r.path().endsWith("@original") ? "original" : "follow-up"))
                .as("the public 'thinking' message replaced by an ephemeral answer")
                .containsExactly("DELETE original", "POST follow-up");
        FakeDiscord.Call busy = responses.stream().filter(r -> r.path().endsWith("/token-" + a)).findFirst()
                .orElseThrow();
        assertThat(busy.body().path("content").asText()).isEqualTo(SlashCommandRouter.TOO_BUSY);
        assertThat(busy.body().path("flags").asInt() & 64).isEqualTo(64);
    }

    private String idOf(String what) {
        return sent.entrySet().stream().filter(e -> e.getValue().equals(what)).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    private void send(String name, Map<String, Object> options, String channel, String what) {
        sent.put(discord.sendInteraction(name, options, FakeDiscord.MEMBER_ID, List.of(), channel), what);
    }

    /** Takes interaction responses from the fake until {@code done} holds for all taken so far. */
    private void awaitResponses(Predicate<List<FakeDiscord.Call>> done) {
        while (!done.test(responses)) {
            responses.add(discord.awaitResponse());
        }
    }

    private List<FakeDiscord.Call> awaitCallbacks(int n) {
        List<FakeDiscord.Call> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(discord.awaitCallback());
        }
        return out;
    }

    /** @return the ids of the interactions answered with the slow-down notice, in order */
    private static List<String> slowDowns(List<FakeDiscord.Call> callbacks) {
        return callbacks.stream().filter(c -> c.body().path("type").asInt() == 4).peek(c -> {
            assertThat(c.body().path("data").path("content").asText()).isEqualTo(SlashCommandRouter.SLOW_DOWN);
            assertThat(c.body().path("data").path("flags").asInt()).isEqualTo(64);
        }).map(c -> c.path().split("/")[1]).toList();
    }

    private static List<String> contents(List<FakeDiscord.Call> responses) {
        return responses.stream().filter(r -> r.method().equals("PATCH"))
                .map(r -> r.body().path("content").asText()).toList();
    }

    private static long deletes(List<FakeDiscord.Call> responses) {
        return responses.stream().filter(r -> r.method().equals("DELETE")).count();
    }

    /** A command for this test: no moderator needed. */
    private abstract static class TestCommand implements Command {
        private final String name;
        private final List<CommandOption> options;

        TestCommand(String name, List<CommandOption> options) {
            this.name = name;
            this.options = options;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String usage() {
            return name;
        }

        @Override
        public String help() {
            return "a test command";
        }

        @Override
        public List<CommandOption> options() {
            return options;
        }

        @Override
        public boolean moderatorOnly() {
            return false;
        }
    }
}
