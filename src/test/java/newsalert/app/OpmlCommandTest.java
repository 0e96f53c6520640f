package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import newsalert.config.ConfigLoader;
import newsalert.config.FeedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmlCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportThenImportGivesAFeedsBlockWithTheSameFeeds() throws Exception {
        Path config = dir.resolve("a.yml");
        Files.writeString(config, """
                feeds:
                  - url: https://harbour.example.net/rss.xml
                    name: "Harbour Wire: World & Sea"
                  - url: https://valley.example.org/feed
                  - url: feeds/local.xml
                """);
        Result export = run("opml", "export", "--config", config.toString());
        assertThat(export.code).isZero();
        assertThat(export.out).contains("<outline type=\"rss\" text=\"Harbour Wire: World &amp; Sea\" "
                + "title=\"Harbour Wire: World &amp; Sea\" xmlUrl=\"https://harbour.example.net/rss.xml\" />");
        assertThat(export.err).as("a relative feed path is read from the config file's folder (issue 16)")
                .isEqualTo("skipped " + dir.resolve("feeds/local.xml")
                        + ": a local file is not a feed other readers can use\n");

        Path opml = dir.resolve("out.opml");
        Files.writeString(opml, export.out);
        Path empty = dir.resolve("empty.yml");
        Files.writeString(empty, "poll:\n  interval: 5m\n");
        Result imported = run("opml", "import", opml.toString(), "--config", empty.toString());

        assertThat(imported.code).isZero();
        assertThat(imported.out).isEqualTo("""
                feeds:
                  - url: https://harbour.example.net/rss.xml
                    name: "Harbour Wire: World & Sea"
                  - url: https://valley.example.org/feed
                    name: https://valley.example.org/feed
                """);
        Path back = dir.resolve("back.yml");
        Files.writeString(back, imported.out);
        assertThat(ConfigLoader.load(back, Map.of()).feeds()).extracting(FeedConfig::url)
                .containsExactly("https://harbour.example.net/rss.xml", "https://valley.example.org/feed");
    }

    /**
     * tester17d's lows: the CLI import passed a name@host address a chat refuses, and the export wrote addresses the
     * import then refused. Both now use the chats' address rules: the round trip gives the same feeds, and the
     * hostile address is named on stderr by each side.
     */
    @Test
    void exportAndImportRefuseTheSameAddressesAsAChatAndRoundTripTheRest() throws Exception {
        Path config = dir.resolve("a.yml");
        Files.writeString(config, """
                feeds:
                  - url: https://news.example.org@other.example.net/feed.xml
                  - url: https://valley.example.org/feed
                """);
        String atSign = "Addresses with a name before an @ (name@host) are not accepted: they hide which site the feed"
                + " is on. Give the address without it.";
        Result export = run("opml", "export", "--config", config.toString());

        assertThat(export.code).isZero();
        assertThat(export.out).contains("xmlUrl=\"https://valley.example.org/feed\"").doesNotContain("other.example");
        assertThat(export.err).isEqualTo("skipped https://news.example.org@other.example.net/feed.xml: " + atSign + "\n");

        Path opml = dir.resolve("out.opml");
        Files.writeString(opml, export.out.replace("</body>", "<outline text=\"x\""
                + " xmlUrl=\"https://news.example.org@other.example.net/feed.xml\" /></body>"));
        Path empty = dir.resolve("empty.yml");
        Files.writeString(empty, "poll:\n  interval: 5m\n");
        Result imported = run("opml", "import", opml.toString(), "--config", empty.toString());

        assertThat(imported.code).isZero();
        assertThat(imported.err).isEqualTo("skipped https://news.example.org@other.example.net/feed.xml: " + atSign
                + "\n1 feed(s) from " + opml + "\n");
        Path back = dir.resolve("back.yml");
        Files.writeString(back, imported.out);
        assertThat(ConfigLoader.load(back, Map.of()).feeds()).extracting(FeedConfig::url)
                .containsExactly("https://valley.example.org/feed");
    }

    /** tester17c: "https://b.example.org/\u0001x" was exported as https://b.example.org/x, another feed. */
    @Test
    void anAddressWithAControlCharacterIsLeftOutAndSaidNotChanged() throws Exception {
        Path config = dir.resolve("a.yml");
        Files.writeString(config, """
                feeds:
                  - url: "https://b.example.org/\\u0001x"
                  - url: https://valley.example.org/feed
                """);
        Result export = run("opml", "export", "--config", config.toString());

        assertThat(export.code).isZero();
        assertThat(export.out).contains("xmlUrl=\"https://valley.example.org/feed\"").doesNotContain("b.example.org")
                .doesNotContain("\r");
        assertThat(export.err).isEqualTo("skipped https://b.example.org/\\u0001x: its address has a control character,"
                + " so no feed reader could use it\n");
    }

    /** A configured feed's own interval travels as newsalert:interval and comes back as its interval key. */
    @Test
    void aFeedsIntervalGoesOutAsNewsalertIntervalAndComesBackInTheFeedsBlock() throws Exception {
        Path config = dir.resolve("a.yml");
        Files.writeString(config, """
                feeds:
                  - url: https://harbour.example.net/rss.xml
                    interval: 90m
                  - url: https://valley.example.org/feed
                """);
        Result export = run("opml", "export", "--config", config.toString());
        assertThat(export.out).contains("xmlns:newsalert=\"https://newsalert.invalid/opml/1\"",
                "xmlUrl=\"https://harbour.example.net/rss.xml\" newsalert:interval=\"1h30m\" />",
                "xmlUrl=\"https://valley.example.org/feed\" />");

        Path opml = dir.resolve("out.opml");
        Files.writeString(opml, export.out.replace("xmlUrl=\"https://valley.example.org/feed\"",
                "xmlUrl=\"https://valley.example.org/feed\" newsalert:interval=\"soon\" foo=\"bar\""));
        Path empty = dir.resolve("empty.yml");
        Files.writeString(empty, "poll:\n  interval: 5m\n");
        Result imported = run("opml", "import", opml.toString(), "--config", empty.toString());

        assertThat(imported.out).isEqualTo("""
                feeds:
                  - url: https://harbour.example.net/rss.xml
                    name: https://harbour.example.net/rss.xml
                    interval: 1h30m
                  - url: https://valley.example.org/feed
                    name: https://valley.example.org/feed
                """);
        assertThat(imported.err).startsWith("interval of https://valley.example.org/feed left out: 'soon' is not a"
                + " duration such as 30m or 2h\n");
        Path back = dir.resolve("back.yml");
        Files.writeString(back, imported.out);
        assertThat(ConfigLoader.load(back, Map.of()).feeds()).extracting(FeedConfig::interval)
                .containsExactly(java.time.Duration.ofMinutes(90), null);
    }

    /** issue 17 (tester's item 2): an interval the config loader refuses (1ms) is left out, said on stderr */
    @Test
    void anIntervalTheConfigLoaderRefusesIsLeftOutAndTheBlockLoads() throws Exception {
        Path opml = dir.resolve("short.opml");
        Files.writeString(opml, "<opml version=\"2.0\" xmlns:newsalert=\"https://newsalert.invalid/opml/1\"><body>"
                + "<outline text=\"A\" xmlUrl=\"https://a.example.org/rss\" newsalert:interval=\"1ms\"/>"
                + "<outline text=\"B\" xmlUrl=\"https://b.example.org/rss\" newsalert:interval=\"10s\"/>"
                + "</body></opml>");
        Path empty = dir.resolve("empty.yml");
        Files.writeString(empty, "poll:\n  interval: 5m\n");

        Result imported = run("opml", "import", opml.toString(), "--config", empty.toString());

        assertThat(imported.out).doesNotContain("1ms").contains("interval: 10s");
        assertThat(imported.err).startsWith("interval of https://a.example.org/rss left out: '1ms' is below 10s,"
                + " the shortest a feed's interval may be; the feed is polled every poll.interval\n");
        Path back = dir.resolve("back.yml");
        Files.writeString(back, imported.out);
        assertThat(ConfigLoader.load(back, Map.of()).feeds()).extracting(FeedConfig::interval)
                .containsExactly(null, java.time.Duration.ofSeconds(10));
    }

    @Test
    void importLeavesOutConfiguredFeedsAndNonHttpAddressesAndSaysSo() throws Exception {
        Path config = dir.resolve("a.yml");
        Files.writeString(config, "feeds:\n  - url: https://harbour.example.net/rss.xml\n");
        Path opml = dir.resolve("in.opml");
        Files.write(opml, OpmlFixture.bytes("nested.opml"));

        Result r = run("opml", "import", opml.toString(), "--config", config.toString());

        assertThat(r.code).isZero();
        assertThat(r.out).isEqualTo("""
                feeds:
                  - url: https://valley.example.org/feed
                    name: Valley Courier
                  - url: https://ridge.example.net/feed.json
                    name: Ridge Observer (JSON)
                """);
        assertThat(r.err).isEqualTo("""
                skipped https://harbour.example.net/rss.xml: already configured or listed twice
                skipped file:///etc/passwd: not an http(s) address with a host
                2 feed(s) from %s
                """.formatted(opml));
    }

    /** tester17f: a 900,000-character title was copied into the feeds block whole. */
    @Test
    void aVeryLongTitleIsCutTo200CharactersAndSaidSo() throws Exception {
        Path config = dir.resolve("a.yml");
        Files.writeString(config, "feeds: []\n");
        Path opml = dir.resolve("long.opml");
        Files.writeString(opml, "<opml version=\"2.0\"><body><outline type=\"rss\" xmlUrl=\"https://long.example.org/rss\""
                + " text=\"" + "Wire ".repeat(20_000) + "\"/></body></opml>");

        Result r = run("opml", "import", opml.toString(), "--config", config.toString());

        assertThat(r.code).isZero();
        String name = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(r.out).get("feeds").get(0)
                .get("name").asText();
        assertThat(name).hasSize(200).startsWith("Wire Wire").endsWith("…");
        assertThat(r.err).startsWith("name of https://long.example.org/rss cut to 200 characters\n");
    }

    /** tester17b/17c: unpollable addresses were printed, spellings of one feed kept twice, bidi text echoed raw. */
    @Test
    void importPrintsOnlyPollableAddressesOnceAndShowsHostileTextEscaped() throws Exception {
        Path config = dir.resolve("a.yml");
        Files.writeString(config, "feeds:\n  - url: https://harbour.example.net/rss.xml\n");
        Path opml = dir.resolve("in.opml");
        Files.writeString(opml, """
                <opml version="2.0" xmlns:newsalert="https://newsalert.example/opml"><head/><body>
                <outline text="a" xmlUrl="http://"/>
                <outline text="b" xmlUrl="http://[zz]/x"/>
                <outline text="c" xmlUrl="HTTPS://Harbour.Example.NET:443/rss.xml#top"/>
                <outline text="d" xmlUrl="https://valley.example.org/feed"/>
                <outline text="e" xmlUrl="https://valley.example.org:443/feed?"/>
                <outline text="f" xmlUrl="https://ridge.example.net/\u202Egnp.exe"/>
                <outline text="g" xmlUrl="https://ridge.example.net/g" newsalert:interval="5m&#10;x"/>
                </body></opml>""");

        Result r = run("opml", "import", opml.toString(), "--config", config.toString());

        assertThat(r.code).isZero();
        assertThat(r.out).isEqualTo("""
                feeds:
                  - url: https://valley.example.org/feed
                    name: d
                  - url: https://ridge.example.net/g
                    name: g
                """);
        assertThat(r.err).isEqualTo("""
                skipped http://: not an http(s) address with a host
                skipped http://[zz]/x: not an http(s) address with a host
                skipped HTTPS://Harbour.Example.NET:443/rss.xml#top: already configured or listed twice
                skipped https://valley.example.org:443/feed?: already configured or listed twice
                skipped https://ridge.example.net/\\u202egnp.exe: the address has control or text-direction characters
                interval of https://ridge.example.net/g left out: '5m\\u000ax' is not a duration such as 30m or 2h
                5 feed(s) from %s
                """.replace("5 feed", "2 feed").formatted(opml));
    }

    @Test
    void hostileFileIsRefusedWithTheReasonAndExitOne() throws Exception {
        Path opml = dir.resolve("xxe.opml");
        Files.write(opml, OpmlFixture.bytes("xxe.opml"));
        Path empty = dir.resolve("empty.yml");
        Files.writeString(empty, "poll:\n  interval: 5m\n");

        Result r = run("opml", "import", opml.toString(), "--config", empty.toString());

        assertThat(r.code).isEqualTo(1);
        assertThat(r.out).isEmpty();
        assertThat(r.err).isEqualTo("error: " + opml + ": not an OPML file: it declares a DOCTYPE, which OPML never"
                + " needs (refused: it is how external entities and entity bombs get in)\n");
        assertThat(run("opml", "import", dir.resolve("nope.opml").toString(), "--config", empty.toString()).err)
                .isEqualTo("error: " + dir.resolve("nope.opml") + ": no such file\n");
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
    }

    /**
     * tester17e: number-like titles were written unquoted, so the config read {@code .inf} as infinity (and refused
     * it) and {@code 0x10} as 16. Every title reads back as the text it was.
     */
    @Test
    void numberLikeTitlesReadBackAsTheSameText() throws Exception {
        String[] titles = {".inf", "0x10", "0b11", "1e3", "3.10", "1_000", "+12", "-.5", "true", "null", "~", "0o17",
            "12:30", "NaN", ".NaN"};
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < titles.length; i++) {
            body.append("<outline type=\"rss\" text=\"").append(titles[i]).append("\" xmlUrl=\"https://t")
                    .append(i).append(".example.org/feed\"/>");
        }
        Path opml = dir.resolve("titles.opml");
        Files.writeString(opml, "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>" + body
                + "</body></opml>");
        Path empty = dir.resolve("empty.yml");
        Files.writeString(empty, "poll:\n  interval: 5m\n");
        Result imported = run("opml", "import", opml.toString(), "--config", empty.toString());
        assertThat(imported.code).isZero();

        Path back = dir.resolve("back.yml");
        Files.writeString(back, imported.out);
        assertThat(ConfigLoader.load(back, Map.of()).feeds()).extracting(FeedConfig::name).containsExactly(titles);
    }
}
