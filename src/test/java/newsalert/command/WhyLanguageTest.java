package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code why} and {@code story} say that a story in another language was not analysed. */
class WhyLanguageTest {
    private static final Instant SEEN = Instant.parse("2026-12-06T09:00:00Z");
    private static final Target CHAT = Target.chat(Platform.TELEGRAM, "-100778");

    @TempDir
    Path dir;
    private JdbcNewsStore news;
    private CommandRegistry registry;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("why.db"));
        registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(), null, null,
                Duration.ofHours(24));
        run("subscribe");
        Story s = new Story("de1", "Wire", "Drei Tote bei Explosion in einer Lagerhalle", "https://wire.example/de1",
                SEEN, "Bei einer Explosion sind drei Menschen ums Leben gekommen.");
        Assessment german = new Assessment(Set.of(), 0, List.of("language: de — not analysed"), Casualties.NONE,
                List.of(), false, "de");
        news.recordEntry("https://wire.example/feed.rss", s, german, false, SEEN, List.of());
    }

    @AfterEach
    void close() {
        news.close();
    }

    private String run(String line) {
        return registry.run(new CommandContext(CHAT, "1", true, new MutableClock(SEEN)), line).text();
    }

    @Test
    void whyNamesTheLanguageInsteadOfABareNone() {
        assertThat(run("why de1")).contains(
                "- topics: none (language: de — not analysed); wanted here: attack and diplomacy — no shared topic");
    }

    @Test
    void storyShowsTheReasonAndTheStoreKeepsTheLanguage() {
        assertThat(run("story de1")).contains("Why: language: de — not analysed");
        assertThat(news.queries().story(CHAT, "de1").orElseThrow().assessment().language()).isEqualTo("de");
    }
}
