package newsalert.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stable id of an event: {@code "e-"} followed by the first 12 hex digits of the SHA-256 of the id
 * of the event's first story. The same first story always gives the same id, across runs and restarts.
 *
 * @param value the id text, e.g. {@code e-3fa2c81b09d4}
 */
public record EventId(String value) {
    public EventId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("event id is required");
        }
    }

    /**
     * @param storyId the id of the event's first story
     * @return the event id derived from it
     */
    public static EventId fromFirstStory(String storyId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(storyId.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("e-");
            for (int i = 0; i < 6; i++) {
                sb.append(String.format("%02x", hash[i]));
            }
            return new EventId(sb.toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
