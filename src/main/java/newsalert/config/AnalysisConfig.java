package newsalert.config;

/**
 * Analysis knobs.
 *
 * @param lexicon       path of a lexicon YAML replacing the embedded one ({@code analysis.lexicon}); {@code null}
 *                      uses the lexicon shipped in the jar
 * @param alertSeverity minimum severity (0–100) for a story with a topic to become an alert
 *                      ({@code analysis.alert-severity}, default 40)
 */
public record AnalysisConfig(String lexicon, int alertSeverity) {
}
