package newsalert.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsalert.story.Story;

/**
 * Loads the fixed benchmark stories from the class-path resource {@value #RESOURCE}.
 *
 * <p>Format: stories are separated by a line holding only {@code %%}; in each story the first line is
 * the title and every further non-blank line is one body paragraph (paragraphs are joined with
 * {@code \n}, as the feed reader does). Lines before the first separator are comments. Story ids are
 * {@code bench-1}, {@code bench-2}, … in file order.
 */
public final class BenchStories {
    /** Class-path location of the story file (UTF-8). */
    public static final String RESOURCE = "newsalert/bench/stories.txt";
    private static final String SEPARATOR = "%%";
    private static final Instant PUBLISHED = Instant.parse("2026-01-01T12:00:00Z");

    private BenchStories() {
    }

    /**
     * @return the stories in file order; never empty
     * @throws IllegalStateException when the resource is missing or holds no story
     * @throws UncheckedIOException  when it cannot be read
     */
    public static List<Story> load() {
        InputStream in = BenchStories.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("benchmark stories not found on the class path: " + RESOURCE);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Story> stories = parse(r.lines().toList());
            if (stories.isEmpty()) {
                throw new IllegalStateException("no stories in " + RESOURCE);
            }
            return stories;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static List<Story> parse(List<String> lines) {
        List<Story> stories = new ArrayList<>();
        List<String> block = null;
        for (String line : lines) {
            if (line.strip().equals(SEPARATOR)) {
                addStory(stories, block);
                block = new ArrayList<>();
            } else if (block != null && !line.isBlank()) {
                block.add(line.strip());
            }
        }
        addStory(stories, block);
        return stories;
    }

    private static void addStory(List<Story> stories, List<String> block) {
        if (block == null || block.isEmpty()) {
            return;
        }
        String title = block.get(0);
        String body = String.join("\n", block.subList(1, block.size()));
        String id = "bench-" + (stories.size() + 1);
        stories.add(new Story(id, "bench", title, "https://bench.example.org/" + id, PUBLISHED, body));
    }
}
