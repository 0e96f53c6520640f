package newsalert.event;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A small gazetteer of place names common in conflict and diplomacy news: cities, regions and countries,
 * lower-case, one to three words (hyphens and apostrophes read as spaces, as the tokenizer does). Some
 * spellings map to one canonical name ({@code kiev → kyiv}). Places not listed still count as names when
 * capitalised in the text (see {@link StoryFeatures}); the list only lets the grouper tell "a different
 * place" from "a different name".
 */
final class PlaceNames {
    private static final String[] PLACES = {
        // Ukraine
        "kyiv", "kiev=kyiv", "kharkiv", "kharkov=kharkiv", "odesa", "odessa=odesa", "dnipro", "zaporizhzhia",
        "zaporizhzhya=zaporizhzhia", "kherson", "mykolaiv", "sumy", "chernihiv", "poltava", "lviv", "lutsk",
        "rivne", "ternopil", "ivano frankivsk", "khmelnytskyi", "vinnytsia", "zhytomyr", "cherkasy",
        "kropyvnytskyi", "kryvyi rih", "kramatorsk", "sloviansk", "pokrovsk", "kostiantynivka", "bakhmut",
        "avdiivka", "donetsk", "luhansk", "mariupol", "berdyansk", "melitopol", "nikopol", "izium",
        "kupiansk", "uzhhorod", "bila tserkva", "brovary", "irpin", "bucha", "chernivtsi", "crimea",
        "sevastopol", "donbas", "ukraine",
        // Russia
        "moscow", "belgorod", "kursk", "bryansk", "voronezh", "rostov", "krasnodar", "novorossiysk",
        "st petersburg", "kazan", "tuapse", "saratov", "engels", "smolensk", "russia",
        // Middle East
        "gaza", "gaza city=gaza", "khan younis", "rafah", "deir al balah", "jabalia", "nuseirat", "jenin",
        "nablus", "tulkarm", "hebron", "ramallah", "jerusalem", "tel aviv", "haifa", "israel", "west bank",
        "beirut", "tyre", "sidon", "nabatieh", "baalbek", "lebanon", "damascus", "aleppo", "idlib", "homs",
        "hama", "latakia", "deir ez zor", "raqqa", "syria", "baghdad", "mosul", "erbil", "kirkuk", "basra",
        "iraq", "tehran", "isfahan", "iran", "sanaa", "hodeidah", "aden", "marib", "yemen", "riyadh", "doha",
        "qatar", "cairo", "egypt", "amman", "jordan", "ankara", "istanbul", "turkey", "dubai", "abu dhabi",
        "muscat", "oman",
        // Africa
        "khartoum", "omdurman", "el fasher", "darfur", "north darfur", "port sudan", "kordofan", "el obeid",
        "sudan", "juba", "south sudan", "mogadishu", "somalia", "kismayo", "baidoa", "nairobi", "kenya",
        "addis ababa", "ethiopia", "tigray", "amhara", "goma", "bukavu", "kinshasa", "congo", "north kivu",
        "ituri", "bunia", "kampala", "uganda", "bamako", "mali", "ouagadougou", "burkina faso", "djibo",
        "niamey", "niger", "tillaberi", "maiduguri", "borno", "zamfara", "katsina", "kaduna", "benue",
        "plateau", "jos", "abuja", "lagos", "nigeria", "tripoli", "benghazi", "libya", "tunis", "algiers",
        "bangui", "n'djamena", "chad", "cameroon", "maputo", "cabo delgado", "mozambique",
        // Asia
        "kabul", "kandahar", "afghanistan", "peshawar", "quetta", "karachi", "lahore", "islamabad",
        "khyber pakhtunkhwa", "balochistan", "pakistan", "new delhi", "delhi", "srinagar", "kashmir",
        "manipur", "india", "dhaka", "bangladesh", "yangon", "naypyitaw", "mandalay", "rakhine", "myanmar",
        "manila", "mindanao", "bangkok", "beijing", "taipei", "taiwan", "seoul", "pyongyang", "tokyo",
        // Europe and elsewhere
        "brussels", "paris", "berlin", "london", "rome", "madrid", "warsaw", "vilnius", "riga", "tallinn",
        "helsinki", "stockholm", "oslo", "copenhagen", "the hague", "geneva", "vienna", "prague", "budapest",
        "bucharest", "chisinau", "minsk", "belgrade", "pristina", "tbilisi", "yerevan", "baku", "munich",
        "washington", "new york", "ottawa", "mexico city", "bogota", "caracas", "port au prince", "haiti",
        "lima", "brasilia", "buenos aires",
    };

    /** Countries: too broad to tell two happenings apart, so they count as words, not places. */
    private static final Set<String> COUNTRIES = Set.of("ukraine", "russia", "israel", "lebanon", "syria", "iraq",
            "iran", "yemen", "qatar", "egypt", "jordan", "turkey", "sudan", "south sudan", "somalia", "kenya",
            "ethiopia", "congo", "uganda", "mali", "burkina faso", "niger", "nigeria", "libya", "chad", "cameroon",
            "mozambique", "afghanistan", "pakistan", "india", "bangladesh", "myanmar", "taiwan", "haiti", "oman");

    private static final Map<String, String> CANONICAL = new HashMap<>();
    /** Longest entry, in words. */
    static final int MAX_WORDS = 3;

    static {
        for (String p : PLACES) {
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).replace('\'', ' ').replace("  ", " ");
            CANONICAL.put(name, eq < 0 ? name : p.substring(eq + 1));
        }
    }

    private PlaceNames() {
    }

    /**
     * @param words one to {@link #MAX_WORDS} lower-case words joined by single spaces
     * @return the canonical place name, or {@code null} when the words are no listed place
     */
    static String lookup(String words) {
        return CANONICAL.get(words);
    }

    /** @return whether the canonical name is a country (see {@link #COUNTRIES}) */
    static boolean isCountry(String canonical) {
        return COUNTRIES.contains(canonical);
    }

    /** @return every canonical place name */
    static Set<String> all() {
        return Set.copyOf(CANONICAL.values());
    }
}
