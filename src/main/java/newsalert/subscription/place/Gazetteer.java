package newsalert.subscription.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Country, admin-area, city and region names mapped to ISO 3166-1 alpha-2 country codes.
 *
 * <p>A <em>place key</em> is what a subscription stores: a country code in capitals ({@code UA}) or a region
 * key in lower case ({@code middle-east}). {@link #resolve} turns what a user typed into a key,
 * {@link #countriesOf} a key into its countries, and {@link PlaceFinder} reads the countries a text names.
 * The standard instance is read from the resource {@value #RESOURCE} on first use (about 26,000 names).
 */
public final class Gazetteer {
    /** The classpath resource of the standard gazetteer. */
    public static final String RESOURCE = "newsalert/gazetteer.tsv";

    /** How a name was entered: decides how strictly a text must write it to count. */
    enum Kind {
        /** a country name or the team's alias for a country or a contested area */
        COUNTRY,
        /** an abbreviation that counts only when written in capitals ({@code US}, {@code UAE}) */
        CAPITALS,
        /** a first-level administrative area (province, oblast, state) */
        ADMIN,
        /** a city of 15,000 people or more */
        CITY
    }

    /** One name's entry: its countries (one, or two for a place shared or contested) and its kind. */
    record Entry(List<String> countries, Kind kind) {
    }

    private final Map<String, Entry> names;
    private final Map<String, String> countryNames;
    private final Map<String, Region> regions;
    private final int maxWords;
    /** For each first word of a name, the most words a name starting with it has. */
    private final Map<String, Integer> wordsAfter = new HashMap<>();

    /** A region of the team's lists: its key, display name and countries. */
    record Region(String key, String name, List<String> countries) {
    }

    /** Whether {@link #resolve} also reads {@link #OTHER_SCRIPTS} (the standard gazetteer does). */
    private final boolean otherScripts;

    private Gazetteer(Map<String, Entry> names, Map<String, String> countryNames, Map<String, Region> regions) {
        this(names, countryNames, regions, false);
    }

    private Gazetteer(Map<String, Entry> names, Map<String, String> countryNames, Map<String, Region> regions,
                      boolean otherScripts) {
        this.otherScripts = otherScripts;
        this.names = renormalised(names);
        this.countryNames = countryNames;
        this.regions = regions;
        for (String n : this.names.keySet()) {
            int sp = n.indexOf(' ');
            wordsAfter.merge(sp < 0 ? n : n.substring(0, sp), n.split(" ").length, Math::max);
        }
        this.maxWords = wordsAfter.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /**
     * The names again in the form of {@link #normalize}, whatever rule wrote the resource (it was written with
     * accents removed but the dotless ı kept: {@code adıyaman} is {@code adiyaman} here); of two names that become
     * one, the first in the map's order stays.
     */
    private static Map<String, Entry> renormalised(Map<String, Entry> names) {
        Map<String, Entry> out = new HashMap<>(names.size() * 2);
        for (Map.Entry<String, Entry> e : names.entrySet()) {
            String n = normalize(e.getKey());
            if (!n.isEmpty()) {
                out.putIfAbsent(n, e.getValue());
            }
        }
        return out;
    }

    private static final class Holder {
        static final Gazetteer STANDARD = load();

        private static Gazetteer load() {
            InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("the gazetteer resource " + RESOURCE + " is missing from the jar;"
                        + " rebuild newsalert");
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                Gazetteer g = read(r);
                return new Gazetteer(g.names, g.countryNames, g.regions, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the gazetteer resource " + RESOURCE, e);
            }
        }
    }

    /** The classpath resource of country names in non-Latin scripts, for {@link #resolve} only. */
    public static final String OTHER_SCRIPTS = "newsalert/country-names.tsv";

    private static final class OtherScripts {
        /** normalised name -> country code, from {@link #OTHER_SCRIPTS} (empty when the resource is missing) */
        static final Map<String, String> NAMES = load();

        private static Map<String, String> load() {
            InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(OTHER_SCRIPTS);
            Map<String, String> out = new HashMap<>();
            if (in == null) {
                return out;
            }
            Set<String> shared = new java.util.HashSet<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] f = line.split("\t");
                    if (line.isEmpty() || line.charAt(0) == '#' || f.length != 2) {
                        continue;
                    }
                    String n = normalize(f[0]);
                    String was = out.putIfAbsent(n, f[1]);
                    if (was != null && !was.equals(f[1])) {
                        shared.add(n); // two countries' names alike once accents are gone: neither
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the resource " + OTHER_SCRIPTS, e);
            }
            shared.forEach(out::remove);
            return out;
        }
    }

    /** @return the gazetteer of the shipped resource, read once on first use */
    public static Gazetteer standard() {
        return Holder.STANDARD;
    }

    /**
     * Reads a gazetteer in the resource's format: {@code #} comments; {@code c, code, display name};
     * {@code r, key, display name, codes}; {@code n, normalised name, codes, kind letter}; tab-separated.
     *
     * @throws IOException when the reader fails
     * @throws IllegalArgumentException on a malformed line
     */
    static Gazetteer read(BufferedReader r) throws IOException {
        Map<String, Entry> names = new LinkedHashMap<>(40_000);
        Map<String, String> countries = new LinkedHashMap<>();
        Map<String, Region> regions = new LinkedHashMap<>();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            String[] f = line.split("\t");
            switch (f[0]) {
                case "c" -> countries.put(f[1], f[2]);
                case "r" -> regions.put(f[1], new Region(f[1], f[2], List.of(f[3].split(","))));
                case "n" -> names.put(f[1], new Entry(List.of(f[2].split(",")), kind(f[3])));
                default -> throw new IllegalArgumentException("gazetteer line of unknown type: " + line);
            }
        }
        return new Gazetteer(names, countries, regions);
    }

    private static Kind kind(String letter) {
        return switch (letter) {
            case "C" -> Kind.COUNTRY;
            case "U" -> Kind.CAPITALS;
            case "A" -> Kind.ADMIN;
            case "P" -> Kind.CITY;
            default -> throw new IllegalArgumentException("gazetteer kind of unknown letter: " + letter);
        };
    }

    /**
     * The form names are stored in: the words of {@link PlaceWords} (the shared tokenizer's: NFKC, lower case, İ and
     * ı read as i; accents removed) joined by single spaces ({@code "Côte d'Ivoire" → "cote d ivoire"},
     * {@code "Adıyaman" → "adiyaman"}).
     */
    public static String normalize(String name) {
        return PlaceWords.normalize(name);
    }

    /**
     * Resolves what a user typed after {@code in:} to a place key. Hyphens and underscores read as spaces
     * ({@code south-sudan}); a region key ({@code middle-east}), a country name or alias ({@code ukraine},
     * {@code uk}), a two-letter country code ({@code ua}) and a city or admin area of one country
     * ({@code kharkiv} → {@code UA}) are understood; so are, in the standard gazetteer, country names in non-Latin
     * scripts ({@code україна}, {@code Ελλάδα}, {@code سوريا}: {@value #OTHER_SCRIPTS}, from iso-codes' translations).
     * Text is read after NFKC (fullwidth letters are plain ones).
     *
     * @return the place, or empty when the gazetteer does not know the name (see {@link #closest})
     */
    public Optional<Place> resolve(String typed) {
        String t = Normalizer.normalize(typed, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
        String asKey = t.replace('_', '-').replace(' ', '-');
        if (regions.containsKey(asKey)) {
            return Optional.of(new Place(asKey, regions.get(asKey).name(), null));
        }
        if (t.length() == 2 && countryNames.containsKey(t.toUpperCase(Locale.ROOT))) {
            String code = t.toUpperCase(Locale.ROOT);
            return Optional.of(new Place(code, countryNames.get(code), null));
        }
        String n = normalize(t);
        Entry e = names.get(n);
        if (e == null && otherScripts && OtherScripts.NAMES.containsKey(n)) {
            String code = OtherScripts.NAMES.get(n); // a country name in another script: україна, Ελλάδα
            return Optional.of(new Place(code, countryNames.getOrDefault(code, code), null));
        }
        if (e == null || e.countries().size() != 1) {
            return Optional.empty();
        }
        String code = e.countries().get(0);
        boolean country = e.kind() == Kind.COUNTRY || e.kind() == Kind.CAPITALS;
        return Optional.of(new Place(code, countryNames.getOrDefault(code, code), country ? null : typed.trim()));
    }

    /**
     * Like {@link #resolve}, and a name the gazetteer gives to two countries (a shared or contested area such as
     * {@code kashmir}, or a city name used in both) resolves to both countries, each with the typed name as its
     * {@link Place#viaName()}.
     *
     * @return one place, the countries sharing the name in code order, or an empty list when the name is unknown
     */
    public List<Place> resolveAll(String typed) {
        Optional<Place> one = resolve(typed);
        if (one.isPresent()) {
            return List.of(one.get());
        }
        Entry e = names.get(normalize(Normalizer.normalize(typed, Normalizer.Form.NFKC).trim()
                .toLowerCase(Locale.ROOT)));
        if (e == null) {
            return List.of();
        }
        return e.countries().stream().map(c -> new Place(c, countryNames.getOrDefault(c, c), typed.trim())).toList();
    }

    /**
     * @return whether the text has letters of a script other than Latin (a name the gazetteer may know only in
     *         English: {@code Київ}, {@code القدس})
     */
    public static boolean hasOtherScript(String text) {
        return text.codePoints().anyMatch(c -> Character.isLetter(c)
                && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN);
    }

    /**
     * A resolved place.
     *
     * @param key     the place key to store: a country code or a region key
     * @param name    its display name ("Ukraine", "Middle East")
     * @param viaName the city or admin area the user typed when it stood for its country, else {@code null}
     */
    public record Place(String key, String name, String viaName) {
    }

    /**
     * Up to {@code max} names closest to what was typed (edit distance over country names, aliases and region
     * keys), closest first, in the form {@code in:} takes ({@code south-sudan}, {@code middle-east}); none when
     * the typed text is longer than {@value #MAX_SUGGESTED} characters (no name is, and edit distances to every
     * name over a hostile kilobyte would cost the command thread real CPU).
     */
    public List<String> closest(String typed, int max) {
        String t = normalize(typed.replace('-', ' '));
        if (t.length() > MAX_SUGGESTED) {
            return List.of();
        }
        Map<String, Integer> best = new HashMap<>();
        for (Map.Entry<String, Entry> e : names.entrySet()) {
            if (e.getValue().kind() == Kind.COUNTRY) {
                best.merge(e.getKey().replace(' ', '-'), distance(t, e.getKey()), Math::min);
            }
        }
        for (String k : regions.keySet()) {
            best.merge(k, distance(t, k.replace('-', ' ')), Math::min);
        }
        return best.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .limit(max).map(Map.Entry::getKey).toList();
    }

    /** The longest typed text that gets "closest names" (places here, time zones in {@code command.ZoneNames}). */
    public static final int MAX_SUGGESTED = 64;

    /** Levenshtein distance, with a prefix typed in full counting as close ({@code ukr} to {@code ukraine}). */
    static int distance(String a, String b) {
        if (b.startsWith(a) && a.length() >= 3) {
            return 1;
        }
        return levenshtein(a, b);
    }

    /**
     * @return the Levenshtein distance of two strings (insertions, deletions and substitutions of one char each),
     *         for every "closest names" reply (places here, time zones in {@code command.ZoneNames})
     */
    public static int levenshtein(String a, String b) {
        return LevenshteinDistance.getDefaultInstance().apply(a, b);
    }

    /** @return the countries of place keys: a region's members, a country code itself; unknown keys add none */
    public Set<String> countriesOf(Collection<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : keys) {
            Region r = regions.get(k);
            if (r != null) {
                out.addAll(r.countries());
            } else if (countryNames.containsKey(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** @return the display name of a place key (country or region); the key itself when unknown */
    public String displayName(String key) {
        Region r = regions.get(key);
        return r != null ? r.name() : countryNames.getOrDefault(key, key);
    }

    /** @return the display names of country codes, joined with ", " in the order given */
    public String countryList(Collection<String> codes) {
        List<String> out = new ArrayList<>();
        for (String c : codes) {
            out.add(displayName(c));
        }
        return String.join(", ", out);
    }

    /** @return the region keys, in the resource's order */
    public List<String> regionKeys() {
        return List.copyOf(regions.keySet());
    }

    Entry entry(String normalizedName) {
        return names.get(normalizedName);
    }

    int maxWords() {
        return maxWords;
    }

    /** @return the most words of a name that starts with the word, 0 when none does */
    int maxWordsFrom(String firstWord) {
        return wordsAfter.getOrDefault(firstWord, 0);
    }

    /** @return how many names the gazetteer holds */
    public int size() {
        return names.size();
    }
}
