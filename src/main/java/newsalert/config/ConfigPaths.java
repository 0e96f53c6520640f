package newsalert.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relative paths written in a config file are read from that file's folder, not from the working directory:
 * a feed {@code url: wire.xml} in {@code /elsewhere/local.yml} is {@code /elsewhere/wire.xml}, whatever the
 * directory {@code run} starts in. Applies to feed file paths, SQLite paths in {@code store.url} and
 * {@code analysis.lexicon}. Values from defaults and environment variables stay relative to the working
 * directory.
 */
final class ConfigPaths {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigPaths.class);
    private static final String SQLITE = "jdbc:sqlite:";
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private ConfigPaths() {
    }

    /**
     * @param folder the config file's folder; {@code null} (a file named without a folder, i.e. in the working
     *               directory) leaves paths as they are
     * @param path   a path as written; {@code null}, blank or absolute paths are returned unchanged
     * @return the path resolved against {@code folder}, normalised
     */
    static String resolve(Path folder, String path) {
        if (folder == null || path == null || path.isBlank()) {
            return path;
        }
        Path p = Path.of(path);
        return p.isAbsolute() ? path : folder.resolve(p).normalize().toString();
    }

    /**
     * @param folder the config file's folder, or {@code null}
     * @param url    a feed's {@code url}: http(s) and other URLs are returned unchanged, file paths resolved
     * @return the URL, or the resolved file path
     */
    static String feed(Path folder, String url) {
        if (url == null || SCHEME.matcher(url).lookingAt()) {
            return url;
        }
        return resolve(folder, url);
    }

    /**
     * Resolves the file of a {@code jdbc:sqlite:FILE[?params]} URL; in-memory ({@code :memory:}, empty) and
     * {@code file:} URI forms, and other databases' URLs, are returned unchanged.
     *
     * <p>Stores made before paths were resolved this way sat relative to the working directory: when the
     * resolved file does not exist and the one relative to the working directory does, that one is kept, so an
     * upgrade never starts on an empty store (subscriptions and outbox intact).
     *
     * @param folder the config file's folder, or {@code null}
     * @param url    the store URL as written in the file
     * @return the URL with its file resolved
     */
    static String sqlite(Path folder, String url) {
        if (folder == null || url == null || !url.toLowerCase(Locale.ROOT).startsWith(SQLITE)) {
            return url;
        }
        String rest = url.substring(SQLITE.length());
        int q = rest.indexOf('?');
        String file = q < 0 ? rest : rest.substring(0, q);
        String params = q < 0 ? "" : rest.substring(q);
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
            return url;
        }
        String resolved = resolve(folder, file);
        if (!resolved.equals(file) && !Files.exists(Path.of(resolved)) && Files.isRegularFile(Path.of(file))) {
            LOG.warn("store.url: using {} in the working directory, where earlier versions kept it; relative paths"
                    + " in a config file are now read from its folder, so move the file to {} or write an absolute"
                    + " path", file, resolved);
            return url;
        }
        return SQLITE + resolved + params;
    }
}
