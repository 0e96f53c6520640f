package newsalert.pipeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.event.Event;
import newsalert.event.EventGrouper;
import newsalert.event.EventId;
import newsalert.event.EventSettings;
import newsalert.event.EventStory;
import newsalert.event.EventUpdate;
import newsalert.store.EventView;
import newsalert.store.StoredStory;
import newsalert.story.Assessment;
import newsalert.story.Story;

/**
 * The poller's memory of events: groups each story into its event ({@link EventGrouper}) and decides, per the
 * rules of issue 6, when an event alerts and when its alert must be edited.
 *
 * <p>Rules:
 * <ul>
 *   <li>An event alerts once: when a story arrives that is eligible (new, recent, not on a feed's first poll),
 *       the event holds an alert-worthy story ({@link Assessment#alert()}), and the event has been reported by
 *       at least {@code minOutlets} distinct sources. The story that triggers it stands for the event: its
 *       headline and link head the alert, whose facts are the event's ({@link EventViews}).</li>
 *   <li>A republished entry that was not alert-worthy when first stored and now is (the caller checks the
 *       store) is eligible too, so a story updated in place from "explosions heard" to "strike kills 25"
 *       alerts once.</li>
 *   <li>Any later story of an alerted event (new, or a republished entry) never alerts again; when it changes the
 *       fused killed, injured or missing count or the event's topics, the event view is revised and the sent
 *       alerts are edited.</li>
 * </ul>
 * After a restart, {@link #rebuild} offers the stored stories of the window again in published order and
 * re-attaches the stored alerted events to the rebuilt ones through their standing stories, keeping the
 * stored event ids. Not thread-safe: one per poller.
 */
public final class EventTracker {
    private EventGrouper grouper;
    private final EventSettings settings;
    private final boolean explain;
    /**
     * Whether the memory may differ from the store: a decision changed it and its write was not (yet) committed.
     * The next locked decision then rebuilds it first ({@link #reset}, {@link #rebuild}).
     */
    private boolean dirty;
    private final int minOutlets;
    /** In-memory event id → the stored event id (differs only when a rebuild grouped differently). */
    private final Map<EventId, String> alerted = new HashMap<>();
    /** In-memory event id → the story standing for it. */
    private final Map<EventId, Story> standing = new HashMap<>();
    private final Set<EventId> worthy = new HashSet<>();
    /** The highest {@code story.seq} this memory has read from the store ({@link #catchUp}). */
    private long seenSeq;

    /**
     * @param settings   the grouping window and thresholds
     * @param minOutlets distinct sources an event needs before it alerts; at least 1
     * @throws IllegalArgumentException when {@code minOutlets} is below 1
     */
    public EventTracker(EventSettings settings, int minOutlets) {
        this(settings, minOutlets, false);
    }

    /**
     * @param explain whether the grouper keeps why each story started or joined its event ({@link #explanations},
     *                for {@code scan --events --explain}); grouping is the same either way
     * @throws IllegalArgumentException when {@code minOutlets} is below 1
     */
    public EventTracker(EventSettings settings, int minOutlets, boolean explain) {
        if (minOutlets < 1) {
            throw new IllegalArgumentException("min-outlets must be at least 1, got " + minOutlets);
        }
        this.settings = settings;
        this.explain = explain;
        this.grouper = new EventGrouper(settings, explain);
        this.minOutlets = minOutlets;
    }

    /** @return {@code events.min-outlets}: distinct sources an event needs before it alerts */
    public int minOutlets() {
        return minOutlets;
    }

    /**
     * @param storyId a story id
     * @return the id of the event the story is in now (the stored id once the event alerted), or {@code null}
     *         when the story was never offered or its event left the memory
     */
    public String eventOf(String storyId) {
        return grouper.eventOf(storyId).map(id -> alerted.getOrDefault(id, id.value())).orElse(null);
    }

    /** @return the distinct sources of the story's event now; 0 when the memory does not hold the story */
    public int outletsOf(String storyId) {
        return grouper.eventOf(storyId).flatMap(grouper::event).map(Event::outlets).orElse(0);
    }

    /** @return every event in the memory, in the order they were created */
    public List<Event> events() {
        return grouper.events();
    }

    /** @return why each story of the event started or joined it; empty unless built to explain */
    public List<newsalert.event.JoinExplanation> explanations(Event event) {
        return grouper.explanations(event);
    }

    /** @return how many stories the memory holds (a story offered again is held once) */
    public int storiesHeld() {
        return grouper.storyCount();
    }

    /** @return how far back {@link #rebuild} should read stories */
    public java.time.Duration window() {
        return settings.window();
    }

    /**
     * Regroups the stored stories of the window and marks the events that were alerted.
     *
     * @param stories the stories published in the window, oldest first ({@code NewsStore#storiesSince})
     * @param events  alerted events as stored: event id → standing story id
     */
    public void rebuild(List<StoredStory> stories, Map<String, String> events) {
        Map<String, String> eventOfStanding = new HashMap<>();
        events.forEach((eventId, storyId) -> eventOfStanding.put(storyId, eventId));
        Map<String, Story> byId = new HashMap<>();
        for (StoredStory s : stories) {
            EventUpdate u = grouper.offer(s.story(), s.assessment());
            byId.put(s.story().id(), s.story());
            if (s.assessment().alert()) {
                worthy.add(u.id());
            }
        }
        for (Event e : grouper.events()) {
            for (EventStory member : e.stories()) {
                String stored = eventOfStanding.get(member.id());
                if (stored != null && byId.containsKey(member.id())) {
                    alerted.put(e.id(), stored);
                    standing.put(e.id(), byId.get(member.id()));
                    break;
                }
            }
        }
    }

    /**
     * Forgets everything (events, alert marks, the seq caught up to), to be {@linkplain #rebuild rebuilt} from the
     * store: after a decision whose write was not committed ({@link #dirty}).
     */
    public void reset() {
        grouper = new EventGrouper(settings, explain);
        alerted.clear();
        standing.clear();
        worthy.clear();
        seenSeq = 0;
        dirty = false;
    }

    /**
     * @return whether a decision changed the memory and its write was not known to be committed: the memory may
     *         hold stories and alert marks the store does not, and must be rebuilt before the next decision
     */
    public boolean dirty() {
        return dirty;
    }

    /**
     * Says whether the memory may differ from the store: {@code true} just before a decision changes it, {@code false}
     * once the decision's write is committed (or the memory was rebuilt).
     */
    public void dirty(boolean dirty) {
        this.dirty = dirty;
    }

    /** @return the highest {@code story.seq} this memory has caught up to; 0 before any */
    public long seenSeq() {
        return seenSeq;
    }

    /**
     * Sets where the next {@link #catchUp} starts: at a rebuild, the store's highest seq read before the window's
     * stories (a story stored in between comes again and is skipped when held).
     */
    public void seenSeq(long seq) {
        seenSeq = Math.max(seenSeq, seq);
    }

    /**
     * Offers the stories other instances on the same database stored since this memory last looked, in store
     * order, and marks the events they alerted: so a decision here sees their stories and does not alert an event
     * they alerted already (it edits it), and their outlets count toward {@code events.min-outlets}. A story the
     * memory holds already (this instance stored it, or read it before) is offered again only when its stored
     * casualty counts, topics or alert-worthiness differ from the held ones (another instance revised it: the offer
     * revises it here too); one published before {@code since} (outside the window) is skipped, as {@link #rebuild}
     * would.
     *
     * @param stories {@code NewsStore#storiesAfter(seenSeq(), …)}, lowest seq first
     * @param since   the start of the event window
     * @return how many stories were offered
     */
    public int catchUp(List<newsalert.store.CaughtStory> stories, Instant since) {
        int offered = 0;
        for (newsalert.store.CaughtStory c : stories) {
            seenSeq = Math.max(seenSeq, c.seq());
            Story story = c.stored().story();
            Instant at = story.published() != null ? story.published() : c.stored().firstSeen();
            boolean held = grouper.eventOf(story.id()).isPresent();
            if (!held) {
                if (at.isBefore(since)) {
                    continue;
                }
                offer(story, c.stored().assessment());
                offered++;
            } else if (!grouper.holdsAsIs(story.id(), c.stored().assessment())) {
                // another instance revised it (new counts or topics) or found it alert-worthy: offer revises it
                offer(story, c.stored().assessment());
                offered++;
            }
            if (c.standsFor() != null) {
                EventId id = grouper.eventOf(story.id()).orElse(null);
                if (id != null && !alerted.containsKey(id)) {
                    alerted.put(id, c.standsFor());
                    standing.put(id, story);
                }
            }
        }
        return offered;
    }

    /** Adds (or revises) a story in its event. */
    public EventUpdate offer(Story story, Assessment assessment) {
        EventUpdate u = grouper.offer(story, assessment);
        if (assessment.alert()) {
            worthy.add(u.id());
        }
        return u;
    }

    /**
     * Decides whether the event alerts now, with this story standing for it; if so, remembers that it did.
     *
     * @param u        the update {@link #offer} returned for the story
     * @param story    the story
     * @param eligible whether the story may alert at all (new, recent, not on a feed's first poll)
     * @return the view to alert with, or {@code null}
     */
    public EventView alertNow(EventUpdate u, Story story, boolean eligible) {
        if (!eligible || alerted.containsKey(u.id()) || !worthy.contains(u.id())
                || u.after().outlets() < minOutlets) {
            return null;
        }
        alerted.put(u.id(), u.id().value());
        standing.put(u.id(), story);
        return EventViews.of(u.id().value(), u.after(), story, null);
    }

    /**
     * Says why the event did not alert with this story, for a story {@link #alertNow} passed over although it
     * was eligible: its event was alerted already, holds no alert-worthy story, or has too few outlets.
     *
     * @param u   the update {@link #offer} returned for the story
     * @param a   the story's assessment
     * @param cut {@code analysis.alert-severity}, or a negative number when unknown
     * @return the decision, or {@code null} when none of those holds
     */
    public AlertDecision heldBecause(EventUpdate u, Assessment a, int cut) {
        String stored = alerted.get(u.id());
        if (stored != null) {
            Story stand = standing.get(u.id());
            return AlertDecision.joinedEvent(stored, stand == null ? "?" : stand.title());
        }
        if (!worthy.contains(u.id())) {
            return AlertDecision.belowCut(a.severity(), cut);
        }
        if (u.after().outlets() < minOutlets) {
            return AlertDecision.heldByMinOutlets(u.after().outlets(), minOutlets);
        }
        return null;
    }

    /**
     * @return the revised view when the event was alerted and this update changed what its alert shows
     *         (counts or topics), else {@code null}
     */
    public EventView revision(EventUpdate u) {
        String storedId = alerted.get(u.id());
        if (storedId == null || !(u.changesAlert() || u.changes().contains(EventUpdate.Change.MISSING))) {
            return null;
        }
        return EventViews.of(storedId, u.after(), standing.get(u.id()), u);
    }

    /**
     * @return the follow-up text for a revision that raised the killed count sharply
     *         ({@link EventUpdate#largeKilledRise()}), else {@code null}
     */
    public String followUp(EventUpdate u) {
        Story story = standing.get(u.id());
        return story != null && alerted.containsKey(u.id()) && u.largeKilledRise() ? EventViews.followUp(u, story)
                : null;
    }

    /** @return the stored id of the story's event, or {@code null} before it was grouped */
    public String storedEventId(EventUpdate u) {
        return alerted.getOrDefault(u.id(), u.id().value());
    }

    /** Forgets events whose newest story is older than {@code cutoff}, with their alert state. */
    public void forgetBefore(Instant cutoff) {
        grouper.forgetBefore(cutoff);
        Set<EventId> live = new HashSet<>();
        grouper.events().forEach(e -> live.add(e.id()));
        alerted.keySet().retainAll(live);
        standing.keySet().retainAll(live);
        worthy.retainAll(live);
    }
}
