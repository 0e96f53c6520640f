package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import newsalert.testing.Corpus;
import org.junit.jupiter.api.Test;

/**
 * Damages the corpus feeds in ../shared/corpus/feeds thousands of ways (byte flips, truncations, duplicated and
 * removed tags, inserted entities; a seeded {@link Random}, so every run is the same) and checks that each one
 * either parses or fails with a plain reason: one line in the parser's own words, never library text (Java
 * class names, {@code Exception}, {@code Cannot invoke}, {@code org.} / {@code java.}), and never an exception
 * other than {@link FeedException}.
 */
class FeedFuzzTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final int CASES_PER_FEED = 80;
    /** What every failure must look like. */
    static final Pattern PLAIN = Pattern.compile(
            "^(not a feed|not XML|not an RSS feed|not an RSS 1\\.0 feed|not an Atom feed): [^\\n\\t]{1,290}$");
    /** Text that only a library writes. */
    static final Pattern INTERNAL = Pattern.compile(
            "Exception|Error:|Cannot invoke|\\borg\\.|\\bjava\\.|\\bjavax\\.|\\bsun\\.|\\bjdk\\.|JAXP\\d|"
                    + "\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w+|\\bnull\\b|rawname=|\\$");
    private static final String[] ENTITIES = {"&bogus;", "&", "&#0;", "&#xD800;", "&amp", "&nbsp;", "&lt;b&gt;",
            "&#x1F4A5;", "&eacute;", "]]>", "<![CDATA[", "<!--", "&#;", "&#99999999;"};
    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z][\\w:.-]*)(\\s[^<>]*)?>");

    @Test
    void everyDamagedCorpusFeedParsesOrFailsWithAPlainReason() throws IOException {
        Path feeds = Corpus.require("feeds");
        List<Path> files;
        try (Stream<Path> s = Files.list(feeds)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        FeedParser parser = new FeedParser();
        List<String> bad = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> reasons = new ConcurrentSkipListMap<>();
        AtomicInteger cases = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        // each file has its own seeded Random, so the cases are the same however the files are spread over threads
        IntStream.range(0, files.size()).parallel().forEach(index -> {
            Path file = files.get(index);
            Random random = new Random(11L * 1_000 + index);
            byte[] original = read(file);
            for (int i = 0; i < CASES_PER_FEED; i++) {
                int kind = i % 5;
                byte[] damaged = damage(original, kind, random);
                String contentType = i % 7 == 0 ? "text/xml; charset=ISO-8859-1" : null;
                cases.incrementAndGet();
                try {
                    parser.parse(damaged, contentType, "https://feeds.example.org/" + file.getFileName(), NOW);
                } catch (FeedException e) {
                    failures.incrementAndGet();
                    String reason = e.getMessage();
                    reasons.merge(reason.replaceAll("\\d+", "N"), 1, Integer::sum);
                    if (!PLAIN.matcher(reason).matches() || INTERNAL.matcher(reason).find()) {
                        bad.add(file.getFileName() + " #" + i + " (kind " + kind + "): " + reason);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    bad.add(file.getFileName() + " #" + i + " (kind " + kind + ") threw " + e);
                }
            }
        });
        assertThat(cases.get()).isEqualTo(files.size() * CASES_PER_FEED);
        assertThat(bad).as("failures that are not plain reasons; all reasons seen: %s", reasons).isEmpty();
        assertThat(failures.get()).as("the damage should break some feeds").isPositive();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] damage(byte[] in, int kind, Random random) {
        switch (kind) {
            case 0 -> { // flip 1 to 8 bytes
                byte[] out = in.clone();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
                return out;
            }
            case 1 -> { // truncate anywhere
                byte[] out = new byte[random.nextInt(in.length)];
                System.arraycopy(in, 0, out, 0, out.length);
                return out;
            }
            default -> {
                String text = new String(in, StandardCharsets.ISO_8859_1); // byte-preserving
                return (kind == 2 ? duplicateTag(text, random) : kind == 3 ? removeTag(text, random)
                        : insertEntities(text, random)).getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static List<int[]> tags(String text) {
        List<int[]> tags = new ArrayList<>();
        Matcher m = START_TAG.matcher(text);
        while (m.find()) {
            tags.add(new int[] {m.start(), m.end()});
        }
        return tags;
    }

    private static String duplicateTag(String text, Random random) {
        List<int[]> tags = tags(text);
        if (tags.isEmpty()) {
            return text;
        }
        int[] t = tags.get(random.nextInt(tags.size()));
        int at = random.nextBoolean() ? t[1] : random.nextInt(text.length());
        return text.substring(0, at) + text.substring(t[0], t[1]) + text.substring(at);
    }

    private static String removeTag(String text, Random random) {
        String out = text;
        int removals = 1 + random.nextInt(3);
        for (int r = 0; r < removals; r++) {
            List<int[]> tags = tags(out);
            if (tags.isEmpty()) {
                break;
            }
            int[] t = tags.get(random.nextInt(tags.size()));
            out = out.substring(0, t[0]) + out.substring(t[1]);
        }
        return out;
    }

    private static String insertEntities(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int inserts = 1 + random.nextInt(4);
        for (int n = 0; n < inserts; n++) {
            out.insert(random.nextInt(out.length() + 1), ENTITIES[random.nextInt(ENTITIES.length)]);
        }
        return out.toString();
    }
}
