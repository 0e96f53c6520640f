package newsalert.app;

import java.nio.file.Path;

import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.config.ConfigException;
import newsalert.config.ConfigLoader;
import newsalert.config.FetchConfig;
import newsalert.config.NewsalertConfig;
import newsalert.feed.FeedFetcher;
import newsalert.feed.FeedParser;
import newsalert.feed.FetchSettings;
import newsalert.store.NewsStore;
import newsalert.store.jdbc.JdbcNewsStore;

/**
 * Builds the components from the configuration, each from its own settings. Created once per command.
 *
 * @param config the loaded configuration
 */
record Wiring(NewsalertConfig config) {

    /**
     * @param file config file, or {@code null} for defaults
     * @throws ConfigException when the config is invalid
     */
    static Wiring load(Path file) {
        return new Wiring(ConfigLoader.load(file, System.getenv()));
    }

    /** @throws ConfigException when the lexicon file given in config cannot be used */
    Assessor assessor() {
        String lex = config.analysis().lexicon();
        try {
            return Assessor.create(new AnalysisSettings(lex == null || lex.isBlank() ? null : Path.of(lex),
                    config.analysis().alertSeverity()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("analysis.lexicon: " + e.getMessage());
        }
    }

    SourceReader sourceReader() {
        FetchConfig f = config.fetch();
        FetchSettings fs = new FetchSettings(f.connectTimeout(), f.readTimeout(), f.maxBodyBytes(),
                f.maxRedirects(), f.userAgent(), f.totalTimeout());
        return new SourceReader(new FeedFetcher(fs), new FeedParser(), f.maxBodyBytes());
    }

    NewsStore openStore() {
        return JdbcNewsStore.open(config.store().url());
    }

}
