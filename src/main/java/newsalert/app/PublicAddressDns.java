package newsalert.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import newsalert.command.AddressPolicy;
import newsalert.feed.AddressRefusedException;
import okhttp3.Dns;

/**
 * The resolver for feeds that chats add: resolves with the system resolver and refuses a host when any of
 * its addresses is loopback, private, link-local, unspecified or multicast (the ranges of
 * {@link AddressPolicy}). Used at every connection and redirect hop, so a host that passed the check of
 * {@code feeds add} and later re-points to an internal address (DNS rebinding) is still refused.
 */
final class PublicAddressDns implements Dns {
    private final Dns delegate;

    /** @param delegate the resolver whose answers are checked ({@link Dns#SYSTEM} in production) */
    PublicAddressDns(Dns delegate) {
        this.delegate = delegate;
    }

    /**
     * @throws AddressRefusedException when an address of the host is not public, naming host, address and kind
     * @throws UnknownHostException    when the host does not resolve
     */
    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> addresses = delegate.lookup(host);
        for (InetAddress a : addresses) {
            Optional<String> kind = AddressPolicy.nonPublicKind(a);
            if (kind.isPresent()) {
                throw new AddressRefusedException("refused: " + host + " resolves to a " + kind.get() + " address ("
                        + a.getHostAddress() + "); chat-added feeds must be public"
                        + " (see chat-feeds.allow-private-addresses)");
            }
        }
        return addresses;
    }
}
