package newsalert.feed;

import java.net.UnknownHostException;

/**
 * Thrown by a guarding {@link okhttp3.Dns} when a host resolves only to addresses the fetch may not reach
 * (e.g. a chat-added feed pointing at loopback or a private network). {@link FeedFetcher} reports its
 * message as the failure reason.
 */
public final class AddressRefusedException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    /** @param reason one line naming the host and why it is refused */
    public AddressRefusedException(String reason) {
        super(reason);
    }
}
