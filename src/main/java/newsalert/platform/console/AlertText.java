package newsalert.platform.console;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import newsalert.story.Assessment;
import newsalert.story.CasualtyCount;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.ChatTime;
import newsalert.subscription.place.PlaceFinder;

/**
 * Renders an alert as a few lines of plain text: a header with topics and severity, the headline, the
 * casualty line, up to two quotes with speakers, an edited event's "Updated HH:mm UTC: …" line, and the source
 * with time and link.
 *
 * <p>Example:
 * <pre>
 * [ALERT] ATTACK + DIPLOMACY · severity 85
 * Russian strike on Kyiv kills 19
 * Casualties: 19 killed, at least 48 injured
 * Where: Ukraine
 * “sabotaging peace talks” — Keir Starmer (UK Prime Minister)
 * Seed news · 2025-08-28 14:30 UTC · https://news.example.org/…
 * id: seed-kyiv-strike-2025-08-28
 * </pre>
 */
public final class AlertText {
    /** At most this many quotes appear in an alert. */
    public static final int MAX_QUOTES = 2;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AlertText() {
    }

    /**
     * @param story      the story
     * @param assessment its assessment
     * @return the text, lines separated by {@code \n}, ending with a newline
     */
    public static String render(Story story, Assessment assessment) {
        StringBuilder sb = new StringBuilder();
        String topics = assessment.topics().isEmpty() ? "NO TOPIC"
                : List.of(Topic.values()).stream().filter(assessment.topics()::contains)
                .map(t -> t.name()).collect(Collectors.joining(" + "));
        sb.append(assessment.alert() ? "[ALERT] " : "[story] ").append(topics)
                .append(" · severity ").append(assessment.severity()).append('\n');
        sb.append(headline(story)).append('\n');
        if (!assessment.casualties().isEmpty()) {
            sb.append("Casualties: ").append(assessment.casualties().display()).append('\n');
        }
        String where = PlaceFinder.standard().countryNames(story);
        if (!where.isEmpty()) {
            sb.append("Where: ").append(where).append('\n');
        }
        int n = 0;
        for (Quote q : assessment.quotes()) {
            if (n++ == MAX_QUOTES) {
                break;
            }
            sb.append('“').append(q.text()).append("” — ").append(q.speaker());
            if (q.role() != null && !q.role().isBlank()) {
                sb.append(" (").append(q.role()).append(')');
            }
            sb.append('\n');
        }
        if (story.update() != null) {
            sb.append(ChatTime.updated(story.update(), ZoneOffset.UTC)).append('\n');
        }
        StringBuilder foot = new StringBuilder(story.source().isBlank() ? "unknown source" : story.source());
        if (story.author() != null) {
            foot.append(" · by ").append(story.author());
        }
        if (story.published() != null) {
            foot.append(" · ").append(TIME.format(story.published()));
        }
        if (story.link() != null) {
            foot.append(" · ").append(story.link());
        }
        sb.append(foot).append('\n');
        sb.append("id: ").append(story.id()).append('\n');
        return sb.toString();
    }

    /**
     * Renders an edit of a printed alert: {@link #render} of the story as it stands now, its first line
     * starting {@code [UPDATE]} and naming the headline the alert was printed with.
     *
     * <pre>
     * [UPDATE] ATTACK · severity 90 · revises “Strike on city kills 12”
     * Strike on city kills 19
     * Casualties: 19 killed
     * Local Wire · 2025-08-28 14:30 UTC · https://news.example.org/…
     * id: strike-1
     * </pre>
     *
     * @param printedHeadline the headline of the alert being revised (as {@link #messageId} kept it); blank
     *                        when unknown
     * @return the text, lines separated by {@code \n}, ending with a newline
     */
    public static String update(String printedHeadline, Story story, Assessment assessment) {
        String alert = render(story, assessment);
        int eol = alert.indexOf('\n');
        String first = alert.substring(0, eol);
        first = "[UPDATE]" + first.substring(first.indexOf(' '));
        if (printedHeadline != null && !printedHeadline.isBlank()) {
            first += " · revises “" + printedHeadline + "”";
        }
        return first + alert.substring(eol);
    }

    /**
     * Renders a follow-up of a printed alert (e.g. a sharp rise of the death toll) as one line:
     * {@code [FOLLOW-UP] Death toll now 45 (was 30) · on “Strike on city kills 12”} (the headline is left out
     * when the text already names it).
     *
     * @param printedHeadline the headline of the alert it follows up; blank when unknown
     * @param text            the follow-up's text
     * @return the line, ending with a newline
     */
    public static String followUp(String printedHeadline, String text) {
        boolean named = printedHeadline == null || printedHeadline.isBlank() || text.contains(printedHeadline);
        String on = named ? "" : " · on “" + printedHeadline + "”";
        return "[FOLLOW-UP] " + text + on + "\n";
    }

    /**
     * Renders several alerts as one digest: a {@code [DIGEST] n alerts} line, then one line per story with its
     * headline, casualty line and link.
     *
     * @param items the stories with their assessments, in order
     * @return the lines, each ending with a newline
     */
    public static String digest(List<Map.Entry<Story, Assessment>> items) {
        StringBuilder sb = new StringBuilder("[DIGEST] ").append(items.size()).append(" alerts\n");
        for (Map.Entry<Story, Assessment> item : items) {
            Story story = item.getKey();
            sb.append("- ").append(headline(story));
            if (!item.getValue().casualties().isEmpty()) {
                sb.append(" · Casualties: ").append(item.getValue().casualties().display());
            }
            if (story.link() != null) {
                sb.append(" · ").append(story.link());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Most characters of a headline kept as a printed alert's message id ({@link #messageId}). */
    public static final int MESSAGE_ID_CHARS = 120;

    /**
     * The id a printed alert is remembered by (in the outbox's {@code message_id}, up to 128 characters): its
     * headline, cut to {@value #MESSAGE_ID_CHARS} characters, so that an {@code [UPDATE]} or a follow-up
     * printed later, even after a restart, can name the alert it revises.
     *
     * @return the headline as printed, at most {@value #MESSAGE_ID_CHARS} characters
     */
    public static String messageId(Story story) {
        String h = headline(story);
        return h.length() <= MESSAGE_ID_CHARS ? h : h.substring(0, MESSAGE_ID_CHARS - 1) + "…";
    }

    private static String headline(Story story) {
        return story.title().isBlank() ? "(untitled)" : story.title();
    }

    /**
     * Explains an assessment: every reason (matched terms and rules), then the evidence of each casualty
     * count and quote, indented under the alert.
     *
     * <pre>
     *   why: attack: "missile strike" in "A Russian missile strike on …"
     *   why: killed 12
     *   killed 12 from: "… killed 12 people and wounded at least 30 others overnight …"
     *   quote by Oleh Syniehubov: after: "…," Governor Oleh Syniehubov said
     * </pre>
     *
     * @param assessment the assessment
     * @return the lines, each ending with a newline; empty when there is nothing to explain
     */
    public static String explain(Assessment assessment) {
        StringBuilder sb = new StringBuilder();
        for (String r : assessment.reasons()) {
            sb.append("  why: ").append(r).append('\n');
        }
        evidence(sb, "killed", assessment.casualties().killed());
        evidence(sb, "injured", assessment.casualties().injured());
        evidence(sb, "missing", assessment.casualties().missing());
        for (Quote q : assessment.quotes()) {
            if (q.evidence() != null) {
                sb.append("  quote by ").append(q.speaker()).append(": ").append(q.evidence()).append('\n');
            }
        }
        return sb.toString();
    }

    private static void evidence(StringBuilder sb, String what, CasualtyCount c) {
        if (c != null && c.evidence() != null) {
            sb.append("  ").append(what).append(' ').append(c.display()).append(" from: \"")
                    .append(c.evidence()).append("\"\n");
        }
    }
}
