package newsalert.analysis.casualty;

import newsalert.analysis.text.WordLists;

import java.util.Set;

/**
 * Word lists the casualty rules use. All lower case, one token each (see {@link CasualtyTokenizer}).
 * The words live in {@value WordLists#CASUALTY_RESOURCE} (one key per constant, the constant's name
 * in lower case) and are read once when this class is initialised; a missing or malformed list fails
 * class initialisation with a message naming the resource and key (see {@link WordLists}).
 *
 * <p>"casualties" is deliberately in no count list: in wire copy it means killed plus injured, and
 * sometimes only one of them, so a number of casualties is not reported as either. Only "no
 * casualties" is used (as 0 killed, see {@link CasualtyZeroes}).
 */
public final class CasualtyLexicon {
    /** Words that, right after a count, say the people died: "19 dead", "12 were killed". */
    public static final Set<String> KILLED = WordLists.CASUALTY.set("killed");
    /** Words that, right after a count, say the people were hurt. */
    static final Set<String> INJURED = WordLists.CASUALTY.set("injured");
    /** Words that, right after a count, say the people are missing. */
    static final Set<String> MISSING = WordLists.CASUALTY.set("missing");
    /** Active verbs that take a killed count as object: "killing 19", "kills at least 15". */
    static final Set<String> KILL_VERBS = WordLists.CASUALTY.set("kill_verbs");
    /** Active verbs that take an injured count as object: "wounding 48", "injured 43 others". */
    static final Set<String> INJURE_VERBS = WordLists.CASUALTY.set("injure_verbs");
    /** Manner words that mean killed when followed by "dead" or "to death": "shot dead", "stabbed to death". */
    static final Set<String> MANNER = WordLists.CASUALTY.set("manner");
    /** Words allowed between a count (and its noun) and the casualty word: "were reportedly", "are feared". */
    static final Set<String> AUX = WordLists.CASUALTY.set("aux");
    /** Nouns that make a count something other than victims: weapons, buildings, captives, members. */
    static final Set<String> NOT_VICTIMS = WordLists.CASUALTY.set("not_victims");
    /** Nouns naming perpetrators; such counts are used only when a story gives no other count. */
    public static final Set<String> PERPETRATORS = WordLists.CASUALTY.set("perpetrators");
    /** Words right after a number that make it a measure, age, time or date, never a head count. */
    public static final Set<String> AFTER_BLOCK = WordLists.CASUALTY.set("after_block");
    /** Determiners allowed between "of" and the whole in a partitive: "four of the 12 hostages". */
    static final Set<String> OF_WHOLE_DETERMINERS = WordLists.CASUALTY.set("of_whole_determiners");
    /** Words right before a number that make it an age, money, label or date. */
    public static final Set<String> BEFORE_BLOCK = WordLists.CASUALTY.set("before_block");
    /** Words that, shortly before a count, mark it as a sub-group of a total already given. */
    static final Set<String> SUBGROUP = WordLists.CASUALTY.set("subgroup");
    /** Words that open a parenthetical after a count: "19 people, including four children, were killed". */
    static final Set<String> PAREN_OPEN = WordLists.CASUALTY.set("paren_open");
    /** Verbs and links between "toll" and its number: "death toll rose to", "toll stood at". */
    static final Set<String> TOLL_LINK = WordLists.CASUALTY.set("toll_link");
    /** Day and time words that may follow "dead" in headlines: "15 dead Friday". */
    static final Set<String> TIME_WORDS = WordLists.CASUALTY.set("time_words");
    /** Words naming a wider conflict whose running total a sentence may give. */
    static final Set<String> CONFLICT = WordLists.CASUALTY.set("conflict");
    /** Words that make a toll statement an update which supersedes earlier figures. */
    static final Set<String> TOLL_UPDATE = WordLists.CASUALTY.set("toll_update");

    private CasualtyLexicon() {
    }
}
