package newsalert.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test that reads the real corpus finds it through {@link Corpus}, so that all of them skip with the same
 * message and all follow {@code NEWSALERT_CORPUS} / {@code -Dnewsalert.corpus} (issue 16: the skip was worded
 * five ways, and a new corpus test wrote a sixth).
 */
class CorpusPathsTest {
    /** A path to the corpus written in code: {@code "../shared…"} or {@code "shared", "corpus"}. */
    private static final Pattern OWN_PATH = Pattern.compile("\"\\.\\./shared|\"shared\",\\s*\"corpus\"");

    @Test
    void noTestBuildsItsOwnCorpusPath() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("Corpus.java")
                            && !f.getFileName().toString().equals("CorpusPathsTest.java"))
                    .filter(f -> OWN_PATH.matcher(code(f)).find())
                    .map(Path::toString).sorted().toList();
        }
        assertThat(offenders).as("use newsalert.testing.Corpus.path/require/skipMessage instead").isEmpty();
    }

    /** @return the file's text without its comment lines (Javadoc may mention ../shared) */
    private static String code(Path f) {
        try {
            return String.join("\n", Files.readAllLines(f).stream()
                    .filter(l -> !l.strip().startsWith("*") && !l.strip().startsWith("//")
                            && !l.strip().startsWith("/*"))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
