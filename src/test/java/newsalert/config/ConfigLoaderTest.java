package newsalert.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsWithoutFile() {
        NewsalertConfig c = ConfigLoader.load(null, Map.of());
        assertThat(c.poll().interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.poll().maxAge()).isEqualTo(Duration.ofHours(24));
        assertThat(c.poll().minInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.store().url()).isEqualTo("jdbc:sqlite:data/newsalert.db");
        assertThat(c.fetch().maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(c.fetch().maxRedirects()).isEqualTo(5);
        assertThat(c.analysis().alertSeverity()).isEqualTo(40);
        assertThat(c.feeds()).isEmpty();
    }

    @Test
    void fileOverridesOnlyTheKeysItNames() throws IOException {
        Path f = write("""
                poll:
                  interval: 2m
                feeds:
                  - url: http://127.0.0.1:8080/feed.xml
                    name: Local
                    interval: 30s
                  - url: feeds/world.xml
                """);
        NewsalertConfig c = ConfigLoader.load(f, Map.of());
        assertThat(c.poll().interval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.poll().maxBackoff()).isEqualTo(Duration.ofHours(1));
        assertThat(c.feeds()).containsExactly(
                new FeedConfig("http://127.0.0.1:8080/feed.xml", "Local", Duration.ofSeconds(30)),
                // a relative file path is read from the config file's folder, not the working directory
                new FeedConfig(dir.resolve("feeds/world.xml").toString(), null, null));
    }

    @Test
    void pollMinIntervalIsReadFromTheFile() throws IOException {
        Path f = write("poll:\n  min-interval: 15m\n");
        NewsalertConfig c = ConfigLoader.load(f, Map.of());
        assertThat(c.poll().minInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.poll().interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void fetchConcurrencyIsEightByDefaultAndMustBeOneToSixtyFour() throws IOException {
        assertThat(ConfigLoader.load(null, Map.of()).fetch().concurrency()).isEqualTo(8);
        assertThat(ConfigLoader.load(write("fetch:\n  concurrency: 32\n"), Map.of()).fetch().concurrency())
                .isEqualTo(32);
        Path zero = write("fetch:\n  concurrency: 0\n");
        assertThatThrownBy(() -> ConfigLoader.load(zero, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessage("config file " + zero + ", line 2: fetch.concurrency"
                        + " must be 1 to 64 (feeds fetched at the same time), got 0");
        Path many = write("fetch:\n  concurrency: 500\n");
        assertThatThrownBy(() -> ConfigLoader.load(many, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageEndingWith("got 500");
    }

    @Test
    void environmentOverridesStoreUrl() {
        NewsalertConfig c = ConfigLoader.load(null, Map.of("NEWSALERT_STORE_URL", "jdbc:sqlite:/tmp/x.db"));
        assertThat(c.store().url()).isEqualTo("jdbc:sqlite:/tmp/x.db");
    }

    @Test
    void telegramIsOffByDefaultAndTheEnvironmentTokenWinsOverTheFile() throws IOException {
        NewsalertConfig defaults = ConfigLoader.load(null, Map.of());
        assertThat(defaults.telegram().enabled()).isFalse();
        assertThat(defaults.telegram().apiUrl()).isEqualTo("https://api.telegram.org");
        assertThat(defaults.chatFeeds().allowPrivateAddresses()).isFalse();

        Path f = write("""
                telegram:
                  token: "111:from-file"
                  api-url: http://127.0.0.1:8081
                chat-feeds:
                  allow-private-addresses: true
                """);
        NewsalertConfig c = ConfigLoader.load(f, Map.of("TELEGRAM_BOT_TOKEN", "222:from-env\n"));
        assertThat(c.telegram().token()).isEqualTo("222:from-env");
        assertThat(c.telegram().apiUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(c.chatFeeds().allowPrivateAddresses()).isTrue();
        // the token is a secret: it never appears when the config is printed or logged
        assertThat(c.toString()).doesNotContain("222").contains("token=(set)");
    }

    @Test
    void discordIsOffByDefaultTheEnvironmentTokenWinsAndBadValuesAreNamed() throws IOException {
        NewsalertConfig defaults = ConfigLoader.load(null, Map.of());
        assertThat(defaults.discord().enabled()).isFalse();
        assertThat(defaults.discord().apiUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(defaults.discord().gatewayUrl()).isNull();
        assertThat(defaults.discord().guildId()).isNull();

        Path f = write("""
                discord:
                  token: "from-file"
                  guild-id: "810000000000000001"
                """);
        NewsalertConfig c = ConfigLoader.load(f, Map.of("DISCORD_TOKEN", "from-env"));
        assertThat(c.discord().token()).isEqualTo("from-env");
        assertThat(c.discord().guildId()).isEqualTo("810000000000000001");
        assertThat(c.toString()).doesNotContain("from-env");

        Path bad = write("discord:\n  guild-id: my-server\n");
        assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + bad + ", line 2: discord.guild-id must be a server id (digits;"
                        + " Developer Mode → Copy Server ID), got my-server");
        Path badGateway = write("discord:\n  gateway-url: https://gateway.discord.gg\n");
        assertThatThrownBy(() -> ConfigLoader.load(badGateway, Map.of()))
                .hasMessage("config file " + badGateway + ", line 2: discord.gateway-url must be a ws(s) URL such"
                        + " as wss://gateway.discord.gg/");
    }

    @Test
    void eventsDefaultToTwoDaysAndOneOutletAndRefuseZeroOutlets() throws IOException {
        NewsalertConfig c = ConfigLoader.load(null, Map.of());
        assertThat(c.events().window()).isEqualTo(Duration.ofHours(48));
        assertThat(c.events().minOutlets()).isEqualTo(1);
        Path f = write("events:\n  min-outlets: 0\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessage("config file " + f + ", line 2: events.min-outlets"
                        + " must be 1 to 10 (distinct outlets that must report an event before it alerts), got 0");
        Path big = write("events:\n  min-outlets: 1000\n");
        assertThatThrownBy(() -> ConfigLoader.load(big, Map.of())).hasMessageEndingWith("got 1000");
        Path wide = write("events:\n  window: 10000d\n");
        assertThatThrownBy(() -> ConfigLoader.load(wide, Map.of()))
                .hasMessage("config file " + wide + ", line 2: events.window must be between 1h and 14d, got 10000d");
    }

    /** tester17e: feeds add's 2-s wait was hard-coded; it is chat-feeds.add-wait, 0s to 10s. */
    @Test
    void feedsAddWaitIsAKeyFromZeroToTenSeconds() throws IOException {
        assertThat(ConfigLoader.load(null, Map.of()).chatFeeds().addWait()).isEqualTo(java.time.Duration.ofSeconds(2));
        Path f = write("chat-feeds:\n  add-wait: 500ms\n");
        assertThat(ConfigLoader.load(f, Map.of()).chatFeeds().addWait()).isEqualTo(java.time.Duration.ofMillis(500));
        Path zero = write("chat-feeds:\n  add-wait: 0s\n");
        assertThat(ConfigLoader.load(zero, Map.of()).chatFeeds().addWait()).isZero();
        Path big = write("chat-feeds:\n  add-wait: 1m\n");
        assertThatThrownBy(() -> ConfigLoader.load(big, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("config file " + big + ", line 2: chat-feeds.add-wait must be 0s to 10s (how long feeds"
                        + " add waits for its check before answering \"Checking…\" and sending the answer later), got 1m");
    }

    /** tester17f: --config /dev/null said "not found". */
    @Test
    void aConfigPathThatIsNoRegularFileSaysWhatItIs() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(Path.of("/dev/null")));
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("/dev/null"), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("config file /dev/null is not a regular file (give a YAML file with --config FILE, or"
                        + " leave --config out to run on the defaults)");
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("config file " + dir + " is a folder, not a file (give the YAML file with --config"
                        + " FILE)");
    }

    /** tester17f: a duration written as a list was "empty duration". */
    @Test
    void aDurationWrittenAsAListOrMapSaysSo() throws IOException {
        Path list = write("chat-feeds:\n  add-wait: [2s]\n");
        assertThatThrownBy(() -> ConfigLoader.load(list, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("chat-feeds.add-wait")
                .hasMessageContaining("a duration is one value like 2s or 30m, not a list (no brackets or braces)")
                .hasMessageNotContaining("empty duration");
        Path map = write("poll:\n  interval: {m: 5}\n");
        assertThatThrownBy(() -> ConfigLoader.load(map, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("poll.interval").hasMessageContaining("not a map");
    }

    @Test
    void chatFeedsAreCappedAtTenAlertsAnHourByDefaultAndTheCapMustBePositive() throws IOException {
        assertThat(ConfigLoader.load(null, Map.of()).chatFeeds().maxAlertsPerHour()).isEqualTo(10);
        Path f = write("chat-feeds:\n  allow-private-addresses: true\n  max-alerts-per-hour: 25\n");
        assertThat(ConfigLoader.load(f, Map.of()).chatFeeds().maxAlertsPerHour()).isEqualTo(25);
        Path zero = write("chat-feeds:\n  max-alerts-per-hour: 0\n");
        assertThatThrownBy(() -> ConfigLoader.load(zero, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("config file " + zero + ", line 2: chat-feeds.max-alerts-per-hour must be 1 to 1000"
                        + " (alerts and toll updates one chat-added feed may send a chat per hour before the rest wait"
                        + " for a digest), got 0");
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorThatDoesNotQuoteTheValue() throws IOException {
        Path f = write("telegram:\n  token: \"111:first-SECRET\"\n  token: \"222:second-SECRET\"\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + f + ", line 3: the key 'token' appears twice in one section; keep one")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void aTelegramApiUrlThatIsNotHttpIsRefused() throws IOException {
        Path f = write("telegram:\n  api-url: api.telegram.org\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + f + ", line 2: telegram.api-url must be an http(s) URL such as"
                        + " https://api.telegram.org");
    }

    @Test
    void unknownKeyIsReportedWithItsNameAndPlaceInPlainWords() throws IOException {
        Path f = write("pol:\n  interval: 5m\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file " + f + ", line 1: unknown key 'pol' at the top level; did you"
                        + " mean 'poll'? (known keys there: [analysis, chat-feeds, discord, events, feeds, fetch, ")
                .hasMessageNotContaining("newsalert.config");
        Path g = write("poll:\n  intervall: 5m\n");
        assertThatThrownBy(() -> ConfigLoader.load(g, Map.of()))
                .hasMessageStartingWith("config file " + g + ", line 2: unknown key 'intervall' at poll; did you mean"
                        + " 'interval'? (");
    }

    @Test
    void badDurationIsReportedWithItsKey() throws IOException {
        Path f = write("poll:\n  interval: often\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + f + ", line 2: bad value at poll.interval: 'often' is not a duration;"
                        + " write e.g. 30s, 5m, 2h, 1d or ISO-8601 PT5M");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "telegram: '4242:SECRET'                   | telegram       | a mapping with token and api-url",
        "telegram:\\n  - '4242:SECRET'             | telegram       | a mapping with token and api-url",
        "telegram:\\n  token: ['4242:SECRET']      | telegram.token | a plain text value",
        "discord: 'MTIz.SECRET.x'                  | discord        | a mapping with token, api-url, gateway-url, guild-id and shards",
        "discord:\\n  token:\\n    v: 'MTIz.SECRET' | discord.token  | a plain text value",
    })
    void aBadValueUnderTelegramOrDiscordIsNeverQuoted(String yaml, String at, String expected) throws IOException {
        Path f = write(yaml.replace("\\n", "\n") + "\n");
        // an environment token replaces a bad token value, but must not trip over a section that is no mapping
        List<Map<String, String>> envs = at.contains(".") ? List.of(Map.of()) : List.of(Map.of(),
                Map.of("TELEGRAM_BOT_TOKEN", "9:ENV-SECRET", "DISCORD_TOKEN", "ENV-SECRET"));
        for (Map<String, String> env : envs) {
            assertThatThrownBy(() -> ConfigLoader.load(f, env))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("config file " + f + ", line " + (at.contains(".") ? 2 : 1) + ": bad value at " + at
                            + ": expected " + expected)
                    .hasMessageNotContaining("SECRET");
        }
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() throws IOException {
        Path f = write("poll:\n  interval: 5m\nfeeds: [unclosed\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + f + ", line 3: not valid YAML: a '[' or '{' is not closed");
    }

    @Test
    void nonHttpFeedUrlIsRefused() throws IOException {
        Path f = write("feeds:\n  - url: ftp://example.com/feed.xml\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .hasMessage("config file " + f + ", line 2: feed ftp://example.com/feed.xml: only http(s) URLs and"
                        + " local file paths are read");
    }

    @Test
    void missingFileSaysSo() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yml"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not found");
    }

    @Test
    void feedWithoutUrlIsRejected() throws IOException {
        Path f = write("feeds:\n  - name: No URL\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of())).hasMessageContaining("needs a url");
    }

    @Test
    void shippedConfigLoadsAndListsRealFeeds() {
        Path shipped = Path.of("config", "newsalert.yml");
        NewsalertConfig c = ConfigLoader.load(shipped, Map.of());
        assertThat(c.feeds()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(feed -> assertThat(feed.url()).startsWith("https://"));
    }

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("c.yml");
        Files.writeString(f, yaml);
        return f;
    }
}
