package newsalert.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Reads and writes OPML 2.0 subscription lists (<a href="http://opml.org/spec2.opml">opml.org</a>), the
 * format other feed readers and bots import and export.
 *
 * <p>Reading: the text goes through the hardened parser of feeds ({@link SafeXml}: nothing outside the
 * document is read, entity expansion bounded), and then a DOCTYPE is refused outright (OPML needs none, and
 * one is how XXE and entity bombs arrive). The root must be {@code <opml>} with a {@code <body>}; every
 * {@code <outline>} with an {@code xmlUrl} is a feed, however deeply categories nest (they are flattened),
 * titled by its {@code title}, else its {@code text}. At most {@value #MAX_OUTLINES} outlines are read;
 * more is refused as a whole. Addresses are returned as written (trimmed): whether one may be added (http(s),
 * public) is the caller's rule.
 *
 * <p>Writing: {@code <opml version="2.0">} with a {@code <head>} (title, dateCreated in RFC 822) and one
 * {@code <outline type="rss" text title xmlUrl>} per feed, UTF-8, escaped by JDOM. A feed with its own interval
 * carries it as {@code newsalert:interval="30m"} ({@link #NEWSALERT}); readers that do not know the attribute
 * ignore it, and on reading every attribute but {@code xmlUrl}, {@code title}, {@code text} and that one is
 * ignored.
 */
public final class Opml {
    /** Most outlines (feeds and categories together) a file may have. */
    public static final int MAX_OUTLINES = 1_000;
    /** The media type of OPML files. */
    public static final String MEDIA_TYPE = "text/x-opml";

    private Opml() {
    }

    /**
     * The namespace of newsalert's own outline attribute {@code newsalert:interval} (a feed's own time between
     * polls, written as in the config file: {@code 30m}, {@code 2h}). A name, never fetched.
     */
    public static final Namespace NEWSALERT = Namespace.getNamespace("newsalert", "https://newsalert.invalid/opml/1");

    /**
     * One feed of an OPML file.
     *
     * @param url      the {@code xmlUrl} as written, trimmed; never blank
     * @param title    its title or text, plain, possibly empty
     * @param interval its {@code newsalert:interval} as written, trimmed, or {@code null} when it has none (not
     *                 checked: the reader of the list decides whether it is a duration it accepts)
     */
    public record Outline(String url, String title, String interval) {
        public Outline {
            Objects.requireNonNull(url, "url");
            title = title == null ? "" : title;
            interval = interval == null || interval.isBlank() ? null : interval.strip();
        }

        /** An outline without an interval. */
        public Outline(String url, String title) {
            this(url, title, null);
        }
    }

    private static final String DOCTYPE_REFUSED = "not an OPML file: it declares a DOCTYPE, which OPML never needs"
            + " (refused: it is how external entities and entity bombs get in)";
    /** A DOCTYPE before the root element: after a BOM, the XML declaration, comments and processing instructions. */
    private static final java.util.regex.Pattern PROLOG_DOCTYPE = java.util.regex.Pattern.compile(
            "\\uFEFF?\\s*+(?:(?:<\\?.*?\\?>|<!--.*?-->)\\s*+)*<!DOCTYPE",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

    /**
     * Reads the feeds of an OPML document.
     *
     * @param body the file's bytes (encoding from its BOM or XML declaration, else UTF-8)
     * @return the outlines with an {@code xmlUrl}, in document order, duplicates kept
     * @throws FeedException with a one-line reason starting "not an OPML file: " when it cannot be used
     */
    public static List<Outline> read(byte[] body) throws FeedException {
        String text = XmlDecoding.decode(body, null);
        if (text.isBlank()) {
            throw new FeedException("not an OPML file: the file is empty");
        }
        Document doc;
        try {
            doc = SafeXml.parse(text);
        } catch (FeedException e) {
            // an external entity used in an attribute fails the parse as malformed: give the DOCTYPE's reason instead
            // (an entity bomb keeps its own)
            if (e.getMessage().contains("XML is malformed") && PROLOG_DOCTYPE.matcher(text).lookingAt()) {
                throw new FeedException(DOCTYPE_REFUSED, e);
            }
            throw new FeedException(e.getMessage().replaceFirst("^not a feed: ", "not an OPML file: "), e);
        }
        if (doc.getDocType() != null) {
            throw new FeedException(DOCTYPE_REFUSED);
        }
        Element root = doc.getRootElement();
        if (!root.getName().equals("opml")) {
            throw new FeedException("not an OPML file: the XML root is <" + root.getName() + ">, not <opml>");
        }
        Element opmlBody = root.getChild("body", root.getNamespace());
        if (opmlBody == null) {
            throw new FeedException("not an OPML file: <body> is missing");
        }
        List<Outline> out = new ArrayList<>();
        int seen = 0;
        for (Element e : opmlBody.getDescendants(Filters.element("outline"))) {
            if (++seen > MAX_OUTLINES) {
                throw new FeedException("not an OPML file we read: more than " + MAX_OUTLINES + " outlines");
            }
            String url = e.getAttributeValue("xmlUrl");
            if (url != null && !url.isBlank()) {
                String title = e.getAttributeValue("title");
                if (title == null || title.isBlank()) {
                    title = e.getAttributeValue("text");
                }
                out.add(new Outline(url.strip(), PlainText.line(title), interval(e)));
            }
        }
        return out;
    }

    /**
     * @return the outline's {@code interval} attribute in newsalert's namespace, or under the prefix {@code
     *         newsalert} bound to any namespace (files other tools rewrote), else {@code null}; other attributes are
     *         ignored
     */
    private static String interval(Element e) {
        for (org.jdom2.Attribute a : e.getAttributes()) {
            if (a.getName().equals("interval") && (a.getNamespace().equals(NEWSALERT)
                    || a.getNamespacePrefix().equals(NEWSALERT.getPrefix()))) {
                String v = a.getValue();
                return v.length() > 32 ? v.substring(0, 32) : v;
            }
        }
        return null;
    }

    /** @return the text without the characters XML 1.0 cannot carry (JDOM refuses them with an exception) */
    private static String xmlText(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().filter(org.jdom2.Verifier::isXMLCharacter).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /**
     * @param url a feed's address
     * @return whether {@link #write} can carry the address unchanged: it has no character XML 1.0 cannot carry
     */
    public static boolean writable(String url) {
        return url.codePoints().allMatch(org.jdom2.Verifier::isXMLCharacter);
    }

    /**
     * Writes feeds as an OPML 2.0 document, lines ending in {@code \n}.
     *
     * @param title   the document's title (e.g. "newsalert feeds")
     * @param feeds   the feeds in order; a blank title is written as the URL; characters XML 1.0 cannot carry
     *                (control characters in a feed's name, say) are left out of names rather than refused; a
     *                feed whose address has one is left out ({@link #writable}): without it, it would name another
     *                feed
     * @param created the {@code dateCreated} stamp
     * @return the document as UTF-8 bytes
     */
    public static byte[] write(String title, List<Outline> feeds, Instant created) {
        Element head = new Element("head")
                .addContent(new Element("title").setText(xmlText(title)))
                .addContent(new Element("dateCreated").setText(
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(created.atOffset(ZoneOffset.UTC))));
        Element body = new Element("body");
        for (Outline f : feeds) {
            if (!writable(f.url())) {
                continue;
            }
            String name = xmlText(f.title().isBlank() ? f.url() : f.title());
            Element outline = new Element("outline").setAttribute("type", "rss").setAttribute("text", name)
                    .setAttribute("title", name).setAttribute("xmlUrl", xmlText(f.url()));
            if (f.interval() != null) {
                outline.setAttribute("interval", f.interval(), NEWSALERT);
            }
            body.addContent(outline);
        }
        Element opml = new Element("opml").setAttribute("version", "2.0").addContent(head).addContent(body);
        if (feeds.stream().anyMatch(f -> f.interval() != null)) {
            opml.addNamespaceDeclaration(NEWSALERT);
        }
        StringWriter w = new StringWriter();
        try {
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator("\n")).output(new Document(opml), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }
}
