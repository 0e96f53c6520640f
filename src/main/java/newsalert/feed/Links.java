package newsalert.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Makes links absolute. A link is resolved against the first absolute http(s) base given; the
 * result is kept only when it is an absolute {@code http} or {@code https} URL, otherwise the link
 * is dropped ({@code null}), so no {@code javascript:} or {@code file:} link ever reaches a chat.
 * Characters a URL may not hold ({@code < > " { } | \ ^ `}, spaces, controls, a {@code %} that starts no
 * escape) are percent-encoded first, so such a link is repaired rather than dropped.
 */
final class Links {
    private Links() {
    }

    /**
     * @param link  the link as written in the feed, possibly relative, or {@code null}
     * @param bases candidate bases in order of preference; {@code null} and non-http ones are skipped
     * @return an absolute http(s) URL, or {@code null}
     */
    static String absolute(String link, String... bases) {
        URI uri = parse(link);
        if (uri == null) {
            return null;
        }
        if (!uri.isAbsolute()) {
            URI base = null;
            for (String b : bases) {
                URI candidate = parse(b);
                if (candidate != null && isHttp(candidate)) {
                    base = candidate;
                    break;
                }
            }
            if (base == null) {
                return null;
            }
            uri = base.resolve(uri);
        }
        return isHttp(uri) && uri.getHost() != null ? uri.toString() : null;
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            return false;
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        return s.equals("http") || s.equals("https");
    }

    private static URI parse(String s) {
        return uri(s);
    }

    /** @return {@code s} as a URI after percent-encoding the characters a URI may not hold, or {@code null} */
    static URI uri(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new URI(encodeIllegal(s.trim()));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String encodeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int authority = s.indexOf("://");
        int path = authority < 0 ? 0 : s.indexOf('/', authority + 3);
        path = path < 0 ? s.length() : path;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escape = c == '%' && !(i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2)))
                    || i >= path && (c == '[' || c == ']'); // brackets belong to IPv6 hosts only
            if (escape || c <= 0x20 || c == 0x7F || "<>\"{}|\\^`".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
