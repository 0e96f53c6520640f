package newsalert.analysis;

import java.util.List;
import newsalert.story.Quote;

/** Finds direct quotes and their speakers. (Placeholder until the extractor lands.) */
public final class QuoteExtractor {
    /**
     * @param text plain text, paragraphs separated by blank lines
     * @return quotes in text order; empty when none
     */
    public List<Quote> extract(String text) {
        return List.of();
    }
}
