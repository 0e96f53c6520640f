package newsalert.analysis.quote;

/**
 * A speaker as read from an attribution phrase, before pronouns and bare surnames are resolved.
 *
 * @param name the speaker's name as written (apostrophes normalised); for {@link Kind#PRONOUN} the
 *             lower-case pronoun
 * @param role the role stated next to the name, or {@code null}
 * @param kind what sort of speaker the phrase names
 */
record SpeakerRef(String name, String role, Kind kind) {
    /** What a speaker phrase names. */
    enum Kind {
        /** a named person, possibly with a role */
        PERSON,
        /** an organisation ("Kremlin", "Russia's Defense Ministry"); role is always null */
        ORG,
        /** he, she, they or it: must be resolved to an earlier speaker */
        PRONOUN
    }

    static SpeakerRef named(String name, String role, Kind kind) {
        return new SpeakerRef(name, role, kind);
    }

    /**
     * @param noun a document noun ("warning", "decree")
     * @return a reference to be resolved to the document's issuer named earlier ("the warning issued by Met
     *         Éireann"), written as the pronoun-like name {@code "doc NOUN"}
     */
    static SpeakerRef document(String noun) {
        return new SpeakerRef("doc " + noun, null, Kind.PRONOUN);
    }

    static SpeakerRef pronoun(String pronoun) {
        return new SpeakerRef(pronoun, null, Kind.PRONOUN);
    }
}
