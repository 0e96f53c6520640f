package newsalert.command;

import static newsalert.command.CommandFixture.T0;
import static newsalert.command.CommandFixture.assessment;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regression: stories of a feed one chat added ({@code feeds add}) leaked to every other chat's
 * {@code search}, {@code story} and {@code why}, and were missing from the adding chat's own {@code latest}.
 */
class ChatScopeCommandsTest {
    private static final String PRIVATE_FEED = "https://news.example.org/kherson.rss";
    /** Chat A: a private chat with the bot, whose user added a feed. */
    private static final Target A = Target.chat(Platform.TELEGRAM, "5550001");
    /** Chat B: a Discord server, asking from one of its channels. */
    private static final Target B = new Target(Platform.DISCORD, "880001", "990001");

    @TempDir
    Path dir;
    CommandFixture f;

    @BeforeEach
    void open() {
        f = new CommandFixture(dir);
        assertThat(f.in(A, "feeds add " + PRIVATE_FEED).text()).startsWith("Added");
        assertThat(f.in(A, "subscribe attack 40").text()).isNotBlank();
        // a configured feed's alert, which every chat may see
        f.story("w1", "Shelling of Kherson market kills 4", assessment(Set.of(Topic.ATTACK), 70), true, 0);
        // what the poller stores for A's feed: chat-only, routed to A alone
        chatStory("p1", "Kherson ferry crossing shelled again", Set.of(Topic.ATTACK), 1, A);
        chatStory("p2", "Kherson council talks with Red Cross on evacuation", Set.of(Topic.DIPLOMACY), 2);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void chatStory(String id, String title, Set<Topic> topics, int minutes, Target... to) {
        Story s = new Story(id, "Kherson Local", title, "https://news.example.org/" + id, T0.plusSeconds(60L * minutes),
                title + ". Residents described it.");
        f.news.recordChatEntry(PRIVATE_FEED, id, s, assessment(topics, 65), T0.plusSeconds(60L * minutes), List.of(to));
    }

    @Test
    void theAddingChatSearchesAndListsItsFeedsStories() {
        assertThat(f.in(A, "search kherson")).isEqualTo(Reply.of("""
                Stories matching "kherson":
                • Kherson council talks with Red Cross on evacuation (diplomacy, severity 65)
                  id: p2
                • Kherson ferry crossing shelled again (attack, severity 65)
                  id: p1
                • Shelling of Kherson market kills 4 (attack, severity 70)
                  id: w1"""));
        assertThat(f.in(A, "latest")).isEqualTo(Reply.of("""
                Latest alerts:
                • Kherson ferry crossing shelled again (attack, severity 65)
                  id: p1
                • Shelling of Kherson market kills 4 (attack, severity 70)
                  id: w1"""));
        assertThat(f.in(A, "latest 1 attack")).isEqualTo(Reply.of("""
                Latest attack alerts:
                • Kherson ferry crossing shelled again (attack, severity 65)
                  id: p1"""));
        assertThat(f.in(A, "latest diplomacy")).isEqualTo(Reply.of("No diplomacy alerts yet."));
        assertThat(f.in(A, "story p1").text()).startsWith("Kherson ferry crossing shelled again\n"
                + "Source: Kherson Local, published 2025-08-28 15:01 UTC\n");
        assertThat(f.in(A, "why p1").text()).startsWith(
                "Story p1 \"Kherson ferry crossing shelled again\" is queued for delivery here.");
    }

    @Test
    void anotherChatSeesOnlyTheConfiguredFeedsStory() {
        assertThat(f.in(B, "search kherson")).isEqualTo(Reply.of("""
                Stories matching "kherson":
                • Shelling of Kherson market kills 4 (attack, severity 70)
                  id: w1"""));
        assertThat(f.in(B, "search ferry")).isEqualTo(Reply.of("No stories match \"ferry\"."));
        assertThat(f.in(B, "latest")).isEqualTo(Reply.of("""
                Latest alerts:
                • Shelling of Kherson market kills 4 (attack, severity 70)
                  id: w1"""));
        assertThat(f.in(B, "story w1").text()).startsWith("Shelling of Kherson market kills 4\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "story p1", "story p2", "why p1", "why p2",
    })
    void anotherChatIsToldTheChatOnlyIdIsUnknown(String line) {
        String id = line.substring(line.indexOf(' ') + 1);
        Reply unknown = Reply.of("No story has the id " + id + ".");
        assertThat(f.in(B, line)).isEqualTo(unknown);
        // also in a subscribed chat, where why would otherwise explain its routing checks
        f.in(B, "subscribe");
        assertThat(f.in(B, line)).isEqualTo(unknown);
        assertThat(f.in(B, line.replace(id, "nope"))).isEqualTo(Reply.of("No story has the id nope."));
    }
}
