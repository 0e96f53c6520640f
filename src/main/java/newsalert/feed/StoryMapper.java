package newsalert.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import newsalert.story.Story;

/**
 * Normalizes Rome entries into {@link Story} values.
 *
 * <ul>
 *   <li>id: the guid / Atom id; else the entry link (absolute when possible); else the SHA-256 hex
 *       of {@code title + "\n" + date}, where date is the entry's own raw published/updated date
 *       in ISO form or empty (never first-seen or the feed date, so the id is stable).</li>
 *   <li>link: made absolute against the feed link, then the feed URL ({@link Links}).</li>
 *   <li>title: one line of plain text; body: content:encoded / Atom content when present, else
 *       description / summary, as paragraphs ({@link PlainText}).</li>
 *   <li>published: entry published, entry updated, then feed date — the first plausible one
 *       ({@link DatePolicy}), else {@code null}. A date Rome cannot read (a date without a time such as
 *       {@code Tue, 10 Jun 2025}) is read from the raw text by {@link LooseDates}.</li>
 *   <li>image: the entry's picture as the feed names it ({@link FeedImages}), else {@code null}.</li>
 *   <li>author: Atom authors' names, else RSS {@code author} / {@code dc:creator} ({@link #author}).</li>
 * </ul>
 */
final class StoryMapper {
    private final String source;
    private final String feedLink;
    private final String feedUrl;
    private final Instant feedDate;
    private final Instant firstSeen;

    /**
     * @param rawFeedDate the feed's own date text as written, read when Rome could not read it; or {@code null}
     */
    StoryMapper(SyndFeed feed, String feedUrl, Instant firstSeen, String rawFeedDate) {
        this.source = PlainText.line(feed.getTitle());
        this.feedUrl = feedUrl;
        this.feedLink = Links.absolute(feed.getLink(), feedUrl);
        this.feedDate = feed.getPublishedDate() != null ? feed.getPublishedDate().toInstant()
                : LooseDates.parse(rawFeedDate);
        this.firstSeen = firstSeen;
    }

    String source() {
        return source;
    }

    /**
     * @param rawDate the entry's own date text as written, read when Rome could not read any; or {@code null}
     */
    Story map(SyndEntry e, String rawDate) {
        String title = PlainText.line(e.getTitle());
        String rawLink = rawLink(e);
        String link = Links.absolute(rawLink, feedLink, feedUrl);
        Date own = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        Instant published = DatePolicy.firstPlausible(firstSeen, instant(e.getPublishedDate()),
                instant(e.getUpdatedDate()), own == null ? LooseDates.parse(rawDate) : null, feedDate);
        String guid = e.getUri();
        if (guid != null && guid.trim().equals(rawLink)) {
            guid = null; // Rome copies the link into the uri when there is no guid: use the absolute link
        }
        String id = firstNonBlank(guid, link, rawLink);
        if (id == null) {
            id = sha256(title + "\n" + (own == null ? "" : own.toInstant().toString()));
        }
        return new Story(id.trim(), source, title, link, published, body(e), FeedImages.of(e, feedLink, feedUrl),
                author(e));
    }

    /** Most author names kept for one entry. */
    private static final int MAX_AUTHORS = 20;
    private static final java.util.regex.Pattern MAIL_AND_NAME = java.util.regex.Pattern.compile(
            "\\S+@\\S+\\s*\\((.+)\\)");

    /**
     * @return the entry's authors as one line ("A, B"): Atom {@code author/name}s, else RSS {@code author} or
     *         {@code dc:creator}; an RSS address {@code mail@x (Name)} gives the name, a bare address nothing;
     *         {@code null} when there is none
     */
    static String author(SyndEntry e) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (com.rometools.rome.feed.synd.SyndPerson p : e.getAuthors()) {
            addName(names, p.getName());
        }
        if (names.isEmpty()) {
            addName(names, e.getAuthor());
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static void addName(java.util.Set<String> names, String raw) {
        String name = raw == null ? "" : PlainText.line(raw);
        java.util.regex.Matcher m = MAIL_AND_NAME.matcher(name);
        if (m.matches()) {
            name = m.group(1).strip();
        }
        if (!name.isEmpty() && !name.matches("\\S+@\\S+") && names.size() < MAX_AUTHORS) {
            names.add(name);
        }
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static String rawLink(SyndEntry e) {
        if (e.getLink() != null && !e.getLink().isBlank()) {
            return e.getLink().trim();
        }
        for (SyndLink l : e.getLinks()) {
            if (l.getHref() != null && (l.getRel() == null || "alternate".equals(l.getRel()))) {
                return l.getHref().trim();
            }
        }
        return null;
    }

    private static String body(SyndEntry e) {
        List<String> parts = new ArrayList<>();
        for (SyndContent c : e.getContents()) {
            String text = toText(c);
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        if (parts.isEmpty() && e.getDescription() != null) {
            String text = toText(e.getDescription());
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return String.join("\n\n", parts);
    }

    private static String toText(SyndContent c) {
        String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("text/plain")
                ? PlainText.fromText(c.getValue())
                : PlainText.fromHtml(c.getValue());
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static String sha256(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
