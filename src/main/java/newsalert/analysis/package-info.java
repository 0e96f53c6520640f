/**
 * Pure analysis of story text: topic classification (attack, diplomacy), casualty-count
 * extraction, quote and speaker extraction, and the severity score that decides alerts. No I/O
 * apart from reading lexicon files at construction; every method is a function of its input.
 */
package newsalert.analysis;
