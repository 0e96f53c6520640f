package newsalert.story;

/**
 * A direct quote and who said it.
 *
 * <p>Equality compares speaker, role and text only: {@code evidence} explains how the speaker was found
 * and is not part of the quote's value.
 *
 * @param speaker the person or organisation quoted ("Keir Starmer", "Russia's Defense Ministry"); never blank
 * @param role    the speaker's role when the text states it ("UK Prime Minister"), else {@code null}
 * @param text    the quoted words without the quotation marks; a final comma is dropped, and so is a final
 *                full stop when the quote is a fragment (starts lower-case); full sentences keep theirs
 * @param evidence the attribution rule and the text it matched, e.g. {@code after: "…," said Keir Starmer},
 *                or {@code null}
 */
public record Quote(String speaker, String role, String text, String evidence) {
    /** A quote without evidence. */
    public Quote(String speaker, String role, String text) {
        this(speaker, role, text, null);
    }

    public Quote {
        if (speaker == null || speaker.isBlank()) {
            throw new IllegalArgumentException("speaker is required");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required");
        }
    }

    /**
     * @param text how the speaker was found
     * @return this quote carrying {@code text} as its evidence
     */
    public Quote withEvidence(String text) {
        return new Quote(speaker, role, this.text, text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quote q && q.speaker.equals(speaker) && java.util.Objects.equals(q.role, role)
                && q.text.equals(text);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(speaker, role, text);
    }
}
