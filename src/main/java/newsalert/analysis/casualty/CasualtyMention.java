package newsalert.analysis.casualty;

import newsalert.story.CasualtyCount;

/**
 * One casualty figure found in a story, before the extractor chooses among them.
 *
 * @param category    killed, injured or missing
 * @param count       the stated count
 * @param update      true for a toll update ("the death toll rose to 23"), which supersedes plain mentions
 * @param lead        true when found in the title or the first body paragraph
 * @param perpetrator true when the count is of attackers ("5 attackers were also killed")
 * @param background  true for a running total of a wider conflict ("has killed 40,000 since October 2023")
 * @param position    token index (negative for text offsets of zero statements), for a stable order
 * @param vague       true when the count is a vague word ("dozens", "scores", "hundreds")
 * @param offset      char offset of the figure in {@code title + "\n" + body}, or -1 when unknown
 * @param lateDeath   true for people among the injured who died later ("one of the injured died
 *                    days later"), who add to a killed figure stated before them
 */
record CasualtyMention(Category category, CasualtyCount count, boolean update, boolean lead, boolean perpetrator,
                       boolean background, int position, boolean vague, int offset, boolean lateDeath) {
    CasualtyMention(Category category, CasualtyCount count, boolean update, boolean lead, boolean perpetrator,
                    int position) {
        this(category, count, update, lead, perpetrator, false, position, false, -1, false);
    }

    /** @return this mention marked as a background total */
    CasualtyMention asBackground() {
        return new CasualtyMention(category, count, update, lead, perpetrator, true, position, vague, offset,
                lateDeath);
    }

    /** @return this mention with its vagueness and text offset set */
    CasualtyMention at(boolean isVague, int charOffset) {
        return new CasualtyMention(category, count, update, lead, perpetrator, background, position, isVague,
                charOffset, lateDeath);
    }

    /** @return this mention marked as a later death among the injured */
    CasualtyMention asLateDeath() {
        return new CasualtyMention(category, count, update, lead, perpetrator, background, position, vague, offset,
                true);
    }

    /** What happened to the people counted. */
    enum Category { KILLED, INJURED, MISSING }
}
