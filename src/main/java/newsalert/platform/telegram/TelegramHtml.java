package newsalert.platform.telegram;

import newsalert.platform.Links;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import newsalert.command.Reply;
import newsalert.platform.console.AlertText;
import newsalert.store.OutboxItem;
import newsalert.story.Assessment;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.ChatTime;
import newsalert.subscription.place.PlaceFinder;

/**
 * Renders alerts, digests and command replies in Telegram's HTML parse mode. Every string that comes from a
 * feed or a user is escaped ({@code & < >}, and {@code "} inside {@code href}); the only tags are our own
 * {@code <b>}, {@code <i>} and {@code <a href>}. Links are kept only for absolute http(s) URLs of at most
 * 2,048 characters; others are left out.
 *
 * <p>Alert layout (the same choices as {@link AlertText}, plus a short excerpt of the body):
 * <pre>
 * &lt;b&gt;[ALERT] ATTACK · severity 80&lt;/b&gt;
 * &lt;b&gt;Missile strike on Kharkiv kills 12&lt;/b&gt;
 * Casualties: 12 killed, at least 30 injured
 * Where: Ukraine                            (the countries the story names, when any)
 * &lt;i&gt;“…”&lt;/i&gt; — speaker (role)            (at most two quotes)
 *
 * body excerpt, at most about 600 characters…
 *
 * Source · 2025-08-28 14:30 UTC               (in the chat's zone: 2025-08-28 17:30 UTC+3)
 * &lt;a href="…"&gt;Read the story&lt;/a&gt;
 * id: story-id
 * </pre>
 *
 * <p>Length rule: the rendered HTML is at most {@link #MAX_LENGTH} UTF-16 units, which also bounds the length
 * Telegram counts after entity parsing. An alert that is too long loses, in this order, the end of its
 * excerpt, then of its quotes (last first), then of its title and source, each cut on a safe boundary and
 * ended with "…"; the header, casualty line and link line are always kept.
 */
public final class TelegramHtml {
    /** Telegram's limit on a message's text, in UTF-16 code units. */
    public static final int MAX_LENGTH = 4096;
    /** The body excerpt is cut to about this many characters. */
    public static final int EXCERPT_LENGTH = 600;
    private static final int MAX_URL_LENGTH = 2048;
    private static final int DIGEST_TITLE_LENGTH = 200;

    private TelegramHtml() {
    }

    /**
     * @return one message in HTML parse mode, at most {@link #MAX_LENGTH} long
     */
    public static String alert(Story story, Assessment assessment) {
        return alertText(story, assessment, ZoneOffset.UTC).html();
    }

    /**
     * @param zone the chat's zone: the published time is written in it ({@link ChatTime})
     * @return one message in HTML parse mode, at most {@link #MAX_LENGTH} long
     */
    public static String alert(Story story, Assessment assessment, ZoneId zone) {
        return alertText(story, assessment, zone).html();
    }

    /**
     * The same alert without any markup, for the plain-text fallback when Telegram refuses our HTML.
     *
     * @return plain text at most {@link #MAX_LENGTH} long
     */
    public static String alertPlain(Story story, Assessment assessment) {
        return alertText(story, assessment, ZoneOffset.UTC).plainText();
    }

    /** @return the plain-text fallback with the time in the chat's zone */
    public static String alertPlain(Story story, Assessment assessment, ZoneId zone) {
        return alertText(story, assessment, zone).plainText();
    }

    static HtmlText alertText(Story story, Assessment assessment) {
        return alertText(story, assessment, ZoneOffset.UTC);
    }

    static HtmlText alertText(Story story, Assessment assessment, ZoneId zone) {
        HtmlText t = new HtmlText();
        t.bold(header(assessment), 0).newline();
        t.bold(story.title().isBlank() ? "(untitled)" : story.title(), 2).newline();
        if (!assessment.casualties().isEmpty()) {
            t.plain("Casualties: " + assessment.casualties().display()).newline();
        }
        String where = PlaceFinder.standard().countryNames(story);
        if (!where.isEmpty()) {
            t.plain("Where: " + where, 1).newline();
        }
        int n = 0;
        for (Quote q : assessment.quotes()) {
            if (n++ == AlertText.MAX_QUOTES) {
                break;
            }
            t.italic("“" + q.text() + "”", 3);
            String who = q.role() == null || q.role().isBlank() ? q.speaker() : q.speaker() + " (" + q.role() + ")";
            t.plain(" — " + who, 3).newline();
        }
        String body = withUpdate(story, zone).strip();
        if (!body.isEmpty()) {
            t.newline().plain(HtmlText.cut(body, EXCERPT_LENGTH), 4).newline();
        }
        t.newline().plain(story.source().isBlank() ? "unknown source" : story.source(), 1);
        if (story.author() != null) {
            t.plain(" · by " + HtmlText.cut(story.author(), 100), 1);
        }
        if (story.published() != null) {
            t.plain(" · " + ChatTime.published(story.published(), zone));
        }
        t.newline();
        String href = safeUrl(story.link());
        if (href != null) {
            t.link("Read the story", href).newline();
        }
        t.plain("id: " + story.id(), 1);
        return t.fit(MAX_LENGTH);
    }

    /** @return the body, after the revision's "Updated HH:mm" line in the chat's zone when the story has one */
    private static String withUpdate(Story story, ZoneId zone) {
        return story.update() == null ? story.body() : ChatTime.updated(story.update(), zone) + "\n\n" + story.body();
    }

    private static String header(Assessment a) {
        String topics = a.topics().isEmpty() ? "NO TOPIC"
                : List.of(Topic.values()).stream().filter(a.topics()::contains).map(Topic::name)
                .collect(Collectors.joining(" + "));
        return (a.alert() ? "[ALERT] " : "[story] ") + topics + " · severity " + a.severity();
    }

    /**
     * A digest of several outbox rows: a bold count line, then one line per story (title in bold, casualty
     * line, source as the link), in row order, as many as fit; the rest are counted in a last line
     * ("…and 3 more not shown.").
     *
     * @param items at least one row
     * @return one message in HTML parse mode, at most {@link #MAX_LENGTH} long
     */
    public static String digest(List<OutboxItem> items) {
        return digestText(items).html();
    }

    /** @return the digest without markup, for the plain-text fallback; links show as "source: url" */
    public static String digestPlain(List<OutboxItem> items) {
        return digestText(items).plainText();
    }

    static HtmlText digestText(List<OutboxItem> items) {
        HtmlText t = new HtmlText().bold("Digest: " + items.size() + (items.size() == 1 ? " alert" : " alerts"), 0);
        int reserve = 40; // room for the "…and N more" line
        int shown = 0;
        for (OutboxItem item : items) {
            HtmlText line = digestLine(item);
            if (t.cost() + 1 + line.cost() > MAX_LENGTH - reserve) {
                break;
            }
            t.newline().append(line);
            shown++;
        }
        if (shown < items.size()) {
            t.newline().plain("…and " + (items.size() - shown) + " more not shown.");
        }
        return t;
    }

    private static HtmlText digestLine(OutboxItem item) {
        Story s = item.story();
        HtmlText t = new HtmlText().plain("• ")
                .bold(HtmlText.cut(s.title().isBlank() ? "(untitled)" : s.title(), DIGEST_TITLE_LENGTH), 0);
        if (!item.assessment().casualties().isEmpty()) {
            t.plain(" — " + item.assessment().casualties().display());
        }
        String source = HtmlText.cut(s.source().isBlank() ? "source" : s.source(), 60);
        String href = safeUrl(s.link());
        t.plain(" · ");
        return href == null ? t.plain(source) : t.link(source, href);
    }

    /**
     * A command reply: its text escaped, no markup. Split on line boundaries into as many messages as needed
     * so that each is at most {@link #MAX_LENGTH} long even after escaping; a single line too long for one
     * message is cut into pieces (never inside an entity or a surrogate pair).
     *
     * @return one or more messages in HTML parse mode, none empty
     */
    public static List<String> reply(Reply reply) {
        String text = reply.text().isBlank() ? "(no reply)" : reply.text().strip();
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            for (String piece : pieces(HtmlText.escape(line, false), line)) {
                if (!cur.isEmpty() && cur.length() + 1 + piece.length() > MAX_LENGTH) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                if (!cur.isEmpty()) {
                    cur.append('\n');
                }
                cur.append(piece);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString());
        }
        out.removeIf(String::isBlank);
        return out;
    }

    /** Splits one plain line into escaped pieces of at most {@link #MAX_LENGTH}. */
    private static List<String> pieces(String escaped, String line) {
        if (escaped.length() <= MAX_LENGTH) {
            return List.of(escaped);
        }
        List<String> parts = new ArrayList<>();
        String rest = line;
        while (!rest.isEmpty()) {
            int end = 0;
            int cost = 0;
            while (end < rest.length()) {
                int c = HtmlText.escapedLength(String.valueOf(rest.charAt(end)), false);
                if (cost + c > MAX_LENGTH) {
                    break;
                }
                cost += c;
                end++;
            }
            if (end < rest.length() && Character.isHighSurrogate(rest.charAt(end - 1))) {
                end--;
            }
            parts.add(HtmlText.escape(rest.substring(0, end), false));
            rest = rest.substring(end);
        }
        return parts;
    }

    /**
     * The link an alert may carry as a Telegram {@code <a href>} or preview. As strict as Discord's
     * {@code DiscordText.safeLink}: Telegram refuses a whole message whose link it cannot parse, and the plain-text
     * fallback then costs a second request (tester18e: {@code https://[/a.jpg}, a no-break space, {@code <script>}).
     *
     * @return the link written in ASCII ({@link Links#ascii}: host in punycode, spaces, {@code < > " | { } ^} and
     *         non-ASCII characters percent-encoded) when it is an {@code http(s)} URL with a host, at most 2,048 long
     *         so written; else {@code null}
     */
    static String safeUrl(String link) {
        String u = Links.ascii(link); // an IDN host in punycode, | { } ^ and non-ASCII percent-encoded
        if (u == null) {
            return null;
        }
        String lower = u.toLowerCase(Locale.ROOT);
        int rest = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
        if (rest < 0 || u.length() <= rest || u.length() > MAX_URL_LENGTH || u.charAt(rest) == '/') {
            return null;
        }
        if (u.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || c == '<' || c == '>' || c == '"')) {
            return null;
        }
        try {
            return java.net.URI.create(u).getHost() == null ? null : u;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
