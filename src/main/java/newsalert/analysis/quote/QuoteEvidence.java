package newsalert.analysis.quote;

/**
 * Builds the short evidence string stored on each {@link newsalert.story.Quote}: the attribution rule that
 * credited the speaker and the span of text it matched. Forms:
 * <ul>
 *   <li>{@code before: "UK Prime Minister Keir Starmer accused Moscow of"} (the clause before the quote);</li>
 *   <li>{@code after: "… Russia's Defense Ministry said in a statement"} (the clause after the quote, the
 *       ellipsis standing for the quote);</li>
 *   <li>{@code pronoun "he added" → Rustem Umerov} when the matched subject was a pronoun or a
 *       definite description ("the ministry");</li>
 *   <li>{@code surname "Umerov told reporters" → Rustem Umerov} when a one-word name was completed from an
 *       earlier full mention;</li>
 *   <li>{@code next sentence → Rustem Umerov} and similar when the speaker is carried over from the
 *       previous quote.</li>
 * </ul>
 * Spans are whitespace-normalised and cut to {@value #MAX_SPAN} characters (keeping the end nearest the
 * quote), so an evidence string stays under about 200 characters.
 */
final class QuoteEvidence {
    static final int MAX_SPAN = 150;

    private QuoteEvidence() {
    }

    /** @return the clause before a quote, trimmed, cut from the left to {@link #MAX_SPAN} characters */
    static String beforeSpan(String prefix) {
        String t = QuoteText.normalizeSpaces(prefix);
        if (t.length() > MAX_SPAN) {
            int cut = t.indexOf(' ', t.length() - MAX_SPAN);
            t = "…" + (cut < 0 ? t.substring(t.length() - MAX_SPAN) : t.substring(cut));
        }
        return t;
    }

    /** @return the clause after a quote: "… " followed by its words, cut from the right */
    static String afterSpan(String after) {
        String t = QuoteText.normalizeSpaces(QuoteText.stripLeadingCommas(after));
        if (t.length() > MAX_SPAN) {
            int cut = t.lastIndexOf(' ', MAX_SPAN);
            t = (cut < 0 ? t.substring(0, MAX_SPAN) : t.substring(0, cut)) + "…";
        }
        return "… " + QuoteText.stripFinalStop(t);
    }

    private static String bare(String span) {
        return span.startsWith("… ") ? span.substring(2) : span;
    }

    /**
     * @param rule     "before" or "after" (or another rule name)
     * @param span     the matched text
     * @param raw      the speaker as read from the span
     * @param resolved the speaker after pronoun and surname resolution
     */
    static String attribution(String rule, String span, SpeakerRef raw, SpeakerRef resolved) {
        if (raw.kind() == SpeakerRef.Kind.PRONOUN) {
            return "pronoun \"" + bare(span) + "\" → " + resolved.name();
        }
        if (!raw.name().equals(resolved.name())) {
            return "surname \"" + bare(span) + "\" → " + resolved.name();
        }
        return rule + ": \"" + span + "\"";
    }

    /** @return evidence for a speaker carried over from an earlier quote by the named rule */
    static String carried(String rule, SpeakerRef speaker) {
        return rule + " → " + speaker.name();
    }
}
