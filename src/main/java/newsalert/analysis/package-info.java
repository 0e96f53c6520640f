/**
 * Pure analysis of story text: topic classification (attack, diplomacy), casualty-count
 * extraction, quote and speaker extraction, the severity score that decides alerts, and the language
 * check that keeps text in other languages from the English rules. No I/O apart from reading lexicon
 * files at construction and the language model on first use; every method is a function of its input.
 */
package newsalert.analysis;
