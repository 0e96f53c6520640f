package newsalert.story;

/**
 * A direct quote and who said it.
 *
 * @param speaker the person or organisation quoted ("Keir Starmer", "Russia's Defense Ministry"); never blank
 * @param role    the speaker's role when the text states it ("UK Prime Minister"), else {@code null}
 * @param text    the quoted words without the quotation marks, trailing comma or full stop kept as written
 */
public record Quote(String speaker, String role, String text) {
    public Quote {
        if (speaker == null || speaker.isBlank()) {
            throw new IllegalArgumentException("speaker is required");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required");
        }
    }
}
