package newsalert.event;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a report says was attacked, with what and by whom, read from its title and lead: the cues that tell
 * two attacks in one place on one day apart (issue 15, pattern 8: a roadside bomb on a convoy and, within
 * the hour, an air strike on a market in the same city). See {@link SeparateReportRule#otherHappening}.
 *
 * <ul>
 *   <li><b>targets</b>: classes of what was hit — {@code convoy} (convoy, patrol), {@code market} (market,
 *       bazaar, mall, "shopping centre", supermarket), {@code school}, {@code hospital} (hospital, clinic),
 *       {@code worship} (mosque, church, synagogue, temple, shrine), {@code residential} (apartment,
 *       residential, home, house, "high-rise", dormitory), {@code vehicle} (car, vehicle, bus, minibus,
 *       truck), {@code checkpoint}, {@code port} (port, harbour, dock), {@code energy} ("power plant",
 *       substation, refinery, "gas facility", "energy facility"), {@code camp} (shelter, tent),
 *       {@code rail} (train, railway), {@code hotel}, {@code base} ("military base", "air base", barracks,
 *       outpost), {@code crowd} (wedding, funeral procession, rally, protest); "camp" is both {@code camp}
 *       and {@code base} (a displacement camp or an army camp). "hospital" and "home" after "in", "to",
 *       "from", "at" or "returned"/"went" name where the victims were taken or were, not what was hit
 *       ("died in hospital", "at home"), and are skipped;</li>
 *   <li><b>means</b>: how it was done, in groups coarse enough that two outlets describing one attack
 *       agree — {@code from-afar} (drone, missile, rocket, glide bomb, air strike, warplane, jet, helicopter,
 *       shelling, artillery, mortar), {@code planted-bomb} (roadside bomb, car bomb, IED, landmine, suicide
 *       bomber, "explosive device"), {@code gunfire} (gunman, gunmen, gunfire, shooting, "shot dead",
 *       rifle) and {@code blade} (knife, stabbing); a bare "bomb", "blast" or "explosion" names no group;</li>
 *   <li><b>attackers</b>: a nationality word right before an attack noun, or before one modifier and an
 *       attack noun ("Russian warplanes", "Israeli drone", "Turkish air strikes"), canonical singular
 *       form.</li>
 * </ul>
 *
 * @param targets   target classes named, possibly empty
 * @param means     means groups named, possibly empty
 * @param attackers attacker nationalities named, possibly empty
 */
record HappeningCues(Set<String> targets, Set<String> means, Set<String> attackers) {
    static final HappeningCues NONE = new HappeningCues(Set.of(), Set.of(), Set.of());

    private static final Map<String, String> TARGETS = new HashMap<>();
    /** Two-word targets: first word → second word → class ("power plant", "air base"). */
    private static final Map<String, Map<String, String>> TARGET_PAIRS = new HashMap<>();
    private static final Map<String, String> MEANS = new HashMap<>();
    private static final Map<String, Map<String, String>> MEANS_PAIRS = new HashMap<>();
    /** Nouns that, after a nationality word, make it the attacker's. */
    private static final Set<String> ATTACK_NOUNS = Set.of("attack", "attacks", "strike", "strikes", "airstrike",
            "airstrikes", "warplane", "warplanes", "jets", "drone", "drones", "missile", "missiles", "rocket",
            "rockets", "shelling", "artillery", "bombardment", "bombing", "bombings", "gunmen", "raid", "raids");
    /** Targets that, after these words, say where people were, not what was hit ("died in hospital"). */
    private static final Set<String> CARE_WORDS = Set.of("hospital", "hospitals", "home", "homes");
    private static final Set<String> CARE_BEFORE = Set.of("in", "to", "from", "at", "returned", "went", "back");
    /** Words that may stand between the nationality and the attack noun ("Russian air strikes"). */
    private static final Set<String> ATTACK_MODIFIERS = Set.of("air", "military", "army", "naval", "missile",
            "drone", "artillery");
    private static final Map<String, String> NATIONALITY = Map.ofEntries(Map.entry("russians", "russian"),
            Map.entry("ukrainians", "ukrainian"), Map.entry("israelis", "israeli"),
            Map.entry("palestinians", "palestinian"), Map.entry("u", "us"));

    static {
        target("convoy", "convoy", "convoys", "patrol", "patrols");
        target("market", "market", "markets", "marketplace", "bazaar", "mall", "supermarket");
        pair("market", TARGET_PAIRS, "shopping", "centre", "center", "mall");
        target("school", "school", "schools", "kindergarten", "university");
        target("hospital", "hospital", "hospitals", "clinic", "clinics", "maternity");
        target("worship", "mosque", "mosques", "church", "churches", "synagogue", "temple", "shrine");
        target("residential", "apartment", "apartments", "residential", "home", "homes", "house", "houses",
                "housing", "dormitory", "flats");
        pair("residential", TARGET_PAIRS, "high", "rise");
        target("vehicle", "car", "cars", "vehicle", "vehicles", "bus", "minibus", "truck", "van");
        target("checkpoint", "checkpoint", "checkpoints");
        target("port", "port", "harbour", "harbor", "dock", "docks", "seaport");
        target("energy", "substation", "refinery", "refineries");
        pair("energy", TARGET_PAIRS, "power", "plant", "station", "grid");
        pair("energy", TARGET_PAIRS, "energy", "facility", "infrastructure");
        pair("energy", TARGET_PAIRS, "gas", "facility", "plant");
        target("camp", "shelter", "tent", "tents");
        target("camp|base", "camp", "camps");
        target("rail", "train", "railway", "railroad");
        target("hotel", "hotel");
        target("base", "barracks", "outpost");
        pair("base", TARGET_PAIRS, "military", "base");
        pair("base", TARGET_PAIRS, "air", "base");
        target("crowd", "wedding", "procession", "rally", "protest", "protesters");
        means("from-afar", "drone", "drones", "shahed", "shaheds", "uav", "uavs", "missile", "missiles", "rocket",
                "rockets", "ballistic", "iskander", "kinzhal", "kab", "kabs", "airstrike", "airstrikes",
                "warplane", "warplanes", "jets", "helicopter", "helicopters", "shelling", "shelled", "artillery",
                "mortar", "mortars", "bombardment");
        pair("from-afar", MEANS_PAIRS, "air", "strike", "strikes", "raid", "raids");
        pair("from-afar", MEANS_PAIRS, "glide", "bomb", "bombs");
        pair("from-afar", MEANS_PAIRS, "guided", "bomb", "bombs");
        pair("from-afar", MEANS_PAIRS, "aerial", "bomb", "bombs");
        means("planted-bomb", "roadside", "ied", "ieds", "landmine", "landmines", "bomber", "bombers");
        pair("planted-bomb", MEANS_PAIRS, "car", "bomb", "bombs", "bombing");
        pair("planted-bomb", MEANS_PAIRS, "suicide", "bomb", "bombs", "bombing", "attack");
        pair("planted-bomb", MEANS_PAIRS, "explosive", "device", "devices");
        means("gunfire", "gunman", "gunmen", "gunfire", "shooting", "shootings", "rifle", "rifles", "gunshot");
        pair("gunfire", MEANS_PAIRS, "shot", "dead");
        means("blade", "knife", "knifeman", "stabbing", "stabbed");
    }

    private static void target(String kind, String... words) {
        for (String w : words) {
            TARGETS.put(w, kind);
        }
    }

    private static void means(String kind, String... words) {
        for (String w : words) {
            MEANS.put(w, kind);
        }
    }

    private static void pair(String kind, Map<String, Map<String, String>> into, String first, String... seconds) {
        Map<String, String> next = into.computeIfAbsent(first, k -> new HashMap<>());
        for (String s : seconds) {
            next.put(s, kind);
        }
    }

    /**
     * One pass over the words, a few hash look-ups per word.
     *
     * @param words the story's title and lead words, in order, lower-case
     * @return the cues found ({@link #NONE} when none)
     */
    static HappeningCues of(List<StoryFeatures.Word> words) {
        Set<String> targets = null;
        Set<String> means = null;
        Set<String> attackers = null;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).lower();
            String before = i > 0 ? words.get(i - 1).lower() : "";
            String next = i + 1 < words.size() ? words.get(i + 1).lower() : "";
            String m = lookup(MEANS, MEANS_PAIRS, w, next);
            if (m != null) {
                means = add(means, m);
            }
            // the "car" of "car bomb" is the weapon, not what was hit
            String t = m != null && MEANS_PAIRS.containsKey(w) ? null : lookup(TARGETS, TARGET_PAIRS, w, next);
            if (t != null && !(CARE_WORDS.contains(w) && CARE_BEFORE.contains(before))) {
                for (String kind : t.split("\\|")) {
                    targets = add(targets, kind);
                }
            }
            String after = i + 2 < words.size() ? words.get(i + 2).lower() : "";
            if (WordForms.DEMONYMS.contains(w) && (ATTACK_NOUNS.contains(next)
                    || ATTACK_MODIFIERS.contains(next) && ATTACK_NOUNS.contains(after))) {
                attackers = add(attackers, NATIONALITY.getOrDefault(w, w));
            }
        }
        if (targets == null && means == null && attackers == null) {
            return NONE;
        }
        return new HappeningCues(copy(targets), copy(means), copy(attackers));
    }

    /** A pair ("car bomb") wins over its first word alone ("car" → vehicle). */
    private static String lookup(Map<String, String> single, Map<String, Map<String, String>> pairs, String w,
                                 String next) {
        Map<String, String> second = pairs.get(w);
        if (second != null) {
            String kind = second.get(next);
            if (kind != null) {
                return kind;
            }
        }
        return single.get(w);
    }

    private static Set<String> add(Set<String> set, String value) {
        Set<String> s = set == null ? new HashSet<>(4) : set;
        s.add(value);
        return s;
    }

    private static Set<String> copy(Set<String> s) {
        return s == null ? Set.of() : Set.copyOf(s);
    }
}
