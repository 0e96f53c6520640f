package newsalert.story;

/**
 * A direct quote and who said it.
 *
 * @param speaker the person or organisation quoted ("Keir Starmer", "Russia's Defense Ministry"); never blank
 * @param role    the speaker's role when the text states it ("UK Prime Minister"), else {@code null}
 * @param text    the quoted words without the quotation marks; a final comma is dropped, and so is a final
 *                full stop when the quote is a fragment (starts lower-case); full sentences keep theirs
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
