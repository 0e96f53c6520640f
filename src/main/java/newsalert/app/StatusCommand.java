package newsalert.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import newsalert.config.FeedConfig;
import newsalert.config.NewsalertConfig;
import newsalert.config.StoreSettings;
import newsalert.config.ConfigException;
import newsalert.store.StoreException;
import newsalert.store.StoreStatus;
import newsalert.store.jdbc.JdbcNewsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status [--config FILE] [--json]}: what the bot is doing, read from its store only (no network, no
 * chat): feeds by state with the worst ten (last error, failing since, next try), the outbox backlog per
 * platform with its oldest row's age, subscriptions per platform, and alerts in the last hour and day. Safe to
 * run beside a running {@code run}. Exit codes: 0, or 1 when the config is invalid or there is no store yet.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show what the bot is doing, read from its store (no network).",
                "Feeds by state with the worst ten, the outbox backlog per platform,",
                "subscriptions, and alerts in the last hour and day. Safe beside a running bot."},
        footer = {"", "Examples:",
                "  newsalert status",
                "  newsalert status --config my.yml --json"})
public final class StatusCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "config file naming the store (default: config/newsalert.yml when present, else built-in"
                    + " defaults)")
    Path config;

    @Option(names = "--json", description = "print one JSON object with the same figures")
    boolean json;

    /** The time "last hour", ages and waits count from; tests set it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Path file = config;
        if (file == null && Files.isRegularFile(RunCommand.DEFAULT_CONFIG)) {
            file = RunCommand.DEFAULT_CONFIG;
        }
        String url;
        StoreSettings settings;
        Map<String, String> names = new HashMap<>();
        try {
            NewsalertConfig cfg = Wiring.load(file).config();
            settings = cfg.store();
            url = settings.url();
            for (FeedConfig f : cfg.feeds()) {
                if (f.name() != null && !f.name().isBlank()) {
                    names.put(f.url(), f.name());
                }
            }
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        Path sqlite = sqliteFile(url);
        if (sqlite != null && !Files.isRegularFile(sqlite)) {
            spec.commandLine().getErr().println("error: no store at " + sqlite + " yet: start the bot with"
                    + " 'newsalert run' first, or give the config that names its store.url with --config FILE");
            return 1;
        }
        Instant now = clock.instant();
        StoreStatus status;
        try (JdbcNewsStore store = JdbcNewsStore.openExisting(url, settings.user(), settings.password())) {
            status = store.status().read(now);
        } catch (StoreException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage()
                    + Wiring.storeOrigin(file, url, System.getenv()));
            return 1;
        }
        spec.commandLine().getOut().print(json ? StatusText.json(status, now, names).toPrettyString() + "\n"
                : StatusText.text(status, now, names));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** @return the database file of a {@code jdbc:sqlite:} URL, or {@code null} (in-memory, other databases) */
    static Path sqliteFile(String url) {
        if (!url.startsWith("jdbc:sqlite:")) {
            return null;
        }
        String file = url.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        file = q >= 0 ? file.substring(0, q) : file;
        return file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:") ? null : Path.of(file);
    }
}
