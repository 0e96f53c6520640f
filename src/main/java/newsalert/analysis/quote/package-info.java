/**
 * Quote extraction with the speaker of each quote: quote spans and sentences, attribution leads, and the
 * speaker parser and registry. Entry point: {@link newsalert.analysis.quote.QuoteExtractor}. Uses
 * {@code newsalert.analysis.text} only.
 */
package newsalert.analysis.quote;
