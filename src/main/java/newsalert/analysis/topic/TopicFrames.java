package newsalert.analysis.topic;

import newsalert.analysis.text.Tokenizer;
import newsalert.analysis.text.WordLists;

import java.util.Set;

/**
 * Decides whether one matched attack term reports an attack that happened now, or only names one: the
 * frame of the clause it sits in. Read by {@link TopicTally} for every attack core term; a framed term
 * adds nothing to the attack score and becomes the reason {@code attack set aside (past): "shooting" in
 * "Arrest Made In Deadly Shooting …"}.
 *
 * <p>Frames, tested in this order (word lists in {@value WordLists#TOPIC_RESOURCE}):
 * <ol>
 *   <li>{@code hypothetical}: a word of {@code modal_before} at most three words before the term in its
 *       clause ("thwarted attacks", "refused to bomb", "could strike"), or of {@code modal_after} at most
 *       two words after it ("terror threat", "terror attacks possible", "bomb plot");</li>
 *   <li>{@code supplied}: a word of {@code supplied} at most three words before the term: the weapon is
 *       goods, not a blow ("the package includes artillery shells", "sold drones");</li>
 *   <li>{@code past}: a year (1900–2099) at most three words before the term ("the 2012 massacre") or
 *       "in YEAR" right after it; "last/previous/earlier" + a time unit right before it ("last month's
 *       attack", "the previous day's bombing"); or a word of {@code aftermath} (trial, arrest, indicted,
 *       anniversary, buyback…) at most five words either side in its clause ("Arrest made in deadly
 *       shooting");</li>
 *   <li>{@code running total}: "since" at most three words after the term, followed within four words by
 *       a word of {@code conflict_start} ("troops killed since Russia began the war");</li>
 *   <li>{@code background}: the term stands at most eight words after a {@code clause_openers} word
 *       (after, amid, following, since, despite) with no clause mark between, and neither that clause
 *       (the term's own words aside) nor the sentence's main clause holds a word of {@code harm}: "Gun
 *       stocks climb after Las Vegas shooting", "sanctions amid continued attacks"; but "summoned the
 *       envoy after shelling killed an aid worker" keeps its term, and so does a main clause holding a
 *       word of {@code reaction}, a state's answer ("Moscow summons British ambassador after missile
 *       strike"). The main clause is the sentence before the opener, or, when the opener
 *       starts the sentence, what follows the first clause mark after the term. "Five dead after gunman
 *       opens fire" keeps its term.</li>
 * </ol>
 * A clause mark is a comma, semicolon, colon, bracket, dash (not a hyphen) or a sentence end (a
 * {@code .}, {@code !} or {@code ?} followed by white space, not after a one-letter word as in "U.S.").
 * Pure functions over the token arrays; thread-safe; costs a few array reads per attack term.
 */
public final class TopicFrames {
    private static final Set<String> MODAL_BEFORE = WordLists.TOPIC.set("modal_before");
    private static final Set<String> MODAL_AFTER = WordLists.TOPIC.set("modal_after");
    private static final Set<String> SUPPLIED = WordLists.TOPIC.set("supplied");
    private static final Set<String> PAST_LEAD = WordLists.TOPIC.set("past_lead");
    private static final Set<String> PAST_UNITS = WordLists.TOPIC.set("past_units");
    private static final Set<String> AFTERMATH = WordLists.TOPIC.set("aftermath");
    private static final Set<String> OPENERS = WordLists.TOPIC.set("clause_openers");
    private static final Set<String> HARM = WordLists.TOPIC.set("harm");
    private static final Set<String> REACTION = WordLists.TOPIC.set("reaction");
    private static final Set<String> CONFLICT_START = WordLists.TOPIC.set("conflict_start");
    /** How far before an attack term a clause opener may stand. */
    static final int OPENER_REACH = 8;
    /** How far either side of an attack term an aftermath word may stand. */
    static final int AFTERMATH_REACH = 5;

    private TopicFrames() {
    }

    /**
     * @param text   the title or body the tokens come from
     * @param tokens its tokens
     * @param s      index of the term's first token
     * @param e      index just past the term's last token
     * @return the frame's name ("hypothetical", "supplied", "past", "running total", "background"), or null when
     *     the term reports an attack
     */
    static String frame(String text, Tokenizer.Tokens tokens, int s, int e) {
        String[] w = tokens.words();
        int n = w.length;
        e = Math.min(e, n);
        int cs = s;
        while (cs > 0 && !clauseBreak(text, tokens, cs)) {
            cs--;
        }
        int ce = e;
        while (ce < n && !clauseBreak(text, tokens, ce)) {
            ce++;
        }
        if (any(w, Math.max(cs, s - 3), s, MODAL_BEFORE) || any(w, e, Math.min(ce, e + 2), MODAL_AFTER)) {
            return "hypothetical";
        }
        if (any(w, Math.max(cs, s - 3), s, SUPPLIED)) {
            return "supplied";
        }
        if (past(w, s, e, cs, ce)) {
            return "past";
        }
        for (int k = e; k < Math.min(ce, e + 3); k++) {
            if (w[k].equals("since") && any(w, k + 1, Math.min(n, k + 5), CONFLICT_START)) {
                return "running total";
            }
        }
        return background(text, tokens, s, e) ? "background" : null;
    }

    private static boolean past(String[] w, int s, int e, int cs, int ce) {
        for (int k = Math.max(cs, s - 3); k < s; k++) {
            if (year(w[k])) {
                return true;
            }
        }
        if (e + 1 < w.length && w[e].equals("in") && year(w[e + 1])) {
            return true;
        }
        if (s >= 2 && PAST_LEAD.contains(w[s - 2]) && PAST_UNITS.contains(w[s - 1])) {
            return true;
        }
        return any(w, Math.max(cs, s - AFTERMATH_REACH), s, AFTERMATH)
                || any(w, e, Math.min(ce, e + AFTERMATH_REACH), AFTERMATH);
    }

    private static boolean background(String text, Tokenizer.Tokens tokens, int s, int e) {
        String[] w = tokens.words();
        int open = -1;
        for (int k = s - 1; k >= 0 && k >= s - OPENER_REACH; k--) {
            if (clauseBreak(text, tokens, k + 1)) {
                return false;
            }
            if (OPENERS.contains(w[k])) {
                open = k;
                break;
            }
        }
        if (open < 0) {
            return false;
        }
        int ss = open;
        while (ss > 0 && !sentenceBreak(text, tokens, ss)) {
            ss--;
        }
        int se = e;
        while (se < w.length && !sentenceBreak(text, tokens, se)) {
            se++;
        }
        int clauseEnd = e;
        while (clauseEnd < se && !clauseBreak(text, tokens, clauseEnd)) {
            clauseEnd++;
        }
        if (any(w, open + 1, s, HARM) || any(w, e, clauseEnd, HARM)) {
            return false; // the clause reports the harm itself: "after shelling killed an aid worker"
        }
        // the main clause: before the opener, or after the opener's clause when it starts the sentence
        int from = ss < open ? ss : clauseEnd;
        int to = ss < open ? open : se;
        return !any(w, from, to, HARM) && !any(w, from, to, REACTION);
    }

    private static boolean any(String[] w, int from, int to, Set<String> set) {
        for (int k = Math.max(0, from); k < to && k < w.length; k++) {
            if (set.contains(w[k])) {
                return true;
            }
        }
        return false;
    }

    private static boolean year(String word) {
        if (word.length() != 4 || !(word.startsWith("19") || word.startsWith("20"))) {
            return false;
        }
        return Character.isDigit(word.charAt(2)) && Character.isDigit(word.charAt(3));
    }

    /** @return true when a clause mark stands between token {@code i - 1} and token {@code i} */
    static boolean clauseBreak(String text, Tokenizer.Tokens tokens, int i) {
        if (i <= 0 || i >= tokens.length()) {
            return i <= 0 || i >= tokens.length();
        }
        int from = Math.min(tokens.ends()[i - 1], text.length());
        int to = Math.min(tokens.starts()[i], text.length());
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '—' || c == '–' || c == '\n') {
                return true;
            }
        }
        return sentenceBreak(text, tokens, i);
    }

    /** @return true when a sentence ends between token {@code i - 1} and token {@code i} */
    static boolean sentenceBreak(String text, Tokenizer.Tokens tokens, int i) {
        if (i <= 0 || i >= tokens.length()) {
            return true;
        }
        int from = Math.min(tokens.ends()[i - 1], text.length());
        int to = Math.min(tokens.starts()[i], text.length());
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '\n') {
                return true;
            }
            if ((c == '.' || c == '!' || c == '?') && k + 1 < text.length()
                    && Character.isWhitespace(text.charAt(k + 1))) {
                return tokens.ends()[i - 1] - tokens.starts()[i - 1] > 1 || c != '.';
            }
        }
        return false;
    }
}
