package newsalert.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import newsalert.story.Story;
import org.jdom2.Document;

/**
 * Parses feed bytes (RSS 0.90/0.91/0.92/0.93/0.94/1.0/2.0, Atom 0.3/1.0, or JSON Feed 1.0/1.1) into
 * {@link Story} values. Thread-safe and stateless. A body whose first character is <code>{</code> is read
 * by {@link JsonFeedParser}; the rest of this comment is about XML feeds.
 *
 * <p>Steps: the bytes are decoded by {@link XmlDecoding} (BOM, XML declaration, HTTP charset,
 * then UTF-8, else windows-1252); the text is parsed by {@link SafeXml} (DOCTYPE allowed, external
 * entities never fetched, entity expansion bounded); when that XML is not well-formed, one lenient
 * repair pass ({@link XmlRepair}) is tried before giving up (a repaired read carries a
 * {@link ParsedFeed#warning()}, and an item left open at the end of the text is left out: {@link TruncatedItem}); its shape is checked ({@link FeedShape}), Atom
 * {@code xml:base} is applied to relative links ({@link XmlBase}); Rome then reads the document and
 * {@link StoryMapper} normalizes each entry (ids, absolute links, plain-text title and body with
 * paragraphs separated by {@code "\n\n"}, plausible dates only). Entries with no title, no body and
 * no link are skipped.
 *
 * <p>Date rule: {@code published} is the first of entry published, entry updated, feed date (each read
 * by Rome, else from its raw text by {@link LooseDates}, so {@code Tue, 10 Jun 2025} is that day 00:00 UTC) that
 * lies within {@code [1995-01-01T00:00Z, firstSeen + 10 min]}; otherwise {@code null} (Rome's
 * lenient parsing turns bad dates into wrong ones, so implausible means absent).
 */
public final class FeedParser {
    /** Whether every step runs as before the parsing-cost work (Rome's reader and date parsing): tests compare both. */
    private final boolean reference;

    /** A parser. */
    public FeedParser() {
        this(false);
    }

    /**
     * @param reference {@code true} for the reference path that the faster steps must match exactly: dates
     *                  read by Rome's own parser; for tests
     */
    FeedParser(boolean reference) {
        this.reference = reference;
    }

    /**
     * Parses one feed document.
     *
     * @param body        the raw bytes as fetched or read
     * @param contentType the HTTP Content-Type, or {@code null}; only its charset is used
     * @param feedUrl     the URL the feed came from, or {@code null}; a base for relative links
     * @param firstSeen   when we fetched it; dates later than this plus 10 minutes are dropped
     * @return the feed title and its non-empty stories in document order
     * @throws FeedException with a one-line message when the bytes are not a readable feed
     */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl, Instant firstSeen)
            throws FeedException {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(firstSeen, "firstSeen");
        if (JsonFeedParser.looksLikeJson(body)) {
            return JsonFeedParser.parse(body, feedUrl, firstSeen);
        }
        String text = XmlDecoding.decode(body, contentType);
        if (text.isBlank()) {
            throw new FeedException("not a feed: the document is empty");
        }
        Document doc;
        String warning = null;
        try {
            doc = SafeXml.parse(text, reference);
        } catch (FeedException malformed) {
            if (malformed.getMessage().contains("entity expansions") || malformed.getMessage().contains("nested")) {
                throw malformed;
            }
            String repaired = XmlRepair.repair(text);
            if (repaired == null) {
                throw malformed;
            }
            try {
                doc = SafeXml.parse(repaired, reference);
            } catch (FeedException stillBroken) {
                throw malformed;
            }
            // an item the repair had to close was cut by the truncation: it is not a story (its link, id and
            // title may be missing or cut); left out, it is read whole, as new, once the feed is whole again
            warning = TruncatedItem.leaveOut(text, doc) ? ParsedFeed.TRUNCATED_ITEM_LEFT_OUT : ParsedFeed.REPAIRED;
        }
        SyndFeed feed = read(doc, feedUrl);
        List<String> rawDates = RawDates.entries(doc);
        boolean sameEntries = rawDates.size() == feed.getEntries().size();
        StoryMapper mapper = new StoryMapper(feed, feedUrl, firstSeen, RawDates.feed(doc));
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < feed.getEntries().size(); i++) {
            Story story = mapper.map(feed.getEntries().get(i), sameEntries ? rawDates.get(i) : null);
            if (!story.title().isEmpty() || !story.body().isEmpty() || story.link() != null) {
                stories.add(story);
            }
        }
        return new ParsedFeed(mapper.source(), stories, warning);
    }

    private SyndFeed read(Document doc, String feedUrl) throws FeedException {
        FeedShape.check(doc);
        XmlBase.resolve(doc, feedUrl);
        String root = doc.getRootElement().getName();
        try {
            // Rome's SyndFeedInput.build(doc), with the dates read by RomeDates (same values, far cheaper)
            return reference ? RomeRead.buildWithRomeDates(doc) : RomeRead.build(doc);
        } catch (com.rometools.rome.io.FeedException | RuntimeException e) {
            // Rome's own text names its classes and null pointers; the user gets the shape of the problem
            throw new FeedException("not a feed: the <" + root + "> document has parts that cannot be read"
                    + (e instanceof NumberFormatException ? " (a number field holds text)" : ""), e);
        }
    }
}
