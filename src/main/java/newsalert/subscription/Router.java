package newsalert.subscription;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.place.Gazetteer;
import newsalert.subscription.place.PlaceFinder;

/**
 * Decides which targets receive a story. Pure: no I/O, no clock.
 *
 * <p>A subscription receives the story when all of these hold:
 * <ol>
 *   <li>it is not paused;</li>
 *   <li>its topics and the assessment's topics share at least one topic (a story with no topic goes
 *       nowhere);</li>
 *   <li>the assessment's severity is at least the subscription's minimum severity;</li>
 *   <li>its places ({@code in:}) are either absent, or the story's title and body name a country among them —
 *       a region stands for its countries, a city or admin area for its country (see {@link PlaceFinder});</li>
 *   <li>include terms — the subscription's own plus the include rules of its chat — are either absent, or
 *       at least one of them matches;</li>
 *   <li>no exclude term — the subscription's own plus the exclude rules of its chat — matches.</li>
 * </ol>
 * Terms match the story's title and body together as whole words or phrases, case-insensitively (see
 * {@link Keywords}). A chat's rules are those with the subscription's platform and chat id; they apply to
 * every forum topic of the chat. {@link Assessment#alert()} is not consulted: each subscription's minimum
 * severity is its own threshold.
 */
public final class Router {

    private Router() {
    }

    /**
     * @param story         the story
     * @param assessment    its assessment
     * @param subscriptions candidate subscriptions (any platforms and chats)
     * @param rules         moderator keyword rules of any chats; each applies to its own chat only
     * @return the targets that should receive it, in the order of {@code subscriptions}, without duplicates
     */
    public static List<Target> route(Story story, Assessment assessment, List<Subscription> subscriptions,
                                     List<KeywordRule> rules) {
        TokenText text = null;
        Set<String> countries = null;
        List<Target> out = new ArrayList<>();
        for (Subscription s : subscriptions) {
            if (s.paused() || Collections.disjoint(s.topics(), assessment.topics())
                    || assessment.severity() < s.minSeverity() || out.contains(s.target())) {
                continue;
            }
            if (!s.places().isEmpty()) {
                if (countries == null) {
                    countries = PlaceFinder.standard().countriesIn(story.title() + "\n" + story.body());
                }
                if (Collections.disjoint(countries, Gazetteer.standard().countriesOf(s.places()))) {
                    continue;
                }
            }
            List<String> include = new ArrayList<>(s.includeKeywords());
            List<String> exclude = new ArrayList<>(s.excludeKeywords());
            for (KeywordRule r : rules) {
                if (s.target().sameChat(r.platform(), r.chatId())) {
                    (r.kind() == KeywordRule.Kind.INCLUDE ? include : exclude).add(r.term());
                }
            }
            if (!include.isEmpty() || !exclude.isEmpty()) {
                if (text == null) {
                    text = new TokenText(story.title() + "\n" + story.body());
                }
                if (!accepts(text, include, exclude)) {
                    continue;
                }
            }
            out.add(s.target());
        }
        return out;
    }

    private static boolean accepts(TokenText text, List<String> include, List<String> exclude) {
        for (String term : exclude) {
            if (text.contains(term)) {
                return false;
            }
        }
        if (include.isEmpty()) {
            return true;
        }
        for (String term : include) {
            if (text.contains(term)) {
                return true;
            }
        }
        return false;
    }
}
