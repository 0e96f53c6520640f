package newsalert.analysis.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scans around a name in a paragraph for {@link SpeakerRegistry}: speech verbs, organisation phrases and office holders. */
final class SpeakerScan {
    private static final Pattern OTHER_OFFICE = Pattern.compile("\\b(?:former|vice|deputy|acting|ex|assistant|under)\\b");
    /** An organisation's name going on after its noun: "Commission on Presidential Debates", "Ministry of Defence". */
    private static final Pattern NAME_GOES_ON = Pattern.compile(
            " (?:on|of|for) (?:the )?(\\p{Lu}[\\p{L}\\-]*)(?: (?:and |of |for |the )*\\p{Lu}[\\p{L}\\-]*)*");
    private SpeakerScan() {
    }

    /**
     * Whether the name at [start, end) is the subject of a speech verb: the next word (after at most two
     * adverbs or auxiliaries, and after the closing comma of an appositive name) is a speech verb
     * ("Klitschko said", "Barrack also announced", "Johnson has repeatedly stated"), or one of the up to four
     * lower-case words before it is ("said police chief Adrian Vasquez").
     */
    static boolean speechNear(String p, int start, int end) {
        int i = end;
        if (i < p.length() && p.charAt(i) == ',' && start >= 2 && p.charAt(start - 1) == ' ' && p.charAt(start - 2) == ',') {
            i++; // "One of the vice presidents, Rebecca Garang, also commented": the name is an appositive
        }
        for (int w = 0; w < 3; w++) {
            while (i < p.length() && p.charAt(i) == ' ') {
                i++;
            }
            int j = i;
            while (j < p.length() && Character.isLowerCase(p.charAt(j))) {
                j++;
            }
            if (j == i || j < p.length() && Character.isLetter(p.charAt(j))) {
                break;
            }
            String word = p.substring(i, j);
            if (SpeakerLexicon.VERBS.contains(word)) {
                return true;
            }
            if (!SpeakerLexicon.ADVERBS_AT_END.matcher(" " + word).matches()) {
                break;
            }
            i = j;
        }
        int pos = start;
        for (int w = 0; w < 4 && pos > 1 && p.charAt(pos - 1) == ' '; w++) {
            int from = p.lastIndexOf(' ', pos - 2) + 1;
            String word = p.substring(from, pos - 1);
            if (word.isEmpty() || !Character.isLowerCase(word.charAt(0)) || !word.chars().allMatch(Character::isLetter)) {
                return false;
            }
            if (SpeakerLexicon.VERBS.contains(word)) {
                return true;
            }
            pos = from;
        }
        return false;
    }

    /**
     * The organisation whose name ends with the word at [start, end) ("Russia's foreign ministry"), read
     * from up to four words before it, longest first.
     *
     * @return the organisation, or null when no such phrase parses as one
     */
    static SpeakerRef orgEndingAt(SpeakerParser parser, String text, int start, int end) {
        if (end < text.length() && Character.isLetter(text.charAt(end)) || start > 0 && Character.isLetter(text.charAt(start - 1))) {
            return null;
        }
        List<Integer> wordStarts = new ArrayList<>(4);
        int pos = start - 1;
        while (wordStarts.size() < 4 && pos > 0 && text.charAt(pos) == ' ') {
            int from = text.lastIndexOf(' ', pos - 1) + 1;
            if (from >= pos) {
                break;
            }
            wordStarts.add(from);
            pos = from - 1;
        }
        for (int w = wordStarts.size() - 1; w >= 0; w--) {
            SpeakerRef ref = parser.parse(text.substring(wordStarts.get(w), end));
            if (ref != null && ref.kind() == SpeakerRef.Kind.ORG && !ref.name().toLowerCase(Locale.ROOT).startsWith("the ")) {
                Matcher more = NAME_GOES_ON.matcher(text).region(end, text.length());
                return more.lookingAt() && !QuoteText.isTimeWord(more.group(1))
                        ? SpeakerRef.named(ref.name() + more.group(), null, SpeakerRef.Kind.ORG) : ref;
            }
        }
        return null;
    }

    /**
     * Resolves "the president": the one person named so far whose role ends with that office ("US President
     * Donald Trump"), leaving out roles that name another office (former, vice, deputy, acting, ex-...).
     *
     * @param roleByName full names to their roles, as learned from the text
     * @param office     the office word ("president")
     * @return the person, or null when no one or two different people hold such a role
     */
    static SpeakerRef officeHolder(Map<String, String> roleByName, String office) {
        String found = null;
        for (Map.Entry<String, String> e : roleByName.entrySet()) {
            String role = e.getValue().toLowerCase(Locale.ROOT);
            if (!role.equals(office) && !role.endsWith(" " + office) || OTHER_OFFICE.matcher(role).find()) {
                continue;
            }
            if (found != null && !found.equals(e.getKey())) {
                return null;
            }
            found = e.getKey();
        }
        return found == null ? null : SpeakerRef.named(found, roleByName.get(found), SpeakerRef.Kind.PERSON);
    }
}
