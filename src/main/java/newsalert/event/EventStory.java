package newsalert.event;

import java.time.Instant;

/**
 * One story as a member of an event.
 *
 * @param id        the story id
 * @param source    the outlet (feed title); outlets are told apart by this text, case-insensitively
 * @param title     the story's headline
 * @param link      the story's link, or {@code null}
 * @param published the story's published time (UTC), or {@code null} when it had none
 * @param severity  the story's own severity, 0–100
 */
public record EventStory(String id, String source, String title, String link, Instant published, int severity) {
}
