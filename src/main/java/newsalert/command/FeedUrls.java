package newsalert.command;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One spelling per feed address, so the same feed is not added twice under different ones ({@code feeds add},
 * each line of {@code feeds import}, the duplicate check and so the per-chat cap): the scheme and host in lower
 * case, a non-ASCII host in its ASCII (punycode) form, a host's trailing dot dropped, the scheme's default port (80
 * for http, 443 for https) dropped, the {@code #fragment} dropped (it is never sent to the server), an empty path
 * written {@code /}, the {@code .} and {@code ..} path segments resolved, an empty query ({@code feed?}) dropped,
 * escapes of letters, digits and {@code - . _ ~} written as the characters themselves ({@code %61} is {@code a})
 * and other escapes in upper case ({@code %2f} is {@code %2F}), as RFC 3986 section 6.2.2 allows, and characters
 * beyond ASCII in the path and query as escapes of their UTF-8 bytes ({@code /café} is {@code /caf%C3%A9}). The path and
 * query otherwise keep their case and escapes: servers may tell {@code /World.rss} from {@code /world.rss}.
 */
public final class FeedUrls {
    private FeedUrls() {
    }

    /**
     * @param url an address as a user or a file wrote it
     * @return its one spelling; the text stripped but otherwise unchanged when it is not an absolute address
     *         with a host (the address rule then refuses it with its own reason)
     */
    public static String normalise(String url) {
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
        if (u.isOpaque() || u.getScheme() == null || u.getRawAuthority() == null) {
            return s;
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        // URI leaves the host null for names it does not take as host names (under_score.example, bücher.example):
        // the HTTP client still connects to them, so the authority is read here
        String authority = u.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hostPort = authority.substring(at + 1);
        String host;
        String portText = "";
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                return s;
            }
            host = hostPort.substring(0, end + 1);
            portText = hostPort.substring(end + 1);
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? "" : hostPort.substring(colon);
        }
        host = asciiHost(percentDecoded(host));
        if (host == null || host.isEmpty()) {
            return s;
        }
        while (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1);
        }
        int port = -1;
        if (portText.matches(":[0-9]{1,5}")) {
            port = Integer.parseInt(portText.substring(1));
        } else if (!portText.isEmpty() && !portText.equals(":")) {
            return s;
        }
        if (scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443) {
            port = -1;
        }
        String rawPath = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String path = dotSegmentsRemoved(escapesTidied(rawPath));
        StringBuilder b = new StringBuilder(scheme).append("://");
        if (userInfo != null) {
            b.append(userInfo).append('@');
        }
        b.append(host);
        if (port != -1) {
            b.append(':').append(port);
        }
        b.append(path);
        if (u.getRawQuery() != null && !u.getRawQuery().isEmpty()) {
            b.append('?').append(escapesTidied(u.getRawQuery()));
        }
        return b.toString();
    }

    /** @return whether the two addresses have the same spelling once normalised */
    static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    /** @return the host in lower case, a non-ASCII name as punycode; {@code null} when it is not a valid name */
    private static String asciiHost(String host) {
        if (host.startsWith("[")) {
            return host.toLowerCase(Locale.ROOT);
        }
        try {
            return java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the host with its escapes decoded (as UTF-8); the text unchanged when an escape is broken */
    private static String percentDecoded(String host) {
        if (host.indexOf('%') < 0 || host.startsWith("[")) {
            return host;
        }
        try {
            return java.net.URLDecoder.decode(host.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return host;
        }
    }

    /**
     * Escapes of unreserved characters decoded, the other escapes' hex digits in upper case, and characters beyond
     * ASCII written as the escapes of their UTF-8 bytes ({@code /café} is {@code /caf%C3%A9}, as the HTTP client
     * sends it).
     */
    private static String escapesTidied(String raw) {
        if (raw.indexOf('%') < 0 && raw.chars().allMatch(c -> c < 0x80)) {
            return raw;
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 0x80) {
                int cp = raw.codePointAt(i);
                for (byte x : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format("%02X", x & 0xFF));
                }
                i += Character.charCount(cp) - 1;
                continue;
            }
            if (c == '%' && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                int v = Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16);
                if (v < 0x80 && (Character.isLetterOrDigit(v) || "-._~".indexOf(v) >= 0)) {
                    b.append((char) v);
                } else {
                    b.append('%').append(raw.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** RFC 3986 section 5.2.4: {@code /a/./b/../c} is {@code /a/c}; a path that climbs above the root stays at it. */
    private static String dotSegmentsRemoved(String path) {
        if (!path.contains("/.")) {
            return path;
        }
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (seg.equals("..")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(seg);
            }
        }
        return "/" + String.join("/", out);
    }
}
