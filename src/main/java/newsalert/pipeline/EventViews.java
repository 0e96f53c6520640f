package newsalert.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import newsalert.event.Event;
import newsalert.event.EventStory;
import newsalert.event.EventUpdate;
import newsalert.store.EventView;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Story;
import newsalert.story.Topic;

/**
 * Builds what an event's alert shows, in the story and assessment shapes every renderer already takes.
 *
 * <p>The view's story is the standing story (id, headline, link, publication time, text) with its source
 * replaced by the event's outlets ("Alpha Wire", "Alpha Wire and Beta News", "Alpha Wire, Beta News and 2
 * more"). Its assessment has the event's topics, severity and fused casualty counts, the event's merged
 * quotes, the standing story's reasons plus one naming the event, and {@code alert} true. A revision sets the
 * story's {@link Story.Update} (when, and what changed from what); each platform writes it as one "Updated
 * HH:mm …" line in the chat's zone, so edited alerts show it.
 */
final class EventViews {
    private static final int NAMED_OUTLETS = 2;

    private EventViews() {
    }

    /**
     * @param eventId  the stored event id
     * @param event    the event now
     * @param standing the story that stands for the event
     * @param update   the revision being shown, or {@code null} for the first alert
     */
    static EventView of(String eventId, Event event, Story standing, EventUpdate update) {
        Objects.requireNonNull(standing, "standing");
        Story story = new Story(standing.id(), outlets(event), standing.title(), standing.link(), standing.published(),
                standing.body(), standing.image(), standing.author(), update == null ? null : revision(update));
        List<String> reasons = new ArrayList<>();
        reasons.add("event " + eventId + ": " + event.stories().size() + " stories from " + event.outlets()
                + (event.outlets() == 1 ? " outlet" : " outlets"));
        Assessment assessment = new Assessment(event.topics(), event.severity(), reasons,
                event.casualties().counts(), event.quotes(), true);
        return new EventView(eventId, story, assessment);
    }

    /** @return the outlets in the order they reported, two named and the rest counted */
    static String outlets(Event event) {
        Set<String> names = new LinkedHashSet<>();
        for (EventStory s : event.stories()) {
            if (s.source() != null && !s.source().isBlank()) {
                names.add(s.source());
            }
        }
        List<String> list = new ArrayList<>(names);
        if (list.isEmpty()) {
            return "";
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        if (list.size() == NAMED_OUTLETS) {
            return list.get(0) + " and " + list.get(1);
        }
        return list.get(0) + ", " + list.get(1) + " and " + (list.size() - NAMED_OUTLETS) + " more";
    }

    /**
     * @return the revision's time and what changed, e.g. 09:40Z and "19 killed (was at least 12); now also
     *         diplomacy; 3 outlets"; renderers write it as an "Updated HH:mm" line in each chat's zone
     */
    static Story.Update revision(EventUpdate u) {
        Casualties before = u.before() == null ? Casualties.NONE : u.before().casualties().counts();
        Casualties after = u.after().casualties().counts();
        List<String> parts = new ArrayList<>();
        change(parts, before.killed(), after.killed(), "killed");
        change(parts, before.injured(), after.injured(), "injured");
        change(parts, before.missing(), after.missing(), "missing");
        if (u.before() != null && !u.before().topics().equals(u.after().topics())) {
            Set<Topic> gained = new LinkedHashSet<>(u.after().topics());
            gained.removeAll(u.before().topics());
            if (!gained.isEmpty()) {
                parts.add("now also " + gained.stream().map(Topic::wireName).collect(Collectors.joining(" and ")));
            }
        }
        parts.add(u.after().outlets() + (u.after().outlets() == 1 ? " outlet" : " outlets"));
        return new Story.Update(u.after().last(), String.join("; ", parts));
    }

    /**
     * @return the follow-up posted under the alert when the killed count rose sharply, e.g. "Death toll now 19
     *         (was at least 12), 3 outlets: Missile strike on Poltava…" (the headline cut to 120 characters)
     */
    static String followUp(EventUpdate u, Story standing) {
        CasualtyCount before = u.before() == null ? null : u.before().casualties().counts().killed();
        CasualtyCount after = u.after().casualties().counts().killed();
        String title = standing.title().length() > 120 ? standing.title().substring(0, 119) + "…" : standing.title();
        return "Death toll now " + (after == null ? "unknown" : after.display())
                + (before == null ? "" : " (was " + before.display() + ")") + ", " + u.after().outlets()
                + (u.after().outlets() == 1 ? " outlet: " : " outlets: ") + title;
    }

    private static void change(List<String> parts, CasualtyCount before, CasualtyCount after, String word) {
        if (Objects.equals(before, after) || after == null) {
            return;
        }
        parts.add(after.display() + " " + word + (before == null ? "" : " (was " + before.display() + ")"));
    }
}
