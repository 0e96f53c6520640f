package newsalert.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsalert.event.EventSettings;
import newsalert.event.EventUpdate;
import newsalert.story.Assessment;
import newsalert.story.Story;

/**
 * Replays {@code run}'s alert decisions over a batch of stories read at once, for {@code scan --explain}: the
 * stories are offered to an {@link EventTracker} in published order (undated ones last, as the poller stamps
 * them with the poll time), each eligible when published within {@code maxAge} of {@code now}, and every story
 * with a topic that would not alert gets the {@link AlertDecision} the poller logs for it. As in a poll after
 * the first, every story counts as new.
 */
public final class AlertDecisions {
    private AlertDecisions() {
    }

    /**
     * @param stories     the stories, in any order
     * @param assessments their assessments, index for index
     * @param settings    the event window and thresholds ({@code events.window})
     * @param minOutlets  {@code events.min-outlets}
     * @param maxAge      {@code poll.max-age}
     * @param cut         {@code analysis.alert-severity}
     * @param now         the time to judge age against
     * @return story index → why it would not alert in {@code run}; stories that would alert, and stories without
     *         a topic, are absent
     */
    public static Map<Integer, AlertDecision> replay(List<Story> stories, List<Assessment> assessments,
                                                     EventSettings settings, int minOutlets, Duration maxAge, int cut,
                                                     Instant now) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> stories.get(i).published(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        EventTracker tracker = new EventTracker(settings, minOutlets);
        Map<Integer, AlertDecision> out = new HashMap<>();
        for (int i : order) {
            Story story = stories.get(i);
            Assessment a = assessments.get(i);
            Instant published = story.published() == null ? now : story.published();
            boolean recent = !published.isBefore(now.minus(maxAge));
            EventUpdate u = tracker.offer(story, a);
            boolean newToEvents = u.changes().contains(EventUpdate.Change.CREATED)
                    || u.changes().contains(EventUpdate.Change.STORY_ADDED);
            if (tracker.alertNow(u, story, recent && newToEvents) != null || a.topics().isEmpty()) {
                continue;
            }
            AlertDecision d = !recent ? AlertDecision.tooOld(published, maxAge)
                    : newToEvents ? tracker.heldBecause(u, a, cut) : null;
            if (d != null) {
                out.put(i, d);
            }
        }
        return out;
    }
}
