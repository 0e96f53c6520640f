package newsalert.command;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import newsalert.store.SubscriptionStore;
import newsalert.story.Topic;
import newsalert.subscription.Subscription;
import newsalert.subscription.place.Gazetteer;

/**
 * {@code subscribe [attack|diplomacy|all] [min-severity] [in:<place>,…]}: this target starts (or keeps)
 * receiving alerts. Defaults: all topics, minimum severity {@value #DEFAULT_MIN_SEVERITY}, every place. The
 * arguments may come in any order; a number is the severity (0–100), a topic word the topic, and
 * {@code in:} names the places followed — countries, regions ({@code middle-east}, {@code sahel}), continents
 * ({@code europe}, {@code africa}, {@code asia}), or a city or admin area standing for its country (a name two
 * countries share, like {@code kashmir}, follows both) — separated by commas ({@link PlaceWords}: also {@code 、}
 * and {@code ،}) or in several {@code in:} arguments (Discord's {@code in} option arrives as one {@code in:}
 * argument, {@link PlaceWords#inArgument}); {@code in: kyiv} is {@code in:kyiv}. {@code in:all} alone follows every
 * place again; with other places it is refused (neither reading is plainly meant). A name that is known places joined
 * otherwise ({@code ukraine;russia}) is answered with the list written with commas. Subscribing again replaces the topics and severity, keeps the
 * places unless {@code in:} is given, keeps the subscription's own keywords and resumes a paused
 * subscription. A place the gazetteer does not know is answered with the closest names, and nothing is
 * saved. Moderators only.
 */
final class SubscribeCommand implements Command {
    /** Minimum severity when none is given. */
    static final int DEFAULT_MIN_SEVERITY = 40;

    private final SubscriptionStore store;

    SubscribeCommand(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "subscribe";
    }

    @Override
    public String usage() {
        return "subscribe [attack|diplomacy|all] [min-severity] [in:<place>,…]";
    }

    @Override
    public String help() {
        return "start receiving alerts here (default: all topics, severity 40 or more, every place)";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.optional("topics", "attack, diplomacy or all (default all)"),
                CommandOption.optional("min-severity", "0 to 100 (default 40)"),
                CommandOption.optional("in", "places followed, e.g. ukraine,middle-east; all, alone, follows every"
                        + " place (the default)"));
    }

    @Override
    public boolean moderatorOnly() {
        return true;
    }

    @Override
    public String refusal() {
        return "Only chat admins can change this chat's subscription.";
    }

    @Override
    public Reply run(CommandContext ctx, List<String> typed) {
        // ｉｎ：Ｋｙｉｖ is in:Kyiv; "in: kyiv" and "In : kyiv" are in:kyiv
        List<String> args = PlaceWords.joinSpacedNames(PlaceWords.joinLoosePrefix(SettingCommand.nfkc(typed)),
                name -> !PLACES.resolveAll(name).isEmpty(),
                word -> parseTopics(word).isPresent() || Digits.ascii(word).matches("\\d+"));
        Set<Topic> topics = null;
        Integer severity = null;
        List<String> placeWords = new ArrayList<>();
        boolean placesGiven = false;
        if (args.stream().filter(a -> !a.regionMatches(true, 0, "in:", 0, 3)).count() > 2) {
            return usageReply("Too many arguments.");
        }
        for (String a : args) {
            if (a.regionMatches(true, 0, "in:", 0, 3)) {
                placesGiven = true;
                List<String> named = PlaceWords.split(a.substring(3));
                if (named.isEmpty()) { // "in:" or "in:,,": not a way to clear the places (in:all is)
                    return usageReply("Name a place after in:, like in:ukraine or in:middle-east (in:all follows"
                            + " every place).");
                }
                placeWords.addAll(named);
            } else if (Digits.ascii(a).matches("\\d+")) {
                String d = Digits.ascii(a);
                if (severity != null || d.length() > 3 || Integer.parseInt(d) > 100) {
                    return usageReply("The minimum severity is one number from 0 to 100.");
                }
                severity = Integer.parseInt(d);
            } else {
                Optional<Set<Topic>> t = parseTopics(a);
                if (t.isEmpty() || topics != null) {
                    return usageReply("Topics are attack, diplomacy or all; severity is a number from 0 to 100.");
                }
                topics = t.get();
            }
        }
        boolean everyPlace = placeWords.stream().anyMatch(w -> EVERY_PLACE.contains(w.toLowerCase(Locale.ROOT)));
        if (everyPlace && !placeWords.stream().allMatch(w -> EVERY_PLACE.contains(w.toLowerCase(Locale.ROOT)))) {
            // in:all,ukraine: every place, or Ukraine? Neither is plainly meant, so nothing is saved
            return usageReply("in:all follows every place, so it goes alone: subscribe in:all for every place, or"
                    + " name only the places you want, like in:ukraine.");
        }
        List<String> places = new ArrayList<>();
        java.util.Set<String> notes = new java.util.LinkedHashSet<>(); // a name given twice is noted once
        for (String w : placeWords) {
            if (everyPlace) {
                break; // in:all alone: no places
            }
            List<Gazetteer.Place> found = PLACES.resolveAll(w);
            if (found.isEmpty() && Gazetteer.hasOtherScript(w)) {
                return Reply.ephemeral("I don't know the place \"" + Render.echo(w) + "\". I know country names"
                        + " in many scripts, but cities, regions and provinces only by their English names: write it in English,"
                        + " like in:kyiv, in:ukraine or in:middle-east.");
            }
            Optional<String> separated = found.isEmpty() ? separatedOtherwise(w) : Optional.empty();
            if (separated.isPresent()) {
                return Reply.ephemeral("I read \"" + Render.echo(w) + "\" as one place. Separate places with commas: "
                        + separated.get());
            }
            if (found.isEmpty()) {
                return Reply.ephemeral("I don't know the place \"" + Render.echo(w) + "\". Closest names: "
                        + closest(w)
                        + ". Example: subscribe attack in:ukraine,middle-east");
            }
            for (Gazetteer.Place p : found) {
                if (!places.contains(p.key())) {
                    places.add(p.key());
                }
            }
            if (found.size() > 1) { // a name two countries share: follow both, and say so
                notes.add(" (" + found.get(0).viaName() + " is shared by "
                        + String.join(" and ", found.stream().map(Gazetteer.Place::name).toList())
                        + ", so both are followed)");
            } else if (found.get(0).viaName() != null) {
                notes.add(" (" + found.get(0).viaName() + " is followed as " + found.get(0).name() + ")");
            }
        }
        topics = topics == null ? Subscription.allTopics() : topics;
        int min = severity == null ? DEFAULT_MIN_SEVERITY : severity;
        Optional<Subscription> old = store.subscription(ctx.target());
        Subscription s = new Subscription(0, ctx.target(), topics, min,
                old.map(Subscription::includeKeywords).orElse(List.of()),
                old.map(Subscription::excludeKeywords).orElse(List.of()), false, null, ctx.clock().instant(),
                placesGiven ? places : old.map(Subscription::places).orElse(List.of()));
        store.saveSubscription(s);
        return Reply.of("Subscribed. This chat now receives " + Render.wants(s) + "." + String.join("", notes));
    }

    /** Words after {@code in:} that follow every place again. */
    private static final Set<String> EVERY_PLACE = Set.of("all", "any", "anywhere", "everywhere", "world");
    private static final Gazetteer PLACES = Gazetteer.standard();

    /** What users write between places other than a comma: ; / | + & and the word "and" (hyphenated on Discord). */
    private static final java.util.regex.Pattern OTHER_SEPARATOR =
            java.util.regex.Pattern.compile("(?i)\\s*[;/|+&]\\s*|[-\\s]and[-\\s]");

    /**
     * @return for a name the gazetteer does not know that is two or more known places joined by another separator
     *         ({@code ukraine;russia}, {@code ukraine-and-russia}), the list written with commas
     *         ({@code in:ukraine,russia}); empty otherwise
     */
    private static Optional<String> separatedOtherwise(String w) {
        if (w.length() > Gazetteer.MAX_SUGGESTED * 4) {
            return Optional.empty();
        }
        String[] parts = OTHER_SEPARATOR.split(w);
        if (parts.length < 2) {
            return Optional.empty();
        }
        for (String p : parts) {
            if (p.isBlank() || PLACES.resolveAll(p.strip()).isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of("in:" + String.join(",", java.util.Arrays.stream(parts).map(String::strip).toList()));
    }

    private static String closest(String typed) {
        List<String> names = PLACES.closest(typed, 3);
        return names.isEmpty() ? "none (place names are short, like in:ukraine or in:middle-east)"
                : String.join(", ", names.stream().map(n -> "in:" + n).toList());
    }

    /** @return the topics a word names ("all" is both), empty when it names none */
    static Optional<Set<Topic>> parseTopics(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("all")) {
            return Optional.of(Subscription.allTopics());
        }
        for (Topic t : Topic.values()) {
            if (t.wireName().equals(w)) {
                return Optional.of(EnumSet.of(t));
            }
        }
        return Optional.empty();
    }
}
