/**
 * Measures the analysis against labelled data: reads labelled items ({@code dev.jsonl} format), the
 * Wikipedia incident list, the AG News test CSV and the real-text labels joined with their corpus, runs an
 * assessor over them and scores topics, casualty counts, quotes and false alerts. Pure code (files in, figures out); the {@code eval} command
 * in {@code newsalert.app} only parses options and prints a {@link newsalert.eval.EvalReport}.
 */
package newsalert.eval;
