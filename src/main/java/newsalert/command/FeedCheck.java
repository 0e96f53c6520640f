package newsalert.command;

import java.net.URI;
import java.util.List;

/**
 * The port {@code feeds add} uses to confirm that a URL serves a feed before saving it — or, for a web page,
 * to find the feed it offers. The app implements it with the feed fetcher, parser and discovery (which must
 * apply their own address checks when connecting, since DNS answers can change between this check and the
 * fetch).
 */
public interface FeedCheck {

    /**
     * Fetches and parses the URL once; when it is a web page, looks for its feeds.
     *
     * @param url an absolute http(s) URL that passed {@link AddressPolicy}
     * @return a feed (at the URL, or found for the page), the page's several feeds, or the problem; never
     *         throws for network or parse errors
     */
    Result check(URI url);

    /**
     * A feed a page offers.
     *
     * @param url   its absolute http(s) address
     * @param title the page's title for it, possibly empty
     */
    record Candidate(String url, String title) {
    }

    /**
     * @param feed       whether a parsable feed was found (at the URL, or at {@code feedUrl})
     * @param title      the feed's title when it is one (may be blank)
     * @param problem    why it is not, one short sentence, when it is not
     * @param feedUrl    when the URL is a page: the address of the feed found for it; else {@code null}
     * @param candidates when the URL is a page offering several feeds: those feeds (then {@code feed} is false)
     */
    record Result(boolean feed, String title, String problem, String feedUrl, List<Candidate> candidates) {
        public Result {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }

        /** @return a positive result: the URL itself is a feed */
        public static Result feed(String title) {
            return new Result(true, title == null ? "" : title, null, null, List.of());
        }

        /** @return a positive result: the URL is a page, and its feed is at {@code feedUrl} */
        public static Result found(String feedUrl, String title) {
            return new Result(true, title == null ? "" : title, null, feedUrl, List.of());
        }

        /** @return the URL is a page offering several feeds, to choose from */
        public static Result several(List<Candidate> candidates) {
            return new Result(false, null, "the page offers several feeds", null, candidates);
        }

        /** @return a negative result */
        public static Result notFeed(String problem) {
            return new Result(false, null, problem, null, List.of());
        }
    }
}
