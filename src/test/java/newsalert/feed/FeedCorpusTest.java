package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import newsalert.story.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import newsalert.testing.Corpus;

/** Runs the parser over the real feeds in ../shared/corpus (skipped when that folder is absent). */
class FeedCorpusTest {
    private static final Path CORPUS = Corpus.root();
    private static final Path FEEDS = CORPUS.resolve("feeds");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static void assumeCorpus() {
        assumeTrue(Files.isDirectory(FEEDS), Corpus.skipMessage(FEEDS));
    }

    static Stream<String> feedFiles() throws IOException {
        if (!Files.isDirectory(FEEDS)) {
            return Stream.of("(corpus absent)");
        }
        try (Stream<Path> files = Files.list(FEEDS)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static ParsedFeed parse(Path file) throws FeedException {
        return new FeedSource(new FeedParser(), FetchSettings.DEFAULT_MAX_BODY).readFile(file, NOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feedFiles")
    void everyFileGivesStoriesOrAOneLineError(String name) {
        assumeCorpus();
        try {
            ParsedFeed feed = parse(FEEDS.resolve(name));
            for (Story s : feed.stories()) {
                assertThat(s.id()).isNotBlank();
                assertThat(s.title() + s.body()).isNotBlank();
                assertThat(s.title()).doesNotContain("<", "\n");
                if (s.link() != null) {
                    assertThat(s.link()).matches("https?://.+");
                }
                if (s.published() != null) {
                    assertThat(s.published()).isBetween(DatePolicy.EARLIEST, NOW);
                }
            }
        } catch (FeedException e) {
            assertThat(e.getMessage()).startsWith("not a feed: ").doesNotContain("\n", "\tat ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        jn_pt_ultimas_2018-01-03_iso-8859-1.rss      | 40 | Jornal de Notícias - Últimas Notícias | Mãe de utente é a nova presidente da Raríssimas
        oren_ru_2014-01-23_windows-1251.xml          | 10 | Новости Оренбурга и области / Раздел Новости | В Бузулуке главные стройплощадки – детсад и Ледовый дворец
        uol_noticias_2018-09-24_nodecl_latin1.rss    | 15 | UOL Noticias | Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno
        lecerclepsy_nodecl_iso-8859-1.xml            | 9  | Flux RSS du magazine de psychologie Le Cercle Psy | Perturbateurs endocriniens : quels effets sur le cerveau ?
        liberal_gr_iso-8859-7.xml                    | 1  | Liberal - ΕΠΙΚΑΙΡΟΤΗΤΑ | «Πορτραίτα καραντίνας» για έμπνευση από τη συλλογή Φέλιου
        ilgiornale_cronache_2022-09-30_double-escaped.xml | 1 | Il Giornale - Cronache | Arrestato in Pakistan Shabbar Abbas. In Italia è accusato per l'omicidio di Saman
        guardian_us_2018-01-31.rss                   | 55 | The Guardian | Trump State of the Union address promised unity but emphasized discord
        nyt_worldnews_2020-01-01.xml                 | 61 | NYT > World News | Protesters Attack U.S. Embassy in Iraq, Chanting ‘Death to America’
        reuters_mostread_2020-03-21_malformed.xml    | 0  | Reuters: Most Read Articles | -
        """)
    void realFeedsDecodeTitles(String file, int count, String feedTitle, String firstTitle) throws FeedException {
        assumeCorpus();
        ParsedFeed feed = parse(FEEDS.resolve(file));

        assertThat(feed.title()).isEqualTo(feedTitle);
        assertThat(feed.stories()).hasSize(count);
        if (count > 0) {
            assertThat(feed.stories().get(0).title()).isEqualTo(firstTitle);
        }
    }

    @Test
    void heiseRss09HasSixtyUndatedStories() throws FeedException {
        assumeCorpus();
        ParsedFeed feed = parse(FEEDS.resolve("heise_rss0.9-rdf_netscape-ns.xml"));

        assertThat(feed.stories()).hasSize(60).allSatisfy(s -> assertThat(s.published()).isNull());
        assertThat(feed.stories().get(1).title()).isEqualTo("Mega-Deal: IBM übernimmt Red Hat");
    }

    @Test
    void tpmRelativeAtomLinksBecomeAbsolute() throws FeedException {
        assumeCorpus();
        ParsedFeed feed = parse(FEEDS.resolve("tpm_allnews_2017-11-08_relative-links.atom"));

        assertThat(feed.stories()).hasSize(20).allSatisfy(s -> assertThat(s.link()).startsWith("http://talkingpointsmemo.com/"));
    }

    @Test
    void oddDatesBecomeNullUnlessTheyNameADay() throws FeedException {
        assumeCorpus();
        // "Friday, January 29, 2021 04:42 PM" has no zone: read as UTC rather than dropped
        assertThat(parse(FEEDS.resolve("news18_hindi_china_2021-01-29_odd-date.xml")).stories().get(0).published())
                .isEqualTo(Instant.parse("2021-01-29T16:42:00Z"));
        assertThat(parse(FEEDS.resolve("rss092_oreilly_example_odd-date.rss")).stories())
                .extracting(Story::published).containsExactly(null, null);
    }

    @Test
    void seedArticleKeepsItsQuoteParagraphs() throws FeedException {
        Path seed = CORPUS.resolve("seed").resolve("kyiv-strike.rss");
        assumeTrue(Files.isRegularFile(seed), Corpus.skipMessage(seed));

        ParsedFeed feed = parse(seed);

        assertThat(feed.title()).isEqualTo("Seed news");
        assertThat(feed.stories()).hasSize(1);
        Story story = feed.stories().get(0);
        assertThat(story.id()).isEqualTo("seed-kyiv-strike-2025-08-28");
        assertThat(story.published()).isEqualTo(Instant.parse("2025-08-28T14:30:00Z"));
        assertThat(story.link()).isEqualTo("https://news.example.org/world/kyiv-strike-eu-reaction");
        List<String> paragraphs = List.of(story.body().split("\n\n"));
        assertThat(paragraphs).hasSize(16).contains(
                "UK Prime Minister Keir Starmer accused Moscow of “sabotaging peace talks.”",
                "German Chancellor Friedrich Merz said Russia had “shown its true face again.”",
                "\"All designated objects were hit,\" Russia’s Defense Ministry said in a statement.",
                "“These Russian missiles and attack drones are a clear response to everyone calling for a ceasefire. "
                        + "Russia chooses ballistics instead of the negotiating table.”");
        assertThat(paragraphs.get(0)).startsWith("On Thursday morning, Russia launched");
    }
}
