package newsalert.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * The date texts of a feed document as written, for the dates Rome could not read: per entry, the text
 * of its first date element ({@code pubDate}, {@code dc:date}, Atom {@code published} / {@code updated},
 * Atom 0.3 {@code issued} / {@code modified} / {@code created}); for the feed, its channel's or
 * {@code <feed>}'s. Entries are the {@code <item>} elements of the channel (RSS 0.9x/2.0) or of the root
 * (RSS 0.90/1.0), or the {@code <entry>} elements of an Atom feed, in document order — the order Rome
 * gives its entries in.
 */
final class RawDates {
    private static final List<String> ENTRY_DATES = List.of("pubDate", "published", "issued", "created", "date",
            "updated", "modified");
    private static final List<String> FEED_DATES = List.of("pubDate", "date", "updated", "modified", "lastBuildDate");
    private static final Set<String> ENTRY_NAMES = Set.of("item", "entry");

    private RawDates() {
    }

    /** @return each entry's raw date text, or {@code null} for an entry with none */
    static List<String> entries(Document doc) {
        Element root = doc.getRootElement();
        List<String> out = new ArrayList<>();
        for (Element e : entryElements(root)) {
            out.add(first(e, ENTRY_DATES));
        }
        return out;
    }

    /** @return the feed's own raw date text, or {@code null} */
    static String feed(Document doc) {
        Element root = doc.getRootElement();
        Element channel = child(root, "channel");
        return first(root.getName().equals("feed") || channel == null ? root : channel, FEED_DATES);
    }

    private static List<Element> entryElements(Element root) {
        Element holder = root.getName().equals("rss") ? child(root, "channel") : root;
        List<Element> out = new ArrayList<>();
        if (holder != null) {
            for (Element e : holder.getChildren()) {
                if (ENTRY_NAMES.contains(e.getName())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static String first(Element parent, List<String> names) {
        for (String name : names) {
            for (Element e : parent.getChildren()) {
                if (e.getName().equals(name) && !e.getTextNormalize().isEmpty()) {
                    return e.getTextNormalize();
                }
            }
        }
        return null;
    }

    private static Element child(Element parent, String name) {
        for (Element e : parent.getChildren()) {
            if (e.getName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
