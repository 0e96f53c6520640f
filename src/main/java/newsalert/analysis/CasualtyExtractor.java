package newsalert.analysis;

import newsalert.story.Casualties;

/** Finds killed / injured / missing counts in story text. (Placeholder until the extractor lands.) */
public final class CasualtyExtractor {
    /**
     * @param title plain-text title, may be empty
     * @param body  plain-text body, paragraphs separated by blank lines, may be empty
     * @return the counts stated; {@link Casualties#NONE} when none
     */
    public Casualties extract(String title, String body) {
        return Casualties.NONE;
    }
}
