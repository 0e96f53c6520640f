package newsalert.analysis.topic;

import newsalert.analysis.text.WordLists;

import newsalert.analysis.text.PhraseIndex;
import newsalert.analysis.text.Tokenizer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsalert.story.Topic;

/**
 * Reads a {@link Lexicon} from YAML with Jackson: the embedded {@value #DEFAULT_RESOURCE} or a
 * file. The format is documented at the top of the embedded file. Brace groups in phrases are
 * expanded here ({@code "bomb{,s,ing}"} gives bomb, bombs, bombing; several groups give every
 * combination) and each variant is tokenized with {@link Tokenizer}.
 */
public final class LexiconLoader {
    /** The classpath resource holding the default lexicon. */
    public static final String DEFAULT_RESOURCE = WordLists.LEXICON_RESOURCE;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LexiconLoader() {
    }

    /** YAML shape of one topic block. */
    record TopicFile(Double threshold, Double supportCap, Integer minEvidence, Map<String, Double> terms,
                     Map<String, Double> support,
                     Map<String, Double> context, List<String> notable, List<String> roles, List<String> facts) {
    }

    /** YAML shape of the whole file. */
    record LexiconFile(Double titleWeight, Map<String, TopicFile> topics, List<String> negations,
                       Lexicon.SeverityRules severity, BlastRule.Spec blasts, MeetingRule.Spec meetings) {
    }

    /**
     * @return the embedded default lexicon
     * @throws IllegalStateException when the resource is missing or invalid (a build error)
     */
    public static Lexicon loadDefault() {
        try (InputStream in = LexiconLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " not found");
            }
            return parse(in, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("embedded lexicon is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * @param file a lexicon YAML file
     * @return the lexicon it holds
     * @throws IllegalArgumentException when the file is missing, unreadable or invalid; the message
     *                                  names the file and the problem
     */
    public static Lexicon load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("lexicon file not found: " + file.toAbsolutePath());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read lexicon file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param in     YAML text
     * @param source a name for messages
     * @return the lexicon
     * @throws IllegalArgumentException when the YAML is malformed or a required part is missing
     */
    public static Lexicon parse(InputStream in, String source) {
        LexiconFile f;
        try {
            f = YAML.readValue(in, LexiconFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid lexicon " + source + ": " + e.getMessage(), e);
        }
        if (f == null || f.topics() == null || f.severity() == null) {
            throw new IllegalArgumentException("invalid lexicon " + source + ": 'topics' and 'severity' are required");
        }
        List<PhraseIndex.Entry> entries = new ArrayList<>();
        Map<Topic, Lexicon.TopicRules> rules = new EnumMap<>(Topic.class);
        int[] nextId = {0};
        Map<String, Integer> keys = new HashMap<>();
        java.util.BitSet roles = new java.util.BitSet();
        java.util.BitSet facts = new java.util.BitSet();
        for (Map.Entry<String, TopicFile> te : f.topics().entrySet()) {
            Topic topic;
            try {
                topic = Topic.fromWireName(te.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid lexicon " + source + ": " + e.getMessage(), e);
            }
            TopicFile tf = te.getValue();
            if (tf == null || tf.threshold() == null || tf.terms() == null || tf.terms().isEmpty()) {
                throw new IllegalArgumentException("invalid lexicon " + source + ": topic '" + te.getKey()
                        + "' needs a threshold and at least one term");
            }
            rules.put(topic, new Lexicon.TopicRules(tf.threshold(),
                    tf.supportCap() == null ? Double.MAX_VALUE : tf.supportCap(),
                    tf.minEvidence() == null ? 2 : tf.minEvidence()));
            int firstTerm = nextId[0];
            add(entries, tf.terms(), PhraseIndex.Entry.Kind.TERM, topic, nextId, keys);
            mark(roles, tf.roles(), tf.terms(), firstTerm, "roles", te.getKey(), source);
            mark(facts, tf.facts(), tf.terms(), firstTerm, "facts", te.getKey(), source);
            add(entries, tf.support(), PhraseIndex.Entry.Kind.SUPPORT, topic, nextId, keys);
            add(entries, tf.context(), PhraseIndex.Entry.Kind.CONTEXT, topic, nextId, keys);
            add(entries, weightless(tf.notable()), PhraseIndex.Entry.Kind.NOTABLE, topic, nextId, keys);
        }
        for (Topic t : Topic.values()) {
            if (!rules.containsKey(t)) {
                throw new IllegalArgumentException(
                        "invalid lexicon " + source + ": topic '" + t.wireName() + "' missing");
            }
        }
        add(entries, weightless(f.negations()), PhraseIndex.Entry.Kind.NEGATION, null, nextId, keys);
        double titleWeight = f.titleWeight() == null ? 1.0 : f.titleWeight();
        BlastRule blasts = f.blasts() == null ? BlastRule.NONE : f.blasts().toRule();
        MeetingRule meetings = f.meetings() == null ? MeetingRule.NONE : f.meetings().toRule();
        return new Lexicon(titleWeight, rules, f.severity(), blasts, meetings, entries, roles, facts, source);
    }

    /**
     * Marks the entry ids of the listed terms: entry ids of a topic's terms are given in the order of its
     * {@code terms} map, starting at {@code firstTerm}.
     *
     * @throws IllegalArgumentException when a listed phrase is not one of the topic's terms, written the same way
     */
    private static void mark(java.util.BitSet out, List<String> listed, Map<String, Double> terms, int firstTerm,
                             String what, String topic, String source) {
        if (listed == null) {
            return;
        }
        List<String> order = new ArrayList<>(terms.keySet());
        for (String phrase : listed) {
            int at = order.indexOf(phrase);
            if (at < 0) {
                throw new IllegalArgumentException("invalid lexicon " + source + ": topic '" + topic + "' lists \""
                        + phrase + "\" under " + what + " but not under terms; copy it exactly as the term is written");
            }
            out.set(firstTerm + at);
        }
    }

    private static Map<String, Double> weightless(List<String> phrases) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (phrases != null) {
            phrases.forEach(p -> m.put(p, 0.0));
        }
        return m;
    }

    private static void add(List<PhraseIndex.Entry> out, Map<String, Double> phrases, PhraseIndex.Entry.Kind kind,
                            Topic topic, int[] nextId, Map<String, Integer> keys) {
        if (phrases == null) {
            return;
        }
        for (Map.Entry<String, Double> pe : phrases.entrySet()) {
            int id = nextId[0]++;
            double w = pe.getValue() == null ? 0 : pe.getValue();
            for (String variant : expand(pe.getKey())) {
                String[] tokens = Tokenizer.tokenize(variant);
                if (tokens.length > 0) {
                    String text = String.join(" ", tokens);
                    int key = keys.computeIfAbsent(kind + "/" + topic + "/" + text, k -> keys.size());
                    out.add(new PhraseIndex.Entry(tokens, kind, topic, w, id, key, text));
                }
            }
        }
    }

    /**
     * Expands brace groups: {@code "a{b,c}d {e,f}"} gives {@code "abd e", "abd f", "acd e", "acd f"}.
     *
     * @param phrase a lexicon phrase
     * @return every variant, in order
     * @throws IllegalArgumentException on an unclosed brace
     */
    static List<String> expand(String phrase) {
        int open = phrase.indexOf('{');
        if (open < 0) {
            return List.of(phrase);
        }
        int close = phrase.indexOf('}', open);
        if (close < 0) {
            throw new IllegalArgumentException("unclosed '{' in lexicon phrase: " + phrase);
        }
        String head = phrase.substring(0, open);
        String tail = phrase.substring(close + 1);
        List<String> out = new ArrayList<>();
        for (String alt : phrase.substring(open + 1, close).split(",", -1)) {
            out.addAll(expand(head + alt + tail));
        }
        return out;
    }
}
