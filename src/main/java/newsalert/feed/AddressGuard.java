package newsalert.feed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.SocketFactory;
import newsalert.net.AddressRule;
import okhttp3.Dns;

/**
 * Applies {@link AddressRule} to the connections of a {@link FeedFetcher} that reads chat-added feeds, in two
 * places: each DNS answer (so a refusal can name the host) and each socket connect (the enforcement: IP
 * literals never reach {@link Dns}, and a redirect hop or a re-resolved name connects through here again).
 */
public final class AddressGuard {
    /** Said after every refusal: what the operator can change. */
    public static final String SETTING_HINT =
            "chat-added feeds must be public (see chat-feeds.allow-private-addresses)";

    private final AddressRule rule;
    private final UnaryOperator<InetSocketAddress> network;

    /**
     * @param rule    which addresses are refused
     * @param network where a checked address is actually reached: the identity in production; a test maps a
     *                public address it made up to a server on loopback, after the check has passed
     */
    public AddressGuard(AddressRule rule, UnaryOperator<InetSocketAddress> network) {
        this.rule = rule;
        this.network = network;
    }

    /** @return a guard over {@code rule} that connects where it checked */
    public static AddressGuard of(AddressRule rule) {
        return new AddressGuard(rule, UnaryOperator.identity());
    }

    /**
     * @param delegate the resolver whose answers are checked ({@link Dns#SYSTEM} in production)
     * @return a resolver that refuses a host when any of its addresses is refused, naming host, address and
     *         kind ({@link AddressRefusedException}); {@link UnknownHostException} when it does not resolve
     */
    public Dns dns(Dns delegate) {
        return host -> {
            List<InetAddress> addresses = delegate.lookup(host);
            for (InetAddress a : addresses) {
                Optional<String> kind = rule.refusal(a);
                if (kind.isPresent()) {
                    throw new AddressRefusedException("refused: " + host + " resolves to "
                            + AddressRule.article(kind.get()) + kind.get() + " address (" + a.getHostAddress() + "); "
                            + SETTING_HINT);
                }
            }
            return addresses;
        };
    }

    /** @return a factory of sockets that check the address in {@link Socket#connect(SocketAddress, int)} */
    public SocketFactory socketFactory() {
        return new GuardedSocketFactory();
    }

    /**
     * @param endpoint the address a socket is about to connect to
     * @throws AddressRefusedException when the rule refuses it, or it is not a resolved internet address
     */
    void checkConnect(SocketAddress endpoint) throws AddressRefusedException {
        if (!(endpoint instanceof InetSocketAddress isa) || isa.getAddress() == null) {
            throw new AddressRefusedException("refused: connection to an unresolved address " + endpoint + "; "
                    + SETTING_HINT);
        }
        Optional<String> why = rule.describeRefusal(isa.getAddress());
        if (why.isPresent()) {
            throw new AddressRefusedException("refused: " + why.get() + "; " + SETTING_HINT);
        }
    }

    private final class GuardedSocketFactory extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new GuardedSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
        }

        private Socket connected(InetSocketAddress to, InetSocketAddress... from) throws IOException {
            Socket s = new GuardedSocket();
            try {
                if (from.length > 0) {
                    s.bind(from[0]);
                }
                s.connect(to);
                return s;
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }
    }

    /** A plain socket whose every connect is checked first. */
    private final class GuardedSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            connect(endpoint, 0);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            checkConnect(endpoint);
            super.connect(network.apply((InetSocketAddress) endpoint), timeout);
        }
    }
}
