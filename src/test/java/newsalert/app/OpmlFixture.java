package newsalert.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads OPML fixtures from {@code src/test/resources/opml/}. */
final class OpmlFixture {
    private OpmlFixture() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = OpmlFixture.class.getResourceAsStream("/opml/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
