package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.command.AddressPolicy;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedCheck;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;

/** A fake Discord, a temp SQLite store with the standard commands, and the real bot started against both. */
final class DiscordFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    static final String FEED = "https://wire.example/world.rss";

    final FakeDiscord discord = new FakeDiscord();
    final MutableClock clock = new MutableClock(T0);
    final JdbcNewsStore news;
    final CommandRegistry registry;
    final DiscordBot bot;

    DiscordFixture(Path dir, boolean guildCommands) throws InterruptedException {
        this(dir, guildCommands, Duration.ofSeconds(10));
    }

    /** @param requestTimeout the bot's {@code discord.request-timeout} (every REST call it makes) */
    DiscordFixture(Path dir, boolean guildCommands, Duration requestTimeout) throws InterruptedException {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("discord.db"));
        registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(),
                uri -> FeedCheck.Result.feed("Example Wire"), new AddressPolicy(host -> {
                    throw new UnknownHostException(host);
                }, false));
        bot = DiscordBot.start(discord.settings(guildCommands, requestTimeout), registry, clock);
        assertThat(bot.awaitReady(Duration.ofSeconds(10))).as("READY from the fake").isTrue();
        // the commands are registered after READY; a test that closed the fake before that answer came logged
        // "registering Discord commands failed" with JDA's stack trace into a green build
        assertThat(bot.commandsRegistered()).as("commands registered at the fake")
                .succeedsWithin(Duration.ofSeconds(10));
    }

    /** Stores a story (an alert) routed to {@code targets}. */
    void story(Story s, Assessment a, Target... targets) {
        news.recordEntry(FEED, s, a, true, s.published() == null ? T0 : s.published(), List.of(targets));
    }

    @Override
    public void close() {
        bot.close();
        discord.close();
        news.close();
    }
}
