package newsalert.platform;

import okhttp3.HttpUrl;

/**
 * Story links and picture addresses as chat platforms take them: absolute {@code http(s)} URLs written in ASCII.
 * Feeds carry links with an internationalised host ({@code https://bücher.example/…}), non-ASCII paths, or
 * characters such as {@code | { } ^} and spaces in a query; both platforms refuse or mangle those, and dropping the
 * link loses the "Read the story" button. OkHttp's URL parser ({@link HttpUrl}) writes the host in punycode and
 * percent-encodes what a URI may not hold (its {@link HttpUrl#uri()} form, which is stricter than its
 * {@code toString()}), the same address to a web server.
 */
public final class Links {
    /** The longest link read; a longer one is not a story link (and no platform takes it). */
    public static final int MAX_INPUT = 4_096;

    private Links() {
    }

    /**
     * @param link a link as a feed gave it, or {@code null}
     * @return the link as an absolute ASCII {@code http} or {@code https} URI (host in punycode, unsafe and non-ASCII
     *         characters percent-encoded as UTF-8, surrounding whitespace removed), or {@code null} when it is
     *         {@code null}, longer than {@value #MAX_INPUT} characters, not {@code http(s)}, has no valid host or
     *         has a third slash where the host should be
     */
    public static String ascii(String link) {
        if (link == null || link.length() > MAX_INPUT) {
            return null;
        }
        String text = link.strip();
        int slashes = text.indexOf("://");
        if (slashes < 0 || text.length() == slashes + 3 || "/\\".indexOf(text.charAt(slashes + 3)) >= 0) {
            return null; // "https:///x": OkHttp would read "x" as the host, as browsers do; a feed meant no such site
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            return null;
        }
        try {
            return url.uri().toASCIIString();
        } catch (RuntimeException e) { // an address OkHttp reads but java.net.URI cannot hold
            return null;
        }
    }
}
