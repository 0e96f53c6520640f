package newsalert.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;

class StoryJsonTest {
    @Test
    void scanShapeHasThePublicFieldsInOrder() {
        Story s = Stories.story("id-1", "Strike", Instant.parse("2025-08-28T14:30:00Z"));
        String line = StoryJson.toLine(StoryJson.toJson(s, Stories.attack(true), false));
        assertThat(line).isEqualTo("{\"id\":\"id-1\",\"source\":\"Test Wire\",\"title\":\"Strike\","
                + "\"link\":\"https://news.test/id-1\",\"published\":\"2025-08-28T14:30:00Z\","
                + "\"topics\":[\"attack\"],\"severity\":80,"
                + "\"reasons\":[\"attack: \\\"missile strike\\\"\",\"killed 19\"],"
                + "\"casualties\":{\"killed\":{\"min\":19,\"max\":null,\"qualifier\":\"exact\"},"
                + "\"injured\":{\"min\":48,\"max\":null,\"qualifier\":\"at_least\"}},"
                + "\"quotes\":[{\"speaker\":\"Keir Starmer\",\"role\":\"UK Prime Minister\","
                + "\"text\":\"sabotaging peace talks\"}],\"alert\":true,\"language\":null}");
    }

    @Test
    void nullPublishedAndRangeAndBothTopics() {
        Story s = new Story("x", "S", "T", null, null, "b");
        Assessment a = new Assessment(Set.of(Topic.DIPLOMACY, Topic.ATTACK), 50, List.of(),
                new Casualties(null, null, CasualtyCount.range(20, 25)), List.of(), false);
        var node = StoryJson.toJson(s, a, false);
        assertThat(node.get("published").isNull()).isTrue();
        assertThat(node.get("topics").toString()).isEqualTo("[\"attack\",\"diplomacy\"]");
        assertThat(node.get("casualties").toString())
                .isEqualTo("{\"missing\":{\"min\":20,\"max\":25,\"qualifier\":\"range\"}}");
        assertThat(node.has("body")).isFalse();
    }

    @Test
    void roundTripsWithBody() {
        Story s = Stories.story("id-2", "Talks", Instant.parse("2025-01-01T00:00:00Z"));
        var node = StoryJson.parse(StoryJson.toLine(StoryJson.toJson(s, Stories.attack(false), true)));
        assertThat(StoryJson.storyFrom(node)).isEqualTo(s);
        assertThat(StoryJson.assessmentFrom(node)).isEqualTo(Stories.attack(false));
    }

    @Test
    void evidenceIsWrittenWhenKnownAndReadBack() {
        Story s = Stories.story("ev", "Strike", Instant.parse("2025-01-01T00:00:00Z"));
        Assessment a = new Assessment(Set.of(Topic.ATTACK), 60, List.of(),
                new Casualties(CasualtyCount.exact(3).withEvidence("killing three people"), null, null),
                List.of(new newsalert.story.Quote("Oleh Kiper", "Governor", "We will rebuild")
                        .withEvidence("after: Governor Oleh Kiper said")), true);
        var node = StoryJson.toJson(s, a, true);
        assertThat(node.at("/casualties/killed/evidence").asText()).isEqualTo("killing three people");
        assertThat(node.at("/quotes/0/evidence").asText()).isEqualTo("after: Governor Oleh Kiper said");
        Assessment back = StoryJson.assessmentFrom(StoryJson.parse(StoryJson.toLine(node)));
        assertThat(back.casualties().killed().evidence()).isEqualTo("killing three people");
        assertThat(back.quotes().get(0).evidence()).isEqualTo("after: Governor Oleh Kiper said");
        // evidence explains a value; it is not part of it
        assertThat(back.casualties().killed()).isEqualTo(CasualtyCount.exact(3));
    }

    @Test
    void languageIsWrittenAndReadBack() {
        Story s = new Story("de", "S", "Drei Tote", null, null, "b");
        Assessment a = new Assessment(Set.of(), 0, List.of("language: de — not analysed"), Casualties.NONE,
                List.of(), false, "de");
        var node = StoryJson.toJson(s, a, true);
        assertThat(node.get("language").asText()).isEqualTo("de");
        assertThat(StoryJson.assessmentFrom(StoryJson.parse(StoryJson.toLine(node)))).isEqualTo(a);
    }

    @Test
    void storedJsonWrittenBeforeTheLanguageFieldStillReads() {
        String older = "{\"id\":\"old\",\"source\":\"S\",\"title\":\"T\",\"link\":null,\"published\":null,"
                + "\"topics\":[\"attack\"],\"severity\":60,\"reasons\":[],\"casualties\":{},\"quotes\":[],"
                + "\"alert\":true,\"body\":\"b\"}";
        Assessment a = StoryJson.assessmentFrom(StoryJson.parse(older));
        assertThat(a.language()).isNull();
        assertThat(a.topics()).containsExactly(Topic.ATTACK);
        assertThat(a.analysed()).isTrue();
    }

    @Test
    void anEventRevisionRoundTripsApartFromTheBodyAndOldViewsReadWithoutOne() {
        Story.Update update = new Story.Update(Instant.parse("2026-03-03T13:00:00Z"), "19 killed (was 15); 3 outlets");
        Story story = new Story("e1", "Alpha Wire", "Strike", "https://a.example.test/1",
                Instant.parse("2026-03-03T06:00:00Z"), "Text.", null, null, update);
        Assessment a = new Assessment(Set.of(Topic.ATTACK), 90, List.of(), Casualties.NONE, List.of(), true);

        String line = StoryJson.toLine(StoryJson.toJson(story, a, true));
        assertThat(line).endsWith(",\"body\":\"Text.\",\"update\":{\"at\":\"2026-03-03T13:00:00Z\","
                + "\"change\":\"19 killed (was 15); 3 outlets\"}}");
        assertThat(StoryJson.storyFrom(StoryJson.parse(line))).isEqualTo(story);

        Story plain = new Story("e1", "Alpha Wire", "Strike", null, null, "Updated 13:00 UTC: 3 outlets\n\nText.");
        Story back = StoryJson.storyFrom(StoryJson.parse(StoryJson.toLine(StoryJson.toJson(plain, a, true))));
        assertThat(back.update()).isNull();
        assertThat(back.body()).isEqualTo("Updated 13:00 UTC: 3 outlets\n\nText.");
    }
}
