package newsalert.feed;

import java.util.List;
import java.util.Set;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * Checks that a parsed XML document has the shape of a feed before Rome reads it, so that a missing part
 * gets a plain reason ("not an RSS feed: &lt;channel&gt; is missing") rather than the library's null
 * pointer text, and removes the few channel parts Rome fails on when they hold junk.
 *
 * <p>Rules: the root must be {@code <rss>} with a {@code <channel>}, RDF with an RSS 0.90/1.0
 * {@code <channel>}, or {@code <feed>} in the Atom 1.0 or 0.3 namespace. An {@code <rss>} whose
 * {@code version} Rome does not know (say {@code "1.0"} or {@code "3"}) is read as RSS 2.0, as other
 * readers do. {@code <skipHours>}, {@code <skipDays>}, {@code <cloud>} and {@code sy:updateFrequency}
 * (hints for aggregators that newsalert does not use, and which Rome reads as numbers without checking)
 * are removed.
 */
final class FeedShape {
    static final String ATOM_10 = "http://www.w3.org/2005/Atom";
    static final String ATOM_03 = "http://purl.org/atom/ns#";
    private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94");
    private static final Set<String> UNUSED_CHANNEL_PARTS = Set.of("skipHours", "skipDays", "cloud",
            "updateFrequency");

    private FeedShape() {
    }

    /**
     * Checks {@code doc} and removes the unused parts named in the class comment.
     *
     * @throws FeedException "not an RSS feed: &lt;channel&gt; is missing", "not an RSS 1.0 feed: …", "not an Atom
     *                       feed: …" or "not a feed: XML root &lt;x&gt; is not RSS or Atom"
     */
    static void check(Document doc) throws FeedException {
        if (!doc.hasRootElement()) {
            throw new FeedException("not a feed: the document has no elements");
        }
        Element root = doc.getRootElement();
        switch (root.getName()) {
            case "rss" -> {
                Element channel = childNamed(root, "channel");
                if (channel == null) {
                    throw new FeedException("not an RSS feed: <channel> is missing");
                }
                Attribute version = root.getAttribute("version");
                if (version == null || !(RSS_VERSIONS.contains(version.getValue())
                        || version.getValue().trim().startsWith("2.0"))) {
                    root.setAttribute("version", "2.0");
                }
                removeUnused(channel);
            }
            case "RDF" -> {
                Element channel = childNamed(root, "channel");
                if (channel == null) {
                    throw new FeedException("not an RSS 1.0 feed: <channel> is missing");
                }
                removeUnused(channel);
            }
            case "feed" -> {
                String ns = root.getNamespaceURI();
                if (!ns.equals(ATOM_10) && !ns.equals(ATOM_03)) {
                    throw new FeedException("not an Atom feed: <feed> is not in the Atom namespace " + ATOM_10);
                }
            }
            default -> throw new FeedException("not a feed: XML root <" + root.getName() + "> is not RSS or Atom");
        }
    }

    private static Element childNamed(Element parent, String name) {
        for (Element e : parent.getChildren()) {
            if (e.getName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static void removeUnused(Element channel) {
        List<Element> unused = channel.getChildren().stream()
                .filter(e -> UNUSED_CHANNEL_PARTS.contains(e.getName())).toList();
        unused.forEach(channel::removeContent);
    }
}
