package newsalert.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import newsalert.store.StoredStory;
import newsalert.story.Assessment;
import newsalert.story.Topic;
import newsalert.subscription.KeywordRule;
import newsalert.subscription.Subscription;

/** Plain-text pieces shared by the commands. */
final class Render {
    private Render() {
    }

    /**
     * Joins a header and lines, leaving out trailing lines (and saying "…and N more") so the result stays
     * within {@link Reply#MAX_LENGTH}.
     */
    static String list(String header, List<String> lines) {
        StringBuilder sb = new StringBuilder(header);
        for (int i = 0; i < lines.size(); i++) {
            String line = "\n" + lines.get(i);
            int remaining = lines.size() - i;
            int reserve = remaining > 1 ? 30 : 0;
            if (sb.length() + line.length() + reserve > Reply.MAX_LENGTH) {
                sb.append("\n…and ").append(remaining).append(" more");
                break;
            }
            sb.append(line);
        }
        return sb.toString();
    }

    /** @return "attack", "diplomacy" or "attack and diplomacy" */
    static String topics(Set<Topic> topics) {
        return topics.stream().sorted(Comparator.naturalOrder()).map(Topic::wireName)
                .collect(Collectors.joining(" and "));
    }

    /** @return e.g. "attack alerts with severity 40 or more" */
    static String wants(Subscription s) {
        return topics(s.topics()) + " alerts with severity " + s.minSeverity() + " or more";
    }

    /** @return e.g. {@code include "kharkiv", "gaza strip"; exclude "drill"}, or "none" */
    static String rules(List<KeywordRule> rules) {
        return keywords(rules.stream().filter(r -> r.kind() == KeywordRule.Kind.INCLUDE).map(KeywordRule::term).toList(),
                rules.stream().filter(r -> r.kind() == KeywordRule.Kind.EXCLUDE).map(KeywordRule::term).toList());
    }

    /** @return e.g. {@code include "kharkiv"; exclude "drill"}, or "none" */
    static String keywords(List<String> include, List<String> exclude) {
        List<String> parts = new ArrayList<>();
        if (!include.isEmpty()) {
            parts.add("include " + include.stream().map(Render::quoted).collect(Collectors.joining(", ")));
        }
        if (!exclude.isEmpty()) {
            parts.add("exclude " + exclude.stream().map(Render::quoted).collect(Collectors.joining(", ")));
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    static String quoted(String s) {
        return "\"" + s + "\"";
    }

    /** @return two lines: "• title (attack, severity 80; 19 killed)" and "  id: …" */
    static String storyLine(StoredStory s) {
        Assessment a = s.assessment();
        String about = a.topics().isEmpty() ? "no topic" : topics(a.topics());
        String cas = a.casualties().isEmpty() ? "" : "; " + a.casualties().display();
        String title = s.story().title().isBlank() ? "(untitled)" : s.story().title();
        return "• " + title + " (" + about + ", severity " + a.severity() + cas + ")\n  id: " + s.story().id();
    }
}
