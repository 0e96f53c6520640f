package newsalert.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import newsalert.event.EventUpdate;
import newsalert.store.ChatFeedCap;
import newsalert.store.EventView;
import newsalert.store.FeedWrite;
import newsalert.store.PriorState;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Target;

/**
 * The decision about one feed read, as a function: given the read's entries, what the store knew about them
 * before ({@link PriorState}), the routes and the event memory, it returns the writes ({@link FeedWrite} effects)
 * and the counts of what they do. No store, no clock, no threads: the poller reads the prior state once, calls
 * this, and has the store apply the effects in one transaction.
 *
 * <p>Rules (see {@link Poller}):
 * <ul>
 *   <li>An entry the feed had before with the same content hash is skipped: not assessed, not offered to the
 *       events. An entry seen before without a hash (stored by an older version) counts as changed once.</li>
 *   <li>A new entry is seen, its story stored (or, from a configured feed, shared if it was chat-only), and on a
 *       later poll, when it is recent ({@code poll.max-age}), routed and — when alert-worthy and from a
 *       configured feed — alerted globally; a chat-added feed's rows pass its cap.</li>
 *   <li>An entry seen before whose content changed revises its stored story when its casualty counts or
 *       topics differ from the stored ones, and queues edits of the story's sent alerts (a chat-added feed
 *       revises only chat-only stories). Wording alone changes nothing.</li>
 *   <li>With events (configured feeds only): the unit that alerts is the event, once ({@link EventTracker}); a
 *       stored story that was not alert-worthy and now is alerts its event once; an alerted event whose facts
 *       changed gets its view revised and its sent alerts edited (with a follow-up reply on a sharp rise).</li>
 * </ul>
 * Not thread-safe (the event memory is not): one per poller.
 */
final class FeedDecision {
    /** Who a story goes to. */
    @FunctionalInterface
    interface Router {
        /** @return the targets of the story with that assessment; empty for none */
        List<Target> targets(Story story, Assessment assessment);
    }

    /**
     * One entry of the read.
     *
     * @param entryId     its id as the feed gives it
     * @param story       the story to store: source and published time filled in, and under its own id for a
     *                    chat-added feed
     * @param contentHash {@link ContentHash} of the entry as read
     */
    record Entry(String entryId, Story story, String contentHash) {
    }

    /**
     * One successful read of a feed.
     *
     * @param global    whether the feed is configured (its alerts are global, its stories join events); false for a
     *                  chat-added feed
     * @param cap       the chat-added feed's cap, or {@code null}
     * @param firstPoll whether it is the feed's first successful read (nothing alerts or is routed)
     * @param now       the poll time
     */
    record Read(String feedUrl, boolean global, ChatFeedCap cap, boolean firstPoll, Instant now,
                List<Entry> entries) {
        Read {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A new story with a topic that did not alert, and why (one INFO line, {@link AlertDecision}).
     *
     * @param entry the index of its entry in the read
     */
    record Held(int entry, Story story, Assessment assessment, AlertDecision decision) {
    }

    /** Whether an effect that queues edits counts its entry as a revision: never, when it queued any, always. */
    enum Revision { NEVER, IF_EDITS, ALWAYS }

    /**
     * How an effect that queues edits counts in {@link FeedEntries.Tally}.
     *
     * @param entry      the index of its entry in the read
     * @param countEdits whether its edit rows count as the read's edits
     * @param revision   whether it counts its entry as revised
     */
    record EditRole(int entry, boolean countEdits, Revision revision) {
    }

    /**
     * The decision: the effects to apply, and the counts that do not depend on applying them.
     *
     * @param effects  the writes, in order
     * @param fresh    entries new to the feed
     * @param queued   global alerts (or alerted events) queued
     * @param routed   targets routed (send rows asked for)
     * @param topics   each alert's topics
     * @param held     new stories with a topic that did not alert, with why
     * @param assessed entries assessed (the others were unchanged and skipped)
     * @param roles    effect index → how its edit rows count, for the effects that queue edits
     * @param assessments per entry of the read, in order: its assessment, or {@code null} when it was skipped
     *                 unchanged (for {@code scan}, which prints every entry)
     */
    record Decision(List<FeedWrite.Effect> effects, int fresh, int queued, int routed, List<Topic> topics,
                    List<Held> held, int assessed, Map<Integer, EditRole> roles, List<Assessment> assessments) {
        /** @return the read's counts, given how many edit rows each effect queued */
        FeedEntries.Tally tally(FeedWrite.Applied applied) {
            int edits = 0;
            Set<Integer> revised = new HashSet<>();
            for (Map.Entry<Integer, EditRole> e : roles.entrySet()) {
                EditRole role = e.getValue();
                int rows = applied.rows().get(e.getKey());
                edits += role.countEdits() ? rows : 0;
                if (role.revision() == Revision.ALWAYS || role.revision() == Revision.IF_EDITS && rows > 0) {
                    revised.add(role.entry());
                }
            }
            return new FeedEntries.Tally(fresh, queued, routed, edits, revised.size(), topics);
        }
    }

    private final Function<Story, Assessment> assessor;
    private final Duration maxAge;
    private final EventTracker events;
    private final int cut;

    /**
     * @param assessor the analysis (pure)
     * @param maxAge   {@code poll.max-age}: older stories never alert
     * @param events   the event memory, or {@code null} when events are off
     * @param cut      {@code analysis.alert-severity} for the words of a decision; negative when unknown
     */
    FeedDecision(Function<Story, Assessment> assessor, Duration maxAge, EventTracker events, int cut) {
        this.assessor = assessor;
        this.maxAge = maxAge;
        this.events = events;
        this.cut = cut;
    }

    /**
     * Decides about one read. The event memory is updated (stories offered, events marked alerted) as a side
     * effect, as the decision requires.
     *
     * @param prior  what the store knew before the read ({@link newsalert.store.NewsStore#priorState})
     * @param router the targets of a story
     * @return the effects and counts
     */
    Decision decide(Read read, PriorState prior, Router router) {
        return new Run(read, prior, router, assessor).decide();
    }

    /**
     * Decides as {@link #decide(Read, PriorState, Router)} with the analyses given: for a decision under the story
     * lock, whose entries were assessed before it was taken.
     *
     * @param assessed the analysis of an entry's story; it may look the result up instead of assessing again
     */
    Decision decide(Read read, PriorState prior, Router router, Function<Story, Assessment> assessed) {
        return new Run(read, prior, router, assessed).decide();
    }

    /** @return the analysis this decision uses when none is given */
    Function<Story, Assessment> assessor() {
        return assessor;
    }

    /** The state of one decision, updated entry by entry as the store would be. */
    private final class Run {
        private final Read read;
        private final Router router;
        private final Map<String, String> seen;
        private final Map<String, PriorState.Stored> stories;
        private final List<FeedWrite.Effect> effects = new ArrayList<>();
        private final Map<Integer, EditRole> roles = new LinkedHashMap<>();
        private final List<Topic> topics = new ArrayList<>();
        private final List<Held> held = new ArrayList<>();
        private final Assessment[] assessments;
        private int fresh;
        private int queued;
        private int routed;
        private int assessed;
        private final Function<Story, Assessment> assessor;

        Run(Read read, PriorState prior, Router router, Function<Story, Assessment> assessor) {
            this.assessor = assessor;
            this.read = read;
            this.router = router;
            this.seen = new HashMap<>(prior.seen());
            this.stories = new HashMap<>(prior.stories());
            this.assessments = new Assessment[read.entries().size()];
        }

        Decision decide() {
            int index = 0;
            for (Entry e : read.entries()) {
                int entry = index++;
                String had = seen.get(e.entryId());
                if (e.contentHash().equals(had)) {
                    continue; // republished unchanged
                }
                seen.put(e.entryId(), e.contentHash());
                boolean isNew = had == null;
                effects.add(isNew ? new FeedWrite.SeeEntry(e.entryId(), e.contentHash(), read.now())
                        : new FeedWrite.RehashEntry(e.entryId(), e.contentHash()));
                Assessment a = assessor.apply(e.story());
                assessments[entry] = a;
                assessed++;
                if (events != null && read.global()) {
                    withEvent(entry, e.story(), a, isNew);
                } else {
                    alone(entry, e.story(), a, isNew);
                }
            }
            return new Decision(effects, fresh, queued, routed, topics, held, assessed, Map.copyOf(roles),
                    java.util.Arrays.asList(assessments));
        }

        private boolean recent(Story story) {
            return !story.published().isBefore(read.now().minus(maxAge));
        }

        /** An entry whose story alerts on its own (events off, or a chat-added feed). */
        private void alone(int entry, Story story, Assessment a, boolean isNew) {
            boolean firstPoll = read.firstPoll();
            boolean recent = recent(story);
            boolean alert = a.alert() && !firstPoll && recent && read.global();
            if (isNew) {
                List<Target> targets = !firstPoll && recent ? router.targets(story, a) : List.of();
                store(story, a);
                if (alert) {
                    effects.add(new FeedWrite.GlobalAlert(story.id(), read.now()));
                    queued++;
                    topics.addAll(a.topics());
                } else if (read.global() && !firstPoll) {
                    held(entry, story, a, !recent ? AlertDecision.tooOld(story.published(), maxAge)
                            : AlertDecision.belowCut(a.severity(), cut));
                }
                send(story.id(), a.severity(), targets, read.cap());
                fresh++;
                routed += targets.size();
            } else if (!firstPoll) {
                revise(entry, story, a, !read.global(), Revision.IF_EDITS);
            }
        }

        /** An entry of a configured feed with events on: the event alerts, or is revised. */
        private void withEvent(int entry, Story story, Assessment a, boolean isNew) {
            EventUpdate u = events.offer(story, a);
            boolean newToEvents = u.changes().contains(EventUpdate.Change.CREATED)
                    || u.changes().contains(EventUpdate.Change.STORY_ADDED);
            // a stored story (seen before, from this feed or another) alerts only when it became alert-worthy
            PriorState.Stored stored = stories.get(story.id());
            boolean allowed = stored != null ? a.alert() && !stored.alertWorthy() : newToEvents;
            boolean eligible = !read.firstPoll() && recent(story);
            EventView view = events.alertNow(u, story, eligible && allowed);
            List<Target> targets = view == null ? List.of() : router.targets(view.story(), view.assessment());
            String eventId = events.storedEventId(u);
            if (isNew) {
                store(story, a);
                if (eventId != null) {
                    effects.add(new FeedWrite.LinkEvent(story.id(), eventId));
                }
                if (view != null) {
                    saveView(view);
                    effects.add(new FeedWrite.GlobalAlert(story.id(), read.now()));
                    queued++;
                    topics.addAll(view.assessment().topics());
                }
                send(story.id(), a.severity(), targets, null);
                fresh++;
                routed += targets.size();
                if (!read.firstPoll()) {
                    held(entry, story, a, !recent(story) ? AlertDecision.tooOld(story.published(), maxAge)
                            : view == null && eligible && allowed && !a.topics().isEmpty()
                            ? events.heldBecause(u, a, cut) : null);
                }
            } else if (view != null) {
                // a republished entry that became alert-worthy: alerted now, once
                if (stored != null) {
                    effects.add(new FeedWrite.AlertRevisedStory(story, a, read.now()));
                    stories.put(story.id(), new PriorState.Stored(true, stored.chatOnly(), a, stored.editable(),
                            stored.standingFor()));
                    if (eventId != null) {
                        effects.add(new FeedWrite.LinkEvent(story.id(), eventId));
                    }
                    saveView(view);
                    send(story.id(), a.severity(), targets, null);
                }
                queued++;
                routed += targets.size();
                topics.addAll(view.assessment().topics());
                return;
            } else if (revise(entry, story, a, false, Revision.NEVER)
                    && !u.changes().contains(EventUpdate.Change.STORY_REVISED)) {
                // the story's event has left the memory (older than the window): its alert shows this story's
                // own new facts
                String standing = stories.get(story.id()).standingFor();
                if (standing != null) {
                    reviseEvent(entry, EventViews.of(standing, u.after(), story, null), null, false);
                }
            }
            EventView revised = view == null ? events.revision(u) : null;
            if (revised != null) {
                reviseEvent(entry, revised, events.followUp(u), true);
            }
        }

        /** Stores a story new to the feed: inserted when new to the store, shared when it was chat-only. */
        private void store(Story story, Assessment a) {
            PriorState.Stored stored = stories.get(story.id());
            if (stored == null) {
                effects.add(new FeedWrite.InsertStory(story, a, read.now(), !read.global()));
                stories.put(story.id(), new PriorState.Stored(a.alert(), !read.global(), a, false, null));
            } else if (read.global() && stored.chatOnly()) {
                effects.add(new FeedWrite.ShareStory(story.id()));
                stories.put(story.id(), new PriorState.Stored(stored.alertWorthy(), false, stored.assessment(),
                        stored.editable(), stored.standingFor()));
            }
        }

        private void send(String storyId, int severity, List<Target> targets, ChatFeedCap cap) {
            if (!targets.isEmpty()) {
                effects.add(new FeedWrite.Sends(storyId, severity, targets, read.now(), cap));
                PriorState.Stored s = stories.get(storyId);
                if (s != null && !s.editable()) { // a pending alert gets edits too (V31)
                    stories.put(storyId, new PriorState.Stored(s.alertWorthy(), s.chatOnly(), s.assessment(), true,
                            s.standingFor()));
                }
            }
        }

        private void saveView(EventView view) {
            effects.add(new FeedWrite.SaveEventView(view, read.now()));
            PriorState.Stored s = stories.get(view.story().id());
            if (s != null && s.standingFor() == null) {
                stories.put(view.story().id(), new PriorState.Stored(s.alertWorthy(), s.chatOnly(), s.assessment(),
                        s.editable(), view.eventId()));
            }
        }

        /**
         * Revises a stored story when its casualty counts or topics changed: replaces it and queues edits of its
         * sent alerts.
         *
         * @param chatOnly true to revise only a chat-only story
         * @return whether at least one edit is queued
         */
        private boolean revise(int entry, Story story, Assessment a, boolean chatOnly, Revision revision) {
            PriorState.Stored s = stories.get(story.id());
            if (s == null || chatOnly && !s.chatOnly()
                    || s.assessment().casualties().equals(a.casualties())
                    && s.assessment().topics().equals(a.topics())) {
                return false;
            }
            effects.add(new FeedWrite.ReviseStory(story, a));
            edit(new FeedWrite.Edits(story.id(), a.severity(), read.now(), read.cap()),
                    new EditRole(entry, true, revision));
            // each revision queues its own edits (V31), so a second one in the same read edits again
            stories.put(story.id(), new PriorState.Stored(s.alertWorthy(), s.chatOnly(), a, s.editable(),
                    s.standingFor()));
            return s.editable();
        }

        private void reviseEvent(int entry, EventView view, String followUp, boolean countEdits) {
            edit(new FeedWrite.ReviseEvent(view, read.now(), followUp),
                    new EditRole(entry, countEdits, Revision.ALWAYS));
            // its alerts now have an edit pending; a later revision queues its own (V31), so the story stays editable
        }

        private void edit(FeedWrite.Effect effect, EditRole role) {
            roles.put(effects.size(), role);
            effects.add(effect);
        }

        private void held(int entry, Story story, Assessment a, AlertDecision decision) {
            if (decision != null && !a.topics().isEmpty()) {
                held.add(new Held(entry, story, a, decision));
            }
        }
    }
}
