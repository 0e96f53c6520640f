package newsalert.analysis.casualty;

import newsalert.analysis.text.Tokenizer;
import newsalert.analysis.text.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsalert.analysis.casualty.CasualtyMention.Category;
import newsalert.story.CasualtyCount;

/**
 * Finds explicit statements that nobody was harmed, each giving an exact 0:
 * "no one was killed", "nobody was hurt", "none were injured", "no casualties were reported",
 * "no damage or casualties", "without causing casualties", "the attack killed nobody", "injuring no one".
 *
 * <p>Which categories a statement zeroes (the dev-set convention): killed/dead/died/deaths/fatalities and
 * casualties → killed; injured/wounded/injuries → injured; missing → missing; hurt/harmed/victims → both
 * killed and injured (nobody harmed at all). Zero is never inferred from silence. Not used: "no
 * casualties among the troops" (a zero for one group only) and hedged statements that only say nothing
 * is known yet ("no reports of deaths", "no immediate reports of injuries", "no deaths were
 * immediately reported"). The patterns
 * are linear (fixed alternations, bounded repeats), so there is no backtracking blow-up.
 */
final class CasualtyZeroes {
    private static final Pattern NOBODY = Pattern.compile(
            "\\b(?:no[ -]one|nobody|none)\\s+(?:(?:was|were|is|are|has|have|had|been|being|got|reportedly|reported"
                    + "|believed|thought|seriously|else|else's)\\s+){0,3}(killed|dead|died|hurt|injured|wounded"
                    + "|harmed|missing)\\b");
    private static final Pattern NO_NOUN = Pattern.compile(
            "\\bno\\s+(?:(?:other|further|known|serious|major|reported|human)\\s+)?"
                    + "(?:[a-z]+\\s+or\\s+)?(casualties|deaths|fatalities|injuries|victims)\\b"
                    + "(?!\\s+(?:were\\s+|was\\s+)?(?:reported\\s+)?among)"
                    + "(?!\\s+(?:were|was|have\\s+been|has\\s+been)\\s+immediately)");
    /** The verb before the nobody: "the attack killed nobody", "injuring no one". */
    private static final Pattern VERB_NOBODY = Pattern.compile(
            "\\b(kill(?:ed|ing|s)?|injur(?:ed|ing|es|e)|wound(?:ed|ing|s)?|hurt(?:ing|s)?|harm(?:ed|ing|s)?)"
                    + "\\s+(?:no[ -]one|nobody)\\b");
    private static final Pattern WITHOUT = Pattern.compile(
            "\\bwithout\\s+(?:causing\\s+|any\\s+){0,2}(casualties|injuries|deaths)\\b");

    private CasualtyZeroes() {
    }

    /**
     * A cheap test on a text's lexicon tokens, made before {@link #find} lower-cases the text. Each pattern
     * needs whole words, and each such word is one of the {@link Tokenizer} tokens (both lower-case with
     * {@link Locale#ROOT}, and the tokenizer splits at every character that is not a letter or digit, so
     * at white space, hyphens and word boundaries): "nobody" or "none"; "no" then "one" ("no one",
     * "no-one"); "no" with a harm noun (casualties, deaths, fatalities, injuries, victims) among the next
     * {@value #NO_NOUN_REACH} tokens (at most an adjective and "word or" come between); or "without" with
     * casualties, injuries or deaths among the next {@value #WITHOUT_REACH}. When no token fits, {@link #find}
     * finds nothing in the text or in any part of it.
     *
     * @param tokens the {@link Tokenizer#tokenizeWithOffsets} tokens of the whole text
     * @return false only when {@link #find} on the text, or on any part of it, returns no mention
     */
    static boolean mayFind(Tokenizer.Tokens tokens) {
        return mayFind(tokens.words(), null);
    }

    /**
     * Same as {@link #mayFind(Tokenizer.Tokens)}, passing over a token whose {@link Vocabulary} id is none
     * of the lead words' by comparing ids, so no token string is hashed or compared for it.
     *
     * @param lexed the {@link Tokenizer#lex} tokens of the whole text
     * @return as {@link #mayFind(Tokenizer.Tokens)}
     */
    static boolean mayFind(Tokenizer.Lexed lexed) {
        return mayFind(lexed.tokens().words(), LEAD_IDS_KNOWN ? lexed.ids() : null);
    }

    private static final int NO_ID = Vocabulary.DEFAULT.id("no");
    private static final int NONE_ID = Vocabulary.DEFAULT.id("none");
    private static final int NOBODY_ID = Vocabulary.DEFAULT.id("nobody");
    private static final int WITHOUT_ID = Vocabulary.DEFAULT.id("without");
    /** True when every lead word has an id, so a token with another id (or none) is no lead word. */
    private static final boolean LEAD_IDS_KNOWN = NO_ID >= 0 && NONE_ID >= 0 && NOBODY_ID >= 0 && WITHOUT_ID >= 0;

    private static boolean mayFind(String[] w, int[] ids) {
        for (int i = 0; i < w.length; i++) {
            if (ids != null) {
                int id = ids[i];
                if (id != NO_ID && id != NONE_ID && id != NOBODY_ID && id != WITHOUT_ID) {
                    continue;
                }
            }
            String lead = w[i];
            int len = lead.length();
            if (len != 2 && len != 4 && len != 6 && len != 7 || lead.charAt(0) != 'n' && lead.charAt(0) != 'w') {
                continue; // no lead word ("no", "none", "nobody", "without"): skips the switch's hashing
            }
            switch (lead) {
                case "nobody", "none" -> {
                    return true;
                }
                case "no" -> {
                    if (i + 1 < w.length && w[i + 1].equals("one") || nounWithin(w, i, NO_NOUN_REACH, true)) {
                        return true;
                    }
                }
                case "without" -> {
                    if (nounWithin(w, i, WITHOUT_REACH, false)) {
                        return true;
                    }
                }
                default -> {
                    // not a lead word
                }
            }
        }
        return false;
    }

    /** Tokens after "no" that may hold the harm noun: an adjective, then "word or", then the noun. */
    static final int NO_NOUN_REACH = 4;
    /** Tokens after "without" that may hold the noun: up to two of "causing"/"any", then the noun. */
    static final int WITHOUT_REACH = 3;

    private static boolean nounWithin(String[] w, int at, int reach, boolean afterNo) {
        for (int k = at + 1; k <= at + reach && k < w.length; k++) {
            switch (w[k]) {
                case "casualties", "deaths", "injuries" -> {
                    return true;
                }
                case "fatalities", "victims" -> {
                    if (afterNo) {
                        return true;
                    }
                }
                default -> {
                    // keep looking
                }
            }
        }
        return false;
    }

    /**
     * @param text lower- or mixed-case text
     * @param lead whether the text is the story's title or first paragraph
     * @param base char offset of {@code text} in {@code title + "\n" + body}, for the mentions' offsets
     * @return zero mentions, in text order
     */
    static List<CasualtyMention> find(String text, boolean lead, int base) {
        String s = Tokenizer.lowerKeepingOffsets(text);
        // each pattern runs only when the words it needs are present (a cheap first test)
        boolean nobody = s.contains("no one") || s.contains("no-one") || s.contains("nobody");
        boolean none = s.contains("none");
        boolean nouns = s.contains("casualties") || s.contains("deaths") || s.contains("fatalities")
                || s.contains("injuries") || s.contains("victims");
        if (!nobody && !(none && s.contains("none ")) && !nouns) {
            return List.of();
        }
        List<CasualtyMention> out = new ArrayList<>(2);
        if (nobody || none) {
            findAllAtNo(NOBODY, s, out, lead, base);
        }
        if (nouns) {
            findAllAtNo(NO_NOUN, s, out, lead, base);
            if (s.contains("without")) {
                findAllAtWord(WITHOUT, "w", s, out, lead, base);
            }
        }
        if (nobody) {
            findAllAtWord(VERB_NOBODY, "khiw", s, out, lead, base);
        }
        return out;
    }

    /**
     * Same matches as {@link Matcher#find()} run to the end, for a pattern whose every match starts with
     * {@code \b} and one of {@code firstChars} (WITHOUT: "w"; VERB_NOBODY: kill, harm/hurt, injur,
     * wound): the pattern is tried ({@code lookingAt} with transparent bounds) only at such a character
     * that does not follow an ASCII word character, instead of at every character.
     */
    private static void findAllAtWord(Pattern p, String firstChars, String s, List<CasualtyMention> out,
                                      boolean lead, int base) {
        Matcher m = p.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        int n = s.length();
        int at = 0;
        while (at < n) {
            if (firstChars.indexOf(s.charAt(at)) < 0 || at > 0 && isAsciiWordChar(s.charAt(at - 1))) {
                at++;
                continue;
            }
            m.region(at, n);
            if (m.lookingAt()) {
                add(out, m.group(1), lead, base + m.start());
                at = m.end();
            } else {
                at++;
            }
        }
    }

    /**
     * Same matches as {@link Matcher#find()} run to the end, for a pattern whose every match starts
     * with "no": the pattern is tried only where "no" occurs ({@code lookingAt} with transparent bounds, so {@code \b} and
     * look-arounds still see the whole text), instead of at every character.
     */
    private static void findAllAtNo(Pattern p, String s, List<CasualtyMention> out, boolean lead, int base) {
        Matcher m = p.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        int n = s.length();
        int at = s.indexOf("no");
        while (at >= 0) {
            if (at > 0 && isAsciiWordChar(s.charAt(at - 1))) {
                at = s.indexOf("no", at + 1); // inside a word ("know", "economy"): the leading \b fails
                continue;
            }
            m.region(at, n);
            if (m.lookingAt()) {
                add(out, m.group(1), lead, base + m.start());
                at = s.indexOf("no", m.end());
            } else {
                at = s.indexOf("no", at + 1);
            }
        }
    }

    /** An ASCII letter, digit or underscore: a word character for {@code \b} whatever follows it. */
    private static boolean isAsciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static void add(List<CasualtyMention> out, String word, boolean lead, int pos) {
        switch (stem(word)) {
            case "killed", "dead", "died", "deaths", "fatalities" -> out.add(zero(Category.KILLED, lead, pos));
            case "injured", "wounded", "injuries" -> out.add(zero(Category.INJURED, lead, pos));
            case "casualties" -> out.add(zero(Category.KILLED, lead, pos));
            case "missing" -> out.add(zero(Category.MISSING, lead, pos));
            default -> {
                out.add(zero(Category.KILLED, lead, pos));
                out.add(zero(Category.INJURED, lead, pos));
            }
        }
    }

    /** Maps a verb form from {@link #VERB_NOBODY} to the word {@link #add} expects; other words unchanged. */
    private static String stem(String word) {
        if (word.startsWith("kill")) {
            return "killed";
        }
        if (word.startsWith("injur") || word.startsWith("wound")) {
            return "injured";
        }
        return word.startsWith("hurt") || word.startsWith("harm") ? "hurt" : word;
    }

    private static CasualtyMention zero(Category c, boolean lead, int pos) {
        return new CasualtyMention(c, CasualtyCount.exact(0), false, lead, false, -1 - pos).at(false, pos);
    }
}
