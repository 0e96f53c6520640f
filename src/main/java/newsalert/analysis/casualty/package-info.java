/**
 * Casualty-count extraction (killed, injured, missing) from a story's own incident: a token stream of words,
 * numbers, marks and breaks ({@code CasualtyTokenizer}), number phrases, and the mention, framing and context
 * rules. Entry point: {@link newsalert.analysis.casualty.CasualtyExtractor}. Uses {@code newsalert.analysis.text}
 * only.
 */
package newsalert.analysis.casualty;
