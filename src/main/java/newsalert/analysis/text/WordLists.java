package newsalert.analysis.text;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named word lists read from a YAML resource: a mapping from key to a non-empty sequence of quoted
 * strings. The casualty and quote extractors keep their vocabulary in {@value #CASUALTY_RESOURCE} and
 * {@value #QUOTE_RESOURCE}; their holder classes ({@link newsalert.analysis.casualty.CasualtyLexicon}, {@link newsalert.analysis.casualty.CasualtyWords},
 * {@link newsalert.analysis.quote.SpeakerLexicon}, {@link newsalert.analysis.quote.QuoteShapes} and the rule classes with a few words of their own, such
 * as {@link newsalert.analysis.casualty.CasualtyContext} and {@link newsalert.analysis.quote.SpeakerParser}) copy each list into an immutable constant when
 * they are initialised, so the files are read once per run.
 *
 * <p>Errors fail fast: a missing resource, malformed YAML, a value that is not a list of strings, a
 * blank or duplicate entry, an empty list or a missing key all throw {@link IllegalStateException}
 * with a message naming the resource and the key. Thrown from a holder's static initialiser, this
 * stops the program at its first analysis.
 */
public final class WordLists {
    /** Classpath resource holding the topic lexicon ({@code newsalert.analysis.topic.LexiconLoader} reads it). */
    public static final String LEXICON_RESOURCE = "newsalert/lexicon.yml";
    /** Classpath resource holding the casualty word lists. */
    static final String CASUALTY_RESOURCE = "newsalert/casualty-words.yml";
    /** Classpath resource holding the quote and speaker word lists. */
    static final String QUOTE_RESOURCE = "newsalert/quote-words.yml";
    /** Classpath resource holding the topic frame word lists ({@link newsalert.analysis.topic.TopicFrames}). */
    static final String TOPIC_RESOURCE = "newsalert/topic-words.yml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The casualty word lists, read when this class is initialised. */
    public static final WordLists CASUALTY = fromResource(CASUALTY_RESOURCE);
    /** The quote and speaker word lists, read when this class is initialised. */
    public static final WordLists QUOTE = fromResource(QUOTE_RESOURCE);
    /** The topic frame word lists, read when this class is initialised. */
    public static final WordLists TOPIC = fromResource(TOPIC_RESOURCE);

    private final String source;
    private final Map<String, List<String>> lists;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private WordLists(String source, Map<String, List<String>> lists) {
        this.source = source;
        this.lists = lists;
    }

    /**
     * @param resource a classpath resource path, e.g. {@value #CASUALTY_RESOURCE}
     * @return its word lists
     * @throws IllegalStateException when the resource is missing or invalid
     */
    static WordLists fromResource(String resource) {
        try (InputStream in = WordLists.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list resource " + resource + " not found on the classpath");
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read word list resource " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param in     YAML text: a mapping of key to a sequence of strings
     * @param source the resource name, for messages
     * @return the lists, in file order
     * @throws IllegalStateException when the YAML is malformed or a list is empty, not all strings,
     *                               or holds a blank or repeated entry
     */
    static WordLists parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("word list resource " + source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("word list resource " + source + " must be a mapping of key to list");
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> lists.put(e.getKey(), words(source, e.getKey(), e.getValue())));
        return new WordLists(source, Collections.unmodifiableMap(lists));
    }

    private static List<String> words(String source, String key, JsonNode node) {
        String where = "key '" + key + "' in word list resource " + source;
        if (node == null || !node.isArray()) {
            throw new IllegalStateException(where + " must be a list of quoted strings");
        }
        if (node.isEmpty()) {
            throw new IllegalStateException(where + " is empty");
        }
        List<String> out = new ArrayList<>(node.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new IllegalStateException(where + ": entry " + item + " is not a string (quote it)");
            }
            String w = item.textValue();
            if (w.isBlank()) {
                throw new IllegalStateException(where + " has a blank entry");
            }
            if (!seen.add(w)) {
                throw new IllegalStateException(where + " lists \"" + w + "\" twice");
            }
            out.add(w);
        }
        return List.copyOf(out);
    }

    /**
     * @param key a list's key
     * @return the list as an immutable set (unordered; entries as written)
     * @throws IllegalStateException when the resource has no such key
     */
    public Set<String> set(String key) {
        return Set.copyOf(list(key));
    }

    /**
     * @param key a list's key
     * @return the list as an immutable list, in file order
     * @throws IllegalStateException when the resource has no such key
     */
    public List<String> list(String key) {
        List<String> l = lists.get(key);
        if (l == null) {
            throw new IllegalStateException("word list resource " + source + " has no key '" + key + "'");
        }
        used.add(key);
        return l;
    }

    /** @return the resource name these lists came from */
    String source() {
        return source;
    }

    /** @return every key in the resource, in file order */
    Set<String> keys() {
        return Collections.unmodifiableSet(lists.keySet());
    }

    /** @return the keys some holder has read so far, sorted */
    Set<String> usedKeys() {
        return Collections.unmodifiableSet(new TreeSet<>(used));
    }
}
