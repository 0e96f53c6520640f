package newsalert.command;

import java.net.URI;

/**
 * The port {@code feeds add} uses to confirm that a URL serves a feed before saving it. The app implements
 * it with the feed fetcher and parser (which must apply its own address checks when connecting, since DNS
 * answers can change between this check and the fetch).
 */
public interface FeedCheck {

    /**
     * Fetches and parses the URL once.
     *
     * @param url an absolute http(s) URL that passed {@link AddressPolicy}
     * @return whether it is a feed, with its title or the problem; never throws for network or parse errors
     */
    Result check(URI url);

    /**
     * @param feed    whether the URL served a parsable RSS or Atom feed
     * @param title   the feed's title when it is one (may be blank)
     * @param problem why it is not, one short sentence, when it is not
     */
    record Result(boolean feed, String title, String problem) {
        /** @return a positive result */
        public static Result feed(String title) {
            return new Result(true, title == null ? "" : title, null);
        }

        /** @return a negative result */
        public static Result notFeed(String problem) {
            return new Result(false, null, problem);
        }
    }
}
