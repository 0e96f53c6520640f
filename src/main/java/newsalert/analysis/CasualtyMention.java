package newsalert.analysis;

import newsalert.story.CasualtyCount;

/**
 * One casualty figure found in a story, before the extractor chooses among them.
 *
 * @param category    killed, injured or missing
 * @param count       the stated count
 * @param update      true for a toll update ("the death toll rose to 23"), which supersedes plain mentions
 * @param lead        true when found in the title or the first body paragraph
 * @param perpetrator true when the count is of attackers ("5 attackers were also killed")
 * @param position    token index, for a stable order
 */
record CasualtyMention(Category category, CasualtyCount count, boolean update, boolean lead, boolean perpetrator,
                       int position) {
    /** What happened to the people counted. */
    enum Category { KILLED, INJURED, MISSING }
}
