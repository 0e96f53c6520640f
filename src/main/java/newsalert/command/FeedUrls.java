package newsalert.command;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One spelling per feed address, so the same feed is not added twice under different ones ({@code feeds add},
 * each line of {@code feeds import}, the duplicate check and so the per-chat cap): the scheme and host in lower
 * case, a host's trailing dot dropped, the scheme's default port (80 for http, 443 for https) dropped, the
 * {@code #fragment} dropped (it is never sent to the server), and an empty path written {@code /}. The path and
 * query keep their case and escapes: servers may tell {@code /World.rss} from {@code /world.rss}.
 */
final class FeedUrls {
    private FeedUrls() {
    }

    /**
     * @param url an address as a user or a file wrote it
     * @return its one spelling; the text stripped but otherwise unchanged when it is not an absolute address
     *         with a host (the address rule then refuses it with its own reason)
     */
    static String normalise(String url) {
        if (url == null) {
            return null;
        }
        String s = url.strip();
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            return s;
        }
        if (u.isOpaque() || u.getScheme() == null || u.getHost() == null) {
            return s;
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost().toLowerCase(Locale.ROOT);
        while (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1);
        }
        int port = u.getPort();
        if (scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443) {
            port = -1;
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        StringBuilder b = new StringBuilder(scheme).append("://");
        if (u.getRawUserInfo() != null) {
            b.append(u.getRawUserInfo()).append('@');
        }
        b.append(host);
        if (port != -1) {
            b.append(':').append(port);
        }
        b.append(path);
        if (u.getRawQuery() != null) {
            b.append('?').append(u.getRawQuery());
        }
        return b.toString();
    }

    /** @return whether the two addresses have the same spelling once normalised */
    static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }
}
