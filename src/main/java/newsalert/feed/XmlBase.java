package newsalert.feed;

import java.net.URI;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Applies XML Base (RFC 4287 section 2, W3C XML Base) to the links of an Atom document before Rome reads
 * it: each relative {@code href} of an Atom {@code <link>} or {@code src} of {@code <content>} is resolved
 * against the {@code xml:base} in scope — the element's own, else its parent's, and so on up to the
 * document's URL, each relative {@code xml:base} resolved against the one above it (RFC 3986 rules, so
 * {@code ../} works). Only links with an {@code xml:base} somewhere above them are rewritten, so feeds without
 * one keep the existing fallbacks ({@link Links}). Rome's own option for this joins strings instead of
 * resolving them and is one switch for the whole JVM, so it stays off.
 */
final class XmlBase {
    private XmlBase() {
    }

    /**
     * Rewrites the relative links of an Atom {@code doc} in place.
     *
     * @param documentUrl the URL the document was fetched from, or {@code null}
     */
    static void resolve(Document doc, String documentUrl) {
        Element root = doc.getRootElement();
        String ns = root.getNamespaceURI();
        if (!root.getName().equals("feed") || !(ns.equals(FeedShape.ATOM_10) || ns.equals(FeedShape.ATOM_03))) {
            return;
        }
        walk(root, parse(documentUrl), false);
    }

    private static void walk(Element e, URI inherited, boolean baseSeen) {
        URI base = inherited;
        String own = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
        if (own != null && !own.isBlank()) {
            URI ownUri = parse(own);
            base = ownUri == null ? null : base == null ? ownUri : base.resolve(ownUri);
            baseSeen = true;
        }
        if (baseSeen && base != null && base.isAbsolute()) {
            String ns = e.getNamespaceURI();
            if (ns.equals(FeedShape.ATOM_10) || ns.equals(FeedShape.ATOM_03)) {
                if (e.getName().equals("link")) {
                    rewrite(e.getAttribute("href"), base);
                } else if (e.getName().equals("content")) {
                    rewrite(e.getAttribute("src"), base);
                }
            }
        }
        for (Element child : e.getChildren()) {
            walk(child, base, baseSeen);
        }
    }

    private static void rewrite(Attribute a, URI base) {
        if (a == null) {
            return;
        }
        URI ref = parse(a.getValue());
        if (ref != null && !ref.isAbsolute()) {
            a.setValue(base.resolve(ref).toString());
        }
    }

    private static URI parse(String s) {
        return Links.uri(s);
    }
}
