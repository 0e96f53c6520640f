package newsalert.command;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import newsalert.subscription.place.Gazetteer;

/**
 * Reads the time zone a user types for {@code timezone}: an IANA name in any letter case ({@code Europe/Kyiv},
 * {@code europe/kyiv}), {@code UTC}, or a fixed offset ({@code UTC+3}, {@code +05:30}). For anything else it
 * names the closest IANA names, by edit distance of the whole name and of its city part.
 */
final class ZoneNames {
    /** {@code +3}, {@code +05}, {@code +5:30} (as this bot prints it), {@code +05:30}, {@code +0530} */
    private static final java.util.regex.Pattern OFFSET =
            java.util.regex.Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?");
    private static final Set<String> IDS = new TreeSet<>(ZoneId.getAvailableZoneIds());
    /**
     * Zone ids without a "/" that the JDK keeps as regional zones with their summer-time rules and that say what they
     * mean: Central, Eastern, Western and Middle European Time, and the four North American POSIX-style ids.
     */
    private static final Set<String> REGIONAL = Set.of("CET", "EET", "WET", "MET", "EST5EDT", "CST6CDT", "MST7MDT",
            "PST8PDT");
    /**
     * Abbreviations people type for a zone, with the zones to suggest: an abbreviation does not say whether summer
     * time applies, and some name several places (CST, IST, AST), so they are never taken as a zone.
     */
    private static final java.util.Map<String, List<String>> ABBREVIATIONS = abbreviations();

    private ZoneNames() {
    }

    /**
     * @return the zone, empty when the text names none; spaces in a name stand for its underscores ("America/New
     *         York"), spaces in an offset are left out ("UTC + 5:30"), and a typographic minus or dash is "-"
     */
    static Optional<ZoneId> parse(String text) {
        // a minus sign or a dash as phones type them (UTC−3, UTC–3) is the offset's "-"
        String t = Digits.ascii(text).strip().replaceAll("[\\u2010-\\u2015\\u2212]", "-").replaceAll("\\s*/\\s*", "/");
        Optional<ZoneId> named = parseOne(t.replaceAll("\\s+", "_"));
        return named.isPresent() || !t.matches(".*\\s.*") ? named : parseOne(t.replaceAll("\\s+", ""));
    }

    private static Optional<ZoneId> parseOne(String t) {
        if (t.isEmpty() || t.length() > 64) {
            return Optional.empty();
        }
        if (t.equalsIgnoreCase("utc") || t.equalsIgnoreCase("gmt") || t.equalsIgnoreCase("z")) {
            return Optional.of(ZoneOffset.UTC);
        }
        for (String id : IDS) {
            if (id.equalsIgnoreCase(t) && (id.contains("/") || REGIONAL.contains(id))) {
                return Optional.of(ZoneId.of(id));
            }
        }
        String offset = t.toUpperCase(Locale.ROOT).replaceFirst("^(UTC|GMT)", "");
        java.util.regex.Matcher m = OFFSET.matcher(offset);
        if (m.matches()) {
            int sign = m.group(1).equals("-") ? -1 : 1;
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int total = sign * (hours * 60 + minutes);
            if (minutes > 59 || total < -12 * 60 || total > 14 * 60) {
                return Optional.empty(); // the world's offsets run from UTC-12 to UTC+14
            }
            try {
                return Optional.of(ZoneOffset.ofTotalSeconds(total * 60));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * @return for a zone abbreviation ({@code EST}, {@code PST}, {@code CST}, {@code IST}, any letter case), the IANA
     *         zones it is usually meant for, most common first; empty for anything else
     */
    static List<String> abbreviation(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        List<String> known = ABBREVIATIONS.get(t);
        if (known != null) {
            return known;
        }
        // the JDK's own old three-letter ids (java.time.ZoneId.SHORT_IDS) that name a region
        String jdk = ZoneId.SHORT_IDS.get(t);
        return jdk != null && jdk.contains("/") ? List.of(jdk) : List.of();
    }

    private static java.util.Map<String, List<String>> abbreviations() {
        java.util.Map<String, List<String>> m = new java.util.HashMap<>();
        String[][] rows = {
            {"EST EDT ET", "America/New_York"}, {"CST CDT CT", "America/Chicago Asia/Shanghai"},
            {"MST MDT MT", "America/Denver America/Phoenix"}, {"PST PDT PT", "America/Los_Angeles"},
            {"AKST AKDT", "America/Anchorage"}, {"HST", "Pacific/Honolulu"}, {"AST ADT", "America/Halifax Asia/Riyadh"},
            {"BST", "Europe/London"}, {"IST", "Asia/Kolkata Europe/Dublin Asia/Jerusalem"}, {"IDT", "Asia/Jerusalem"},
            {"CEST", "Europe/Berlin Europe/Paris"}, {"EEST", "Europe/Kyiv Europe/Athens"}, {"WEST", "Europe/Lisbon"},
            {"MSK", "Europe/Moscow"}, {"TRT", "Europe/Istanbul"}, {"IRST IRDT", "Asia/Tehran"}, {"GST", "Asia/Dubai"},
            {"PKT", "Asia/Karachi"}, {"JST", "Asia/Tokyo"}, {"KST", "Asia/Seoul"}, {"HKT", "Asia/Hong_Kong"},
            {"SGT", "Asia/Singapore"}, {"AEST AEDT", "Australia/Sydney"}, {"ACST ACDT", "Australia/Adelaide"},
            {"AWST", "Australia/Perth"}, {"NZST NZDT", "Pacific/Auckland"}, {"SAST", "Africa/Johannesburg"},
            {"WAT", "Africa/Lagos"}, {"CAT", "Africa/Maputo"}, {"EAT", "Africa/Nairobi"},
        };
        for (String[] row : rows) {
            for (String abbreviation : row[0].split(" ")) {
                m.put(abbreviation, List.of(row[1].split(" ")));
            }
        }
        return java.util.Map.copyOf(m);
    }

    /**
     * @return up to {@code n} IANA names closest to the text, closest first (ties in alphabetical order); none for
     *         a text longer than {@value Gazetteer#MAX_SUGGESTED} characters (no zone name is that long, and the
     *         edit distance to every zone would cost seconds of CPU for a hostile kilobyte)
     */
    static List<String> closest(String text, int n) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        if (t.length() > Gazetteer.MAX_SUGGESTED) {
            return List.of();
        }
        String city = t.substring(t.lastIndexOf('/') + 1);
        java.util.Map<String, Integer> distances = new java.util.HashMap<>();
        for (String id : IDS) {
            if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
                distances.put(id, distance(t, city, id));
            }
        }
        return distances.keySet().stream().sorted(Comparator.<String>comparingInt(distances::get)
                .thenComparing(Comparator.naturalOrder())).limit(n).toList();
    }

    private static int distance(String typed, String city, String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        String idCity = lower.substring(lower.lastIndexOf('/') + 1);
        return Math.min(Gazetteer.levenshtein(typed, lower), Gazetteer.levenshtein(city, idCity));
    }
}
