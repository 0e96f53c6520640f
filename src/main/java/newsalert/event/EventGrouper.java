package newsalert.event;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;

/**
 * Groups stories into events incrementally: each {@link #offer} puts one story into the best matching
 * event inside the window, or starts a new one.
 *
 * <p><b>Candidates come from an index, not from all pairs.</b> Each story is read into places, names and
 * a weighted term vector ({@link StoryFeatures}). Events are indexed under every place and name of their
 * stories; a new story looks up its own places and names and scores only the {@code postingCap} most
 * recent events under each (so at most keys × postingCap events per story, whatever the window holds).
 * A story with neither place nor name is looked up under its terms instead. Events whose newest story is
 * older than the newest story seen minus the window leave the index.
 *
 * <p><b>Join rule</b> ({@link JoinRule}): same kind, a place shared with more than half of the event's
 * stories that name places (so a round-up naming two cities does not bridge them), within the window, not
 * a second happening (an attack story naming another target, means or attacker, at any time; or hours later,
 * without update wording: another weapon, a lower toll, or a toll-stating attack report from an outlet
 * already in the event; {@link SeparateReportRule}), and title+lead alike by
 * TF-IDF cosine — overall and in the wording alone — with a bar that rises with the hours since the
 * event's first story, for another weekday, and for a much lower toll. Of
 * the events that pass, the one whose similarity clears its bar by the most wins (ties: the older event).
 * A story whose id is already in an event revises its member there (no regrouping).
 *
 * <p>Offer stories in published order where possible (as {@code scan} and {@code eval} do): an event
 * leaves the index once the newest story seen is more than the window past its newest story, so a story
 * offered long after newer ones may no longer find its event.
 *
 * <p>Stories without a published time are placed at the newest time seen so far (the epoch when none).
 * Same stories in the same order give the same events and the same ids ({@link EventId#fromFirstStory}),
 * so the grouper can be rebuilt at start-up by offering stored stories in published order.
 *
 * <p>Built with {@code explain = true} (for {@code scan --explain}), it also keeps, per story, why it went
 * where it did ({@link #explanations}); otherwise it keeps nothing more and does no extra work.
 *
 * <p>Not thread-safe: one thread offers, or callers synchronise.
 */
public final class EventGrouper {

    private final EventSettings settings;
    private final JoinRule rule;
    /** Null unless built to explain. */
    private final JoinExplainer explainer;
    private final Map<EventId, EventState> events = new LinkedHashMap<>();
    private final Map<String, EventState> byStory = new HashMap<>();
    private final Map<String, ArrayDeque<EventState>> index = new HashMap<>();
    private final TermCounts documentFrequency = new TermCounts();
    private long documents;
    private Instant newest;
    private int stamp;
    private int lastCandidates;
    private int createdCount;

    /** @param settings window, similarity and candidate cap */
    public EventGrouper(EventSettings settings) {
        this(settings, false);
    }

    /**
     * @param settings window, similarity and candidate cap
     * @param explain  whether to keep, per story, why it started or joined its event ({@link #explanations});
     *                 grouping is the same either way
     */
    public EventGrouper(EventSettings settings, boolean explain) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rule = new JoinRule(settings);
        this.explainer = explain ? new JoinExplainer(settings) : null;
    }

    /** A grouper with {@link EventSettings#defaults()}. */
    public EventGrouper() {
        this(EventSettings.defaults());
    }

    /**
     * Adds one story.
     *
     * @param story      the story
     * @param assessment its assessment (topics, severity, casualties, quotes)
     * @return the id of the event it is now in
     */
    public EventId add(Story story, Assessment assessment) {
        return offer(story, assessment).id();
    }

    /**
     * @param storyId    a story id
     * @param assessment an assessment of it
     * @return whether the story is grouped with the same casualty counts, topics and alert flag as that assessment
     *         (what an alert shows of it; wording aside); false when it is not grouped
     */
    public boolean holdsAsIs(String storyId, Assessment assessment) {
        EventState state = byStory.get(storyId);
        EventState.Member member = state == null ? null : state.member(storyId);
        if (member == null) {
            return false;
        }
        Assessment held = member.assessment();
        return held.alert() == assessment.alert() && held.casualties().equals(assessment.casualties())
                && held.topics().equals(assessment.topics());
    }

    /**
     * Adds one story and says what it changed.
     *
     * @param story      the story; when its id is already grouped, its member is revised in place
     * @param assessment its assessment
     * @return the event before and after, with the changes (killed/injured/missing, topics, severity…)
     */
    public EventUpdate offer(Story story, Assessment assessment) {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(assessment, "assessment");
        Instant time = story.published() != null ? story.published() : newest != null ? newest : Instant.EPOCH;
        if (newest == null || time.isAfter(newest)) {
            newest = time;
        }
        EventState existing = byStory.get(story.id());
        EventState.Member was = existing == null ? null : existing.member(story.id());
        // the features depend on the story alone: a republished entry with the same text is not read again
        StoryFeatures features = was != null && was.story().equals(story) ? was.features().reread()
                : StoryFeatures.of(story);
        documents++;
        for (int id : features.terms.ids) {
            documentFrequency.increment(id);
        }
        features.terms = features.terms.weighted(this::idf);
        features.content = features.content.weighted(this::idf);
        EventState.Member member = new EventState.Member(story, assessment, features, time);
        if (existing != null) {
            Event before = existing.snapshot();
            boolean changed = existing.revise(member);
            indexUnder(existing, features);
            return changed ? update(existing, before, EventUpdate.Change.STORY_REVISED)
                    : new EventUpdate(existing.id, before, before, EnumSet.of(EventUpdate.Change.STORY_REVISED));
        }
        EventState best = bestCandidate(features, assessment.topics(), killedOf(assessment), time);
        if (best == null) {
            EventState created = new EventState(EventId.fromFirstStory(story.id()), assessment.topics(), created());
            created.add(member);
            if (explainer != null) {
                explainer.started(story, features, created.id);
            }
            events.put(created.id, created);
            byStory.put(story.id(), created);
            indexUnder(created, features);
            return new EventUpdate(created.id, null, created.snapshot(), EnumSet.of(EventUpdate.Change.CREATED));
        }
        if (explainer != null) {
            explainer.joined(story, best);
        }
        Event before = best.snapshot();
        best.add(member);
        byStory.put(story.id(), best);
        indexUnder(best, features);
        return update(best, before, EventUpdate.Change.STORY_ADDED);
    }

    /**
     * @param id an event id
     * @return the event's current snapshot, if this grouper holds it
     */
    public Optional<Event> event(EventId id) {
        EventState e = events.get(id);
        return e == null ? Optional.empty() : Optional.of(e.snapshot());
    }

    /**
     * @param storyId a story id
     * @return the id of the event the story is in, if it was added
     */
    public Optional<EventId> eventOf(String storyId) {
        EventState e = byStory.get(storyId);
        return e == null ? Optional.empty() : Optional.of(e.id);
    }

    /** @return how many events are held (cheaper than {@code events().size()}) */
    public int size() {
        return events.size();
    }

    /** @return how many stories are held across all events (a story offered again counts once) */
    public int storyCount() {
        return byStory.size();
    }

    /** @return every event held, in the order they were created */
    public List<Event> events() {
        List<Event> out = new ArrayList<>(events.size());
        events.values().forEach(e -> out.add(e.snapshot()));
        return out;
    }

    /**
     * @param event an event of this grouper
     * @return why each of its stories is in it, in the event's story order; empty when this grouper was not
     *         built to explain (a story revised in place keeps the explanation of its first telling)
     */
    public List<JoinExplanation> explanations(Event event) {
        return explainer == null ? List.of() : explainer.of(event);
    }

    /** @return how many events scored as candidates for the last story offered (a bound check for tests) */
    public int lastCandidates() {
        return lastCandidates;
    }

    /**
     * Drops events whose newest story is older than {@code cutoff} from memory (they already left the
     * index when they left the window). For long-running use; {@code scan} never calls it.
     *
     * @param cutoff events with {@code last} before this are forgotten
     * @return how many events were dropped
     */
    public int forgetBefore(Instant cutoff) {
        int dropped = 0;
        for (Iterator<EventState> it = events.values().iterator(); it.hasNext(); ) {
            EventState e = it.next();
            if (e.last.isBefore(cutoff)) {
                e.retired = true;
                e.members.forEach(m -> byStory.remove(m.story().id()));
                if (explainer != null) {
                    explainer.forget(e);
                }
                it.remove();
                dropped++;
            }
        }
        return dropped;
    }

    /** Smoothed inverse document frequency: {@code ln((N + 1) / (df + 1)) + 1} over the stories offered so far. */
    private double idf(int termId) {
        int df = documentFrequency.get(termId);
        return Math.log((documents + 1.0) / (df + 1.0)) + 1.0;
    }

    private int created() {
        return createdCount++;
    }

    static int killedOf(Assessment a) {
        return a.casualties().killed() == null ? -1 : a.casualties().killed().min();
    }

    private EventUpdate update(EventState e, Event before, EventUpdate.Change how) {
        return EventUpdate.between(e.id, before, e.snapshot(), how);
    }

    private EventState bestCandidate(StoryFeatures f, Set<Topic> topics, int killed, Instant time) {
        stamp++;
        lastCandidates = 0;
        EventState best = null;
        double bestScore = -1;
        for (String key : lookupKeys(f)) {
            ArrayDeque<EventState> posting = index.get(key);
            if (posting == null) {
                continue;
            }
            prune(posting);
            int seen = 0;
            for (Iterator<EventState> it = posting.descendingIterator(); it.hasNext() && seen < settings.postingCap(); ) {
                EventState e = it.next();
                seen++;
                if (e.stamp == stamp || e.retired) {
                    continue;
                }
                e.stamp = stamp;
                lastCandidates++;
                double score = explainer == null ? rule.score(f, topics, killed, time, e)
                        : explainer.score(f, topics, killed, time, e);
                if (score >= 0 && (best == null || score > bestScore || score == bestScore && e.seq < best.seq)) {
                    best = e;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    private static Set<String> lookupKeys(StoryFeatures f) {
        Set<String> keys = new TreeSet<>(f.keys());
        if (keys.isEmpty()) {
            for (int id : f.terms.ids) {
                keys.add("t:" + id);
            }
        }
        return keys;
    }

    private void indexUnder(EventState e, StoryFeatures f) {
        for (String key : lookupKeys(f)) {
            ArrayDeque<EventState> posting = index.computeIfAbsent(key, k -> new ArrayDeque<>());
            if (posting.peekLast() != e) {
                posting.addLast(e);
            }
        }
    }

    /** Drops events that left the window from the old end of a posting list. */
    private void prune(ArrayDeque<EventState> posting) {
        Instant horizon = newest.minus(settings.window());
        while (!posting.isEmpty()) {
            EventState head = posting.peekFirst();
            if (head.retired || head.last.isBefore(horizon)) {
                posting.pollFirst();
            } else {
                break;
            }
        }
    }
}
