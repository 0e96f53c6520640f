package newsalert.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import newsalert.event.EventUpdate;
import newsalert.store.EventView;
import newsalert.store.NewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Target;

/** Records the poller's entries with their events (see {@link EventTracker} for the rules). */
final class EventRecorder {
    private final NewsStore store;
    private final EventTracker events;

    EventRecorder(NewsStore store, EventTracker events) {
        this.store = store;
        this.events = events;
    }

    /**
     * Records one entry with its event: the event alerts (with this story standing for it, routed on the
     * event's facts) when {@link EventTracker#alertNow} says so; otherwise an alerted event whose facts this
     * story changed gets its view revised and its sent alerts edited.
     */
    Recorded record(String feedUrl, Story story, Assessment a, boolean eligible, ChatRoutes.Routes routes,
                    Instant now) {
        EventUpdate u = events.offer(story, a);
        boolean newToEvents = u.changes().contains(EventUpdate.Change.CREATED)
                || u.changes().contains(EventUpdate.Change.STORY_ADDED);
        // a stored story (seen before, from this feed or another) alerts only when it became alert-worthy
        Optional<Boolean> stored = store.storedAlertWorthy(story.id());
        boolean becameWorthy = stored.isPresent() && a.alert() && !stored.get();
        boolean allowed = stored.isPresent() ? becameWorthy : newToEvents;
        EventView view = events.alertNow(u, story, eligible && allowed);
        List<Target> targets = view == null ? List.of() : routes.targets(view.story(), view.assessment());
        // a chat-added feed's alerts go to its chats only, never into the global alert list (console, latest)
        boolean fresh = store.recordEntry(feedUrl, story, a, view != null && routes.global(), now, targets,
                events.storedEventId(u), view);
        if (!fresh && view != null) {
            // a republished entry that became alert-worthy: alerted now, once
            store.alertRevisedStory(story, a, now, targets, events.storedEventId(u), view);
            return new Recorded(false, true, targets.size(), 0, view.assessment().topics(), false);
        }
        int edits = 0;
        boolean revisedEvent = false;
        if (!fresh) {
            List<Target> edited = store.reviseStory(story, a, now);
            edits += edited.size();
            if (!edited.isEmpty() && !u.changes().contains(EventUpdate.Change.STORY_REVISED)) {
                // the story's event has left the memory (older than the window): its alert shows this story's
                // own new facts
                String eventId = standingFor(story.id());
                if (eventId != null) {
                    store.reviseEvent(EventViews.of(eventId, u.after(), story, null), now);
                    revisedEvent = true;
                }
            }
        }
        EventView revised = view == null ? events.revision(u) : null;
        if (revised != null) {
            edits += store.reviseEvent(revised, now, events.followUp(u)).size();
            revisedEvent = true;
        }
        boolean alert = view != null && fresh;
        return new Recorded(fresh, alert, fresh ? targets.size() : 0, edits,
                alert ? view.assessment().topics() : Set.of(), revisedEvent);
    }

    /** @return the stored event the story stands for, or {@code null} */
    private String standingFor(String storyId) {
        for (var e : store.alertedEvents().entrySet()) {
            if (e.getValue().equals(storyId)) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * What recording one entry did.
     *
     * @param topics  the alert's topics (the event's), empty when it did not alert
     * @param revised whether an alerted event's view was revised
     */
    record Recorded(boolean fresh, boolean alert, int routed, int edits, Set<Topic> topics, boolean revised) {
    }
}
