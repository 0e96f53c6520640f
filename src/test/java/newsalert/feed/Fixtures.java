package newsalert.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Loads test fixtures from {@code src/test/resources/feeds/}. */
final class Fixtures {
    /** A fixed "now" for parsing fixtures: all their dates lie before it. */
    static final Instant NOW = Instant.parse("2025-09-01T00:00:00Z");

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedFeed parse(String name) throws FeedException {
        return new FeedParser().parse(bytes(name), null, null, NOW);
    }
}
