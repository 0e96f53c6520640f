package newsalert.analysis;

import java.util.Set;

/**
 * Word lists the casualty rules use. All lower case, one token each (see {@link CasualtyTokenizer}).
 *
 * <p>"casualties" is deliberately in no count list: in wire copy it means killed plus injured, and
 * sometimes only one of them, so a number of casualties is not reported as either. Only "no
 * casualties" is used (as 0 killed, see {@link CasualtyZeroes}).
 */
final class CasualtyLexicon {
    /** Words that, right after a count, say the people died: "19 dead", "12 were killed". */
    static final Set<String> KILLED = Set.of("killed", "dead", "died", "die", "dies", "deaths", "fatalities",
            "slain", "perished", "murdered", "massacred", "lives", "executed", "drowned");
    /** Words that, right after a count, say the people were hurt. */
    static final Set<String> INJURED = Set.of("injured", "wounded", "hurt", "injuries", "hospitalised",
            "hospitalized", "maimed");
    /** "succumbed" (to wounds) also says died. */
    static final Set<String> DIED_LATER = Set.of("succumbed");
    /** Words that, right after a count, say the people are missing. */
    static final Set<String> MISSING = Set.of("missing", "unaccounted");
    /** Active verbs that take a killed count as object: "killing 19", "kills at least 15". */
    static final Set<String> KILL_VERBS = Set.of("killing", "killed", "kills", "kill", "slaying", "slew",
            "massacring", "massacred", "slaughtering", "slaughtered");
    /** Active verbs that take an injured count as object: "wounding 48", "injured 43 others". */
    static final Set<String> INJURE_VERBS = Set.of("wounding", "wounded", "wounds", "wound", "injuring",
            "injured", "injures", "injure", "hurting", "hurt", "maiming");
    /** Manner words that mean killed when followed by "dead" or "to death": "shot dead", "stabbed to death". */
    static final Set<String> MANNER = Set.of("shot", "stabbed", "beaten", "burned", "burnt", "hacked", "crushed",
            "gunned", "hanged", "bludgeoned", "trampled", "found", "pronounced", "declared", "left", "lay");
    /** Words allowed between a count (and its noun) and the casualty word: "were reportedly", "are feared". */
    static final Set<String> AUX = Set.of("were", "was", "are", "is", "have", "has", "had", "been", "being", "be",
            "reportedly", "reported", "confirmed", "believed", "feared", "thought", "said", "to", "also", "later",
            "all", "now", "officially", "still", "remain", "remained", "remains", "seriously", "critically", "badly",
            "severely", "lightly", "slightly", "fatally", "mortally", "became", "become", "got", "presumed",
            "already", "initially", "sustained", "suffered", "listed", "as", "who", "that", "known",
            "likely", "either", "allegedly", "subsequently", "eventually", "instantly", "immediately", "since",
            "other", "more", "others", "people", "persons", "person", "then");
    /** Nouns that make a count something other than victims: weapons, buildings, captives, members. */
    static final Set<String> NOT_VICTIMS = Set.of("drone", "drones", "missile", "missiles", "rocket", "rockets",
            "shell", "shells", "bomb", "bombs", "mortar", "mortars", "grenade", "grenades", "round", "rounds",
            "shot", "shots", "bullet", "bullets", "projectile", "projectiles", "munitions", "aircraft", "plane",
            "planes", "jet", "jets", "helicopter", "helicopters", "tank", "tanks", "vehicle", "vehicles", "car",
            "cars", "truck", "trucks", "bus", "buses", "building", "buildings", "home", "homes", "house", "houses",
            "apartment", "apartments", "storey", "storeys", "story", "stories", "floor", "floors",
            "seats", "votes", "countries", "nations", "cities", "towns", "villages", "provinces", "regions",
            "districts", "sites", "targets", "attacks", "assaults", "deadliest", "worst", "largest", "biggest", "strikes", "incidents", "explosions", "blasts", "bombings",
            "package", "packages", "sanctions", "counts", "arrests", "times", "cattle", "animals", "head",
            "envoys", "ambassadors", "diplomats", "points", "goals", "dollars", "euros", "pounds", "cases",
            "percent", "per", "years", "year", "months", "weeks", "days", "hours", "minutes", "kidnapped",
            "abducted", "arrested", "detained", "captured", "freed", "released", "rescued", "evacuated",
            "displaced", "homeless", "infected", "casualties", "casualty");
    /** Nouns naming perpetrators; such counts are used only when a story gives no other count. */
    static final Set<String> PERPETRATORS = Set.of("attacker", "attackers", "assailant", "assailants", "gunman",
            "gunmen", "terrorist", "terrorists", "perpetrator", "perpetrators", "bomber", "bombers", "militant",
            "militants", "insurgent", "insurgents", "jihadists", "jihadist", "hijackers", "kidnappers", "suspects");
    /** Words right after a number that make it a measure, age, time or date, never a head count. */
    static final Set<String> AFTER_BLOCK = Set.of("year", "years", "yr", "yrs", "month", "months", "week", "weeks",
            "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds", "time", "times", "storey",
            "storeys", "story", "stories", "floor", "floors", "km", "kilometres", "kilometers", "kilometre",
            "kilometer", "mile", "miles", "metre", "metres", "meter", "meters", "feet", "foot", "inches", "cm",
            "percent", "per", "%", "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "bst", "cet", "est", "edt",
            "kg", "tonnes", "tons", "points", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "million", "billion", "dollars", "euros", "pounds", "mph", "kph",
            "knots", "mm", "degrees");
    /** Words right before a number that make it an age, money, label or date. */
    /** Determiners allowed between "of" and the whole in a partitive: "four of the 12 hostages". */
    static final Set<String> OF_WHOLE_DETERMINERS = Set.of("the", "those", "these");

    static final Set<String> BEFORE_BLOCK = Set.of("aged", "age", "ages", "$", "#", "no", "number", "page",
            "route", "flight", "platform", "gate", "terminal", "article", "resolution", "chapter", "section",
            "paragraph", "version", "under", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "covid", "g7", "g20", "top", "only", "every", "phase");
    /** Words that, shortly before a count, mark it as a sub-group of a total already given. */
    static final Set<String> SUBGROUP = Set.of("including", "included", "among", "amongst", "incl");
    /** Words that open a parenthetical after a count: "19 people, including four children, were killed". */
    static final Set<String> PAREN_OPEN = Set.of("including", "among", "mostly", "most", "many", "mainly",
            "both", "all", "some", "half", "several", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "according", "officials", "police", "authorities", "who", "which");
    /** Verbs and links between "toll" and its number: "death toll rose to", "toll stood at". */
    static final Set<String> TOLL_LINK = Set.of("to", "at", "of", "reached", "reaches", "hit", "hits", "is", "was",
            "past", "passed", "topped", "tops", "exceeded", "exceeds", "surpassed", "stands", "stood", "climbed",
            "rose", "rises", "jumped", "now", "risen", "increased", "stand");
    /** Day and time words that may follow "dead" in headlines: "15 dead Friday". */
    static final Set<String> TIME_WORDS = Set.of("today", "yesterday", "tonight", "overnight", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "so", "after", "including");
    /** Words naming a wider conflict whose running total a sentence may give. */
    static final Set<String> CONFLICT = Set.of("war", "war's", "conflict", "conflict's", "insurgency", "pandemic",
            "uprising", "occupation", "intifada", "offensive");
    /** Words that make a toll statement an update which supersedes earlier figures. */
    static final Set<String> TOLL_UPDATE = Set.of("rose", "rises", "risen", "rising", "climbed", "climbs",
            "climbing", "jumped", "jumps", "increased", "increases", "reached", "reaches", "hit", "hits", "soared",
            "soars", "grew", "grown", "mounted", "now", "updated", "raised", "revised", "topped", "passed",
            "surpassed", "exceeded", "reaching");

    private CasualtyLexicon() {
    }
}
