package newsalert.event;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two cues in a story's title and lead that tell a second happening from a later report of the same one
 * (see {@link SeparateReportRule}).
 *
 * <ul>
 *   <li><b>follow-up wording</b>: the story says it revisits a known happening — a toll that moved
 *       ("rises to", "rose to", "has risen", "climbs to", "climbed to", "jumps to", "increased to",
 *       "revised", "updated", "update") or what came after it ("aftermath", "mourns", "buries",
 *       "funeral", "vigil");</li>
 *   <li><b>weapons</b>: the weapon classes named — {@code drone} (drone, Shahed, UAV),
 *       {@code missile} (missile, rocket, ballistic, cruise, Iskander, Kinzhal), {@code glide-bomb}
 *       ("glide bomb", "guided bomb", "aerial bomb", KAB) and {@code artillery} (shelling, shell, artillery,
 *       mortar). A bare "bomb" names no class (car bombs, suicide bombs and glide bombs differ).</li>
 * </ul>
 *
 * @param followUp whether follow-up wording was found
 * @param weapons  the weapon classes named, possibly empty
 */
record ReportCues(boolean followUp, Set<String> weapons) {
    private static final Set<String> FOLLOW_UP_WORDS = Set.of("revised", "updated", "update", "aftermath",
            "mourns", "mourn", "mourned", "mourning", "buries", "bury", "buried", "burial", "funeral", "funerals",
            "vigil");
    /** Verbs that make a toll update when followed by "to" ("rises to"), or preceded by "has"/"have" ("has risen"). */
    private static final Set<String> RISE_VERBS = Set.of("rise", "rises", "rose", "risen", "rising", "climb", "climbs",
            "climbed", "climbing", "jump", "jumps", "jumped", "increase", "increases", "increased");
    private static final Map<String, String> WEAPONS = new HashMap<>();
    private static final Set<String> BOMB_KINDS = Set.of("glide", "guided", "aerial");

    static {
        weapon("drone", "drone", "drones", "shahed", "shaheds", "uav", "uavs");
        weapon("missile", "missile", "missiles", "rocket", "rockets", "ballistic", "cruise", "iskander",
                "iskanders", "kinzhal", "kinzhals");
        weapon("glide-bomb", "kab", "kabs");
        weapon("artillery", "shelling", "shelled", "shell", "shells", "artillery", "mortar", "mortars");
    }

    private static void weapon(String kind, String... words) {
        for (String w : words) {
            WEAPONS.put(w, kind);
        }
    }

    /**
     * @param words the story's title and lead words, in order, lower-case
     * @return the cues found
     */
    static ReportCues of(List<StoryFeatures.Word> words) {
        boolean followUp = false;
        Set<String> weapons = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).lower();
            String next = i + 1 < words.size() ? words.get(i + 1).lower() : "";
            String before = i > 0 ? words.get(i - 1).lower() : "";
            if (FOLLOW_UP_WORDS.contains(w) || RISE_VERBS.contains(w)
                    && (next.equals("to") || before.equals("has") || before.equals("have"))) {
                followUp = true;
            }
            String kind = WEAPONS.get(w);
            if (kind != null) {
                weapons.add(kind);
            } else if (BOMB_KINDS.contains(w) && next.startsWith("bomb")) {
                weapons.add("glide-bomb");
            }
        }
        return new ReportCues(followUp, Set.copyOf(weapons));
    }
}
