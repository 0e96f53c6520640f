package newsalert.command;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import newsalert.subscription.place.Gazetteer;

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

    /**
     * @return a feed's publication time as a chat reads it in UTC: {@link #day(Instant, java.time.ZoneId)} with UTC
     */
    static String day(Instant t) {
        return day(t, ZoneOffset.UTC);
    }

    /**
     * A feed's publication time as a chat reads it. A feed date without a time of day is read as midnight UTC, so a
     * time of exactly midnight UTC is written as that date with a word saying the feed gave no time
     * ({@code 2025-06-10 (the feed gave no time)}: a date alone looked like a time left out, and turned into the
     * chat's zone it would name another day); any other time is written in the chat's zone as
     * {@link newsalert.subscription.ChatTime} writes it ({@code 2025-06-10 17:05 UTC+3}). For instants the bot
     * works out itself (a next try), use {@code ChatTime} directly: they are never date-only.
     */
    static String day(Instant t, java.time.ZoneId zone) {
        String day = newsalert.subscription.ChatTime.published(t, zone);
        return newsalert.subscription.ChatTime.isDateOnly(t) ? day + " (the feed gave no time)" : day;
    }

    /** @return a duration as config files write it: {@code 24h}, {@code 1h30m}, {@code 3650d} (whole
     *         days past one), {@code 45s} */
    static String duration(Duration d) {
        long s = d.getSeconds();
        if (s == 0) {
            return "0s";
        }
        if (s % 86_400 == 0 && s > 86_400) {
            return s / 86_400 + "d";
        }
        StringBuilder out = new StringBuilder();
        long[] units = {3_600, 60, 1};
        String[] names = {"h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (s >= units[i]) {
                out.append(s / units[i]).append(names[i]);
                s %= units[i];
            }
        }
        return out.toString();
    }

    /** @return "attack", "diplomacy" or "attack and diplomacy" */
    static String topics(Set<Topic> topics) {
        return topics.stream().sorted(Comparator.naturalOrder()).map(Topic::wireName)
                .collect(Collectors.joining(" and "));
    }

    /** @return e.g. "attack alerts with severity 40 or more" */
    static String wants(Subscription s) {
        return topics(s.topics()) + " alerts with severity " + s.minSeverity() + " or more" + places(s.places());
    }

    /** @return e.g. {@code " in Ukraine, Middle East"}, or "" when every place is followed */
    static String places(List<String> keys) {
        if (keys.isEmpty()) {
            return "";
        }
        Gazetteer g = Gazetteer.standard();
        return " in " + String.join(", ", keys.stream().map(g::displayName).toList());
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

    /** The longest title a list line or header shows, in chars, the "…" included. */
    static final int MAX_TITLE = 200;

    /**
     * A story title fit for a list line or header: "(untitled)" when blank, else the stripped title; one
     * longer than {@value #MAX_TITLE} chars is cut at the last space that keeps at least half of it (else in
     * mid-word, never inside a surrogate pair), trailing spaces, commas, colons and dashes dropped, and "…" added, so the
     * result is at most {@value #MAX_TITLE} chars.
     */
    static String title(String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) {
            return "(untitled)";
        }
        if (t.length() <= MAX_TITLE) {
            return t;
        }
        int end = MAX_TITLE - 1;
        int space = -1;
        for (int i = end; i >= MAX_TITLE / 2; i--) {
            if (Character.isWhitespace(t.charAt(i))) {
                space = i;
                break;
            }
        }
        if (space > 0) {
            end = space;
        } else if (Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        String cut = t.substring(0, end).replaceAll("[\\s,;:\\-–—]+$", "");
        return cut + "…";
    }

    /**
     * Text a user typed, as a reply quotes it back: {@link #title} without invisible format characters (Unicode
     * category Cf: bidi overrides and isolates such as U+202E, marks such as U+200F, zero-width joiners), which
     * would reorder or hide the rest of the reply around the quote.
     *
     * @param typed what the user wrote, or {@code null}
     * @return the cleaned text, cut like a title; "(untitled)" when nothing visible is left
     */
    static String echo(String typed) {
        if (typed == null) {
            return title(null);
        }
        StringBuilder out = new StringBuilder(typed.length());
        typed.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(out::appendCodePoint);
        return title(out.toString());
    }

    /** @return two lines: "• title (attack, severity 80; 19 killed)" and "  id: …" */
    static String storyLine(StoredStory s) {
        Assessment a = s.assessment();
        String about = a.topics().isEmpty() ? "no topic" : topics(a.topics());
        String cas = a.casualties().isEmpty() ? "" : "; " + a.casualties().display();
        String title = title(s.story().title());
        return "• " + title + " (" + about + ", severity " + a.severity() + cas + ")\n  id: " + s.story().id();
    }
}
