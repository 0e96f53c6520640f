package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code why} names a story older than {@code poll.max-age} as too old instead of blaming changed settings. */
class WhyTooOldTest {
    private static final Instant SEEN = Instant.parse("2026-12-06T09:00:00Z");
    private static final Target CHAT = Target.chat(Platform.TELEGRAM, "-100777");

    @TempDir
    Path dir;
    private JdbcNewsStore news;
    private CommandRegistry registry;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("why.db"));
        registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(), null, null,
                Duration.ofHours(24));
        run("subscribe", true);
    }

    @AfterEach
    void close() {
        news.close();
    }

    private String run(String line, boolean moderator) {
        return registry.run(new CommandContext(CHAT, "1", moderator, new MutableClock(SEEN)), line).text();
    }

    private void store(String id, Instant published) {
        Story s = new Story(id, "Wire", "Missile strike on Kyiv kills 19", "https://wire.example/" + id, published,
                "A missile strike killed 19 people.");
        news.recordEntry("https://wire.example/feed.rss", s, CommandFixture.strike(), false, SEEN, List.of());
    }

    @Test
    void aDateOnlyStoryOlderThanMaxAgeIsNamedTooOld() {
        store("old1", Instant.parse("2025-06-10T00:00:00Z"));

        assertThat(run("why old1", false)).isEqualTo("Story old1 \"Missile strike on Kyiv kills 19\" was not sent"
                + " here: too old: published 2025-06-10 (the feed gave no time), older than poll.max-age 24h.");
    }

    @Test
    void aChatThatIsNotSubscribedHearsThatFirst() {
        store("old3", Instant.parse("2025-06-10T00:00:00Z"));
        Target other = Target.chat(Platform.TELEGRAM, "-100888");

        assertThat(registry.run(new CommandContext(other, "2", false, new MutableClock(SEEN)), "why old3").text())
                .isEqualTo("Story old3 \"Missile strike on Kyiv kills 19\" was not sent here: this chat is not"
                        + " subscribed.");
    }

    @Test
    void aTimedStoryShowsItsTimeAndARecentOneIsNotTooOld() {
        store("old2", Instant.parse("2026-12-04T17:30:00Z"));
        store("new1", SEEN.minus(Duration.ofHours(2)));

        assertThat(run("why old2", false)).endsWith(
                "too old: published 2026-12-04 17:30 UTC, older than poll.max-age 24h.");
        assertThat(run("why new1", false)).startsWith("Story new1 \"Missile strike on Kyiv kills 19\" was not sent"
                + " here, though the current settings let it through");
    }

    @Test
    void durationsAreWrittenAsInTheConfig() {
        assertThat(List.of(Duration.ofHours(24), Duration.ofMinutes(90), Duration.ofDays(3650), Duration.ofSeconds(45)))
                .extracting(Render::duration).containsExactly("24h", "1h30m", "3650d", "45s");
    }

    @Test
    void theTooOldTimeIsWrittenInTheChatsZone() {
        store("old4", Instant.parse("2026-12-04T17:30:00Z"));
        run("timezone Europe/Kyiv", true);

        assertThat(run("why old4", false)).isEqualTo("Story old4 \"Missile strike on Kyiv kills 19\" was not sent"
                + " here: too old: published 2026-12-04 19:30 UTC+2, older than poll.max-age 24h.");
    }
}
