package newsalert.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw bytes of an XML feed into text.
 *
 * <p>The charset is chosen by the first rule that applies:
 * <ol>
 *   <li>a byte-order mark (UTF-8, UTF-16 BE/LE);</li>
 *   <li>UTF-16 without a BOM, recognised by {@code <?} spelled with zero bytes;</li>
 *   <li>the {@code encoding} of the XML declaration, when the JVM knows it;</li>
 *   <li>the {@code charset} parameter of the HTTP content type, when the JVM knows it — except that bytes
 *       which are valid UTF-8 and hold multi-byte sequences are read as UTF-8 whatever legacy charset the
 *       header names (servers often send {@code text/xml; charset=ISO-8859-1} for any XML file, and in a
 *       legacy single-byte text valid multi-byte UTF-8 sequences practically never occur by chance);</li>
 *   <li>UTF-8 when the bytes are valid UTF-8;</li>
 *   <li>otherwise windows-1252 (a superset of Latin-1 used by most undeclared legacy feeds).</li>
 * </ol>
 * A declared or sent ISO-8859-1 / US-ASCII is read as windows-1252, as browsers do. Bytes that are
 * invalid in the chosen charset become U+FFFD rather than an error.
 */
final class XmlDecoding {
    private static final Pattern DECLARED =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HTTP_CHARSET =
            Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private XmlDecoding() {
    }

    /**
     * Decodes {@code body} following the rules in the class comment.
     *
     * @param body        the bytes as received
     * @param contentType the HTTP Content-Type, or {@code null}
     * @return the text without any byte-order mark
     */
    static String decode(byte[] body, String contentType) {
        int len = body.length;
        if (len >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return lenient(body, 3, StandardCharsets.UTF_8);
        }
        if (len >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return lenient(body, 2, StandardCharsets.UTF_16BE);
        }
        if (len >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return lenient(body, 2, StandardCharsets.UTF_16LE);
        }
        if (len >= 4 && body[0] == 0 && body[1] == '<' && body[2] == 0 && body[3] == '?') {
            return lenient(body, 0, StandardCharsets.UTF_16BE);
        }
        if (len >= 4 && body[0] == '<' && body[1] == 0 && body[2] == '?' && body[3] == 0) {
            return lenient(body, 0, StandardCharsets.UTF_16LE);
        }
        Charset declared = declaredCharset(body);
        if (declared != null) {
            return lenient(body, 0, declared);
        }
        Charset sent = httpCharset(contentType);
        if (sent != null && !sent.equals(StandardCharsets.UTF_8) && hasMultiByte(body)) {
            String utf8 = strictUtf8(body);
            if (utf8 != null) {
                return utf8; // a legacy charset in the header, UTF-8 in the bytes: the bytes win
            }
        }
        if (sent != null) {
            return lenient(body, 0, sent);
        }
        String strict = strictUtf8(body);
        return strict != null ? strict : new String(body, WINDOWS_1252);
    }

    private static Charset declaredCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? charset(m.group(1)) : null;
    }

    private static Charset httpCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HTTP_CHARSET.matcher(contentType);
        return m.find() ? charset(m.group(1)) : null;
    }

    private static Charset charset(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("iso-8859-1") || lower.equals("latin1") || lower.equals("us-ascii")
                || lower.equals("ascii") || lower.equals("iso8859-1")) {
            return WINDOWS_1252;
        }
        if (lower.startsWith("utf-16")) {
            return null; // a UTF-16 declaration in ASCII-readable bytes is a lie; sniff instead
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static boolean hasMultiByte(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static String lenient(byte[] body, int offset, Charset cs) {
        return new String(body, offset, body.length - offset, cs);
    }
}
