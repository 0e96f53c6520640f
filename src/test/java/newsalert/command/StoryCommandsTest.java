package newsalert.command;

import static newsalert.command.CommandFixture.GROUP;
import static newsalert.command.CommandFixture.assessment;
import static newsalert.command.CommandFixture.strike;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import newsalert.story.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoryCommandsTest {
    @TempDir
    Path dir;
    CommandFixture f;

    @BeforeEach
    void open() {
        f = new CommandFixture(dir);
        f.story("k1", "Missile strike on Kyiv kills 19", strike(), true, 0);
        f.story("d1", "Envoys meet in Geneva for ceasefire talks", assessment(Set.of(Topic.DIPLOMACY), 55), true, 1);
        f.story("q1", "Quiet day at the 100% solar_farm", assessment(Set.of(), 0), false, 2);
        f.story("a2", "Drone attack hits Kharkiv depot", assessment(Set.of(Topic.ATTACK), 45), true, 3);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void latestListsAlertsNewestFirst() {
        assertThat(f.member("latest")).isEqualTo(Reply.of("""
                Latest alerts:
                • Drone attack hits Kharkiv depot (attack, severity 45)
                  id: a2
                • Envoys meet in Geneva for ceasefire talks (diplomacy, severity 55)
                  id: d1
                • Missile strike on Kyiv kills 19 (attack, severity 80; 19 killed, at least 48 injured)
                  id: k1"""));
    }

    @Test
    void latestTakesACountAndATopicInEitherOrder() {
        assertThat(f.member("latest 1 attack")).isEqualTo(Reply.of("""
                Latest attack alerts:
                • Drone attack hits Kharkiv depot (attack, severity 45)
                  id: a2"""));
        assertThat(f.member("latest diplomacy 20")).isEqualTo(Reply.of("""
                Latest diplomacy alerts:
                • Envoys meet in Geneva for ceasefire talks (diplomacy, severity 55)
                  id: d1"""));
        assertThat(f.member("latest all 1").text()).startsWith("Latest alerts:\n• Drone attack");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "latest 0        | n is a number from 1 to 20.",
            "latest 21       | n is a number from 1 to 20.",
            "latest -1       | n is a number from 1 to 20.",
            "latest 99999999999 | n is a number from 1 to 20.",
            "latest 5 5      | n is a number from 1 to 20.",
            "latest sports   | The topic is attack, diplomacy or all.",
            "latest 1 2 3    | Too many arguments.",
    })
    void latestWithBadArgumentsGivesUsage(String line, String problem) {
        assertThat(f.member(line)).isEqualTo(
                Reply.ephemeral(problem + "\nUsage: latest [n] [attack|diplomacy|all]"));
    }

    @Test
    void latestOnAnEmptyStoreSaysSo() {
        try (CommandFixture empty = new CommandFixture(dir.resolve("empty"))) {
            assertThat(empty.member("latest attack")).isEqualTo(Reply.of("No attack alerts yet."));
        }
    }

    @Test
    void searchMatchesEveryWordCaseInsensitively() {
        assertThat(f.member("search KYIV strike")).isEqualTo(Reply.of("""
                Stories matching "KYIV strike":
                • Missile strike on Kyiv kills 19 (attack, severity 80; 19 killed, at least 48 injured)
                  id: k1"""));
        assertThat(f.member("search geneva kharkiv")).isEqualTo(Reply.of("No stories match \"geneva kharkiv\"."));
        assertThat(f.member("search")).isEqualTo(
                Reply.ephemeral("Give at least one word to search for.\nUsage: search <words>"));
    }

    @Test
    void searchTreatsLikeWildcardsAsPlainCharacters() {
        assertThat(f.member("search %").text()).isEqualTo("""
                Stories matching "%":
                • Quiet day at the 100% solar_farm (no topic, severity 0)
                  id: q1""");
        assertThat(f.member("search solar_farm").text()).contains("id: q1");
        assertThat(f.member("search s_lar")).isEqualTo(Reply.of("No stories match \"s_lar\"."));
    }

    @Test
    void storyShowsEverything() {
        assertThat(f.member("story k1")).isEqualTo(Reply.of("""
                Missile strike on Kyiv kills 19
                Source: Test Wire, published 2025-08-28 15:00 UTC
                Link: https://wire.example/k1
                Topics: attack; severity 80
                Casualties: 19 killed, at least 48 injured
                Where: Ukraine
                “sabotaging peace talks” — Keir Starmer, UK Prime Minister
                Why: attack: "missile strike"; killed 19
                id: k1"""));
        assertThat(f.member("story nope")).isEqualTo(Reply.of("No story has the id nope."));
        assertThat(f.member("story")).isEqualTo(Reply.ephemeral("Give one story id.\nUsage: story <id>"));
    }

    @Test
    void whyExplainsASentStory() {
        f.admin("subscribe attack 40");
        f.story("k2", "Second strike on Kyiv", strike(), true, 4, GROUP);
        f.news.subscriptions().markSent(f.news.subscriptions().pendingOutbox(GROUP, 1).get(0).id(), "77",
                CommandFixture.T0);
        f.admin("keywords add kyiv");
        assertThat(f.member("why k2")).isEqualTo(Reply.of("""
                Story k2 "Second strike on Kyiv" was sent here.
                - topics: attack; wanted here: attack — ok
                - severity: 80; minimum here: 40 — ok
                - keywords: include "kyiv" matched — ok
                - paused: no — ok"""));
    }

    @Test
    void whyExplainsEachReasonAStoryWasNotSent() {
        f.admin("subscribe attack 60");
        f.admin("keywords add -drone");
        f.news.subscriptions().pause(GROUP, "bot was blocked");
        assertThat(f.member("why a2")).isEqualTo(Reply.of("""
                Story a2 "Drone attack hits Kharkiv depot" was not sent here.
                - topics: attack; wanted here: attack — ok
                - severity: 45; minimum here: 60 — too low
                - keywords: exclude "drone" matched — excluded
                - paused: yes (bot was blocked) — nothing is sent"""));
        assertThat(f.member("why d1")).isEqualTo(Reply.of("""
                Story d1 "Envoys meet in Geneva for ceasefire talks" was not sent here.
                - topics: diplomacy; wanted here: attack — no shared topic
                - severity: 55; minimum here: 60 — too low
                - keywords: no exclude keyword matched — ok
                - paused: yes (bot was blocked) — nothing is sent"""));
    }

    @Test
    void whyNamesTheStorysCountriesAgainstTheFollowedPlaces() {
        f.admin("subscribe attack 40 in:middle-east");
        assertThat(f.member("why k1").text()).isEqualTo("""
                Story k1 "Missile strike on Kyiv kills 19" was not sent here.
                - topics: attack; wanted here: attack — ok
                - severity: 80; minimum here: 40 — ok
                - places: names Ukraine; followed here: Middle East — no followed place
                - keywords: none set — ok
                - paused: no — ok""");
        f.admin("subscribe in:ukraine,russia");
        assertThat(f.member("why k1").text()).contains(
                "- places: names Ukraine; followed here: Ukraine, Russia — ok");
    }

    @Test
    void whySaysWhenIncludeKeywordsMissOrTheChatIsNotSubscribed() {
        assertThat(f.member("why k1")).isEqualTo(Reply.of(
                "Story k1 \"Missile strike on Kyiv kills 19\" was not sent here: this chat is not subscribed."));
        f.admin("subscribe");
        f.admin("keywords add odesa");
        assertThat(f.member("why k1").text()).isEqualTo("""
                Story k1 "Missile strike on Kyiv kills 19" was not sent here.
                - topics: attack; wanted here: attack and diplomacy — ok
                - severity: 80; minimum here: 40 — ok
                - keywords: no include keyword matched ("odesa") — excluded
                - paused: no — ok""");
        f.admin("keywords remove odesa");
        assertThat(f.member("why k1").text()).startsWith("Story k1 \"Missile strike on Kyiv kills 19\" was not sent"
                + " here, though the current settings let it through (they were probably changed after it arrived).");
        assertThat(f.member("why")).isEqualTo(Reply.ephemeral("Give one story id.\nUsage: why <story id>"));
        assertThat(f.member("why x9")).isEqualTo(Reply.of("No story has the id x9."));
    }
}
