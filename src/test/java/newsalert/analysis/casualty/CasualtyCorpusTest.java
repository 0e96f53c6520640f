package newsalert.analysis.casualty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;
import org.junit.jupiter.api.Test;
import newsalert.testing.Corpus;

/**
 * Checks the extractor against real text in {@code ../shared/corpus}: the seed article and the
 * human-labelled Wikipedia terrorist-incident rows. Skipped when {@code ../shared} is absent.
 */
class CasualtyCorpusTest {
    private static final Path SHARED = Corpus.root();
    private static final Pattern LINE = Pattern.compile("\\R");
    private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TEENS = {};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};

    private final CasualtyExtractor extractor = new CasualtyExtractor();

    @Test
    void seedArticleReadsNineteenKilledAndAtLeastFortyEightInjured() throws IOException {
        Path seed = SHARED.resolve("seed/kyiv-strike-article.txt");
        assumeTrue(Files.isRegularFile(seed), Corpus.skipMessage(seed));
        String[] lines = LINE.split(Files.readString(seed, StandardCharsets.UTF_8), 2);
        Casualties c = extractor.extract(lines[0], lines.length > 1 ? lines[1] : "");
        assertThat(c.killed()).isEqualTo(CasualtyCount.exact(19));
        assertThat(c.injured()).isEqualTo(CasualtyCount.of(48, Qualifier.AT_LEAST));
        assertThat(c.missing()).isNull();
        assertThat(c.display()).isEqualTo("19 killed, at least 48 injured");
        // nothing else in the article reads as a count: not "since July", "two of its senior envoys",
        // "on Friday", "weeks after", "one of its deadliest assaults"
        List<String> found = CasualtyMentionFinder.find(CasualtyTokenizer.tokenize(lines[0], lines[1])).stream()
                .map(m -> m.category() + " " + m.count().display())
                .toList();
        assertThat(found).containsExactly("KILLED 19", "INJURED at least 48");
    }

    @Test
    void wikipediaIncidentsKilledExactMatch() throws IOException {
        Path file = SHARED.resolve("news/wikipedia_terrorist_incidents_2016-2022.jsonl");
        assumeTrue(Files.isRegularFile(file), Corpus.skipMessage(file));
        ObjectMapper json = new ObjectMapper();
        int all = 0;
        int allHit = 0;
        int stated = 0;
        int statedHit = 0;
        List<String> misses = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            int dead = Integer.parseInt(row.get("Dead").asText().trim());
            String text = row.get("Description").asText();
            CasualtyCount killed = extractor.extract("", text).killed();
            boolean hit = killed != null && killed.min() == dead;
            all++;
            allHit += hit ? 1 : 0;
            if (!hit && killed != null && !states(text, dead) && Boolean.getBoolean("casualty.misses")) {
                System.out.println("WRONG(a) " + dead + " <- " + killed.display() + " | " + text);
            }
            if (states(text, dead)) {
                stated++;
                statedHit += hit ? 1 : 0;
                if (!hit) {
                    misses.add(dead + " <- " + (killed == null ? "none" : killed.display()) + " | " + text);
                }
            }
        }
        double a = (double) allHit / all;
        double b = (double) statedHit / stated;
        System.out.printf(Locale.ROOT, "Wikipedia killed exact: (a) all rows %d/%d = %.3f; "
                + "(b) rows stating the figure %d/%d = %.3f%n", allHit, all, a, statedHit, stated, b);
        if (Boolean.getBoolean("casualty.misses")) {
            misses.forEach(m -> System.out.println("MISS " + m));
        }
        assertThat(b).as("killed exact-match on rows whose text states the Dead figure").isGreaterThanOrEqualTo(0.93);
    }

    /** True when the Dead figure appears in the text as digits (with or without commas) or as number words. */
    static boolean states(String text, int dead) {
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9,]+", " ") + " ";
        String plain = Integer.toString(dead);
        String grouped = String.format(Locale.ROOT, "%,d", dead);
        if (Pattern.compile("(?<![0-9,])(" + plain + "|" + grouped + ")(?![0-9]|,[0-9])").matcher(lower).find()) {
            return true;
        }
        String words = inWords(dead);
        return words != null && lower.contains(" " + words + " ");
    }

    /** English words for 0..999 ("forty two", "one hundred and five"), or null above that. */
    static String inWords(int n) {
        if (n < 20) {
            return WORDS.length > n ? WORDS[n] : TEENS[n - 10];
        }
        if (n < 100) {
            return TENS[n / 10] + (n % 10 == 0 ? "" : " " + WORDS[n % 10]);
        }
        if (n < 1000) {
            String rest = n % 100 == 0 ? "" : " and " + inWords(n % 100);
            return WORDS[n / 100] + " hundred" + rest;
        }
        return null;
    }
}
