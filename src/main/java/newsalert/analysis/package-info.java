/**
 * Pure analysis of story text: topic classification (attack, diplomacy), casualty-count
 * extraction, quote and speaker extraction, the severity score that decides alerts, and the language
 * check that keeps text in other languages from the English rules. No I/O apart from reading lexicon
 * files at construction and the language model on first use; every method is a function of its input.
 *
 * <p>This package holds the facade ({@link newsalert.analysis.Assessor}, {@link newsalert.analysis.AnalysisSettings});
 * the rules live in subpackages by concern: {@code text} (tokens, word lists, evidence spans, language),
 * {@code topic}, {@code casualty} and {@code quote}. Topic, casualty and quote use {@code text} and not one
 * another ({@code ArchitectureTest}).
 */
package newsalert.analysis;
