package newsalert.config;

/**
 * Log output ({@code logging.*}).
 *
 * @param format {@code text} (default: one readable line per event) or {@code json} (one JSON object per line,
 *               for log collectors); {@code logging.format}, env {@code NEWSALERT_LOG_FORMAT}, which wins
 */
public record LoggingConfig(String format) {
    /** @return whether logs are written as JSON lines */
    public boolean json() {
        return "json".equals(format);
    }
}
