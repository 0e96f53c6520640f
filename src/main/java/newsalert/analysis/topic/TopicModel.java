package newsalert.analysis.topic;


import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import newsalert.analysis.text.Tokenizer;
import newsalert.analysis.text.Vocabulary;
import newsalert.story.Topic;

/**
 * A logistic-regression model per topic over the words and word pairs of a story, read from the resource
 * {@value #RESOURCE}; it is trained by {@code newsalert.eval.TopicModelTrainer} (see README "Topic model") from
 * labelled items and sits beside the lexicon rules ({@link TopicModelRule} decides when it may overrule them).
 *
 * <p>Features ({@link #features}): every distinct word of the title and of the first {@value #BODY_TOKENS} body
 * tokens ({@code w:killed}), every adjacent word pair within the title or within that part of the body
 * ({@code p:shot|dead}), and every title word again ({@code t:summit}). Words are the {@link newsalert.analysis.text.Tokenizer}'s lower-case
 * tokens; a token holding a digit reads {@code #}; function words listed in {@code topic-model.yml}
 * ({@code stop_words}: the, a, in, said…) are skipped, and a pair joins the words on either side of them. The probability of a topic is
 * {@code 1 / (1 + exp(-(bias + sum of the present features' weights)))}; a feature absent from the model weighs 0.
 *
 * <p>Resource format: UTF-8 lines {@code <topic>\t<feature>\t<weight>} ({@code topic} = {@code attack} or
 * {@code diplomacy}; feature {@value #BIAS} is the intercept); lines starting with {@code #} are comments.
 *
 * <p>Immutable and thread-safe.
 */
public final class TopicModel {
    /** The classpath resource holding the shipped weights. */
    public static final String RESOURCE = "newsalert/topic-model.tsv";
    /** The name of the intercept feature, present in every story. */
    public static final String BIAS = "*bias*";
    /** How many body tokens the features read: the lead, which is what a short feed item carries. */
    public static final int BODY_TOKENS = 80;
    private static final Topic[] TOPICS = Topic.values();

    /** The shipped model, read on first use. */
    private static final class Shipped {
        static final TopicModel MODEL = fromResource(RESOURCE);
    }

    /** Feature names by id, and their weights per topic ordinal. */
    private final String[] names;
    private final double[][] weights;
    private final double[] bias;
    /** Word → what the model knows of it: one lookup a token. Stop words are in it, marked. */
    private final Map<String, Word> vocabulary = new HashMap<>();
    /**
     * The same words by their {@link Vocabulary#DEFAULT} id, so that a token read by {@link Tokenizer#lex} is found by
     * an array read instead of hashing its string; {@code null} where the model knows nothing of the word.
     */
    private final Word[] byVocabularyId;
    /**
     * Whether every word of the model has a {@link Vocabulary#DEFAULT} id (true for the shipped model: the table reads
     * its resources), so that a token without an id is known to be absent; otherwise such a token is looked up by its
     * string.
     */
    private final boolean allWordsHaveIds;
    /** The model's entry for a token holding a digit and no entry of its own ({@code #}), or {@code null}. */
    private final Word number;

    /**
     * The ids of {@code w:word} and {@code t:word} (-1 when absent), and the pairs it starts: for each second word's
     * {@link #index}, ascending, the id of {@code p:word|second}.
     */
    private static final class Word {
        /** Index of the word among the model's words, for the pair tables. */
        final int index;
        int id = -1;
        int titleId = -1;
        /** Pairs while the model is read: second word → feature id; then {@link #nextWords}/{@link #nextIds}. */
        Map<String, Integer> next;
        int[] nextWords;
        int[] nextIds;
        boolean stop;

        Word(int index) {
            this.index = index;
        }

        /** @return the id of {@code p:this|second}, or -1 */
        int pair(Word second) {
            if (nextWords == null) {
                return -1;
            }
            int k = java.util.Arrays.binarySearch(nextWords, second.index);
            return k < 0 ? -1 : nextIds[k];
        }
    }

    private Word word(String w) {
        return vocabulary.computeIfAbsent(w, k -> new Word(vocabulary.size()));
    }

    /**
     * @param weights feature → weight per topic ordinal; the {@value #BIAS} entry is the intercept; names other
     *                than {@code w:…}, {@code t:…} and {@code p:…|…} are never present in a story and are ignored
     */
    public TopicModel(Map<String, double[]> weights) {
        double[] b = weights.get(BIAS);
        this.bias = b == null ? new double[TOPICS.length] : b.clone();
        List<String> n = new ArrayList<>();
        List<double[]> w = new ArrayList<>();
        for (Map.Entry<String, double[]> e : new java.util.TreeMap<>(weights).entrySet()) {
            String f = e.getKey();
            int id = n.size();
            if (f.startsWith("w:")) {
                word(f.substring(2)).id = id;
            } else if (f.startsWith("t:")) {
                word(f.substring(2)).titleId = id;
            } else if (f.startsWith("p:") && f.indexOf('|') > 2) {
                int bar = f.indexOf('|');
                Word first = word(f.substring(2, bar));
                if (first.next == null) {
                    first.next = new HashMap<>();
                }
                first.next.put(f.substring(bar + 1), id);
                // the second word must be found too, or the pair would never be looked up
                word(f.substring(bar + 1));
            } else {
                continue;
            }
            n.add(f);
            w.add(e.getValue().clone());
        }
        this.names = n.toArray(new String[0]);
        this.weights = w.toArray(new double[0][]);
        for (String stop : Stop.WORDS) {
            word(stop).stop = true;
        }
        Vocabulary table = Vocabulary.DEFAULT;
        byVocabularyId = new Word[table.size()];
        boolean all = true;
        for (Map.Entry<String, Word> e : vocabulary.entrySet()) {
            Word first = e.getValue();
            if (first.next != null) {
                int[][] pairs = new int[first.next.size()][];
                int k = 0;
                for (Map.Entry<String, Integer> p : first.next.entrySet()) {
                    pairs[k++] = new int[] {vocabulary.get(p.getKey()).index, p.getValue()};
                }
                java.util.Arrays.sort(pairs, Comparator.comparingInt(p -> p[0]));
                first.nextWords = new int[pairs.length];
                first.nextIds = new int[pairs.length];
                for (k = 0; k < pairs.length; k++) {
                    first.nextWords[k] = pairs[k][0];
                    first.nextIds[k] = pairs[k][1];
                }
                first.next = null;
            }
            int id = table.id(e.getKey());
            if (id >= 0) {
                byVocabularyId[id] = first;
            } else if (!e.getKey().equals("#")) {
                all = false;
            }
        }
        allWordsHaveIds = all;
        number = vocabulary.get("#");
    }

    /** @return the model shipped in {@value #RESOURCE} */
    public static TopicModel shipped() {
        return Shipped.MODEL;
    }

    /**
     * @param resource a classpath resource in the format above
     * @return the model
     * @throws IllegalStateException when the resource is missing or a line is malformed (the message names the
     *                               resource and the line)
     */
    static TopicModel fromResource(String resource) {
        InputStream in = TopicModel.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + ": topic model resource not found on the classpath");
        }
        Map<String, double[]> w = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Topic t = f.length == 3 ? topic(f[0]) : null;
                if (t == null) {
                    throw new IllegalStateException(resource + ":" + n + ": expected <attack|diplomacy> TAB feature"
                            + " TAB weight");
                }
                try {
                    w.computeIfAbsent(f[1], k -> new double[TOPICS.length])[t.ordinal()] = Double.parseDouble(f[2]);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(resource + ":" + n + ": the weight is not a number: " + f[2], e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot read the topic model", e);
        }
        return new TopicModel(w);
    }

    private static Topic topic(String name) {
        for (Topic t : TOPICS) {
            if (t.name().toLowerCase(Locale.ROOT).equals(name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The model's features of a story (see the class comment), each once, in text order.
     *
     * @param titleWords the title's tokens ({@link newsalert.analysis.text.Tokenizer#tokenize})
     * @param bodyWords  the body's tokens; only the first {@value #BODY_TOKENS} are read
     * @return the feature names, without {@value #BIAS}
     */
    public static List<String> features(String[] titleWords, String[] bodyWords) {
        Set<String> out = new LinkedHashSet<>();
        add(out, titleWords, titleWords.length, true);
        add(out, bodyWords, Math.min(BODY_TOKENS, bodyWords.length), false);
        return new ArrayList<>(out);
    }

    private static void add(Set<String> out, String[] words, int n, boolean title) {
        String previous = null;
        for (int i = 0; i < n; i++) {
            String w = norm(words[i]);
            if (w.isEmpty()) {
                previous = null;
                continue;
            }
            if (stop(w)) {
                continue;
            }
            out.add("w:" + w);
            if (title) {
                out.add("t:" + w);
            }
            if (previous != null) {
                out.add("p:" + previous + "|" + w);
            }
            previous = w;
        }
    }

    /** Function words the features skip (word pairs join the words around them), from {@value TopicModelRule#RESOURCE}. */
    private static final class Stop {
        static final Set<String> WORDS = read();

        private static Set<String> read() {
            try (InputStream in = TopicModel.class.getClassLoader().getResourceAsStream(TopicModelRule.RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(TopicModelRule.RESOURCE + ": not found on the classpath");
                }
                var node = new com.fasterxml.jackson.databind.ObjectMapper(
                        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(in).path("stop_words");
                if (!node.isArray() || node.isEmpty()) {
                    throw new IllegalStateException(TopicModelRule.RESOURCE + ": stop_words must be a list of words");
                }
                Set<String> out = new java.util.HashSet<>();
                node.forEach(n -> out.add(n.asText()));
                return Set.copyOf(out);
            } catch (IOException e) {
                throw new UncheckedIOException(TopicModelRule.RESOURCE + ": cannot read it", e);
            }
        }
    }

    /** @return whether the features skip this (normalised) word */
    static boolean stop(String word) {
        return Stop.WORDS.contains(word);
    }

    private static String norm(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return "#";
            }
        }
        return word;
    }

    /**
     * One topic's probability with the features that pushed it most.
     *
     * @param probability 0–1
     * @param strongest   up to three features with the largest weights in the direction of the answer
     *                    (towards the topic when {@code probability >= 0.5}, against it otherwise), as
     *                    {@code "killed" +1.42} or {@code "shot dead" +0.80}
     */
    public record Score(double probability, List<String> strongest) {
        public Score {
            strongest = List.copyOf(strongest);
        }
    }

    /**
     * The ids of the model's features present in a story, each once: the same features as {@link #features}
     * keeps, found without building their names.
     *
     * @param titleWords the title's tokens
     * @param bodyWords  the body's tokens; only the first {@value #BODY_TOKENS} are read
     * @return ascending distinct feature ids
     */
    public int[] match(String[] titleWords, String[] bodyWords) {
        int[][] ids = {new int[64]};
        int n = match(titleWords, titleWords.length, true, ids, 0);
        n = match(bodyWords, Math.min(BODY_TOKENS, bodyWords.length), false, ids, n);
        return distinct(ids[0], n);
    }

    private static int[] distinct(int[] found, int n) {
        java.util.Arrays.sort(found, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || found[i] != found[i - 1]) {
                found[distinct++] = found[i];
            }
        }
        return java.util.Arrays.copyOf(found, distinct);
    }

    /**
     * Same as {@link #match(String[], String[])} over the tokens of {@link Tokenizer#lex}: a token is found by its
     * {@link Vocabulary#DEFAULT} id (an array read) rather than by hashing its string, and one without an id is
     * passed over unread unless it holds a digit ({@code #}) or the model has words the table lacks.
     *
     * @param title the title's tokens and ids
     * @param body  the body's tokens and ids; only the first {@value #BODY_TOKENS} are read
     * @return ascending distinct feature ids, equal to {@code match(title.tokens().words(), body.tokens().words())}
     */
    public int[] match(Tokenizer.Lexed title, Tokenizer.Lexed body) {
        if (title.ids() == null || body.ids() == null) {
            return match(title.tokens().words(), body.tokens().words());
        }
        int[][] ids = {new int[64]};
        int n = match(title.tokens().words(), title.ids(), title.ids().length, true, ids, 0);
        n = match(body.tokens().words(), body.ids(), Math.min(BODY_TOKENS, body.ids().length), false, ids, n);
        return distinct(ids[0], n);
    }

    private int match(String[] tokens, int[] vocabularyIds, int count, boolean title, int[][] ids, int n) {
        Word after = null;
        for (int i = 0; i < count; i++) {
            int v = vocabularyIds[i];
            Word w;
            if (v >= 0) {
                w = byVocabularyId[v];
            } else {
                w = allWordsHaveIds ? null : vocabulary.get(tokens[i]);
            }
            if (w == null && hasDigit(tokens[i])) {
                w = number;
            }
            if (w == null) {
                after = null;
                continue;
            }
            if (w.stop) {
                continue;
            }
            n = add(ids, n, w.id);
            if (title) {
                n = add(ids, n, w.titleId);
            }
            if (after != null) {
                n = add(ids, n, after.pair(w));
            }
            after = w;
        }
        return n;
    }

    private int match(String[] tokens, int count, boolean title, int[][] ids, int n) {
        Word after = null;
        for (int i = 0; i < count; i++) {
            String token = tokens[i];
            Word w = vocabulary.get(token);
            if (w == null && hasDigit(token)) {
                w = number;
            }
            if (w == null) {
                // a word the model has no feature of (or a blank): no pair runs through it
                after = null;
                continue;
            }
            if (w.stop) {
                continue;
            }
            n = add(ids, n, w.id);
            if (title) {
                n = add(ids, n, w.titleId);
            }
            if (after != null) {
                n = add(ids, n, after.pair(w));
            }
            after = w;
        }
        return n;
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int add(int[][] ids, int n, int id) {
        if (id < 0) {
            return n;
        }
        if (n == ids[0].length) {
            ids[0] = java.util.Arrays.copyOf(ids[0], n * 2);
        }
        ids[0][n] = id;
        return n + 1;
    }

    /**
     * @param topic the topic
     * @param ids   the story's feature ids ({@link #match})
     * @return the probability of the topic
     */
    public double probability(Topic topic, int[] ids) {
        int k = topic.ordinal();
        double sum = bias[k];
        for (int id : ids) {
            sum += weights[id][k];
        }
        return 1 / (1 + Math.exp(-sum));
    }

    /**
     * @param topic the topic
     * @param ids   the story's feature ids ({@link #match})
     * @return the probability of the topic and its strongest features
     */
    public Score score(Topic topic, int[] ids) {
        int k = topic.ordinal();
        double p = probability(topic, ids);
        double sign = p >= 0.5 ? 1 : -1;
        List<Integer> present = new ArrayList<>();
        for (int id : ids) {
            if (sign * weights[id][k] > 0) {
                present.add(id);
            }
        }
        present.sort(Comparator.comparingDouble((Integer id) -> -sign * weights[id][k]).thenComparing(id -> names[id]));
        List<String> strongest = new ArrayList<>(3);
        for (int id : present.subList(0, Math.min(3, present.size()))) {
            strongest.add(display(names[id]) + " " + String.format(Locale.ROOT, "%+.2f", weights[id][k]));
        }
        return new Score(p, strongest);
    }

    /**
     * Same as {@link #score(Topic, int[])} from feature names ({@link #features}); names the model lacks weigh 0.
     *
     * @param topic    the topic
     * @param features the story's features
     * @return the probability of the topic and its strongest features
     */
    public Score score(Topic topic, List<String> features) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            byName.put(names[i], i);
        }
        int[] ids = features.stream().distinct().map(byName::get).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).sorted().toArray();
        return score(topic, ids);
    }

    /** {@code w:killed} → {@code "killed"}, {@code p:shot|dead} → {@code "shot dead"}, {@code t:x} → {@code "x" (title)}. */
    static String display(String feature) {
        String body = feature.substring(2).replace('|', ' ');
        return feature.startsWith("t:") ? "\"" + body + "\" (title)" : "\"" + body + "\"";
    }

    /** @return the name of feature {@code id} ({@code w:killed}, {@code p:shot|dead}) */
    String featureName(int id) {
        return names[id];
    }

    /** @return whether every word of the model has a {@link Vocabulary#DEFAULT} id (see {@link #match(Tokenizer.Lexed, Tokenizer.Lexed)}) */
    boolean allWordsHaveIds() {
        return allWordsHaveIds;
    }

    /** @return how many features carry a weight (the intercept not counted) */
    public int size() {
        return names.length;
    }
}
