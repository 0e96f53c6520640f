package newsalert.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the real corpus, and the one way they skip without it. The corpus is
 * {@code ../shared/corpus} beside the repository in the project's CI; a clone elsewhere has none, and can point
 * the tests at a copy with {@code -Dnewsalert.corpus=DIR} or the environment variable {@code NEWSALERT_CORPUS}
 * (the property wins). The real text is read for evaluation only, never copied into the repository.
 */
public final class Corpus {
    /** System property naming the corpus folder. */
    public static final String PROPERTY = "newsalert.corpus";
    /** Environment variable naming the corpus folder. */
    public static final String ENV = "NEWSALERT_CORPUS";

    private Corpus() {
    }

    /** @return the corpus folder: the property, else the environment variable, else {@code ../shared/corpus} */
    public static Path root() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        return p == null || p.isBlank() ? Path.of("..", "shared", "corpus") : Path.of(p.strip());
    }

    /**
     * @param relative a file or folder inside the corpus ({@code seed/kyiv-strike.rss}, {@code feeds})
     * @return its path (it may not exist)
     */
    public static Path path(String relative) {
        return root().resolve(relative);
    }

    /**
     * Skips the calling test, with {@link #skipMessage}, when the corpus file or folder is absent.
     *
     * @param relative a file or folder inside the corpus
     * @return its path, which exists
     */
    public static Path require(String relative) {
        Path p = path(relative);
        assumeTrue(Files.exists(p), () -> skipMessage(p));
        return p;
    }

    /** @return the one wording of every corpus test's skip: what is missing and how to supply it */
    public static String skipMessage(Path missing) {
        return "corpus absent: " + missing + " not found (the real corpus is ../shared/corpus in the project's CI;"
                + " set NEWSALERT_CORPUS or -D" + PROPERTY + " to a copy to run this test)";
    }
}
