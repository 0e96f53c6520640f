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
    private static final Set<String> IDS = new TreeSet<>(ZoneId.getAvailableZoneIds());

    private ZoneNames() {
    }

    /** @return the zone, empty when the text names none */
    static Optional<ZoneId> parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 64) {
            return Optional.empty();
        }
        if (t.equalsIgnoreCase("utc") || t.equalsIgnoreCase("gmt") || t.equalsIgnoreCase("z")) {
            return Optional.of(ZoneOffset.UTC);
        }
        for (String id : IDS) {
            if (id.equalsIgnoreCase(t) && id.contains("/")) {
                return Optional.of(ZoneId.of(id));
            }
        }
        String offset = t.toUpperCase(Locale.ROOT).replaceFirst("^(UTC|GMT)", "");
        if (offset.matches("[+-]\\d{1,2}(:?\\d{2})?")) {
            try {
                String norm = offset.length() == 2 ? offset.charAt(0) + "0" + offset.charAt(1) : offset;
                return Optional.of(ZoneOffset.of(norm));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** @return up to {@code n} IANA names closest to the text, closest first (ties in alphabetical order) */
    static List<String> closest(String text, int n) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        String city = t.substring(t.lastIndexOf('/') + 1);
        return IDS.stream().filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                .sorted(Comparator.comparingInt((String id) -> distance(t, city, id)).thenComparing(id -> id))
                .limit(n).toList();
    }

    private static int distance(String typed, String city, String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        String idCity = lower.substring(lower.lastIndexOf('/') + 1);
        return Math.min(Gazetteer.levenshtein(typed, lower), Gazetteer.levenshtein(city, idCity));
    }
}
