package newsalert.analysis.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Look-backs over the text before a quote for {@link SpeakerRegistry}: the subject of the sentence before a he/she,
 * the person quoted in the sentence before a role noun ("The Lund professor added"), and the full name of an
 * organisation named by its noun alone ("the Court"). Pure static helpers over the registry's paragraphs and
 * mentions; thread-safe.
 */
final class SpeakerLookback {
    /** A sentence opening with he or she as its subject. */
    private static final Pattern PRONOUN_OPENING = Pattern.compile("(?:He|She) \\p{Ll}");
    /** A name used as an owner: "Ana Ruiz's sister". */
    private static final Pattern OWNER_AFTER_NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}\\p{M}.\\-]*(?: (?:\\p{Lu}[\\p{L}\\p{M}.\\-]*|de|van|von|al|bin|da|di|del|la|le))*['’]s\\b");

    private SpeakerLookback() {
    }

    /** @return the text of the paragraph starting at {@code base}, or null */
    private static String textAt(List<Paragraph> paragraphs, long base) {
        for (Paragraph para : paragraphs) {
            if (para.base() == base) {
                return para.text();
            }
        }
        return null;
    }

    /**
     * The person credited with a quote in the sentence just before the quote's sentence, in the same paragraph, when
     * no one else is named since: what "The Lund professor added" refers back to.
     *
     * @param paragraphs  the text's paragraphs so far, quotes blanked
     * @param lastPerson  the person credited last, or null
     * @param lastPersonAt the text position of that person's quote
     * @param at          the text position of the quote
     * @return the person, or null
     */
    static SpeakerRef justQuoted(List<Paragraph> paragraphs, SpeakerRef lastPerson, long lastPersonAt, long at) {
        long base = at >>> 32 << 32;
        if (lastPerson == null || lastPersonAt < base) {
            return null;
        }
        String text = textAt(paragraphs, base);
        int open = (int) (at - base);
        if (text == null || open > text.length()) {
            return null;
        }
        List<Integer> starts = QuoteSentences.starts(text);
        int current = QuoteSentences.startBefore(starts, open);
        int previous = current == 0 ? -1 : QuoteSentences.startBefore(starts, current - 1);
        return lastPersonAt - base >= previous && lastPersonAt - base < current ? lastPerson : null;
    }

    private static boolean namedBefore(List<Mention> mentions, String name, long at) {
        for (Mention m : mentions) {
            if (m.at() < at && m.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Completes an organisation named by its noun alone ("the Court", "the Church") from the organisations named
     * before the quote with that word: the nearest one ("the Supreme Court"), or an earlier one that name goes on
     * in ("the Supreme Court of Eastland", "the Church of the Silver Dawn").
     *
     * @param parser     the speaker parser
     * @param paragraphs the text's paragraphs so far, quotes blanked
     * @param org        a one-word organisation
     * @param at  the text position of the quote
     * @return the completed organisation, or {@code org} when none is named before
     */
    static SpeakerRef fullOrganisation(SpeakerParser parser, List<Paragraph> paragraphs, SpeakerRef org, long at) {
        String word = org.name();
        List<String> names = new ArrayList<>();
        for (Paragraph para : paragraphs) {
            if (para.base() > at) {
                break;
            }
            String text = para.text();
            int end = (int) Math.min(text.length(), at - para.base());
            for (int k = text.indexOf(word); k >= 0 && k + word.length() <= end; k = text.indexOf(word, k + 1)) {
                SpeakerRef named = SpeakerScan.orgEndingAt(parser, text, k, k + word.length());
                if (named != null && !named.name().equals(word) && named.name().indexOf('.') < 0) { // not "Finland. The Church"
                    names.add(named.name());
                }
            }
        }
        if (names.isEmpty()) {
            return org;
        }
        String nearest = names.get(names.size() - 1);
        for (String n : names) {
            if (n.startsWith(nearest + " of ")) {
                nearest = n;
                break;
            }
        }
        return SpeakerRef.named(nearest, null, SpeakerRef.Kind.ORG);
    }

    /**
     * The subject of the sentence before, for a he/she opening the quote's sentence: the person named first in
     * that sentence of the same paragraph, at its start or right after an opening phrase closed by a comma, and
     * not as an owner, when every other person named in that sentence was named earlier in the text ("Ana Ruiz paid
     * tribute to Hale. She said …" after an earlier "Tom Hale" gives Ana Ruiz; "In his letter, Ruiz thanked Hale. He
     * cited …" gives Ruiz; "Ruiz's sister met Hale. He said" gives no one, nor does "Ana Ruiz met Tom Berg. She
     * noted" with both new to the text).
     *
     * @param paragraphs the text's paragraphs so far, quotes blanked
     * @param mentions   the people named so far, with their text positions
     * @param roleByName full names to their roles
     * @param at         the text position of the quote
     * @return the person, or null
     */
    static SpeakerRef previousSubject(List<Paragraph> paragraphs, List<Mention> mentions, Map<String, String> roleByName,
            long at) {
        long base = at >>> 32 << 32;
        String text = textAt(paragraphs, base);
        int open = (int) (at - base);
        if (text == null || open > text.length()) {
            return null;
        }
        List<Integer> starts = QuoteSentences.starts(text);
        int current = QuoteSentences.startBefore(starts, open);
        if (current == 0 || !PRONOUN_OPENING.matcher(text).region(current, open).lookingAt()) {
            return null;
        }
        int previous = QuoteSentences.startBefore(starts, current - 1);
        Mention first = null;
        for (Mention m : mentions) {
            if (m.at() >= base + previous && m.at() < base + current && (first == null || m.at() < first.at())) {
                first = m;
            }
        }
        if (first == null) {
            return null;
        }
        for (Mention m : mentions) {
            if (m.at() >= base + previous && m.at() < base + current && !m.name().equals(first.name())
                    && !namedBefore(mentions, m.name(), base + previous)) {
                return null; // "Ana Ruiz met Tom Berg. She noted, …": two people new to the text, not guessed
            }
        }
        int from = (int) (first.at() - base);
        String opening = text.substring(previous, from);
        if (!opening.isEmpty() && !(opening.endsWith(", ") && QuoteText.words(opening) <= 6)
                || OWNER_AFTER_NAME.matcher(text).region(from, current).lookingAt()) {
            return null;
        }
        return SpeakerRef.named(first.name(), roleByName.get(first.name()), SpeakerRef.Kind.PERSON);
    }

    /**
     * @param at     text position of the mention
     * @param person the person named
     * @param speech whether the mention is the subject of a speech verb
     */
    record Mention(long at, SpeakerRef person, boolean speech) {
        String name() {
            return person.name();
        }
    }

    /**
     * @param text the paragraph with quoted words blanked out
     * @param base the text position of the paragraph start
     */
    record Paragraph(String text, long base) {
    }
}
