package newsalert.command;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import newsalert.net.AddressRule;

/**
 * Decides whether a feed URL a user gives may be added: only {@code http} and {@code https}, with a host,
 * at most 2,048 characters, and — unless private addresses are allowed (self-hosting) — a host whose every
 * resolved address passes {@link AddressRule} (the one rule, also applied at every DNS answer and socket
 * connect of the fetch: this check only gives the user an early, plain answer).
 */
public final class AddressPolicy {
    private static final int MAX_URL_LENGTH = 2048;

    /** Resolves a host name (or literal address) to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        /**
         * @return the host's addresses, never empty
         * @throws UnknownHostException when it does not resolve
         */
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;
    private final AddressRule rule;

    /**
     * @param resolver the name resolver; {@link #systemResolver()} in production, a fake in tests
     * @param rule     the address rule, or {@code null} when private addresses are allowed (self-hosting)
     */
    public AddressPolicy(Resolver resolver, AddressRule rule) {
        this.resolver = resolver;
        this.rule = rule;
    }

    /**
     * @param resolver     the name resolver
     * @param allowPrivate whether every address is accepted (self-hosting); else {@link AddressRule#system()}
     */
    public AddressPolicy(Resolver resolver, boolean allowPrivate) {
        this(resolver, allowPrivate ? null : AddressRule.system());
    }

    /** @return the JVM's resolver ({@link InetAddress#getAllByName}) */
    public static Resolver systemResolver() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    /**
     * @param raw the URL as typed
     * @return the parsed URL when acceptable
     * @throws IllegalArgumentException with a user-facing sentence when it is not
     */
    public URI check(String raw) {
        return check(raw, true);
    }

    /**
     * The checks of {@link #check(String)} that need no name look-up: the address's form (scheme, host, length, no
     * name before an @), and the address rule only when the host is written as an IP address (IPv4 dotted quad or
     * bracketed IPv6), which needs no resolver either. A name is not resolved here.
     *
     * @param raw the URL as typed
     * @return the parsed URL when nothing seen so far refuses it
     * @throws IllegalArgumentException with a user-facing sentence when it is refused
     */
    public URI checkWithoutLookup(String raw) {
        return check(raw, false);
    }

    private static final java.util.regex.Pattern IP_LITERAL =
            java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+\\]");

    private URI check(String raw, boolean lookUp) {
        if (hasHidden(raw)) {
            throw new IllegalArgumentException(HIDDEN);
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("That is not a valid address: " + raw);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Only http:// and https:// feed addresses are accepted.");
        }
        if (raw.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("That address is longer than " + MAX_URL_LENGTH + " characters.");
        }
        String host = host(uri);
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("That address has no host name: " + raw);
        }
        if (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            // https://news.example.org@other.example/ is a feed on other.example: the part before @ only misleads
            throw new IllegalArgumentException("Addresses with a name before an @ (name@host) are not accepted:"
                    + " they hide which site the feed is on. Give the address without it.");
        }
        if (rule == null || !lookUp && !IP_LITERAL.matcher(host).matches()) {
            return uri;
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare(host));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("The host " + bare(host) + " could not be found.");
        }
        Optional<String> refused = refusal(addresses);
        if (refused.isPresent()) {
            throw new IllegalArgumentException("That address " + refused.get() + ", which is not allowed.");
        }
        return uri;
    }

    /**
     * Why a stored feed is not polled: its host now resolves to an address the rule refuses (for instance a
     * feed added while private addresses were allowed). Unknown hosts and bad URLs give empty here: those
     * feeds are polled and fail with their own reason.
     *
     * @param url a stored feed URL
     * @return e.g. {@code "points to a loopback address (127.0.0.1)"}, or empty when it may be fetched
     */
    public Optional<String> refusedAddress(String url) {
        if (rule == null) {
            return Optional.empty();
        }
        try {
            String host = host(new URI(url));
            return host == null ? Optional.empty() : refusal(resolver.resolve(bare(host)));
        } catch (URISyntaxException | UnknownHostException e) {
            return Optional.empty();
        }
    }

    private Optional<String> refusal(List<InetAddress> addresses) {
        for (InetAddress a : addresses) {
            Optional<String> kind = rule.refusal(a);
            if (kind.isPresent()) {
                return Optional.of("points to " + AddressRule.article(kind.get()) + kind.get() + " address ("
                        + a.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * @return the host of a URL: {@link URI#getHost()}, or read from the authority when {@link URI} does not
     *         take it as a host name ({@code 127.1}, {@code 2130706433}, {@code under_score.example}), which the
     *         HTTP client still connects to; {@code null} without an authority
     */
    private static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            return end < 0 ? null : hostPort.substring(0, end + 1);
        }
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    /** The refusal of an address with {@linkplain #hasHidden hidden characters}. */
    static final String HIDDEN = "That address has control or text-direction characters in it; give it as plain text.";

    /**
     * @return whether the text has a control character or a text-direction mark, never part of an address as typed:
     *         a direction mark makes an address read as another (".../U+202Essr.exe" shows as "exe.rss")
     */
    static boolean hasHidden(String text) {
        return text.codePoints().anyMatch(AddressPolicy::hidden);
    }

    /** @return the text with each {@linkplain #hasHidden hidden character} shown as U+FFFD, safe to echo in a reply */
    static String shownPlain(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(hidden(c) ? 0xFFFD : c));
        return b.toString();
    }

    /**
     * @param c a code point
     * @return whether it is a control character (C0, DEL, C1), a line or paragraph separator, or a text-direction
     *         mark or embedding (U+200E/F, U+061C, U+202A–E, U+2066–9): never typed in an address, and unsafe to echo
     */
    public static boolean hidden(int c) {
        return c < 0x20 || c >= 0x7F && c < 0xA0 || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
                || c == 0x200E || c == 0x200F || c == 0x061C || c == 0x2028 || c == 0x2029;
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
