package newsalert.event;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import newsalert.story.Quote;
import newsalert.story.Topic;

/**
 * A readable text view of one event, for {@code scan --events}:
 * <pre>
 * [EVENT] ATTACK · severity 90 · 3 outlets · e-3fa2c81b09d4
 * Russian drones hit Kharkiv apartment block, three killed
 * Casualties: 5 killed, 16 injured
 *   killed: 3 (Northern Wire 01:50), at least 3 (Eastern Times 03:05), 5 (Harbour Post 11:20)
 * “quote” — Speaker (Role)
 *   2026-03-02 01:50 UTC  Northern Wire  link
 * </pre>
 * followed by an empty line. At most {@value #MAX_QUOTES} quotes are shown. With explanations
 * ({@code --explain}), one line per story follows the story lines, before the empty line:
 * <pre>
 *   + Northern Wire 03-02 01:50: started the event
 *   + Harbour Post 03-02 11:20: joined: wording 0.52 (needed 0.20: 0.20 base at 9.5 h); …
 * </pre>
 */
public final class EventText {
    static final int MAX_QUOTES = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private EventText() {
    }

    /**
     * @param event the event
     * @param alert whether any of its stories is an alert ({@code [EVENT]} vs {@code [event]})
     * @return the text view, ending with an empty line
     */
    public static String render(Event event, boolean alert) {
        return render(event, alert, List.of());
    }

    /**
     * @param event        the event
     * @param alert        whether any of its stories is an alert
     * @param explanations why each story is in the event ({@link EventGrouper#explanations}), one
     *                     {@code "  + "}-indented line each ({@link JoinExplanation#line}); empty for none
     * @return the text view with the explanation lines, ending with an empty line
     */
    public static String render(Event event, boolean alert, List<JoinExplanation> explanations) {
        StringBuilder sb = new StringBuilder();
        String topics = event.topics().isEmpty() ? "NO TOPIC" : event.topics().stream().sorted()
                .map(Topic::name).collect(Collectors.joining(" + "));
        sb.append(alert ? "[EVENT] " : "[event] ").append(topics).append(" · severity ").append(event.severity())
                .append(" · ").append(event.outlets()).append(event.outlets() == 1 ? " outlet" : " outlets")
                .append(" · ").append(event.id()).append('\n');
        sb.append(event.title()).append('\n');
        String counts = event.casualties().counts().display();
        if (!counts.isEmpty()) {
            sb.append("Casualties: ").append(counts).append('\n');
            provenance(sb, "killed", event.casualties().killed());
            provenance(sb, "injured", event.casualties().injured());
            provenance(sb, "missing", event.casualties().missing());
        }
        List<Quote> quotes = event.quotes();
        for (Quote q : quotes.subList(0, Math.min(MAX_QUOTES, quotes.size()))) {
            sb.append('“').append(q.text()).append("” — ").append(q.speaker());
            if (q.role() != null) {
                sb.append(" (").append(q.role()).append(')');
            }
            sb.append('\n');
        }
        for (EventStory s : event.stories()) {
            sb.append("  ").append(s.published() == null ? "no date" : WHEN.format(s.published())).append("  ")
                    .append(s.source()).append("  ").append(s.link() == null ? s.id() : s.link()).append('\n');
        }
        for (JoinExplanation x : explanations) {
            sb.append("  + ").append(x.line()).append('\n');
        }
        return sb.append('\n').toString();
    }

    private static void provenance(StringBuilder sb, String kind, FusedCount f) {
        if (f == null) {
            return;
        }
        sb.append("  ").append(kind).append(": ").append(f.sources().stream()
                .map(r -> r.count().display() + " (" + r.source() + (r.published() == null ? ""
                        : " " + HOUR.format(r.published())) + ")")
                .collect(Collectors.joining(", "))).append('\n');
    }
}
