package newsalert.analysis.topic;

import newsalert.analysis.text.WordFilter;

import java.util.List;
import java.util.Set;

/**
 * Decides when a bare "blast" or "explosion" reads as a bombing, from the words near it.
 *
 * <p>Rule: a blast word (blast, explosion…) counts as one core attack term of weight
 * {@code weight} when, within {@code window} tokens either side of it, there is a target word (a
 * place people gather: mosque, church, market, checkpoint, funeral…) or a perpetrator word
 * (suicide, bomber, militants, jihadists…), and no accident word (tanker, factory, gas, fireworks,
 * mine, boiler…) is in that window. So "Blast in Kabul mosque kills 10" is an attack, while
 * "Tanker explosion kills 40" and "gas blast at market stall" are not. Words are whole tokens from
 * {@link newsalert.analysis.text.Tokenizer}. Immutable and thread-safe.
 *
 * @param words        blast words
 * @param targets      places that make a blast a likely bombing
 * @param perpetrators words naming a bomber or armed group
 * @param accidents    words that mark an accident; they veto the rule inside the window
 * @param weight       core weight added (multiplied by the title weight for a title hit)
 * @param window       how many tokens either side of the blast word are looked at
 */
public record BlastRule(Set<String> words, Set<String> targets, Set<String> perpetrators, Set<String> accidents,
                        double weight, int window) {

    /** A rule that never fires. */
    public static final BlastRule NONE = new BlastRule(Set.of(), Set.of(), Set.of(), Set.of(), 0, 0);

    /** Copies the sets. */
    public BlastRule {
        words = Set.copyOf(words);
        targets = Set.copyOf(targets);
        perpetrators = Set.copyOf(perpetrators);
        accidents = Set.copyOf(accidents);
    }

    /** YAML shape: lists of words plus the two numbers. */
    record Spec(List<String> words, List<String> targets, List<String> perpetrators, List<String> accidents,
                Double weight, Integer window) {
        BlastRule toRule() {
            return new BlastRule(set(words), set(targets), set(perpetrators), set(accidents),
                    weight == null ? 5 : weight, window == null ? 6 : window);
        }

        private static Set<String> set(List<String> l) {
            return l == null ? Set.of() : Set.copyOf(l);
        }
    }

    /**
     * @param tokens tokens of one title or body
     * @return the first blast word that reads as a bombing, or {@code null} when none does
     */
    public String firstBombing(String[] tokens) {
        int i = firstBombingAt(tokens);
        return i < 0 ? null : tokens[i];
    }

    /**
     * @param tokens tokens of one title or body
     * @return the index of the first blast word that reads as a bombing, or −1 when none does
     */
    public int firstBombingAt(String[] tokens) {
        return firstBombingAt(tokens, new WordFilter(words, 64));
    }

    /**
     * Same as {@link #firstBombingAt(String[])}, with a filter that rejects most tokens before the set probe.
     *
     * @param filter a {@link WordFilter} built from {@link #words()}
     */
    int firstBombingAt(String[] tokens, WordFilter filter) {
        if (weight <= 0) {
            return -1;
        }
        for (int i = 0; i < tokens.length; i++) {
            if (filter.mayContain(tokens[i]) && words.contains(tokens[i]) && bombingAt(tokens, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean bombingAt(String[] tokens, int i) {
        boolean cue = false;
        for (int k = Math.max(0, i - window); k < Math.min(tokens.length, i + window + 1); k++) {
            String w = tokens[k];
            if (accidents.contains(w)) {
                return false;
            }
            cue |= targets.contains(w) || perpetrators.contains(w);
        }
        return cue;
    }
}
