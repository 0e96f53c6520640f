package newsalert.testing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;

/** Story and assessment builders for tests. */
public final class Stories {
    private Stories() {
    }

    public static Story story(String id, String title, Instant published) {
        return new Story(id, "Test Wire", title, "https://news.test/" + id, published, title + ". Body text.");
    }

    /** An attack assessment with 19 killed and at least 48 injured and one quote. */
    public static Assessment attack(boolean alert) {
        return new Assessment(Set.of(Topic.ATTACK), 80, List.of("attack: \"missile strike\"", "killed 19"),
                new Casualties(CasualtyCount.exact(19), CasualtyCount.of(48, Qualifier.AT_LEAST), null),
                List.of(new Quote("Keir Starmer", "UK Prime Minister", "sabotaging peace talks")), alert);
    }

    /** Like {@link #attack(boolean)} with an alert, but with {@code killed} killed (exact). */
    public static Assessment attackKilling(int killed) {
        Assessment a = attack(true);
        return new Assessment(a.topics(), a.severity(), a.reasons(),
                new Casualties(CasualtyCount.exact(killed), a.casualties().injured(), null), a.quotes(), true);
    }

    /** An assessment with no topic. */
    public static Assessment nothing() {
        return new Assessment(Set.of(), 0, List.of(), Casualties.NONE, List.of(), false);
    }
}
