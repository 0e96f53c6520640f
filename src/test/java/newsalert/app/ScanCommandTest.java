package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(ScanCommandTest.class.getResource("/app/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void printsOnlyAlertsAsText() {
        Result r = scan(fixture("mixed.xml").toString());
        assertThat(r.code).isZero();
        assertThat(r.out).contains("[ALERT] ATTACK · severity")
                .contains("Drone attack on Odesa port kills three, injures 11\nCasualties: 3 killed, 11 injured\n")
                .contains("“The enemy again targeted civilian infrastructure” — Oleh Kiper (Governor)\n")
                .contains("[ALERT] DIPLOMACY · severity")
                .doesNotContain("Liverpool");
        assertThat(r.err).contains("1 input(s) read, 0 failed; 3 stories, 2 alerts");
    }

    @Test
    void jsonFeedFileIsScannedLikeRss() throws Exception {
        Result r = scan("--json", "--all", fixture("wire.json").toString());

        assertThat(r.code).isZero();
        List<JsonNode> rows = lines(r.out);
        assertThat(rows).extracting(n -> n.get("id").asText()).containsExactly("fxj-port-1", "fxj-chess-2");
        JsonNode port = rows.get(0);
        assertThat(port.get("source").asText()).isEqualTo("Fixture Wire JSON");
        assertThat(port.get("link").asText()).isEqualTo("https://wire.example.test/world/port-shelling");
        assertThat(port.get("published").asText()).isEqualTo("2025-03-05T04:00:00Z");
        assertThat(port.get("topics").toString()).isEqualTo("[\"attack\"]");
        assertThat(port.get("casualties").get("killed").get("min").asInt()).isEqualTo(4);
        assertThat(port.get("alert").asBoolean()).isTrue();
        assertThat(rows.get(1).get("alert").asBoolean()).isFalse();
        assertThat(port.get("author").asText()).as("JSON Feed authors, issue 17 item 3").isEqualTo("Wire desk");
        assertThat(rows.get(1).has("author")).as("only when the feed names one").isFalse();
    }

    @Test
    void aWebPageAddressIsScannedThroughTheFeedItLinksTo() throws Exception {
        try (mockwebserver3.MockWebServer site = new mockwebserver3.MockWebServer()) {
            site.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
            site.enqueue(new mockwebserver3.MockResponse.Builder().addHeader("Content-Type", "text/html").body(
                    "<html><head><link rel=\"alternate\" type=\"application/feed+json\" href=\"/wire.json\"></head>"
                            + "</html>").build());
            site.enqueue(new mockwebserver3.MockResponse.Builder().addHeader("Content-Type", "application/feed+json")
                    .body(Files.readString(fixture("wire.json"))).build());
            site.enqueue(new mockwebserver3.MockResponse.Builder().addHeader("Content-Type", "text/html").body(
                    "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/a.rss\">"
                            + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/b.atom\"></head></html>")
                    .build());
            String base = "http://127.0.0.1:" + site.getPort();

            Result one = scan(base + "/world");
            Result several = scan(base + "/");

            assertThat(one.code).isZero();
            assertThat(one.err).startsWith("note: " + base + "/world is a web page; reading its feed " + base
                    + "/wire.json\n");
            assertThat(one.out).contains("Shelling of river port kills four, injures 9");
            assertThat(several.code).isEqualTo(1);
            assertThat(several.err).startsWith("error: " + base + "/: a web page offering 2 feeds; scan one of them:\n"
                    + "  " + base + "/a.rss\n  " + base + "/b.atom\n");
        }
    }

    @Test
    void explainAddsTheReasonsUnderEachStory() {
        Result r = scan("--explain", fixture("mixed.xml").toString());
        assertThat(r.out).contains("id: fx-odesa-1\n  why: ").contains("\n  why: killed 3\n");
        assertThat(scan(fixture("mixed.xml").toString()).out).doesNotContain("  why: ");
    }

    @Test
    void explainSaysWhyAMatchedTopicDidNotCountUnderANoTopicStory() throws Exception {
        Path feed = Files.writeString(dir.resolve("council.xml"), "<rss version=\"2.0\"><channel><title>Town</title>"
                + "<item><guid>town-1</guid><title>Village council negotiations over parking</title>"
                + "<description>The council continued negotiations with residents about parking near the school on"
                + " Monday evening.</description></item></channel></rss>");
        Result r = scan("--all", "--explain", feed.toString());
        assertThat(r.out).contains("[story] NO TOPIC")
                .contains("\n  why: diplomacy: \"negotiations\" in \"Village council negotiations over parking\"\n"
                        + "  why: diplomacy not counted: score 4.0 is below its threshold 6.0\n");
    }

    @Test
    void allAlsoPrintsNonAlerts() {
        Result r = scan("--all", fixture("mixed.xml").toString());
        assertThat(r.out).contains("[story] NO TOPIC · severity 0\nLiverpool's attack too strong for Brentford");
    }

    @Test
    void jsonGivesOneObjectPerStoryWithThePublicFields() throws Exception {
        Result r = scan("--json", fixture("mixed.xml").toString());
        List<JsonNode> rows = lines(r.out);
        assertThat(rows).hasSize(3);
        JsonNode odesa = rows.get(0);
        assertThat(odesa.get("id").asText()).isEqualTo("fx-odesa-1");
        assertThat(odesa.get("source").asText()).isEqualTo("Fixture Wire");
        assertThat(odesa.get("link").asText()).isEqualTo("https://wire.example.test/world/odesa-drone");
        assertThat(odesa.get("published").asText()).isEqualTo("2025-03-04T06:10:00Z");
        assertThat(odesa.get("topics").toString()).isEqualTo("[\"attack\"]");
        assertThat(withoutEvidence(odesa.get("casualties"))).isEqualTo(
                "{\"killed\":{\"min\":3,\"max\":null,\"qualifier\":\"exact\"},"
                        + "\"injured\":{\"min\":11,\"max\":null,\"qualifier\":\"exact\"}}");
        assertThat(odesa.get("casualties").get("killed").get("evidence").asText()).isEqualTo("Drone attack on Odesa port kills three, injures 11");
        assertThat(odesa.get("quotes").get(0).get("speaker").asText()).isEqualTo("Oleh Kiper");
        assertThat(odesa.get("alert").asBoolean()).isTrue();
        assertThat(odesa.get("severity").asInt()).isBetween(40, 100);
        assertThat(odesa.get("reasons")).isNotEmpty();
        JsonNode geneva = rows.get(1);
        assertThat(geneva.get("topics").toString()).isEqualTo("[\"diplomacy\"]");
        assertThat(geneva.get("casualties").size()).isZero();
        JsonNode sport = rows.get(2);
        assertThat(sport.get("topics").size()).isZero();
        assertThat(sport.get("alert").asBoolean()).isFalse();
        assertThat(sport.get("severity").asInt()).isZero();
    }

    @Test
    void directoryIsReadFileByFileAndBadFilesGetOneLine() throws Exception {
        Files.copy(fixture("mixed.xml"), dir.resolve("a.xml"));
        Files.writeString(dir.resolve("b.xml"), "this is not XML at all");
        Result r = scan("--json", dir.toString());
        assertThat(r.code).isZero();
        assertThat(lines(r.out)).hasSize(3);
        assertThat(r.err.lines().filter(l -> l.startsWith("error: "))).singleElement()
                .satisfies(l -> assertThat(l).isEqualTo("error: " + dir.resolve("b.xml")
                        + ": not XML: the file does not start with '<'"));
        assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void hiddenFoldersAreSkippedAndAnEmptyFolderSaysSo() throws Exception {
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/objects/blob"), "not a feed");
        Files.copy(fixture("mixed.xml"), dir.resolve("feed.xml"));
        Result r = scan("--json", dir.toString());
        assertThat(r.err).doesNotContain("error: ");
        assertThat(lines(r.out)).hasSize(3);

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Result e = scan(empty.toString());
        assertThat(e.code).isEqualTo(1);
        assertThat(e.err).isEqualTo("error: " + empty + ": no feed files in this directory\n"
                + "0 input(s) read, 1 failed; 0 stories, 0 alerts, 0 events\n");
        // beside a readable feed, the empty folder still counts as a failed input, and the scan succeeds
        Result both = scan(empty.toString(), fixture("mixed.xml").toString());
        assertThat(both.code).isZero();
        assertThat(both.err).endsWith("1 input(s) read, 1 failed; 3 stories, 2 alerts, 3 events\n");
    }

    @Test
    void aFeedReadWithNoItemsWarnsThatItMayBeTruncated() throws Exception {
        Path cut = Files.writeString(dir.resolve("cut.xml"), "<rss version=\"2.0\"><channel><title>Wire</title>"
                + "<link>http://127.0.0.1/</link><description>d</description></channel></rss>");
        Result r = scan(cut.toString());
        assertThat(r.code).isZero();
        assertThat(r.err).isEqualTo("warning: " + cut + ": read, but no items: the file may be truncated, or the"
                + " feed is empty\n1 input(s) read, 0 failed; 0 stories, 0 alerts, 0 events\n");
    }

    @Test
    void aFeedCutInsideItsLastItemWarnsOnStderrAndLeavesThatItemOut() {
        Path cut = fixture("truncated.xml");
        Result r = scan("--json", "--all", cut.toString());
        assertThat(r.code).isZero();
        assertThat(r.err).isEqualTo("warning: " + cut + ": repaired: the feed may be truncated; its last item is"
                + " left out\n1 input(s) read, 0 failed; 2 stories, 0 alerts, 2 events\n");
        assertThat(r.out).contains("Ferry timetable changes for the winter", "Lighthouse keepers open the tower")
                .doesNotContain("Fishing fleet");
    }

    @Test
    void anUnknownCommandIsNamedWithTheListOfCommands() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "start");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: unknown command 'start'; the commands are: scan, run, eval,"
                + " status, opml, help (newsalert --help says what each does)\ndid you mean: status?\n");
        StringWriter err2 = new StringWriter();
        assertThat(Main.execute(new PrintWriter(out, true), new PrintWriter(err2, true), "scna", "x.xml")).isEqualTo(2);
        assertThat(err2.toString()).endsWith("did you mean: scan?\n");
    }

    @Test
    void otherUrlSchemesAreNamedAsUnsupported() {
        Result r = scan("ftp://127.0.0.1/feed.xml", "file:///etc/passwd");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("error: ftp://127.0.0.1/feed.xml: unsupported URL scheme: give an http(s) URL"
                + " or a local file path\n")
                .contains("error: file:///etc/passwd: unsupported URL scheme");
    }

    @Test
    void deeplyNestedFeedFailsAloneAndTheOtherFilesAreStillScanned() throws Exception {
        String deep = "<b>".repeat(50_000) + "x" + "</b>".repeat(50_000);
        Files.writeString(dir.resolve("a-deep.xml"), "<rss version=\"2.0\"><channel><title>D</title><item><title>T"
                + "</title><description>" + deep + "</description></item></channel></rss>");
        Files.copy(fixture("mixed.xml"), dir.resolve("b-good.xml"));
        Result r = scan(dir.toString());
        assertThat(r.code).isZero();
        assertThat(r.err).contains("error: " + dir.resolve("a-deep.xml") + ": not a feed: elements are nested too"
                + " deeply (more than 256 levels)\n").doesNotContain("StackOverflow");
        assertThat(r.out).contains("Drone attack on Odesa port kills three, injures 11");
    }

    @Test
    void exitIsNonZeroWhenNothingCouldBeRead() {
        Result r = scan(dir.resolve("missing.xml").toString(), "http://127.0.0.1:1/feed.xml");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err.lines().filter(l -> l.startsWith("error: "))).hasSize(2);
    }

    @Test
    void missingFileErrorNamesThePathOnce() {
        Path missing = dir.resolve("missing.xml");
        Result r = scan(missing.toString());
        assertThat(r.err).startsWith("error: " + missing + ": no such file\n");
    }

    @Test
    void noInputIsAUsageError() {
        assertThat(scan().code).isEqualTo(2);
    }

    @Test
    void noCommandIsAUsageErrorWithUsageOnce() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("choose a command: scan, run, eval, status, opml, help\n");
        assertThat(err.toString().split("Usage: newsalert", -1)).hasSize(2);
    }

    /** The JSON text of {@code node} with every {@code "evidence"} field left out. */
    static String withoutEvidence(JsonNode node) {
        return node.toString().replaceAll(",\"evidence\":\"(?:[^\"\\\\]|\\\\.)*\"", "");
    }

    static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    static Result scan(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "scan";
        System.arraycopy(args, 0, full, 1, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), full);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void withoutConfigItReadsConfigNewsalertYmlLikeRunAndSaysSo() throws Exception {
        // the tests run in the project folder, which holds config/newsalert.yml
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(RunCommand.DEFAULT_CONFIG));
        try (newsalert.testing.LogCapture log = newsalert.testing.LogCapture.of(ScanCommand.class)) {
            Result r = scan(fixture("mixed.xml").toString());
            assertThat(r.code).isZero();
            assertThat(log.lines()).containsExactly("INFO using config file " + RunCommand.DEFAULT_CONFIG
                    + " (give --config FILE for another)");
        }
    }
}
