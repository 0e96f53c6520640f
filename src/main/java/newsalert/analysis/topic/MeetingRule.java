package newsalert.analysis.topic;

import newsalert.analysis.text.Tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a leader's or minister's visit or meeting abroad as one diplomatic act, from the shape of the clause
 * rather than from names: an office holder, then a meeting act, then a foreign party.
 *
 * <p>Rule, per title or body: a word of {@code acts} (visit, visits, met, meets, hosts, arrives, trip, talks…)
 * fires when
 * <ol>
 *   <li>a word of {@code leaders} (president, minister, pm, premier, chancellor, king, envoy, delegation…)
 *       stands at most {@code before} tokens before it, in the same sentence, or right after the party (the
 *       foreign leader met: "meets Chinese president"); and</li>
 *   <li>a foreign party starts at most {@code after} tokens after it, in the same sentence, with only words of
 *       {@code linkers} between ("to", "in", "with", "the", "his", "first", "state"…): a phrase of {@code parties}
 *       (demonyms, capitals, "counterpart"), or, when {@code gazetteerCountries} is set, a country name of the
 *       shipped gazetteer ({@value #GAZETTEER}); a phrase under {@code excluded} is never a party.</li>
 * </ol>
 * So "Indian PM arrives in Japan for two-day trip", "Spain's king visits Morocco" and "Macron meets Chinese
 * president" fire, while "President visits Ohio factory" (no country), "Minister visits troops in Iraq" (a
 * word that is not a linker between) and "Secretary of State condemns killing" (no act) do not. The first such
 * act counts as one core diplomacy term of {@code weight}, and as a diplomatic fact (see {@link Lexicon}: one fact
 * is evidence enough). Words are whole lower-case tokens from {@link Tokenizer}; parties may be several words.
 * Immutable and thread-safe.
 *
 * @param leaders  office holders' titles
 * @param acts     visit and meeting words
 * @param meets    the acts after which the person met may stand before the party ("met Kim in Pyongyang"): a
 *                 party right after "in" counts however many other words (at most {@code after}) stand between
 * @param linkers  words allowed between the act and the party
 * @param parties  foreign parties: each a phrase as token arrays, by first token
 * @param weight   core weight added (multiplied by the title weight for a title hit); 0 turns the rule off
 * @param before   how many tokens before the act the leader may stand
 * @param after    how many tokens after the act the party may start
 */
public record MeetingRule(Set<String> leaders, Set<String> acts, Set<String> meets, Set<String> linkers,
                          Map<String, List<String[]>> parties, double weight, int before, int after) {

    /**
     * The gazetteer resource whose country display names ({@code c} lines) and country-only short forms
     * ({@code n} lines of kind U) become parties; its other aliases (regions, front-line towns) do not, since a
     * leader visiting one is usually at home.
     */
    static final String GAZETTEER = "newsalert/gazetteer.tsv";

    /** A rule that never fires. */
    public static final MeetingRule NONE = new MeetingRule(Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), 0, 0, 0);

    /** Copies the collections. */
    public MeetingRule {
        leaders = Set.copyOf(leaders);
        acts = Set.copyOf(acts);
        meets = Set.copyOf(meets);
        linkers = Set.copyOf(linkers);
        parties = Map.copyOf(parties);
    }

    /**
     * Where the rule fired: token indexes of the leader, the act and the party's last token.
     *
     * @param leader index of the leader word
     * @param act    index of the act word
     * @param party  index of the party's last token
     */
    public record Hit(int leader, int act, int party) {
    }

    /** YAML shape: lists of words plus the numbers. */
    record Spec(List<String> leaders, List<String> acts, List<String> meets, List<String> linkers, List<String> parties,
                List<String> excluded, Boolean gazetteerCountries, Double weight, Integer before, Integer after) {
        MeetingRule toRule() {
            Set<String> out = new HashSet<>(excluded == null ? List.of() : excluded);
            Map<String, List<String[]>> byFirst = new HashMap<>();
            List<String> names = new ArrayList<>(parties == null ? List.of() : parties);
            if (Boolean.TRUE.equals(gazetteerCountries)) {
                names.addAll(countriesOfGazetteer());
            }
            for (String name : names) {
                String[] tokens = Tokenizer.tokenize(name);
                if (tokens.length > 0 && !out.contains(String.join(" ", tokens))) {
                    byFirst.computeIfAbsent(tokens[0], k -> new ArrayList<>()).add(tokens);
                }
            }
            byFirst.replaceAll((k, v) -> List.copyOf(v));
            return new MeetingRule(set(leaders), set(acts), set(meets), set(linkers), byFirst,
                    weight == null ? 5 : weight, before == null ? 4 : before, after == null ? 4 : after);
        }

        private static Set<String> set(List<String> l) {
            return l == null ? Set.of() : Set.copyOf(l);
        }
    }

    /**
     * @return the country display names and country-only short forms of {@value #GAZETTEER}
     * @throws IllegalStateException when the resource is missing or unreadable (a build error)
     */
    static List<String> countriesOfGazetteer() {
        List<String> out = new ArrayList<>();
        try (InputStream in = MeetingRule.class.getClassLoader().getResourceAsStream(GAZETTEER)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + GAZETTEER + " not found");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                if (f[0].equals("c") && f.length >= 3) {
                    out.add(f[2]); // a country's display name: "South Korea", "Guinea-Bissau"
                } else if (f[0].equals("n") && f.length >= 4 && f[3].equals("U")) {
                    out.add(f[1]); // the short forms that stand only for a country: "uk", "u s a", "dprk"
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + GAZETTEER + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * @param text   the title or body the tokens come from (for sentence ends)
     * @param tokens its tokens; {@code words} may be the scan's words (work titles blanked)
     * @param words  the words to read, parallel to {@code tokens}
     * @return the first place the rule fires, or {@code null}
     */
    Hit find(String text, Tokenizer.Tokens tokens, String[] words) {
        if (weight <= 0) {
            return null;
        }
        for (int i = 0; i < words.length; i++) {
            if (!acts.contains(words[i])) {
                continue;
            }
            int leader = leaderBefore(text, tokens, words, i);
            int party = partyAfter(text, tokens, words, i);
            if (party < 0) {
                continue;
            }
            if (leader < 0 && party + 1 < words.length && leaders.contains(words[party + 1])
                    && !TopicFrames.sentenceBreak(text, tokens, party + 1)) {
                leader = party + 1; // "Macron meets Chinese president": the foreign leader is the party
            }
            if (leader >= 0) {
                return new Hit(leader, i, party);
            }
        }
        return null;
    }

    private int leaderBefore(String text, Tokenizer.Tokens tokens, String[] words, int act) {
        for (int k = act - 1; k >= 0 && k >= act - before; k--) {
            if (TopicFrames.sentenceBreak(text, tokens, k + 1)) {
                return -1;
            }
            if (leaders.contains(words[k])) {
                return k;
            }
        }
        return -1;
    }

    private int partyAfter(String text, Tokenizer.Tokens tokens, String[] words, int act) {
        for (int k = act + 1; k < words.length && k <= act + after; k++) {
            if (TopicFrames.sentenceBreak(text, tokens, k)) {
                return -1;
            }
            int end = partyAt(words, k);
            if (end >= 0) {
                return end;
            }
            if (!linkers.contains(words[k]) && !acts.contains(words[k]) && !leaders.contains(words[k])) {
                return meets.contains(words[act]) ? partyAfterIn(text, tokens, words, k, act + after) : -1;
            }
        }
        return -1;
    }

    /** "met Kim Jong Un in Pyongyang": the first party right after "in" from {@code from} up to {@code to}. */
    private int partyAfterIn(String text, Tokenizer.Tokens tokens, String[] words, int from, int to) {
        for (int k = from + 1; k < words.length && k <= to + 1; k++) {
            if (TopicFrames.clauseBreak(text, tokens, k)) {
                return -1;
            }
            if (words[k - 1].equals("in")) {
                return partyAt(words, k);
            }
        }
        return -1;
    }

    /** @return the index of the party's last token when a party starts at {@code k}, else -1 */
    private int partyAt(String[] words, int k) {
        List<String[]> candidates = parties.get(words[k]);
        if (candidates == null) {
            return -1;
        }
        int best = -1;
        for (String[] p : candidates) {
            if (k + p.length <= words.length && matches(words, k, p)) {
                best = Math.max(best, k + p.length - 1);
            }
        }
        return best;
    }

    private static boolean matches(String[] words, int k, String[] p) {
        for (int j = 0; j < p.length; j++) {
            if (!words[k + j].equals(p[j])) {
                return false;
            }
        }
        return true;
    }
}
