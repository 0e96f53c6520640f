package newsalert.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import newsalert.event.CountReport;
import newsalert.event.Event;
import newsalert.event.EventStory;
import newsalert.event.FusedCount;
import newsalert.event.JoinExplanation;

/**
 * Converts an {@link Event} to one JSON object ({@code scan --events --json}).
 *
 * <p>Shape, fields in this order: {@code event} (id), {@code title}, {@code topics} (array of
 * "attack"/"diplomacy"), {@code severity} (0–100), {@code outlets} (distinct sources), {@code alert}
 * (whether any story of the event is an alert), {@code stories} (array of {@code {id, link, source,
 * published}}), {@code casualties} (object with optional {@code killed/injured/missing}, each
 * {@code {"min", "max", "qualifier", "evidence"?}} as in {@link StoryJson}, plus {@code "sources"}: array of
 * {@code {"source", "min", "qualifier", "published", "story"}} — every figure a story stated, in published
 * order — and {@code "max"} in a source only for ranges), {@code quotes} (array of
 * {@code {"speaker", "role", "text"}}). Times are ISO-8601 UTC or null. With {@code --explain},
 * {@link #putExplain} adds {@code explain} last.
 */
public final class EventJson {
    private EventJson() {
    }

    /**
     * @param event the event
     * @param alert whether any of its stories is an alert
     * @return a new JSON object in the documented shape
     */
    public static ObjectNode toJson(Event event, boolean alert) {
        ObjectNode o = StoryJson.MAPPER.createObjectNode();
        o.put("event", event.id().value());
        o.put("title", event.title());
        StoryJson.putTopics(o, event.topics());
        o.put("severity", event.severity());
        o.put("outlets", event.outlets());
        o.put("alert", alert);
        ArrayNode stories = o.putArray("stories");
        for (EventStory s : event.stories()) {
            ObjectNode sn = stories.addObject();
            sn.put("id", s.id());
            sn.put("link", s.link());
            sn.put("source", s.source());
            sn.put("published", StoryJson.time(s.published()));
        }
        ObjectNode cas = o.putObject("casualties");
        putFused(cas, "killed", event.casualties().killed());
        putFused(cas, "injured", event.casualties().injured());
        putFused(cas, "missing", event.casualties().missing());
        StoryJson.putQuotes(o, event.quotes(), false);
        return o;
    }

    /**
     * Adds {@code "explain"}: an array of {@code {"story": id, "decision": "started"|"joined", "reason": text}},
     * one per explanation, where {@code reason} is the text line {@code scan --events --explain} prints
     * ({@link JoinExplanation#line}: outlet, time, decision and why).
     *
     * @param o            an event object from {@link #toJson}
     * @param explanations the event's explanations ({@link newsalert.event.EventGrouper#explanations})
     * @return {@code o}
     */
    public static ObjectNode putExplain(ObjectNode o, List<JoinExplanation> explanations) {
        ArrayNode arr = o.putArray("explain");
        for (JoinExplanation x : explanations) {
            ObjectNode n = arr.addObject();
            n.put("story", x.storyId());
            n.put("decision", x.decision().label());
            n.put("reason", x.line());
        }
        return o;
    }

    private static void putFused(ObjectNode parent, String key, FusedCount f) {
        if (f == null) {
            return;
        }
        ObjectNode n = StoryJson.putCount(parent, key, f.count());
        ArrayNode sources = n.putArray("sources");
        for (CountReport r : f.sources()) {
            ObjectNode s = sources.addObject();
            s.put("source", r.source());
            s.put("min", r.count().min());
            if (r.count().max() != null) {
                s.put("max", r.count().max());
            }
            s.put("qualifier", r.count().qualifier().wireName());
            s.put("published", StoryJson.time(r.published()));
            s.put("story", r.storyId());
        }
    }
}
