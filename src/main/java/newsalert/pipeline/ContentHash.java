package newsalert.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import newsalert.story.Story;

/**
 * The hash of a feed entry's content, stored with its seen entry so that an entry republished unchanged is
 * skipped before analysis and event work.
 *
 * <p>Shape: the first 32 hex digits (128 bits) of SHA-256 over the entry's title, link, published time (epoch
 * milliseconds, empty when the entry has none) and body, each followed by a NUL, in UTF-8. The entry as the feed
 * gave it is hashed, before the poller fills in a missing published time or source, so an entry without a date
 * hashes the same at every poll.
 */
final class ContentHash {
    private static final int HEX_DIGITS = 32;

    private ContentHash() {
    }

    /** @return the entry's content hash, e.g. {@code "9f86d081884c7d659a2feaa0c55ad015"} */
    static String of(Story entry) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        field(sha, entry.title());
        field(sha, entry.link());
        field(sha, entry.published() == null ? "" : Long.toString(entry.published().toEpochMilli()));
        field(sha, entry.body());
        return HexFormat.of().formatHex(sha.digest()).substring(0, HEX_DIGITS);
    }

    private static void field(MessageDigest sha, String value) {
        if (value != null) {
            sha.update(value.getBytes(StandardCharsets.UTF_8));
        }
        sha.update((byte) 0);
    }
}
