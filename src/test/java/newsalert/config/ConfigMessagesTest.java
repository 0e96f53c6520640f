package newsalert.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The config mistakes a newcomer makes (issue 16), each with the one plain line it gets, and relative paths. */
class ConfigMessagesTest {
    @TempDir
    Path dir;

    @Test
    void feedsWrittenAsPlainStringsSayHowAFeedIsWritten() throws IOException {
        Path f = write("poll:\n  interval: 5m\nfeeds:\n  - https://example.org/rss.xml\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + f + ", line 4: feeds[0]: each feed needs url:; write - url:"
                        + " https://example.org/rss.xml (name: and interval: may follow on their own lines, indented"
                        + " like url:)");
        Path g = write("feeds:\n  url: https://example.org/rss.xml\n");
        assertThatThrownBy(() -> ConfigLoader.load(g, Map.of()))
                .hasMessage("config file " + g + ", line 1: feeds must be a list with one item per feed; write"
                        + " - url: https://… on the line below feeds:, indented");
    }

    @Test
    void aNegativeDurationIsCalledNegativeWithItsLine() throws IOException {
        Path f = write("poll:\n  interval: 5m\n  max-age: -5m\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .hasMessage("config file " + f + ", line 3: bad value at poll.max-age: '-5m' is a negative duration;"
                        + " write a length of time without the minus, e.g. 5m");
    }

    @Test
    void aTooShortIntervalIsQuotedAsWrittenWithFileAndLine() throws IOException {
        Path f = write("# my feeds\npoll:\n  interval: 2s\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .hasMessage("config file " + f + ", line 3: poll.interval must be at least 10s, got 2s");
        Path g = write("feeds:\n  - url: https://example.org/a.xml\n  - url: https://example.org/b.xml\n"
                + "    interval: 500ms\n");
        assertThatThrownBy(() -> ConfigLoader.load(g, Map.of()))
                .hasMessage("config file " + g + ", line 4: feed https://example.org/b.xml: interval must be at"
                        + " least 10s, got 500ms");
        Path h = write("poll:\n  interval: 5m\n  min-interval: 1s\n");
        assertThatThrownBy(() -> ConfigLoader.load(h, Map.of()))
                .hasMessage("config file " + h + ", line 3: poll.min-interval must be at least 10s, got 1s");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "poll:\\n  interval: 5m\\n feeds: []                 | 3 | the indentation is off: keys of one section start in the same column, keys under a section are indented further than it (with spaces), and list items start with '- '",
        "poll:\\n  interval: 5m\\n    max-age: 1h            | 3 | a colon where YAML expects none: check this line's indentation against the line above, that the key above ends with ':', and put a value containing ': ' in quotes",
        "feeds: []\\npoll:\\n  interval 5m\\n  max-age: 2h   | 3 | a key is missing its colon; write key: value",
        "poll:\\n  # how often\\n  interval 5m\\n\\n  max-age: 2h | 3 | a key is missing its colon; write key: value",
        "telegram:\\n  token 123:abc\\n  chat: x         | 2 | a key is missing its colon; write key: value",
        "poll:\\n\\tinterval: 5m                             | 2 | a tab is used for indentation; indent with spaces only",
        "feeds:\\n  - url: \\\"https://example.org/rss.xml\\n | 2 | a quotation mark is not closed",
    })
    void yamlSyntaxErrorsGiveTheLineAndAHint(String yaml, int line, String hint) throws IOException {
        Path f = write(yaml.replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"") + "\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .hasMessage("config file " + f + ", line " + line + ": not valid YAML: " + hint)
                .hasMessageNotContaining("while parsing");
    }

    @Test
    void aSectionWrittenWithoutTheSpaceAfterItsColonSaysWhatItExpects() throws IOException {
        Path f = write("poll:\n  interval: 5m\nanalysis: alert-severity:50\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .hasMessage("config file " + f + ", line 3: bad value at analysis: expected a section of keys"
                        + " (key: value lines below it, indented), got 'alert-severity:50'; put a space after each"
                        + " ':'")
                .hasMessageNotContaining("newsalert.config");
        Path h = write("poll:\n  interval 5m\n");
        assertThatThrownBy(() -> ConfigLoader.load(h, Map.of()))
                .hasMessage("config file " + h + ", line 2: bad value at poll: expected a section of keys (key: value"
                        + " lines below it, indented), got 'interval 5m'; is a ':' missing after a key?");
        Path g = write("analysis:\n  alert-severity: high\n");
        assertThatThrownBy(() -> ConfigLoader.load(g, Map.of()))
                .hasMessage("config file " + g + ", line 2: bad value at analysis.alert-severity: expected a whole"
                        + " number, got 'high'");
    }

    @Test
    void aBadStoreUrlFromTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("NEWSALERT_STORE_URL", "data/x.db")))
                .hasMessage("environment variable NEWSALERT_STORE_URL: store.url must be a JDBC URL such as"
                        + " jdbc:sqlite:data/newsalert.db");
    }

    @Test
    void relativePathsAreReadFromTheConfigFilesFolder() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path f = elsewhere.resolve("local.yml");
        Files.writeString(f, """
                store:
                  url: "jdbc:sqlite:state/news.db?journal_mode=WAL"
                analysis:
                  lexicon: my-lexicon.yml
                feeds:
                  - url: wire.xml
                  - url: ../other/feed.xml
                  - url: /srv/feeds/abs.xml
                  - url: https://example.org/rss.xml
                """);
        NewsalertConfig c = ConfigLoader.load(f, Map.of());
        assertThat(c.feeds()).extracting(FeedConfig::url).containsExactly(
                elsewhere.resolve("wire.xml").toString(), dir.resolve("other/feed.xml").toString(),
                "/srv/feeds/abs.xml", "https://example.org/rss.xml");
        assertThat(c.store().url()).isEqualTo("jdbc:sqlite:" + elsewhere.resolve("state/news.db")
                + "?journal_mode=WAL");
        assertThat(c.analysis().lexicon()).isEqualTo(elsewhere.resolve("my-lexicon.yml").toString());
        // the environment's store URL and the defaults stay relative to the working directory
        assertThat(ConfigLoader.load(f, Map.of("NEWSALERT_STORE_URL", "jdbc:sqlite:env.db")).store().url())
                .isEqualTo("jdbc:sqlite:env.db");
        Files.writeString(f, "poll:\n  interval: 5m\n");
        assertThat(ConfigLoader.load(f, Map.of()).store().url()).isEqualTo("jdbc:sqlite:data/newsalert.db");
    }

    @Test
    void inMemoryAndUriSqliteUrlsAndAFileInTheWorkingDirectoryStayAsWritten() {
        Path folder = dir.resolve("conf");
        assertThat(ConfigPaths.sqlite(folder, "jdbc:sqlite::memory:")).isEqualTo("jdbc:sqlite::memory:");
        assertThat(ConfigPaths.sqlite(folder, "jdbc:sqlite:file:x.db?mode=ro")).isEqualTo("jdbc:sqlite:file:x.db?mode=ro");
        assertThat(ConfigPaths.sqlite(folder, "jdbc:postgresql://db/news")).isEqualTo("jdbc:postgresql://db/news");
        assertThat(ConfigPaths.sqlite(null, "jdbc:sqlite:x.db")).isEqualTo("jdbc:sqlite:x.db");
        assertThat(ConfigPaths.sqlite(folder, "jdbc:sqlite:x.db")).isEqualTo("jdbc:sqlite:" + folder.resolve("x.db"));
        assertThat(ConfigPaths.feed(folder, "HTTPS://example.org/a")).isEqualTo("HTTPS://example.org/a");
    }

    @Test
    void aStoreAnOlderVersionKeptInTheWorkingDirectoryIsStillUsedWithAWarning() throws IOException {
        // surefire runs in the project folder: target/ is the working directory's scratch space
        Path legacy = Path.of("target", "config-paths-test", "news.db");
        Files.createDirectories(legacy.getParent());
        Files.writeString(legacy, "");
        try (newsalert.testing.LogCapture log = newsalert.testing.LogCapture.of(ConfigPaths.class)) {
            assertThat(ConfigPaths.sqlite(dir, "jdbc:sqlite:" + legacy)).isEqualTo("jdbc:sqlite:" + legacy);
            assertThat(log.lines()).containsExactly("WARN store.url: using " + legacy + " in the working directory,"
                    + " where earlier versions kept it; relative paths in a config file are now read from its"
                    + " folder, so move the file to " + dir.resolve(legacy) + " or write an absolute path");
        } finally {
            Files.delete(legacy);
        }
        // once the file is where the config's folder says, that one is used
        assertThat(ConfigPaths.sqlite(dir, "jdbc:sqlite:" + legacy)).isEqualTo("jdbc:sqlite:" + dir.resolve(legacy));
    }

    @Test
    void theShippedConfigKeepsItsStoreInTheWorkingDirectorysDataFolder() {
        // README's "keeps its state in data/newsalert.db", and /app/data in the Docker image
        assertThat(ConfigLoader.load(Path.of("config", "newsalert.yml"), Map.of()).store().url())
                .isEqualTo("jdbc:sqlite:data/newsalert.db");
    }

    @Test
    void durationsInAFeedUseTheConfigFilesWords() throws IOException {
        Path f = write("feeds:\n  - url: https://example.org/a.xml\n    interval: 90s\n");
        assertThat(ConfigLoader.load(f, Map.of()).feeds().get(0).interval()).isEqualTo(Duration.ofSeconds(90));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5   | '5' has no unit; write 5s for seconds or 5m for minutes (also h, d, ms)",
        "1 m | '1 m' has a space inside; write it without: 1m",
    })
    void anIntervalWithoutAUnitOrWithASpaceIsRefusedWithTheFix(String written, String why) throws IOException {
        Path f = write("poll:\n  interval: " + written + "\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .hasMessage("config file " + f + ", line 2: bad value at poll.interval: " + why);
        Path g = write("feeds:\n  - url: https://example.org/a.xml\n    interval: " + written + "\n");
        assertThatThrownBy(() -> ConfigLoader.load(g, Map.of()))
                .hasMessage("config file " + g + ", line 3: bad value at feeds[0].interval: " + why);
    }

    @Test
    void aBareNumberOfTenOrMoreIsReadAsSecondsWithAWarningNamingTheUnit() throws IOException {
        Path f = write("poll:\n  interval: 600\n");
        try (newsalert.testing.LogCapture log = newsalert.testing.LogCapture.of(ConfigLoader.class)) {
            assertThat(ConfigLoader.load(f, Map.of()).poll().interval()).isEqualTo(Duration.ofSeconds(600));
            assertThat(log.lines()).singleElement().asString()
                    .isEqualTo("WARN config poll.interval: '600' has no unit and is read as 600 seconds; write 600s to say so"
                            + " (or m, h, d)");
        }
    }

    @Test
    void aDottedKeyAtTheTopGetsTheNestedWayToWriteIt() throws IOException {
        Path f = write("poll:\n  interval: 5m\ntelegram.token: 123:abc\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .hasMessageStartingWith("config file " + f + ", line 3: unknown key 'telegram.token' at the top level;"
                        + " write it nested, one level per dot: telegram: on its own line, then token: … indented 2"
                        + " spaces (known keys there: ")
                .hasMessageNotContaining("123:abc");
        assertThat(ConfigLoader.nestHint("poll.interval")).isEqualTo("; write it nested, one level per dot: poll:"
                + " on its own line, then interval: … indented 2 spaces");
        assertThat(ConfigLoader.nestHint("token")).isEmpty();
    }

    @Test
    void aMistypedKeyGetsTheClosestKnownOneAndTheKnownKeysSorted() throws IOException {
        Path f = write("poll:\n  max_age: 12h\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .hasMessage("config file " + f + ", line 2: unknown key 'max_age' at poll; did you mean 'max-age'?"
                        + " (known keys there: [interval, max-age, max-backoff, min-interval])");
        Path url = write("feeds:\n  - URL: https://example.org/a.xml\n");
        assertThatThrownBy(() -> ConfigLoader.load(url, Map.of())).hasMessageContaining("did you mean 'url'?");
        assertThat(ConfigLoader.closestKey("intervall", java.util.List.of("max-age", "interval"))).isEqualTo(
                "; did you mean 'interval'?");
        assertThat(ConfigLoader.closestKey("colour", java.util.List.of("max-age", "interval")))
                .as("nothing close").isEmpty();
        assertThat(ConfigLoader.closestKey("ab", java.util.List.of("ac"))).as("too short to guess").isEmpty();
    }

    @Test
    void aDatabaseOtherThanSqliteOrPostgresqlIsNamedNotPassedToThePool() throws IOException {
        Path f = write("store:\n  url: jdbc:mysql://localhost/x?password=hunter2\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .hasMessage("config file " + f + ", line 2: store.url: jdbc:mysql: is not a database newsalert can"
                        + " use; it stores in SQLite (jdbc:sqlite:data/newsalert.db, the default) or PostgreSQL"
                        + " (jdbc:postgresql://host:5432/newsalert)");
    }

    @Test
    void twoFeedsWithOneUrlAreNamedInAWarning() throws IOException {
        Path f = write("feeds:\n  - url: https://example.org/a.xml\n    name: World\n"
                + "  - url: https://example.org/b.xml\n"
                + "  - url: https://example.org/a.xml\n    name: World again\n");
        NewsalertConfig c;
        try (var log = newsalert.testing.LogCapture.of(ConfigLoader.class)) {
            c = ConfigLoader.load(f, Map.of());
            assertThat(log.lines()).containsExactly("WARN config file " + f + ", line 5: feeds[2] 'World again'"
                    + " (https://example.org/a.xml) repeats the url of feeds[0] 'World' (https://example.org/a.xml)"
                    + " (line 2); it is polled once, with feeds[0]'s name and interval; remove one of the two");
        }
        assertThat(c.feeds()).hasSize(3);
    }

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("c.yml");
        Files.writeString(f, yaml);
        return f;
    }
}
