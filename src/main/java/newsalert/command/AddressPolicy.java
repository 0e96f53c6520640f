package newsalert.command;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a feed URL a user gives may be fetched: only {@code http} and {@code https}, with a host,
 * at most 2,048 characters, and — unless private addresses are allowed (self-hosting) — a host whose every
 * resolved address is public. Refused: loopback ({@code 127/8}, {@code ::1}), unspecified ({@code 0.0.0.0},
 * {@code ::}), private ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, carrier-grade NAT
 * {@code 100.64/10}, IPv6 unique-local {@code fc00::/7}), link-local ({@code 169.254/16}, {@code fe80::/10};
 * this covers cloud metadata at {@code 169.254.169.254}) and multicast.
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
    private final boolean allowPrivate;

    /**
     * @param resolver     the name resolver; {@link #systemResolver()} in production, a fake in tests
     * @param allowPrivate whether loopback, private and link-local hosts are accepted (self-hosting)
     */
    public AddressPolicy(Resolver resolver, boolean allowPrivate) {
        this.resolver = resolver;
        this.allowPrivate = allowPrivate;
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
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("That address has no host name: " + raw);
        }
        if (allowPrivate) {
            return uri;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("The host " + host + " could not be found.");
        }
        for (InetAddress a : addresses) {
            Optional<String> kind = nonPublicKind(a);
            if (kind.isPresent()) {
                String article = kind.get().startsWith("u") ? "an " : "a ";
                throw new IllegalArgumentException("That address points to " + article + kind.get() + " address ("
                        + a.getHostAddress() + "), which is not allowed.");
            }
        }
        return uri;
    }

    /**
     * @param a an address
     * @return "loopback", "unspecified", "link-local", "multicast" or "private" for a non-public address (the
     *         ranges in the class comment); empty for a public one
     */
    public static Optional<String> nonPublicKind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = a.getAddress();
        boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal = a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
        if (a.isSiteLocalAddress() || cgnat || uniqueLocal) {
            return Optional.of("private");
        }
        return Optional.empty();
    }
}
