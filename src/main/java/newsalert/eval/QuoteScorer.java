package newsalert.eval;

import java.util.ArrayList;
import java.util.List;
import newsalert.story.Quote;

/**
 * Scores the quotes of many items. Per item, each labelled quote (in order) is paired with the first
 * unpaired emitted quote of the same {@link Matching#quoteText text}, preferring one with the same
 * {@link Matching#speaker speaker}; pairs are one-to-one, so a quote emitted twice counts once.
 *
 * <ul>
 *   <li>{@code quotes.text}: labelled quotes that got a pair / labelled quotes</li>
 *   <li>{@code quotes.speaker}: paired labelled quotes whose pair has the right speaker / paired</li>
 *   <li>{@code quotes.precision}: emitted quotes paired with the right speaker / emitted quotes; in an
 *       item tagged {@value #MORE_QUOTES} (its labels hold only the first three of more quotes), an emitted
 *       quote that pairs with no label is left out, since it may be one of the unlabelled ones</li>
 * </ul>
 * Not thread-safe: one scorer per evaluation.
 */
final class QuoteScorer {
    private final Tally text = new Tally();
    private final Tally speaker = new Tally();
    private final Tally precision = new Tally();

    /** The tag of an item whose labels stop at the first three of its quotes. */
    static final String MORE_QUOTES = "more-quotes";

    void add(String id, List<Quote> labelled, List<Quote> emitted) {
        add(id, labelled, emitted, false);
    }

    /**
     * @param capped whether the item's labels are only the first three of more quotes (tag
     *               {@value #MORE_QUOTES}): unpaired emitted quotes then do not count against precision
     */
    void add(String id, List<Quote> labelled, List<Quote> emitted, boolean capped) {
        Quote[] pairOf = new Quote[emitted.size()];
        boolean[] found = new boolean[labelled.size()];
        for (int k = 0; k < labelled.size(); k++) {
            Quote want = labelled.get(k);
            int best = -1;
            for (int i = 0; i < emitted.size(); i++) {
                if (pairOf[i] == null && Matching.sameQuoteText(want.text(), emitted.get(i).text())) {
                    if (best < 0) {
                        best = i;
                    }
                    if (Matching.sameSpeaker(want.speaker(), emitted.get(i).speaker())) {
                        best = i;
                        break;
                    }
                }
            }
            if (best < 0) {
                continue;
            }
            found[k] = true;
            pairOf[best] = want;
            boolean right = Matching.sameSpeaker(want.speaker(), emitted.get(best).speaker());
            speaker.add(right, id, want.speaker() + ": " + brief(want.text()), emitted.get(best).speaker());
        }
        List<String> spare = new ArrayList<>();
        for (int i = 0; i < emitted.size(); i++) {
            Quote got = emitted.get(i);
            Quote want = pairOf[i];
            boolean right = want != null && Matching.sameSpeaker(want.speaker(), got.speaker());
            if (want == null && capped) {
                spare.add(brief(got.text()));
                continue;
            }
            precision.add(right, id, want == null ? "no labelled quote" : want.speaker(),
                    got.speaker() + ": " + brief(got.text()));
            if (want == null) {
                spare.add(brief(got.text()));
            }
        }
        String others = spare.isEmpty() ? "not found" : "not found; unpaired: " + String.join(" | ", spare);
        for (int k = 0; k < labelled.size(); k++) {
            text.add(found[k], id, labelled.get(k).text(), others);
        }
    }

    List<Ratio> ratios() {
        return List.of(text.ratio("quotes.text"), speaker.ratio("quotes.speaker"),
                precision.ratio("quotes.precision"));
    }

    static String brief(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
