package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newsalert.story.Quote;
import org.junit.jupiter.api.Test;
import newsalert.testing.Corpus;

/**
 * The seed article from the shared corpus (one paragraph per line) must give exactly the six quotes of
 * {@code seed/EXPECTED.md}, each with the evidence of the rule that found its speaker. Skipped when {@code ../shared} is not next to the repository.
 */
class QuoteSeedArticleTest {
    private static final Path ARTICLE = Corpus.path("seed/kyiv-strike-article.txt");

    @Test
    void seedArticleGivesTheSixExpectedQuotes() throws IOException {
        assumeTrue(Files.isReadable(ARTICLE), Corpus.skipMessage(ARTICLE));
        String text = String.join("\n\n", Files.readAllLines(ARTICLE, StandardCharsets.UTF_8));

        List<Quote> quotes = new QuoteExtractor().extract(text);

        assertThat(quotes).containsExactly(
                new Quote("Keir Starmer", "UK Prime Minister", "sabotaging peace talks"),
                new Quote("Friedrich Merz", "German Chancellor", "shown its true face again"),
                new Quote("Kaja Kallas", "EU foreign policy chief", "No diplomatic mission should ever be a target."),
                new Quote("Keith Kellogg", "U.S. special envoy on Ukraine", "egregious attacks"),
                new Quote("Russia's Defense Ministry", null, "All designated objects were hit"),
                new Quote("Volodymyr Zelenskyy", "President",
                        "These Russian missiles and attack drones are a clear response to everyone calling for a"
                                + " ceasefire. Russia chooses ballistics instead of the negotiating table."));
        assertThat(quotes).extracting(Quote::evidence).containsExactly(
                "before: \"UK Prime Minister Keir Starmer accused Moscow of\"",
                "before: \"German Chancellor Friedrich Merz said Russia had\"",
                "before: \"EU foreign policy chief Kaja Kallas announced that Brussels would summon Russia’s envoy, stating:\"",
                "before: \"U.S. special envoy on Ukraine Keith Kellogg condemned the\"",
                "after: \"… Russia’s Defense Ministry said in a statement\"",
                "before: \"President Volodymyr Zelenskyy accused Russia of deliberately rejecting diplomacy:\"");
    }
}
