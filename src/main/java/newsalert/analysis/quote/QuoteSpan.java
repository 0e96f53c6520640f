package newsalert.analysis.quote;

/**
 * Where one quotation sits in a paragraph.
 *
 * @param open   index of the opening mark
 * @param close  index of the closing mark, or the paragraph length when the quote is left open
 *               (a quote that runs on into the next paragraph)
 * @param closed whether a closing mark was found
 */
record QuoteSpan(int open, int close, boolean closed) {
    /** @return the quoted words, without the marks */
    String inner(String paragraph) {
        return paragraph.substring(open + 1, close);
    }

    /** @return the index just past the closing mark */
    int end() {
        return closed ? close + 1 : close;
    }
}
