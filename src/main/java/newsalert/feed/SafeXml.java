package newsalert.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.SAXHandler;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.rometools.rome.io.impl.XmlFixerReader;

/**
 * Parses feed text into a JDOM document with a hardened SAX parser.
 *
 * <p>A DOCTYPE is allowed (RSS 0.91 from Netscape needs one) but nothing outside the document is
 * ever read: external general and parameter entities are off, the external DTD is not loaded, the
 * entity resolver answers every request with an empty document, and the JDK's access lists for
 * external DTDs and schemas are empty. Internal entities are bounded: at most
 * {@value #ENTITY_EXPANSION_LIMIT} expansions and {@value #TOTAL_ENTITY_SIZE} characters in all, so
 * a "billion laughs" document fails within milliseconds. Elements may nest at most
 * {@value #MAX_ELEMENT_DEPTH} deep: the JDK parser's own limit ({@code jdk.xml.maxElementDepth}) stops a
 * document of 100,000 nested elements at that depth, before JDOM or Rome walk it recursively. As in
 * Rome's own setup, entity references are not expanded into the JDOM tree, so text from internal
 * entities is dropped.
 *
 * <p>Every failure is a {@link FeedException} with a plain reason ({@link XmlErrors}); a name JDOM
 * refuses (an attribute called {@code :lang}) is reported with its line like any other XML error.
 *
 * <p>Rome's {@link XmlFixerReader} rules (as {@link XmlFixer}, in one pass) first drop junk before the prolog
 * and rewrite HTML named entities ({@code &eacute;}, {@code &nbsp;}) as numeric references.
 */
final class SafeXml {
    static final int ENTITY_EXPANSION_LIMIT = 2_000;
    static final int TOTAL_ENTITY_SIZE = 1_000_000;
    /** Deepest element nesting accepted; real feeds, XHTML content included, stay far below it. */
    static final int MAX_ELEMENT_DEPTH = 256;

    private static final String JDK_PROPS = "http://www.oracle.com/xml/jaxp/properties/";
    /**
     * One builder per thread, its SAX parser kept between documents (JDOM's reuse; the JDK parser resets its
     * entity counts for each document): making a parser per feed cost more than parsing a small feed.
     */
    private static final ThreadLocal<SAXBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::builder);

    private SafeXml() {
    }

    /**
     * Parses {@code text} as XML.
     *
     * @throws FeedException with a plain reason from {@link XmlErrors}: "not XML: ...", "not a feed: XML is
     *                       malformed at line N: ...", "not a feed: too many XML entity expansions (entity
     *                       bomb?)" or "not a feed: elements are nested too deeply (more than 256 levels)"
     */
    static Document parse(String text) throws FeedException {
        return parse(text, false);
    }

    /**
     * @param reference {@code true} to parse as before the parsing-cost work (Rome's reader, a new parser
     *                  per document), for the tests that compare both paths
     */
    static Document parse(String text, boolean reference) throws FeedException {
        if (cutOffDoctype(text)) {
            // the JDK's DTD scanner prints a stack trace to stderr when the file ends inside an internal
            // subset, so such a file is refused before the parser sees it
            throw new FeedException("not a feed: XML is malformed: the file ends inside its DOCTYPE declaration");
        }
        try {
            return reference ? builder().build(new XmlFixerReader(new StringReader(text)))
                    : BUILDER.get().build(new StringReader(XmlFixer.fix(text)));
        } catch (JDOMParseException e) {
            throw XmlErrors.describe(text, e.getMessage(), e.getLineNumber(), e);
        } catch (JDOMException e) {
            throw XmlErrors.describe(text, e.getMessage(), -1, e);
        } catch (IOException e) {
            throw new FeedException("not a feed: the XML could not be read to the end", e);
        }
    }

    /**
     * @return whether a {@code <!DOCTYPE … [} internal subset is opened and the text ends before a {@code ]}
     *         closes it (only the first 64 KB are looked at, where a DOCTYPE must be)
     */
    static boolean cutOffDoctype(String text) {
        int doctype = text.indexOf("<!DOCTYPE");
        if (doctype < 0 || doctype > 65_536) {
            return false;
        }
        int bracket = text.indexOf('[', doctype);
        int close = text.indexOf('>', doctype);
        if (bracket < 0 || (close >= 0 && close < bracket)) {
            return false;
        }
        return text.indexOf(']', bracket) < 0;
    }

    /** JDOM's handler, with JDOM's refusals of names and characters turned into positioned SAX errors. */
    private static final class CheckedHandler extends SAXHandler {
        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            try {
                super.startElement(uri, local, qName, atts);
            } catch (IllegalArgumentException e) {
                throw refusal(e);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            try {
                super.characters(ch, start, length);
            } catch (IllegalArgumentException e) {
                throw refusal(e);
            }
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            try {
                super.processingInstruction(target, data);
            } catch (IllegalArgumentException e) {
                throw refusal(e);
            }
        }

        @Override
        public void comment(char[] ch, int start, int length) throws SAXException {
            try {
                super.comment(ch, start, length);
            } catch (IllegalArgumentException e) {
                throw refusal(e);
            }
        }

        private SAXParseException refusal(IllegalArgumentException e) {
            return new SAXParseException(XmlErrors.jdomRefusal(e), getDocumentLocator(), e);
        }
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
        b.setProperty(JDK_PROPS + "maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
        b.setSAXHandlerFactory(factory -> new CheckedHandler());
        b.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
        b.setExpandEntities(false);
        b.setReuseParser(true);
        return b;
    }
}
