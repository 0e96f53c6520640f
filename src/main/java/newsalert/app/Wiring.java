package newsalert.app;

import java.nio.file.Path;

import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.command.AddressPolicy;
import newsalert.config.StoreSettings;
import newsalert.config.ConfigException;
import newsalert.config.ConfigLoader;
import newsalert.config.FetchConfig;
import newsalert.config.NewsalertConfig;
import newsalert.feed.AddressGuard;
import newsalert.feed.FeedFetcher;
import newsalert.feed.FeedParser;
import newsalert.feed.FetchSettings;
import newsalert.net.AddressRule;
import newsalert.store.NewsStore;
import newsalert.store.jdbc.JdbcNewsStore;
import okhttp3.Dns;

/**
 * Builds the components from the configuration, each from its own settings. Created once per command.
 *
 * @param config the loaded configuration
 */
record Wiring(NewsalertConfig config) {
    /** The address rule of chat-added feeds: one per process (it caches the interface addresses). */
    private static final AddressRule ADDRESS_RULE = AddressRule.system();

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

    /** @return the reader of configured feeds: http(s) URLs and local files, any address */
    SourceReader sourceReader() {
        FetchConfig f = config.fetch();
        return new SourceReader(new FeedFetcher(fetchSettings()), new FeedParser(), f.maxBodyBytes());
    }

    /**
     * @return the reader of chat-added feeds: http(s) only, and unless {@code chat-feeds.allow-private-addresses}
     *         is on, every connection refuses hosts with non-public addresses
     */
    SourceReader chatFeedReader() {
        return chatFeedReader(Dns.SYSTEM, addressGuard());
    }

    /**
     * @param resolver the resolver (the system's in production)
     * @param guard    the address checks, or {@code null} when private addresses are allowed
     * @return the reader of chat-added feeds over that resolver and guard
     */
    SourceReader chatFeedReader(Dns resolver, AddressGuard guard) {
        FeedFetcher fetcher = guard == null ? new FeedFetcher(fetchSettings(), resolver)
                : FeedFetcher.guarded(fetchSettings(), resolver, guard);
        return new SourceReader(fetcher, new FeedParser(), config.fetch().maxBodyBytes(), false);
    }

    /** @return the checks of every chat-feed connection, or {@code null} when private addresses are allowed */
    AddressGuard addressGuard() {
        return config.chatFeeds().allowPrivateAddresses() ? null : AddressGuard.of(ADDRESS_RULE);
    }

    /** @return the policy {@code feeds add} applies before it checks a URL */
    AddressPolicy addressPolicy() {
        return new AddressPolicy(AddressPolicy.systemResolver(),
                config.chatFeeds().allowPrivateAddresses() ? null : ADDRESS_RULE);
    }

    private FetchSettings fetchSettings() {
        FetchConfig f = config.fetch();
        return new FetchSettings(f.connectTimeout(), f.readTimeout(), f.maxBodyBytes(), f.maxRedirects(),
                f.userAgent(), f.totalTimeout());
    }

    /**
     * @param file the config file read, or {@code null} for built-in defaults
     * @param url  the store URL in use
     * @param env  environment variables
     * @return where that store URL was set, for a store error: {@code  (store.url is set by NEWSALERT_STORE_URL)},
     *         {@code  (store.url from config file my.yml)}, or the built-in default
     */
    static String storeOrigin(Path file, String url, java.util.Map<String, String> env) {
        String fromEnv = env.get("NEWSALERT_STORE_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return " (store.url " + url + " is set by the environment variable NEWSALERT_STORE_URL)";
        }
        if (DEFAULT_STORE_URL.equals(url)) {
            return " (store.url is the built-in default " + url + (file == null ? "; no config file was read)"
                    : "; config file " + file + " sets none)");
        }
        return " (store.url " + url + " from config file " + file + ")";
    }

    /** {@code store.url} of the embedded defaults, as read when no file sets it. */
    static final String DEFAULT_STORE_URL = "jdbc:sqlite:data/newsalert.db";

    JdbcNewsStore openStore() {
        StoreSettings s = config.store();
        return JdbcNewsStore.open(s.url(), s.user(), s.password());
    }

}
