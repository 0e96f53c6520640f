package newsalert.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import newsalert.story.Story;
import newsalert.story.Topic;

/**
 * Records, for an {@link EventGrouper} built to explain, why each story went where it did: every candidate
 * event is scored with a {@link JoinTrace}, turned into text while the event is as the story saw it, and
 * the grouper's decision picks the text to keep ({@link JoinExplanation}). Used only when asked, so the
 * normal grouping path neither allocates traces nor keeps texts.
 */
final class JoinExplainer {
    /** One candidate scored for the story being offered. */
    private record Candidate(EventState event, JoinTrace.Stage stage, double margin, String text) {
    }

    private final EventSettings settings;
    private final JoinRule rule;
    private final List<Candidate> candidates = new ArrayList<>();
    private final Map<String, JoinExplanation> explanations = new HashMap<>();

    JoinExplainer(EventSettings settings) {
        this.settings = settings;
        this.rule = new JoinRule(settings);
    }

    /** Scores like {@link JoinRule#score}, returning the same number, and keeps the explanation text. */
    double score(StoryFeatures f, Set<Topic> topics, int killed, Instant time, EventState e) {
        JoinTrace trace = new JoinTrace();
        double score = rule.score(f, topics, killed, time, e, trace);
        double margin = switch (trace.stage) {
            case WORDING -> trace.similarity - trace.need;
            case WORDING_WITHOUT_NAMES -> trace.wording - settings.minWording();
            case PASSED -> score;
            default -> 0;
        };
        candidates.add(new Candidate(e, trace.stage, margin, trace.stage == JoinTrace.Stage.PASSED
                ? joined(f, topics, e, trace) : refused(f, topics, time, e, trace)));
        return score;
    }

    /** The story started event {@code id}: keeps the closest refusal among this offer's candidates. */
    void started(Story story, StoryFeatures f, EventId id) {
        Candidate closest = null;
        for (Candidate c : candidates) {
            if (closest == null || c.stage.ordinal() > closest.stage.ordinal()
                    || c.stage == closest.stage && c.margin > closest.margin) {
                closest = c;
            }
        }
        String reason = "started the event";
        if (closest == null) {
            reason += ": no event in the " + settings.window().toHours() + " h window shares a "
                    + (f.keys().isEmpty() ? "word" : "place or name") + " with it";
        } else {
            reason += "; closest of " + candidates.size() + (candidates.size() == 1 ? " candidate, " : " candidates, ")
                    + closest.event.id + ", refused: " + closest.text;
        }
        keep(story, JoinExplanation.Decision.STARTED, id, reason);
    }

    /** The story joined {@code e}: keeps the text of that candidate. */
    void joined(Story story, EventState e) {
        String reason = "joined";
        int passed = 0;
        for (Candidate c : candidates) {
            if (c.stage == JoinTrace.Stage.PASSED) {
                passed++;
            }
            if (c.event == e) {
                reason = c.text;
            }
        }
        if (passed > 1) {
            reason += "; the best of " + passed + " events that passed";
        }
        keep(story, JoinExplanation.Decision.JOINED, e.id, reason);
    }

    /** @return the explanations kept for the event's stories, in its story order */
    List<JoinExplanation> of(Event event) {
        List<JoinExplanation> out = new ArrayList<>();
        for (EventStory s : event.stories()) {
            JoinExplanation x = explanations.get(s.id());
            if (x != null) {
                out.add(x);
            }
        }
        return out;
    }

    /** Drops the explanations of a forgotten event's stories. */
    void forget(EventState e) {
        e.members.forEach(m -> explanations.remove(m.story().id()));
    }

    private void keep(Story story, JoinExplanation.Decision decision, EventId id, String reason) {
        candidates.clear();
        explanations.putIfAbsent(story.id(),
                new JoinExplanation(story.id(), story.source(), story.published(), decision, id, reason));
    }

    private String joined(StoryFeatures f, Set<Topic> topics, EventState e, JoinTrace t) {
        StringBuilder sb = new StringBuilder("joined: wording ").append(two(t.similarity)).append(" (needed ")
                .append(two(t.need)).append(": ");
        bar(sb, t);
        sb.append("); without names ").append(two(t.wording)).append(" (needed ").append(two(settings.minWording()))
                .append(')');
        Set<String> places = shared(f.places, e, true);
        Set<String> names = shared(f.names, e, false);
        sb.append(f.places.isEmpty() ? "; no place named" : places.isEmpty() ? "; no place of the event named"
                : "; places shared: " + String.join(", ", places));
        if (!names.isEmpty()) {
            sb.append("; names shared: ").append(String.join(", ", names));
        }
        sb.append(t.unknownKind ? "; kind unknown (no topic on one side)"
                : topics.isEmpty() ? "; no topic on either side" : "; same kind " + kinds(intersect(topics, e.kinds)));
        if (f.cues.followUp()) {
            sb.append("; update wording");
        }
        return sb.toString();
    }

    private String refused(StoryFeatures f, Set<Topic> topics, Instant time, EventState e, JoinTrace t) {
        Duration window = settings.window();
        return switch (t.stage) {
            case TIME -> time.isBefore(e.first)
                    ? hours(time, e.first) + " h before its first story (window " + window.toHours() + " h)"
                    : hours(e.last, time) + " h after its newest story (window " + window.toHours() + " h)";
            case KIND -> "different kind (" + kinds(topics) + " vs " + kinds(e.kinds) + ")";
            case PLACE -> places(f, e);
            case SECOND_HAPPENING -> t.secondHappening.toString();
            case WEEKDAY -> "another weekday (" + days(f.weekdays) + " vs " + days(e.weekdays) + ") "
                    + one(t.hours) + " h after its first story";
            case WORDING -> {
                boolean close = two(t.similarity).equals(two(t.need));
                StringBuilder sb = new StringBuilder("wording ").append(close ? three(t.similarity) : two(t.similarity))
                        .append(" < ").append(close ? three(t.need) : two(t.need)).append(" needed (");
                bar(sb, t);
                yield sb.append(')').toString();
            }
            case WORDING_WITHOUT_NAMES -> "wording without names " + two(t.wording) + " < "
                    + two(settings.minWording()) + " needed (with names " + two(t.similarity) + ", needed "
                    + two(t.need) + ")";
            case PASSED -> "passed";
        };
    }

    /** The bar's parts: base, then each addition that applied. */
    private void bar(StringBuilder sb, JoinTrace t) {
        sb.append(two(settings.minSimilarity())).append(" base");
        if (t.timePenalty > 0) {
            sb.append(", +").append(two(t.timePenalty)).append(" for ").append(one(t.hours)).append(" h later");
        } else {
            sb.append(" at ").append(one(t.hours)).append(" h");
        }
        if (t.otherWeekday) {
            sb.append(", +").append(two(JoinRule.WEEKDAY_PENALTY)).append(" other weekday");
        }
        if (t.unknownKind) {
            sb.append(", +").append(two(JoinRule.UNKNOWN_KIND_PENALTY)).append(" kind unknown");
        }
        if (t.toll > 0) {
            sb.append(", +").append(two(JoinRule.LOWER_TOLL_PENALTY)).append(" much lower toll");
        } else if (t.toll < 0) {
            sb.append(", -").append(two(JoinRule.TOLL_AGREES_BONUS)).append(" same or rising toll");
        }
    }

    private static String places(StoryFeatures f, EventState e) {
        Set<String> shared = shared(f.places, e, true);
        if (shared.isEmpty()) {
            return "different place (" + String.join(", ", new TreeSet<>(f.places)) + " vs "
                    + String.join(", ", eventKeys(e, true)) + ")";
        }
        int naming = 0;
        int sharing = 0;
        for (EventState.Member m : e.members) {
            if (!m.features().places.isEmpty()) {
                naming++;
                sharing += java.util.Collections.disjoint(m.features().places, f.places) ? 0 : 1;
            }
        }
        return "place " + String.join(", ", shared) + " named by only " + sharing + " of its " + naming
                + " stories naming places (needs more than half)";
    }

    private static Set<String> shared(Set<String> mine, EventState e, boolean places) {
        Set<String> out = eventKeys(e, places);
        out.retainAll(mine);
        return out;
    }

    private static TreeSet<String> eventKeys(EventState e, boolean places) {
        TreeSet<String> out = new TreeSet<>();
        for (EventState.Member m : e.members) {
            out.addAll(places ? m.features().places : m.features().names);
        }
        return out;
    }

    private static Set<Topic> intersect(Set<Topic> a, Set<Topic> b) {
        Set<Topic> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }

    private static String kinds(Set<Topic> topics) {
        return topics.isEmpty() ? "none" : new TreeSet<>(topics).stream()
                .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("+"));
    }

    private static String days(Set<java.time.DayOfWeek> days) {
        return new TreeSet<>(days).stream().map(d -> d.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** @return the hours from {@code from} to {@code to}, one decimal ("8.5") */
    static String hours(Instant from, Instant to) {
        return one(Math.abs(Duration.between(from, to).toMinutes()) / 60.0);
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String three(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
