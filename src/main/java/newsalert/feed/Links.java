package newsalert.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Makes links absolute. A link is resolved against the first absolute http(s) base given; the
 * result is kept only when it is an absolute {@code http} or {@code https} URL, otherwise the link
 * is dropped ({@code null}), so no {@code javascript:} or {@code file:} link ever reaches a chat.
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
        if (s == null || s.isBlank()) {
            return null;
        }
        String cleaned = s.trim().replace(" ", "%20").replace("|", "%7C");
        try {
            return new URI(cleaned);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
