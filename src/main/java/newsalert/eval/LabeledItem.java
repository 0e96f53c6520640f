package newsalert.eval;

import java.util.List;
import java.util.Set;
import newsalert.story.Casualties;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;

/**
 * One hand-labelled item of the development set (see {@code src/test/resources/eval/README.md}).
 *
 * @param id         unique id such as {@code dev-0001}
 * @param title      the headline
 * @param body       the body, paragraphs separated by a blank line
 * @param topics     the expected topics; empty means neither (a hard negative)
 * @param casualties the expected counts; a {@code null} field means the story states no such count
 * @param quotes     the expected direct quotes in text order
 * @param tags       free-form labels of the hard parts; may be empty
 */
public record LabeledItem(String id, String title, String body, Set<Topic> topics, Casualties casualties,
                          List<Quote> quotes, List<String> tags) {
    public LabeledItem {
        topics = Set.copyOf(topics);
        quotes = List.copyOf(quotes);
        tags = List.copyOf(tags);
        casualties = casualties == null ? Casualties.NONE : casualties;
    }

    /** @return the item as a story to assess (source "eval", no link or date) */
    public Story story() {
        return new Story(id, "eval", title, null, null, body);
    }
}
