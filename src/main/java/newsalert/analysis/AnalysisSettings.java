package newsalert.analysis;


import java.nio.file.Path;

/**
 * Settings for {@link Assessor}.
 *
 * @param lexiconFile   a lexicon YAML file, or {@code null} for the embedded
 *                      {@value newsalert.analysis.topic.LexiconLoader#DEFAULT_RESOURCE}
 * @param alertSeverity the severity (0–100) a story with a topic needs to be an alert; default 40
 */
public record AnalysisSettings(Path lexiconFile, int alertSeverity) {
    /** The default alert level. */
    public static final int DEFAULT_ALERT_SEVERITY = 40;

    /** @throws IllegalArgumentException when {@code alertSeverity} is outside 0–100 */
    public AnalysisSettings {
        if (alertSeverity < 0 || alertSeverity > 100) {
            throw new IllegalArgumentException("alertSeverity must be 0..100: " + alertSeverity);
        }
    }

    /** @return the embedded lexicon and an alert level of 40 */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(null, DEFAULT_ALERT_SEVERITY);
    }
}
