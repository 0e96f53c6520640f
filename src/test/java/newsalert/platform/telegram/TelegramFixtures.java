package newsalert.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;

/** Stories for the Telegram tests, and checks on Telegram HTML. */
final class TelegramFixtures {
    static final Instant PUBLISHED = Instant.parse("2025-08-28T05:40:00Z");

    private TelegramFixtures() {
    }

    /** The Kharkiv strike: 12 killed, at least 30 injured, three quotes (two are shown). */
    static Story kharkiv() {
        return new Story("wire-kharkiv-2025-08-28", "Test Wire", "Missile strike on Kharkiv kills 12",
                "https://news.example.org/world/kharkiv?id=12&src=rss", PUBLISHED,
                "A missile struck a residential district of Kharkiv overnight, killing 12 people and wounding at "
                        + "least 30 others, regional officials said on Thursday. Rescue crews worked through the "
                        + "night to reach people trapped under a collapsed apartment block.");
    }

    static Assessment kharkivAssessment() {
        return new Assessment(Set.of(Topic.ATTACK), 80, List.of("attack: \"missile strike\""),
                new Casualties(CasualtyCount.exact(12), CasualtyCount.of(30, Qualifier.AT_LEAST), null),
                List.of(new Quote("Oleh Syniehubov", "regional governor", "Rescue teams are still searching the rubble"),
                        new Quote("Ihor Terekhov", "Kharkiv mayor", "the city will not be intimidated"),
                        new Quote("Dmytro Lubinets", null, "a third quote that the alert leaves out")),
                true);
    }

    /** A story with the given title, body and link and a plain attack assessment. */
    static Story story(String title, String body, String link) {
        return new Story("s-1", "Test Wire", title, link, PUBLISHED, body);
    }

    static Assessment plainAttack() {
        return new Assessment(Set.of(Topic.ATTACK), 60, List.of(), Casualties.NONE, List.of(), true);
    }

    private static final Pattern TAG = Pattern.compile("<(/?)(b|i|a)(?: href=\"[^\"<>]*\")?>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot);");

    /** @return the text as Telegram counts it after entity parsing: no tags, entities decoded */
    static String parsed(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    /**
     * Asserts the text is well-formed Telegram HTML for our tags: only b, i and a href, properly nested and
     * closed; no other {@code <} or {@code >}; every {@code &} starts one of the four entities; no lone
     * surrogate.
     */
    static void assertWellFormed(String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(html);
        StringBuilder outside = new StringBuilder();
        int last = 0;
        while (m.find()) {
            outside.append(html, last, m.start());
            last = m.end();
            if (m.group(1).isEmpty()) {
                open.push(m.group(2));
            } else {
                assertThat(open).as("closing </%s> in %s", m.group(2), html).isNotEmpty();
                assertThat(open.pop()).isEqualTo(m.group(2));
            }
        }
        outside.append(html.substring(last));
        assertThat(open).as("unclosed tags").isEmpty();
        String text = outside.toString();
        assertThat(text).doesNotContain("<").doesNotContain(">");
        assertThat(ENTITY.matcher(text).replaceAll("")).doesNotContain("&");
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < html.length() && Character.isLowSurrogate(html.charAt(i + 1))).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
            }
        }
    }
}
