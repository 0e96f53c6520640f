package newsalert.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Last-chance repair of XML that is not well-formed (truncated feeds, unclosed tags, stray
 * ampersands): jsoup's forgiving XML parser reads it and writes it back out well-formed, closing
 * whatever was left open. It reads no DTD and resolves no entity beyond the HTML/XML named ones.
 * The result is parsed again by {@link SafeXml}, with all its limits.
 */
final class XmlRepair {
    private XmlRepair() {
    }

    /** The repaired XML, or {@code null} when there is nothing element-like to repair. */
    static String repair(String text) {
        Document doc = Jsoup.parse(text, "", Parser.xmlParser());
        if (doc.children().isEmpty()) {
            return null;
        }
        doc.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        return doc.outerHtml();
    }
}
