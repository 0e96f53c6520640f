package newsalert.analysis;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people named so far in one text, so that a later bare surname ("Kellogg said") or a name given
 * without its role can be completed from an earlier full mention ("U.S. special envoy on Ukraine Keith
 * Kellogg"). It also remembers the last speaker of each kind for pronoun resolution. One instance per
 * text; not thread-safe.
 */
final class SpeakerRegistry {
    private static final Pattern CAPITAL_RUN = Pattern.compile(
            "((?:\\b[\\p{Ll}][\\p{Ll}\\-]+\\s+){0,3})((?:\\p{Lu}[\\p{L}\\p{M}'’.\\-]*\\s+(?:(?:de|da|van|von|der|bin|al)\\s+)?){1,6}"
                    + "\\p{Lu}[\\p{L}\\p{M}'’\\-]+)");

    private final SpeakerParser parser;
    /** surname (lower case) to full person; null value when two different people share it */
    private final Map<String, SpeakerRef> bySurname = new HashMap<>();
    private final Map<String, String> roleByName = new HashMap<>();
    private SpeakerRef lastPerson;
    private SpeakerRef lastAny;

    SpeakerRegistry(SpeakerParser parser) {
        this.parser = parser;
    }

    /** Learns the people mentioned with a first and last name anywhere in a paragraph. */
    void learnMentions(String paragraph) {
        Matcher m = CAPITAL_RUN.matcher(paragraph);
        while (m.find()) {
            SpeakerRef ref = parser.parse(m.group());
            if (ref == null && !m.group(1).isEmpty()) {
                ref = parser.parse(m.group(2));
            }
            if (ref != null && ref.kind() == SpeakerRef.Kind.PERSON && ref.name().contains(" ")) {
                remember(ref, false);
            }
        }
    }

    private void remember(SpeakerRef ref, boolean credited) {
        String name = ref.name();
        String surname = name.substring(name.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        if (bySurname.containsKey(surname)) {
            SpeakerRef old = bySurname.get(surname);
            if (old != null && !old.name().equals(name)) {
                bySurname.put(surname, null);
            }
        } else {
            bySurname.put(surname, ref);
        }
        if (ref.role() != null) {
            if (credited) {
                roleByName.put(name, ref.role());
            } else {
                roleByName.putIfAbsent(name, ref.role());
            }
        }
    }

    /**
     * Completes a reference: a pronoun becomes the last suitable speaker (he/she: last person; it: last
     * organisation; they: last speaker of any kind), a one-word person name becomes the unique full name
     * with that surname, and a missing role is taken from an earlier mention of the same name.
     *
     * @return the completed reference, or null when a pronoun has no antecedent
     */
    SpeakerRef resolve(SpeakerRef ref) {
        if (ref.kind() == SpeakerRef.Kind.PRONOUN) {
            return switch (ref.name()) {
                case "he", "she" -> lastPerson;
                case "it" -> lastAny != null && lastAny.kind() == SpeakerRef.Kind.ORG ? lastAny : null;
                default -> lastAny;
            };
        }
        SpeakerRef r = ref;
        if (r.kind() == SpeakerRef.Kind.PERSON && !r.name().contains(" ")) {
            SpeakerRef full = bySurname.get(r.name().toLowerCase(Locale.ROOT));
            if (full != null) {
                r = SpeakerRef.named(full.name(), r.role() != null ? r.role() : full.role(), SpeakerRef.Kind.PERSON);
            }
        }
        if (r.role() == null && r.kind() == SpeakerRef.Kind.PERSON && roleByName.containsKey(r.name())) {
            r = SpeakerRef.named(r.name(), roleByName.get(r.name()), SpeakerRef.Kind.PERSON);
        }
        return r;
    }

    /** Records a speaker that has just been credited with a quote. */
    void spoke(SpeakerRef ref) {
        if (ref.kind() == SpeakerRef.Kind.PERSON) {
            if (ref.name().contains(" ")) {
                remember(ref, true);
            }
            lastPerson = ref;
        }
        lastAny = ref;
    }

    /** Forgets the last speakers: a quote was credited to someone unnamed, so a pronoun is unsafe. */
    void blocked() {
        lastPerson = null;
        lastAny = null;
    }
}
