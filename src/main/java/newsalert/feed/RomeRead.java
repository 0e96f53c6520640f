package newsalert.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedParser;
import com.rometools.rome.io.impl.FeedParsers;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Has Rome read a JDOM document into a {@link SyndFeed}, with the dates read by {@link RomeDates} instead of
 * by Rome's own date parser (which was 15 % of {@code scan}'s time), and with the same result as Rome's
 * {@link SyndFeedInput#build(Document)}.
 *
 * <p>How: the parser Rome would pick is asked for first; the date elements its code reads (per feed type:
 * RSS {@code pubDate}, {@code lastBuildDate}, {@code expirationDate}; Atom 1.0 {@code updated},
 * {@code published}; Atom 0.3 {@code modified}, {@code issued}, {@code created}; Dublin Core {@code dc:date}
 * of items and entries) are taken out of the document, Rome's parser builds the wire feed without them, the
 * dates are set on the wire feed as Rome's parser would have set them, and Rome's converters make the
 * {@code SyndFeed} from it, so their precedence rules (a {@code dc:date} before a {@code pubDate}, a feed's
 * {@code pubDate} before its {@code lastBuildDate}) stay Rome's. The date elements are put back in their
 * places afterwards, so the document reads as before ({@link RawDates} looks at it). Feed types and elements
 * not listed (feed-level {@code dc:date}, {@code sy:updateBase}, an Atom entry's {@code source}) are left to
 * Rome.
 */
final class RomeRead {
    private static final FeedParsers PARSERS = new FeedParsers();
    private static final Namespace DC = Namespace.getNamespace(DCModule.URI);
    private static final Namespace NO_NS = Namespace.NO_NAMESPACE;
    private static final Namespace RSS20_WNS = Namespace.getNamespace("http://backend.userland.com/rss2");
    private static final Namespace RSS10 = Namespace.getNamespace("http://purl.org/rss/1.0/");
    private static final Namespace ATOM10 = Namespace.getNamespace(FeedShape.ATOM_10);
    private static final Namespace ATOM03 = Namespace.getNamespace(FeedShape.ATOM_03);

    private RomeRead() {
    }

    /**
     * Reads {@code doc} as {@code new SyndFeedInput().build(doc)} would (Rome's defaults: not validating,
     * {@link Locale#US}).
     *
     * @throws FeedException           as Rome's parsers throw it
     * @throws IllegalArgumentException when no Rome parser takes the document, as Rome throws it
     */
    static SyndFeed build(Document doc) throws FeedException {
        WireFeedParser parser = PARSERS.getParserFor(doc);
        if (parser == null) {
            throw new IllegalArgumentException("Invalid document");
        }
        Taken taken = take(doc.getRootElement(), parser.getType());
        WireFeed wire;
        try {
            wire = parser.parse(doc, false, Locale.US);
        } finally {
            taken.putBack();
        }
        taken.apply(wire);
        return new SyndFeedImpl(wire, false);
    }

    /** Rome's own path, dates and all: what {@link #build} must equal (for tests). */
    static SyndFeed buildWithRomeDates(Document doc) throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(true);
        return input.build(doc);
    }

    private static Taken take(Element root, String type) {
        Taken t = new Taken();
        switch (type) {
            case "rss_0.91N", "rss_0.91U", "rss_0.92" -> t.rss(root, NO_NS, false, false);
            case "rss_0.93", "rss_0.94" -> t.rss(root, NO_NS, true, false);
            case "rss_2.0" -> t.rss(root, NO_NS, true, true);
            case "rss_2.0wNS" -> t.rss(root, RSS20_WNS, true, true);
            case "rss_1.0" -> t.items(root.getChildren("item", RSS10), false, true);
            case "atom_1.0" -> t.atom10(root);
            case "atom_0.3" -> t.atom03(root);
            default -> {
                // rss_0.9 reads no dates; an unknown type is left to Rome
            }
        }
        return t;
    }

    /** The date elements taken out of one document, and how to set their dates on the wire feed. */
    private static final class Taken {
        /** Parents whose children were taken, with their element children as they were before. */
        private final Map<Element, List<Element>> before = new IdentityHashMap<>();
        /** Those parents in the order they were first met. */
        private final List<Element> parents = new ArrayList<>();
        /** What to set on the wire feed once Rome has built it. */
        private final List<Setter> pending = new ArrayList<>();

        private interface Setter {
            void apply(WireFeed wire);
        }

        void rss(Element root, Namespace ns, boolean expiration, boolean dc) {
            Element channel = root.getChild("channel", ns);
            if (channel == null) {
                return;
            }
            String pub = first(channel, "pubDate", ns);
            String built = first(channel, "lastBuildDate", ns);
            pending.add(wire -> {
                Channel c = (Channel) wire;
                if (pub != null) {
                    c.setPubDate(RomeDates.parse(pub));
                }
                if (built != null) {
                    c.setLastBuildDate(RomeDates.parse(built));
                }
            });
            List<Element> items = channel.getChildren("item", ns);
            items(items, expiration, dc, ns);
        }

        void items(List<Element> items, boolean expiration, boolean dc) {
            items(items, expiration, dc, null);
        }

        private void items(List<Element> items, boolean expiration, boolean dc, Namespace rssNs) {
            for (int i = 0; i < items.size(); i++) {
                Element item = items.get(i);
                String pub = rssNs == null ? null : first(item, "pubDate", rssNs);
                String expires = rssNs == null || !expiration ? null : first(item, "expirationDate", rssNs);
                List<String> dcDates = dc ? all(item, "date", DC) : null;
                int index = i;
                if (pub == null && expires == null && dcDates == null) {
                    continue;
                }
                pending.add(wire -> {
                    Item it = ((Channel) wire).getItems().get(index);
                    if (pub != null) {
                        it.setPubDate(RomeDates.parse(pub));
                    }
                    if (expires != null) {
                        it.setExpirationDate(RomeDates.parse(expires));
                    }
                    if (dcDates != null) {
                        setDcDates(it.getModules(), dcDates);
                    }
                });
            }
        }

        void atom10(Element root) {
            String updated = first(root, "updated", ATOM10);
            if (updated != null) {
                pending.add(wire -> ((Feed) wire).setUpdated(RomeDates.parse(updated)));
            }
            List<Element> entries = root.getChildren("entry", ATOM10);
            for (int i = 0; i < entries.size(); i++) {
                Element e = entries.get(i);
                String up = first(e, "updated", ATOM10);
                String pub = first(e, "published", ATOM10);
                List<String> dcDates = all(e, "date", DC);
                int index = i;
                if (up == null && pub == null && dcDates == null) {
                    continue;
                }
                pending.add(wire -> {
                    Entry entry = ((Feed) wire).getEntries().get(index);
                    if (up != null) {
                        entry.setUpdated(RomeDates.parse(up));
                    }
                    if (pub != null) {
                        entry.setPublished(RomeDates.parse(pub));
                    }
                    if (dcDates != null) {
                        setDcDates(entry.getModules(), dcDates);
                    }
                });
            }
        }

        void atom03(Element root) {
            String modified = first(root, "modified", ATOM03);
            if (modified != null) {
                pending.add(wire -> ((Feed) wire).setModified(RomeDates.parse(modified)));
            }
            List<Element> entries = root.getChildren("entry", ATOM03);
            for (int i = 0; i < entries.size(); i++) {
                Element e = entries.get(i);
                String mod = first(e, "modified", ATOM03);
                String issued = first(e, "issued", ATOM03);
                String created = first(e, "created", ATOM03);
                List<String> dcDates = all(e, "date", DC);
                int index = i;
                if (mod == null && issued == null && created == null && dcDates == null) {
                    continue;
                }
                pending.add(wire -> {
                    Entry entry = ((Feed) wire).getEntries().get(index);
                    if (mod != null) {
                        entry.setModified(RomeDates.parse(mod));
                    }
                    if (issued != null) {
                        entry.setIssued(RomeDates.parse(issued));
                    }
                    if (created != null) {
                        entry.setCreated(RomeDates.parse(created));
                    }
                    if (dcDates != null) {
                        setDcDates(entry.getModules(), dcDates);
                    }
                });
            }
        }

        /**
         * Takes out every child {@code name} in {@code ns} of {@code parent}.
         *
         * @return the text of the first, the one Rome's {@code getChild} reads; {@code null} when there is none
         */
        private String first(Element parent, String name, Namespace ns) {
            List<String> texts = all(parent, name, ns);
            return texts == null ? null : texts.get(0);
        }

        /** Takes out every child {@code name} in {@code ns}; their texts in document order, or {@code null}. */
        private List<String> all(Element parent, String name, Namespace ns) {
            List<Element> found = parent.getChildren(name, ns);
            if (found.isEmpty()) {
                return null;
            }
            if (!before.containsKey(parent)) {
                before.put(parent, new ArrayList<>(parent.getChildren()));
                parents.add(parent);
            }
            List<Element> copy = new ArrayList<>(found);
            List<String> texts = new ArrayList<>(copy.size());
            for (Element e : copy) {
                texts.add(e.getText());
                e.detach();
            }
            return texts;
        }

        /**
         * Puts every taken element back before the first element that followed it and is still there (or
         * last), in document order, so neighbours taken together come back in their order.
         */
        void putBack() {
            for (Element parent : parents) {
                List<Element> was = before.get(parent);
                for (int i = 0; i < was.size(); i++) {
                    Element e = was.get(i);
                    if (e.getParent() != null) {
                        continue; // not taken
                    }
                    Element next = null;
                    for (int j = i + 1; j < was.size() && next == null; j++) {
                        if (was.get(j).getParent() == parent) {
                            next = was.get(j);
                        }
                    }
                    if (next == null) {
                        parent.addContent(e);
                    } else {
                        parent.addContent(parent.indexOf(next), e);
                    }
                }
            }
        }

        void apply(WireFeed wire) {
            for (Setter s : pending) {
                s.apply(wire);
            }
        }
    }

    /** Sets the Dublin Core dates as Rome's {@code DCModuleParser} does, making the module when it is missing. */
    private static void setDcDates(List<Module> modules, List<String> texts) {
        DCModule dc = null;
        for (Module m : modules) {
            if (DCModule.URI.equals(m.getUri())) {
                dc = (DCModule) m;
                break;
            }
        }
        if (dc == null) {
            dc = new DCModuleImpl();
            modules.add(dc);
        }
        List<Date> dates = new ArrayList<>(texts.size());
        for (String t : texts) {
            dates.add(RomeDates.parse(t));
        }
        dc.setDates(dates);
    }
}
