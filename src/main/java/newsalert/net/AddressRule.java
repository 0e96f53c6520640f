package newsalert.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one rule for which addresses a feed that a chat added may reach. Every path that connects for a chat
 * feed asks it — the URL check of {@code feeds add}, every DNS answer, and every socket connect (first
 * request, each redirect hop, every poll) — so IP literals, redirects and DNS rebinding cannot get round it.
 *
 * <p>Refused (IANA special-purpose registries): IPv4 {@code 0/8}, {@code 10/8}, {@code 100.64/10},
 * {@code 127/8}, {@code 169.254/16}, {@code 172.16/12}, {@code 192.0.0/24}, {@code 192.0.2/24},
 * {@code 192.168/16}, {@code 198.18/15}, {@code 198.51.100/24}, {@code 203.0.113/24}, {@code 224/4},
 * {@code 240/4}; IPv6 {@code ::}, {@code ::1}, {@code fc00::/7}, {@code fe80::/10}, {@code fec0::/10},
 * {@code ff00::/8}, {@code 2001:db8::/32}, Teredo {@code 2001::/32}; IPv6 forms that carry an IPv4 address
 * ({@code ::ffff:a.b.c.d}, {@code ::ffff:0:a.b.c.d}, {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are
 * judged by that IPv4 address; and any address of this machine's own network interfaces. Thread-safe.
 */
public final class AddressRule {
    private static final Duration LOCAL_REFRESH = Duration.ofSeconds(60);
    private static final List<V4Range> V4 = List.of(
            V4Range.of("0.0.0.0/8", "unspecified"), V4Range.of("10.0.0.0/8", "private"),
            V4Range.of("100.64.0.0/10", "carrier-grade NAT"), V4Range.of("127.0.0.0/8", "loopback"),
            V4Range.of("169.254.0.0/16", "link-local"), V4Range.of("172.16.0.0/12", "private"),
            V4Range.of("192.0.0.0/24", "reserved (IETF protocol)"), V4Range.of("192.0.2.0/24", "documentation"),
            V4Range.of("192.168.0.0/16", "private"), V4Range.of("198.18.0.0/15", "benchmarking"),
            V4Range.of("198.51.100.0/24", "documentation"), V4Range.of("203.0.113.0/24", "documentation"),
            V4Range.of("224.0.0.0/4", "multicast"), V4Range.of("240.0.0.0/4", "reserved"));

    private final Supplier<Set<InetAddress>> localAddresses;
    private final Clock clock;
    private volatile Set<InetAddress> local = Set.of();
    private volatile Instant localReadAt = Instant.MIN;

    /**
     * @param localAddresses the addresses of this machine's interfaces ({@link #interfaceAddresses()} in
     *                       production); read again at most once a minute
     * @param clock          the time source for that refresh
     */
    public AddressRule(Supplier<Set<InetAddress>> localAddresses, Clock clock) {
        this.localAddresses = localAddresses;
        this.clock = clock;
    }

    /** @return the rule with this machine's real interface addresses and the system clock */
    public static AddressRule system() {
        return new AddressRule(AddressRule::interfaceAddresses, Clock.systemUTC());
    }

    /**
     * @param address an address about to be connected to (or that a host name resolved to)
     * @return why it is refused — a kind such as "loopback", "private", "link-local", "documentation",
     *         "IPv4-mapped loopback" or "this machine's own" — or empty when it is a public address
     */
    public Optional<String> refusal(InetAddress address) {
        Optional<String> kind = rangeKind(address);
        if (kind.isPresent()) {
            return kind;
        }
        return localNow().contains(address) ? Optional.of("this machine's own") : Optional.empty();
    }

    /**
     * @param address an address about to be connected to
     * @return one sentence for a refused address, e.g. {@code "127.0.0.1 is a loopback address"}; empty when
     *         it may be reached
     */
    public Optional<String> describeRefusal(InetAddress address) {
        return refusal(address).map(kind -> address.getHostAddress() + " is " + article(kind) + kind + " address");
    }

    /** @return the article before a kind in a sentence: "" before "this", "an " before a vowel sound, else "a " */
    public static String article(String word) {
        if (word.startsWith("this ")) {
            return "";
        }
        return "aeiouAEIOU".indexOf(word.charAt(0)) >= 0 || word.startsWith("IPv") ? "an " : "a ";
    }

    /**
     * @param address any address
     * @return the kind of special-purpose range it lies in (see the class comment), or empty
     */
    static Optional<String> rangeKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return v4Kind(b);
        }
        if (b.length != 16) {
            return Optional.of("unknown kind of");
        }
        byte[] embedded = embeddedV4(b);
        if (embedded != null) {
            return v4Kind(embedded).map(k -> embeddedName(b) + " " + k);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (isZero(b, 0, 15) && (b[15] == 0 || b[15] == 1)) {
            return Optional.of(b[15] == 0 ? "unspecified" : "loopback");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("private (unique-local)");
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("link-local");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("private (site-local)");
        }
        if (first == 0xff) {
            return Optional.of("multicast");
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("documentation");
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("Teredo tunnel");
        }
        return Optional.empty();
    }

    private static Optional<String> v4Kind(byte[] b) {
        int a = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        return V4.stream().filter(r -> r.contains(a)).map(V4Range::kind).findFirst();
    }

    /** An IPv4 network written as CIDR, with the kind named in refusals. */
    private record V4Range(int network, int mask, String kind) {
        static V4Range of(String cidr, String kind) {
            String[] parts = cidr.split("/");
            String[] octets = parts[0].split("\\.");
            int network = 0;
            for (String o : octets) {
                network = (network << 8) | Integer.parseInt(o);
            }
            return new V4Range(network, -1 << (32 - Integer.parseInt(parts[1])), kind);
        }

        boolean contains(int address) {
            return (address & mask) == network;
        }
    }

    /** @return the IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or null */
    private static byte[] embeddedV4(byte[] b) {
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return slice(b, 12);
        }
        if (isZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
            return slice(b, 12); // IPv4-translated, ::ffff:0:a.b.c.d (RFC 2765)
        }
        if (isZero(b, 0, 12) && !(isZero(b, 12, 15) && (b[15] == 0 || b[15] == 1))) {
            return slice(b, 12);
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12)) {
            return slice(b, 12);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return slice(b, 2);
        }
        return null;
    }

    private static String embeddedName(byte[] b) {
        if ((b[0] & 0xff) == 0x20) {
            return "6to4-embedded";
        }
        if ((b[1] & 0xff) == 0x64) {
            return "NAT64-embedded";
        }
        if ((b[8] & 0xff) == 0xff) {
            return "IPv4-translated";
        }
        return (b[10] & 0xff) == 0xff ? "IPv4-mapped" : "IPv4-compatible";
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }

    private Set<InetAddress> localNow() {
        Instant now = clock.instant();
        if (now.isAfter(localReadAt.plus(LOCAL_REFRESH)) || now.isBefore(localReadAt)) {
            local = Set.copyOf(localAddresses.get());
            localReadAt = now;
        }
        return local;
    }

    /**
     * @return every address of this machine's network interfaces (IPv6 scope ids dropped so that they
     *         compare equal to the same address read from a socket); empty when they cannot be listed
     */
    public static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> out = new HashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    out.add(withoutScope(a));
                }
            }
        } catch (SocketException e) {
            return Set.of();
        }
        return out;
    }

    private static InetAddress withoutScope(InetAddress a) {
        if (a instanceof Inet6Address) {
            try {
                return InetAddress.getByAddress(a.getAddress());
            } catch (UnknownHostException e) {
                return a;
            }
        }
        return a;
    }

    /** @return the addresses of the list that are refused, with their sentences, in order */
    public List<String> refusals(List<InetAddress> addresses) {
        return addresses.stream().map(this::describeRefusal).flatMap(Optional::stream).toList();
    }
}
