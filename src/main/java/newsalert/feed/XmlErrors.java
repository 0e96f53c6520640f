package newsalert.feed;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the parser's error messages into plain reasons a user can act on. The JDK parser's English
 * messages are matched by their fixed wording and rewritten ({@code Content is not allowed in prolog.}
 * becomes {@code not XML: the file does not start with '<'}); a message that is not recognised is never
 * passed on: the reason is then just "XML is malformed at line N". No parser text ever reaches a user.
 */
final class XmlErrors {
    /** Text that marks a message as library-internal rather than meant for people. */
    static final Pattern INTERNAL = Pattern.compile(
            "(?i)exception|cannot invoke|\\b(?:org|java|javax|jdk|sun|com)\\.[a-z]|\\bJAXP\\d|\\bnull\\b|\\$|"
                    + "prefix=\"|localpart=|rawname=|\\bat [a-z]+\\.[a-z]");

    private record Rule(Pattern message, String reason) {
    }

    /** Xerces messages (their fixed English text) and the plain reason for each; {@code $1} is the quoted name. */
    private static final List<Rule> RULES = List.of(
            rule("^Premature end of file\\.", "the document is empty or cut off before its first element"),
            rule("^XML document structures must start and end within the same entity\\.",
                    "the document is cut off: elements are left open at the end"),
            rule("^The element type \"([^\"]{1,60})\" must be terminated by the matching end-tag",
                    "<$1> is not closed"),
            rule("^The end-tag for element type \"([^\"]{1,60})\" must end with a '>' delimiter",
                    "the end tag </$1> is broken"),
            rule("^The markup in the document following the root element must be well-formed\\.",
                    "there is more after the end of the root element"),
            rule("^Content is not allowed in trailing section\\.", "there is text after the end of the root element"),
            rule("^The entity \"([^\"]{1,60})\" was referenced, but not declared\\.", "unknown entity &$1;"),
            rule("^The reference to entity \"([^\"]{1,60})\" must end with the ';' delimiter\\.",
                    "a bare '&' before \"$1\" (it should be written &amp;)"),
            rule("^The entity name must immediately follow the '&' in the entity reference\\.",
                    "a bare '&' (it should be written &amp;)"),
            rule("^An invalid XML character \\(Unicode: 0x([0-9a-fA-F]{1,6})\\)", "invalid character U+$1"),
            rule("^Character reference \"&#([^\"]{1,12})\" is an invalid XML character\\.",
                    "invalid character reference &#$1;"),
            rule("^Element type \"([^\"]{1,60})\" must be followed by either attribute specifications",
                    "the tag <$1> is broken"),
            rule("^Attribute \"([^\"]{1,60})\" was already specified for element \"([^\"]{1,60})\"\\.",
                    "attribute \"$1\" appears twice in <$2>"),
            rule("^The prefix \"([^\"]{1,60})\" for (?:element|attribute) \"[^\"]{1,120}\".* is not bound\\.",
                    "the namespace prefix \"$1\" is not declared"),
            rule("^Open quote is expected for attribute \"([^\"]{1,60})\"", "the value of attribute \"$1\" is not quoted"),
            rule("^The value of attribute \"([^\"]{1,60})\" .*must not contain the '<' character\\.",
                    "the value of attribute \"$1\" contains '<'"),
            rule("^The content of elements must consist of well-formed character data or markup\\.",
                    "a '<' that does not start a tag"),
            rule("^The markup in the document preceding the root element must be well-formed\\.",
                    "broken markup before the first element"),
            rule("^The processing instruction target matching \"\\[xX\\]\\[mM\\]\\[lL\\]\" is not allowed\\.",
                    "the XML declaration is not at the very start"),
            rule("^Invalid encoding name", "the XML declaration names an unknown encoding"),
            rule("^Attribute name \"([^\"]{1,60})\" associated with an element type \"([^\"]{1,60})\" must be"
                    + " followed by the ' = ' character", "attribute \"$1\" of <$2> has no value"),
            rule("^XML version \"[^\"]{0,60}\" is not supported", "the XML declaration names an unsupported version"),
            rule("(?:in the XML declaration|^A pseudo attribute name is expected|^The XML declaration must end)",
                    "the XML declaration is broken"),
            rule("^Reference is not allowed in prolog\\.", "an entity reference before the first element"),
            rule("^The string \"--\" is not permitted within comments\\.", "a comment contains \"--\""),
            rule("^The value of the attribute \"prefix=\"xmlns\",localpart=\"([^\"]{1,60})\"",
                    "the namespace prefix \"$1\" is bound to nothing"));

    private XmlErrors() {
    }

    private static Rule rule(String regex, String reason) {
        return new Rule(Pattern.compile(regex), reason);
    }

    /**
     * @param text    the XML text that failed (to tell "not XML at all" from broken XML)
     * @param message the parser's message, possibly prefixed with JDOM's "Error on line N: "
     * @param line    the line of the error, or a value below 1 when unknown
     * @return a {@link FeedException} with a plain one-line reason
     */
    static FeedException describe(String text, String message, int line, Exception cause) {
        String msg = message == null ? "" : message.replaceFirst("^Error on line -?\\d+( of document [^:]*)?: ", "");
        String where = line > 0 ? " at line " + line : "";
        if (msg.contains("JAXP00010006") || msg.contains("maxElementDepth")) {
            return new FeedException("not a feed: elements are nested too deeply (more than "
                    + SafeXml.MAX_ELEMENT_DEPTH + " levels)", cause);
        }
        if (msg.contains("JAXP00010002") || msg.contains("elementAttributeLimit")) {
            return new FeedException("not a feed: an element has too many attributes (more than the parser's limit)",
                    cause);
        }
        if (msg.contains("JAXP0001") || msg.contains("entity expansion") || msg.contains("entity size")) {
            return new FeedException("not a feed: too many XML entity expansions (entity bomb?)", cause);
        }
        if (msg.startsWith("Content is not allowed in prolog.")) {
            String start = text.stripLeading();
            return new FeedException(start.startsWith("<")
                    ? "not XML: there is text before the first element" + where
                    : looksLikeJson(start) ? "not XML: the file looks like JSON, not an RSS or Atom feed"
                    : "not XML: the file does not start with '<'", cause);
        }
        if (msg.startsWith(PLAIN) && !INTERNAL.matcher(msg.substring(PLAIN.length())).find()) {
            return new FeedException("not a feed: " + msg.substring(PLAIN.length()) + where, cause);
        }
        for (Rule r : RULES) {
            Matcher m = r.message().matcher(msg);
            if (m.find()) {
                String reason = expand(r.reason(), m);
                return new FeedException("not a feed: XML is malformed" + where
                        + (INTERNAL.matcher(reason).find() ? "" : ": " + reason), cause);
            }
        }
        // a message no rule knows is the parser's own wording ("Scanner State 24 not Recognized", grammar
        // productions): it is never passed on, the line number is what a person can use
        return new FeedException("not a feed: XML is malformed" + where, cause);
    }

    /** Marks a reason this class wrote itself, carried through the parser inside a SAX error. */
    private static final String PLAIN = "plain reason: ";

    /**
     * @return the plain reason for a name or character JDOM refused while building the tree, e.g. {@code invalid
     *         XML name ':lang'}, marked so that {@link #describe} passes it on with its line
     */
    static String jdomRefusal(IllegalArgumentException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        Matcher name = Pattern.compile("The name \"([^\"]{0,60})\" is not legal").matcher(msg);
        if (name.find()) {
            return PLAIN + "invalid XML name '" + name.group(1) + "'";
        }
        if (msg.toLowerCase(Locale.ROOT).contains("namespace")) {
            return PLAIN + "conflicting XML namespace declarations";
        }
        if (msg.contains("is not legal for JDOM/XML")) {
            return PLAIN + "text or a name with characters XML does not allow";
        }
        return PLAIN + "XML content that cannot be stored as XML";
    }

    private static boolean looksLikeJson(String start) {
        return start.startsWith("{") || start.startsWith("[");
    }

    private static String expand(String reason, Matcher m) {
        String out = reason;
        for (int g = m.groupCount(); g >= 1; g--) {
            out = out.replace("$" + g, m.group(g) == null ? "" : m.group(g));
        }
        Matcher code = Pattern.compile("U\\+([0-9a-fA-F]{1,6})").matcher(out);
        return code.find() ? code.replaceFirst(String.format("U+%04X", Integer.parseInt(code.group(1), 16))) : out;
    }
}
