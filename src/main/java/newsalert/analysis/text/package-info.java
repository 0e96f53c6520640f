/**
 * Text and tokens shared by every analysis concern: the {@link newsalert.analysis.text.Tokenizer} (word tokens
 * whose offsets index the original text), the {@link newsalert.analysis.text.Vocabulary} of known words, the
 * YAML {@link newsalert.analysis.text.WordLists}, phrase matching ({@link newsalert.analysis.text.PhraseIndex}),
 * evidence spans cut from the text ({@link newsalert.analysis.text.EvidenceSpan}) and the language check
 * ({@link newsalert.analysis.text.LanguageDetector}). Depends on no other analysis package.
 */
package newsalert.analysis.text;
