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
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the configuration: embedded {@code newsalert/defaults.yml}, then the user's YAML file laid over
 * it key by key (lists such as {@code feeds} are replaced whole), then environment variables.
 *
 * <p>Environment variables: {@code NEWSALERT_STORE_URL} overrides {@code store.url};
 * {@code TELEGRAM_BOT_TOKEN} overrides {@code telegram.token}; {@code DISCORD_TOKEN} overrides
 * {@code discord.token}.
 * Unknown keys are errors, so a typo in the file is reported instead of silently ignored.
 */
public final class ConfigLoader {
    private static final java.util.regex.Pattern OTHER_SCHEME =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
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
     *                         the message names the file and the problem, and never quotes a value under
     *                         {@code telegram} or {@code discord} (they hold tokens)
     */
    public static NewsalertConfig load(Path file, Map<String, String> env) {
        JsonNode tree = readDefaults();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config file " + file + " not found (give another with --config FILE)");
            }
            try {
                JsonNode user = YAML.readTree(file.toFile());
                if (user != null && !user.isMissingNode() && !user.isNull()) {
                    if (!user.isObject()) {
                        throw new ConfigException("config file " + file + " must be a YAML mapping at the top");
                    }
                    merge((ObjectNode) tree, (ObjectNode) user);
                }
            } catch (JsonProcessingException e) {
                throw new ConfigException("config file " + file + " is not valid YAML" + where(e) + ": "
                        + firstLine(e.getOriginalMessage()));
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + file + ": " + firstLine(e.getMessage()));
            }
        }
        String storeUrl = env.get("NEWSALERT_STORE_URL");
        if (storeUrl != null && !storeUrl.isBlank()) {
            ((ObjectNode) tree.get("store")).put("url", storeUrl);
        }
        String telegramToken = env.get("TELEGRAM_BOT_TOKEN");
        if (telegramToken != null && !telegramToken.isBlank() && tree.get("telegram") instanceof ObjectNode t) {
            t.put("token", telegramToken.strip()); // not a mapping: the bad value is reported below
        }
        String discordToken = env.get("DISCORD_TOKEN");
        if (discordToken != null && !discordToken.isBlank() && tree.get("discord") instanceof ObjectNode d) {
            d.put("token", discordToken.strip());
        }
        NewsalertConfig config;
        try {
            config = YAML.treeToValue(tree, NewsalertConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("invalid config" + in(file) + ": unknown key '" + e.getPropertyName() + "'"
                    + at(e, true) + " (known keys there: " + e.getKnownPropertyIds() + ")");
        } catch (JsonMappingException e) {
            String secret = secretSection(e);
            if (secret != null) {
                throw new ConfigException("invalid config" + in(file) + ": bad value" + at(e, false) + ": expected "
                        + (e.getPath().size() == 1 ? SECRET_SECTIONS.get(secret) : "a plain text value"));
            }
            Throwable root = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String why = root == e ? firstLine(e.getOriginalMessage()) : firstLine(root.getMessage());
            throw new ConfigException("invalid config" + in(file) + ": bad value" + at(e, false) + ": " + why);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("invalid config" + in(file) + ": " + firstLine(e.getMessage()));
        }
        validate(config);
        return config;
    }

    private static void validate(NewsalertConfig c) {
        if (c.poll().interval().compareTo(Duration.ofSeconds(10)) < 0) {
            throw new ConfigException("poll.interval must be at least 10s, got " + c.poll().interval());
        }
        if (c.store().url() == null || !c.store().url().startsWith("jdbc:")) {
            throw new ConfigException("store.url must be a JDBC URL such as jdbc:sqlite:data/newsalert.db");
        }
        int sev = c.analysis().alertSeverity();
        if (sev < 0 || sev > 100) {
            throw new ConfigException("analysis.alert-severity must be 0..100, got " + sev);
        }
        String api = c.telegram().apiUrl();
        if (api == null || !(api.startsWith("http://") || api.startsWith("https://"))) {
            throw new ConfigException("telegram.api-url must be an http(s) URL such as https://api.telegram.org");
        }
        if (c.events().window().compareTo(Duration.ofHours(1)) < 0
                || c.events().window().compareTo(Duration.ofDays(14)) > 0) {
            throw new ConfigException("events.window must be between 1h and 14d, got " + c.events().window());
        }
        if (c.events().minOutlets() < 1 || c.events().minOutlets() > 10) {
            throw new ConfigException("events.min-outlets must be 1 to 10 (distinct outlets that must report an"
                    + " event before it alerts), got " + c.events().minOutlets());
        }
        int cap = c.chatFeeds().maxAlertsPerHour();
        if (cap < 1 || cap > 1000) {
            throw new ConfigException("chat-feeds.max-alerts-per-hour must be 1 to 1000 (alerts and toll updates one"
                    + " chat-added feed may send a chat per hour before the rest wait for a digest), got " + cap);
        }
        DiscordConfig d = c.discord();
        if (d.apiUrl() != null && !(d.apiUrl().startsWith("http://") || d.apiUrl().startsWith("https://"))) {
            throw new ConfigException("discord.api-url must be an http(s) URL such as https://discord.com/api/v10/");
        }
        if (d.gatewayUrl() != null && !(d.gatewayUrl().startsWith("ws://") || d.gatewayUrl().startsWith("wss://"))) {
            throw new ConfigException("discord.gateway-url must be a ws(s) URL such as wss://gateway.discord.gg/");
        }
        if (d.guildId() != null && !d.guildId().matches("[0-9]{1,20}")) {
            throw new ConfigException("discord.guild-id must be a server id (digits; Developer Mode → Copy Server ID),"
                    + " got " + d.guildId());
        }
        for (FeedConfig f : c.feeds()) {
            if (f.url() == null || f.url().isBlank()) {
                throw new ConfigException("every entry under feeds: needs a url");
            }
            String lower = f.url().toLowerCase(java.util.Locale.ROOT);
            if (OTHER_SCHEME.matcher(f.url()).lookingAt() && !lower.startsWith("http://")
                    && !lower.startsWith("https://")) {
                throw new ConfigException("feed " + f.url() + ": only http(s) URLs and local file paths are read");
            }
            if (f.interval() != null && f.interval().compareTo(Duration.ofSeconds(10)) < 0) {
                throw new ConfigException("feed " + f.url() + ": interval must be at least 10s");
            }
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

    /** What each section holding a token must be; its values are never quoted in an error. */
    private static final Map<String, String> SECRET_SECTIONS = Map.of(
            "telegram", "a mapping with token and api-url",
            "discord", "a mapping with token, api-url, gateway-url and guild-id");

    /** @return "telegram" or "discord" when the error is at or under that section, else {@code null} */
    private static String secretSection(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return null;
        }
        String top = e.getPath().get(0).getFieldName();
        return top != null && SECRET_SECTIONS.containsKey(top) ? top : null;
    }

    private static String in(Path file) {
        return file == null ? "" : " in " + file;
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

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
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
            return Durations.parse(p.getValueAsString());
        }
    }
}
