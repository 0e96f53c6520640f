package newsalert.subscription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text tokenised once (see {@link Keywords}) so that many terms can be matched against it cheaply:
 * each token's positions are indexed, and a term is checked only where its first token occurs. The one
 * keyword-matching rule of the project: {@link Router} and the {@code why} command both use it.
 */
public final class TokenText {
    private final List<String> tokens;
    private final Map<String, List<Integer>> positions = new HashMap<>();

    /** @param text the text to match terms against (title and body, say); never {@code null} */
    public TokenText(String text) {
        tokens = Keywords.tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            positions.computeIfAbsent(tokens.get(i), k -> new ArrayList<>()).add(i);
        }
    }

    /** @return whether the term's tokens occur consecutively in the text; false for a term with no tokens */
    public boolean contains(String term) {
        List<String> want = Keywords.tokens(term);
        if (want.isEmpty()) {
            return false;
        }
        for (int start : positions.getOrDefault(want.get(0), List.of())) {
            if (start + want.size() <= tokens.size() && tokens.subList(start, start + want.size()).equals(want)) {
                return true;
            }
        }
        return false;
    }
}
