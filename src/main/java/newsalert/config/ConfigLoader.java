package newsalert.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the configuration: embedded {@code newsalert/defaults.yml}, then the user's YAML file laid over
 * it key by key (lists such as {@code feeds} are replaced whole), then environment variables.
 *
 * <p>Environment variables: {@code NEWSALERT_STORE_URL} overrides {@code store.url};
 * {@code NEWSALERT_STORE_USER} overrides {@code store.user};
 * {@code NEWSALERT_STORE_PASSWORD} overrides {@code store.password};
 * {@code TELEGRAM_BOT_TOKEN} overrides {@code telegram.token}; {@code DISCORD_TOKEN} overrides
 * {@code discord.token}; {@code DISCORD_SHARDS_TOTAL} and {@code DISCORD_SHARDS_IDS} override
 * {@code discord.shards.total} and {@code discord.shards.ids}; {@code NEWSALERT_METRICS_PORT} and {@code NEWSALERT_METRICS_HOST} override
 * {@code metrics.port} and {@code metrics.host}; {@code NEWSALERT_LOG_FORMAT} overrides {@code logging.format}.
 * Each secret ({@code NEWSALERT_STORE_PASSWORD}, {@code TELEGRAM_BOT_TOKEN}, {@code DISCORD_TOKEN}) may instead
 * be read from the file that {@code NAME_FILE} names. Unknown keys are errors, so a typo in the file is reported instead of silently ignored.
 *
 * <p>Relative paths in the user's file (feed file paths, a SQLite {@code store.url}, {@code analysis.lexicon})
 * are read from the file's folder ({@link ConfigPaths}). Every error is one line that names the file and the
 * line of the bad key ({@code config file my.yml, line 3: poll.interval must be at least 10s, got 2s}), or the
 * environment variable the bad value came from, and quotes values as written.
 */
public final class ConfigLoader {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConfigLoader.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            // a key written twice is a mistake (which token wins?), not a silent override
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature()))
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .registerModule(new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer()));

    private ConfigLoader() {
    }

    /**
     * @param file the user's YAML file, or {@code null} for defaults only
     * @param env  environment variables (normally {@code System.getenv()})
     * @return the validated configuration
     * @throws ConfigException when the file is missing, unreadable, not YAML, has unknown keys or bad values;
     *                         the message names the file, the line of the bad key (or the environment
     *                         variable the value came from) and what to write instead, and never quotes a value
     *                         under {@code telegram} or {@code discord} (they hold tokens)
     */
    public static NewsalertConfig load(Path file, Map<String, String> env) {
        JsonNode tree = readDefaults();
        YamlLines lines = YamlLines.none();
        if (file != null) {
            if (Files.isDirectory(file)) {
                throw new ConfigException("config file " + file + " is a folder, not a file (give the YAML file"
                        + " with --config FILE)");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) { // /dev/null, a pipe: was "not found" (tester17f)
                throw new ConfigException("config file " + file + " is not a regular file (give a YAML file with"
                        + " --config FILE, or leave --config out to run on the defaults)");
            }
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config file " + file + " not found (give another with --config FILE)");
            }
            try {
                JsonNode user = YAML.readTree(file.toFile());
                if (user != null && !user.isMissingNode() && !user.isNull()) {
                    if (!user.isObject()) {
                        throw new ConfigException("config file " + file + " must be a YAML mapping at the top"
                                + " (lines of key: value, such as poll: and feeds:)");
                    }
                    lines = YamlLines.of(file);
                    resolvePaths((ObjectNode) user, file.getParent());
                    merge((ObjectNode) tree, (ObjectNode) user);
                }
            } catch (JsonProcessingException e) {
                throw new ConfigException("config file " + file + ", " + YamlSyntax.describe(e, linesOf(file)));
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + file + ": " + firstLine(e.getMessage()));
            }
        }
        Map<String, String> fromEnv = new HashMap<>();
        String storeUrl = env.get("NEWSALERT_STORE_URL");
        if (storeUrl != null && !storeUrl.isBlank() && tree.get("store") instanceof ObjectNode s) {
            s.put("url", storeUrl);
            fromEnv.put("/store/url", "NEWSALERT_STORE_URL");
        }
        String storeUser = env.get("NEWSALERT_STORE_USER");
        if (storeUser != null && !storeUser.isBlank() && tree.get("store") instanceof ObjectNode s) {
            s.put("user", storeUser.strip());
            fromEnv.put("/store/user", "NEWSALERT_STORE_USER");
        }
        String storePassword = secretFromEnv(env, "NEWSALERT_STORE_PASSWORD");
        if (storePassword != null && tree.get("store") instanceof ObjectNode s) {
            s.put("password", storePassword);
        }
        String telegramToken = secretFromEnv(env, "TELEGRAM_BOT_TOKEN");
        if (telegramToken != null && !telegramToken.isBlank() && tree.get("telegram") instanceof ObjectNode t) {
            t.put("token", telegramToken.strip()); // not a mapping: the bad value is reported below
        }
        String discordToken = secretFromEnv(env, "DISCORD_TOKEN");
        if (discordToken != null && !discordToken.isBlank() && tree.get("discord") instanceof ObjectNode d) {
            d.put("token", discordToken.strip());
        }
        overrideShards((ObjectNode) tree, env, fromEnv);
        overrideMonitoring((ObjectNode) tree, env, fromEnv);
        ConfigErrors err = new ConfigErrors(file, lines, fromEnv, tree);
        checkFeedList(tree.get("feeds"), err);
        NewsalertConfig config;
        try {
            config = YAML.treeToValue(tree, NewsalertConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw err.at(pointer(e, e.getPath().size()), "unknown key '" + e.getPropertyName() + "'" + at(e, true)
                    + nestHint(e.getPropertyName()) + closestKey(e.getPropertyName(), e.getKnownPropertyIds())
                    + " (known keys there: " + knownKeys(e.getKnownPropertyIds()) + ")");
        } catch (JsonMappingException e) {
            String where = pointer(e, e.getPath().size());
            String secret = secretSection(e);
            if (secret != null && !isShards(e)) {
                throw err.at(where, "bad value" + at(e, false) + ": expected "
                        + (e.getPath().size() == 1 ? SECRET_SECTIONS.get(secret) : "a plain text value"));
            }
            String why = e.getCause() instanceof IllegalArgumentException iae ? firstLine(iae.getMessage())
                    : ValueKinds.mismatch(e, tree.at(where));
            throw err.at(where, "bad value" + at(e, false) + ": " + why);
        } catch (IOException | IllegalArgumentException e) {
            throw err.at("", firstLine(e.getMessage()));
        }
        ConfigValidation.check(config, err);
        warnDuplicateFeeds(config, err);
        return config;
    }

    /**
     * Two entries under {@code feeds:} with one URL are polled once, as the first (its name and interval); say
     * so, naming both, rather than drop the second in silence.
     */
    private static void warnDuplicateFeeds(NewsalertConfig config, ConfigErrors err) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < config.feeds().size(); i++) {
            FeedConfig f = config.feeds().get(i);
            Integer j = first.putIfAbsent(f.url(), i);
            if (j != null) {
                java.util.OptionalInt line = err.line("/feeds/" + j);
                LOG.warn("{}: feeds[{}] {} repeats the url of feeds[{}] {}{}; it is polled once, with feeds[{}]'s"
                                + " name and interval; remove one of the two",
                        err.where("/feeds/" + i), i, entry(f), j, entry(config.feeds().get(j)),
                        line.isPresent() ? " (line " + line.getAsInt() + ")" : "", j);
            }
        }
    }

    /** @return how a feed entry is named in a warning: {@code 'World' (https://…)}, or its URL alone */
    private static String entry(FeedConfig f) {
        return f.name() == null || f.name().isBlank() ? f.url() : "'" + f.name() + "' (" + f.url() + ")";
    }

    /** @return the file's lines, or an empty list when it cannot be read as UTF-8 (the hint then goes without) */
    private static List<String> linesOf(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * {@code DISCORD_SHARDS_TOTAL} and {@code DISCORD_SHARDS_IDS} over {@code discord.shards.total} and
     * {@code .ids}; the total is checked for digits here so that the error names the variable.
     */
    private static void overrideShards(ObjectNode tree, Map<String, String> env, Map<String, String> fromEnv) {
        String total = env.get("DISCORD_SHARDS_TOTAL");
        String ids = env.get("DISCORD_SHARDS_IDS");
        boolean hasTotal = total != null && !total.isBlank();
        boolean hasIds = ids != null && !ids.isBlank();
        if (!hasTotal && !hasIds || !(tree.get("discord") instanceof ObjectNode d)) {
            return;
        }
        if (d.get("shards") == null || d.get("shards").isNull()) {
            d.putObject("shards");
        }
        if (!(d.get("shards") instanceof ObjectNode s)) {
            return; // discord.shards is not a mapping in the file: reported below
        }
        if (hasTotal) {
            if (!total.strip().matches("[0-9]{1,6}")) {
                throw new ConfigException("environment variable DISCORD_SHARDS_TOTAL: must be the bot's shard count,"
                        + " a whole number such as 2 (1 = unsharded), got '" + total + "'");
            }
            s.put("total", Integer.parseInt(total.strip()));
            fromEnv.put("/discord/shards/total", "DISCORD_SHARDS_TOTAL");
        }
        if (hasIds) {
            s.put("ids", ids.strip());
            fromEnv.put("/discord/shards/ids", "DISCORD_SHARDS_IDS");
        }
    }

    /** The monitoring variables; the port is checked here so that the error names the variable. */
    private static void overrideMonitoring(ObjectNode tree, Map<String, String> env, Map<String, String> fromEnv) {
        String port = env.get("NEWSALERT_METRICS_PORT");
        if (port != null && !port.isBlank() && tree.get("metrics") instanceof ObjectNode m) {
            if (!port.strip().matches("[0-9]{1,5}") || Integer.parseInt(port.strip()) < 1
                    || Integer.parseInt(port.strip()) > 65535) {
                throw new ConfigException("environment variable NEWSALERT_METRICS_PORT: must be a port number"
                        + " 1-65535, got '" + port + "'");
            }
            m.put("port", Integer.parseInt(port.strip()));
            fromEnv.put("/metrics/port", "NEWSALERT_METRICS_PORT");
        }
        String host = env.get("NEWSALERT_METRICS_HOST");
        if (host != null && !host.isBlank() && tree.get("metrics") instanceof ObjectNode m) {
            m.put("host", host.strip());
            fromEnv.put("/metrics/host", "NEWSALERT_METRICS_HOST");
        }
        String format = env.get("NEWSALERT_LOG_FORMAT");
        if (format != null && !format.isBlank() && tree.get("logging") instanceof ObjectNode l) {
            l.put("format", format.strip().toLowerCase(java.util.Locale.ROOT));
            fromEnv.put("/logging/format", "NEWSALERT_LOG_FORMAT");
        }
    }

    /**
     * Feeds written as a list of plain strings ({@code - https://…}) or as one mapping get a message saying how
     * a feed is written, instead of the mapper's words about constructors.
     */
    private static void checkFeedList(JsonNode feeds, ConfigErrors err) {
        if (feeds == null || feeds.isNull() || feeds.isMissingNode()) {
            return;
        }
        if (!feeds.isArray()) {
            throw err.at("/feeds", "feeds must be a list with one item per feed; write - url: https://… on the"
                    + " line below feeds:, indented");
        }
        for (int i = 0; i < feeds.size(); i++) {
            JsonNode f = feeds.get(i);
            if (!f.isObject()) {
                String example = f.isTextual() && !f.asText().isBlank() ? f.asText() : "https://…";
                throw err.at("/feeds/" + i, "feeds[" + i + "]: each feed needs url:; write - url: " + example
                        + " (name: and interval: may follow on their own lines, indented like url:)");
            }
        }
    }

    /** @return the known keys of a section, sorted, as {@code [a, b, c]} */
    static String knownKeys(java.util.Collection<Object> known) {
        return known == null ? "[]" : known.stream().map(String::valueOf).sorted().toList().toString();
    }

    /**
     * @param key   an unknown key as written, such as {@code max_age} or {@code intervall}
     * @param known the keys of that section
     * @return {@code ; did you mean 'max-age'?} when one known key is the same but for case, {@code _} for
     *         {@code -}, or at most two typed letters (insert, delete, change); else ""
     */
    static String closestKey(String key, java.util.Collection<Object> known) {
        if (key == null || known == null || key.contains(".")) {
            return ""; // a dotted key gets the nesting hint instead
        }
        String typed = key.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        var distance = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known.stream().map(String::valueOf).sorted().toList()) {
            int d = distance.apply(typed, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.min(2, Math.max(0, typed.length() - 2))
                ? "; did you mean '" + best + "'?" : "";
    }

    /**
     * @param key an unknown key as written, such as {@code telegram.token}
     * @return for a dotted key, how to write it as nested YAML ({@code ; write it nested: telegram: on its own
     *         line, then token: … indented below it}); else ""
     */
    static String nestHint(String key) {
        if (key == null || !key.contains(".") || key.startsWith(".") || key.endsWith(".")) {
            return "";
        }
        String[] parts = key.split("\\.");
        StringBuilder sb = new StringBuilder("; write it nested, one level per dot: ");
        for (int i = 0; i < parts.length; i++) {
            sb.append(i == 0 ? "" : i == parts.length - 1 ? ", then " : ", ").append(parts[i]).append(':');
            sb.append(i == parts.length - 1 ? " …" : i == 0 ? " on its own line" : "");
            if (i > 0) {
                sb.append(" indented ").append(2 * i).append(" spaces");
            }
        }
        return sb.toString();
    }

    /** Resolves the relative paths the user's file names against its folder ({@link ConfigPaths}). */
    private static void resolvePaths(ObjectNode user, Path folder) {
        if (folder == null) {
            return;
        }
        if (user.get("feeds") instanceof com.fasterxml.jackson.databind.node.ArrayNode feeds) {
            for (JsonNode f : feeds) {
                if (f instanceof ObjectNode o && o.get("url") != null && o.get("url").isTextual()) {
                    o.put("url", ConfigPaths.feed(folder, o.get("url").asText()));
                }
            }
        }
        if (user.get("store") instanceof ObjectNode store && store.get("url") != null
                && store.get("url").isTextual()) {
            store.put("url", ConfigPaths.sqlite(folder, store.get("url").asText()));
        }
        if (user.get("analysis") instanceof ObjectNode analysis && analysis.get("lexicon") != null
                && analysis.get("lexicon").isTextual()) {
            analysis.put("lexicon", ConfigPaths.resolve(folder, analysis.get("lexicon").asText()));
        }
    }

    private static JsonNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/newsalert/defaults.yml")) {
            if (in == null) {
                throw new IllegalStateException("newsalert/defaults.yml missing from the jar");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> it = over.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = base.get(e.getKey());
            if (old instanceof ObjectNode oldObj && e.getValue() instanceof ObjectNode newObj) {
                merge(oldObj, newObj);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * A secret from the environment: the variable {@code name} itself, else the contents of the file named by
     * {@code name_FILE} (Docker and Kubernetes secrets), with the line end trimmed.
     *
     * @return the secret, or {@code null} when neither is set
     * @throws ConfigException when {@code name_FILE} names a file that cannot be read (the message names the
     *                         variable and the file, never the contents)
     */
    static String secretFromEnv(Map<String, String> env, String name) {
        String direct = env.get(name);
        if (direct != null && !direct.isBlank()) {
            return direct.strip();
        }
        String file = env.get(name + "_FILE");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            String text = Files.readString(Path.of(file.strip())).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(name + "_FILE names " + file.strip() + ", which cannot be read; point it at"
                    + " a readable file that holds only the secret, or set " + name + " instead");
        }
    }

    /** What each section holding a secret must be; its values are never quoted in an error. */
    private static final Map<String, String> SECRET_SECTIONS = Map.of(
            "telegram", "a mapping with token and api-url",
            "discord", "a mapping with token, api-url, gateway-url, guild-id and shards",
            "store", "a mapping with url, user and password");

    /** @return whether the error is under {@code discord.shards} (no secret there: its values may be quoted) */
    private static boolean isShards(JsonMappingException e) {
        return e.getPath().size() >= 2 && "shards".equals(e.getPath().get(1).getFieldName());
    }

    /** @return "telegram" or "discord" when the error is at or under that section, else {@code null} */
    private static String secretSection(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return null;
        }
        String top = e.getPath().get(0).getFieldName();
        return top != null && SECRET_SECTIONS.containsKey(top) ? top : null;
    }

    /** @return the JSON Pointer of the first {@code n} parts of the error's path ({@code /feeds/0/url}) */
    private static String pointer(JsonMappingException e, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            var ref = e.getPath().get(i);
            if (ref.getFieldName() != null) {
                sb.append('/').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('/').append(ref.getIndex());
            }
        }
        return sb.toString();
    }

    /** @return " at poll.interval" (the dotted key path), or "" when unknown; {@code parent} drops the last part */
    private static String at(JsonMappingException e, boolean parent) {
        StringBuilder sb = new StringBuilder();
        var path = e.getPath();
        int n = parent ? path.size() - 1 : path.size();
        for (int i = 0; i < n; i++) {
            var ref = path.get(i);
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? (parent ? " at the top level" : "") : " at " + sb;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) { // add-wait: [2s] read as "empty duration" (tester17f)
                throw new IllegalArgumentException("a duration is one value like 2s or 30m, not a "
                        + (p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY ? "list" : "map")
                        + " (no brackets or braces)");
            }
            String text = p.getValueAsString();
            Duration d = Durations.parse(text);
            if (Durations.isUnitless(text)) {
                String key = p.getParsingContext().pathAsPointer().toString().substring(1)
                        .replaceAll("/(\\d+)", "[$1]").replace('/', '.'); // "/feeds/0/interval" -> "feeds[0].interval"
                LOG.warn("config {}: '{}' has no unit and is read as {} seconds; write {}s to say so (or m, h, d)",
                        key, text.strip(), d.toSeconds(), text.strip());
            }
            return d;
        }
    }
}
