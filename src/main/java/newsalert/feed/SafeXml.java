package newsalert.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;

import com.rometools.rome.io.impl.XmlFixerReader;

/**
 * Parses feed text into a JDOM document with a hardened SAX parser.
 *
 * <p>A DOCTYPE is allowed (RSS 0.91 from Netscape needs one) but nothing outside the document is
 * ever read: external general and parameter entities are off, the external DTD is not loaded, the
 * entity resolver answers every request with an empty document, and the JDK's access lists for
 * external DTDs and schemas are empty. Internal entities are bounded: at most
 * {@value #ENTITY_EXPANSION_LIMIT} expansions and {@value #TOTAL_ENTITY_SIZE} characters in all, so
 * a "billion laughs" document fails within milliseconds. As in Rome's own setup, entity references
 * are not expanded into the JDOM tree, so text from internal entities is dropped.
 *
 * <p>Rome's {@link XmlFixerReader} first drops junk before the prolog and rewrites HTML named
 * entities ({@code &eacute;}, {@code &nbsp;}) as numeric references.
 */
final class SafeXml {
    static final int ENTITY_EXPANSION_LIMIT = 2_000;
    static final int TOTAL_ENTITY_SIZE = 1_000_000;

    private static final String JDK_PROPS = "http://www.oracle.com/xml/jaxp/properties/";

    private SafeXml() {
    }

    /**
     * Parses {@code text} as XML.
     *
     * @throws FeedException "not a feed: XML is malformed at line N: ..." for broken XML, or
     *                       "not a feed: too many XML entity expansions" for an entity bomb
     */
    static Document parse(String text) throws FeedException {
        try {
            return builder().build(new XmlFixerReader(new StringReader(text)));
        } catch (JDOMParseException e) {
            throw describe(e.getMessage(), e.getLineNumber(), e);
        } catch (JDOMException e) {
            throw describe(e.getMessage(), -1, e);
        } catch (IOException e) {
            throw new FeedException("not a feed: cannot read XML: " + e.getMessage(), e);
        }
    }

    private static FeedException describe(String message, int line, Exception cause) {
        String msg = message == null ? "" : message;
        if (msg.contains("JAXP0001") || msg.contains("entity expansion") || msg.contains("entity size")) {
            return new FeedException("not a feed: too many XML entity expansions (entity bomb?)", cause);
        }
        String detail = msg.replaceFirst("^Error on line \\d+( of document [^:]*)?: ", "");
        String where = line > 0 ? " at line " + line : "";
        return new FeedException("not a feed: XML is malformed" + where + ": " + detail, cause);
    }

    private static SAXBuilder builder() {
        SAXBuilder b = new SAXBuilder(XMLReaders.NONVALIDATING);
        // external-general-entities doubles as JDOM's "expand entities" switch: both off
        b.setFeature("http://xml.org/sax/features/external-general-entities", false);
        b.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        b.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        b.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        b.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        b.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        b.setProperty(JDK_PROPS + "entityExpansionLimit", String.valueOf(ENTITY_EXPANSION_LIMIT));
        b.setProperty(JDK_PROPS + "totalEntitySizeLimit", String.valueOf(TOTAL_ENTITY_SIZE));
        b.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
        b.setExpandEntities(false);
        b.setReuseParser(false);
        return b;
    }
}
