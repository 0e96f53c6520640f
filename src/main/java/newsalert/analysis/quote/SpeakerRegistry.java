package newsalert.analysis.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsalert.analysis.quote.SpeakerLookback.Mention;
import newsalert.analysis.quote.SpeakerLookback.Paragraph;

/**
 * The people named so far in one text, so that a later bare surname ("Kellogg said") or a name given
 * without its role can be completed from an earlier full mention ("U.S. special envoy on Ukraine Keith
 * Kellogg"). It also remembers the last speaker of each kind for pronoun resolution. One instance per
 * text; not thread-safe.
 */
final class SpeakerRegistry {
    private final SpeakerParser parser;
    /** surname (lower case) to full person; null value when two different people share it */
    private final Map<String, SpeakerRef> bySurname = new HashMap<>();
    /** a given name or other non-final name word (lower case) to full person ("anwar", "xi", "lee") */
    private final Map<String, SpeakerRef> byOtherToken = new HashMap<>();
    private final Map<String, String> roleByName = new HashMap<>();
    private final List<Mention> mentions = new ArrayList<>();
    private final List<Paragraph> pending = new ArrayList<>();
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private long lastPersonAt;
    private SpeakerRef lastPerson;
    private SpeakerRef lastAny;

    SpeakerRegistry(SpeakerParser parser) {
        this.parser = parser;
    }

    /**
     * Queues a paragraph for name learning; the work is done only when a resolution needs it.
     *
     * @param paragraph the paragraph with quoted words blanked out
     * @param base      the text position of the paragraph start, used to order mentions and quotes
     */
    void addParagraph(String paragraph, long base) {
        pending.add(new Paragraph(paragraph, base));
        paragraphs.add(new Paragraph(paragraph, base));
    }

    private void catchUp() {
        for (Paragraph p : pending) {
            learnMentions(p.text(), p.base());
        }
        pending.clear();
    }

    private void learnMentions(String paragraph, long base) {
        Matcher m = CapitalScan.CAPITAL_RUN.matcher(paragraph).useTransparentBounds(true).useAnchoringBounds(false);
        for (long hit = CapitalScan.find(m, paragraph, 0, true); hit >= 0;
                hit = CapitalScan.find(m, paragraph, (int) hit, true)) {
            int start = (int) (hit >>> 32);
            int end = (int) hit;
            String run = paragraph.substring(start, end);
            if (run.endsWith("'s") || run.endsWith("’s")) {
                run = run.substring(0, run.length() - 2); // "President Gustavo Petro's visa"
            }
            SpeakerRef ref = withRole(paragraph, start, run);
            if (ref != null && ref.kind() == SpeakerRef.Kind.PERSON && ref.name().contains(" ")) {
                remember(ref, false);
                mentions.add(new Mention(base + start, ref, SpeakerScan.speechNear(paragraph, start, end)));
            }
        }
        if (bySurname.isEmpty() && byOtherToken.isEmpty()) {
            return; // no known name word yet, so no single word can be a mention
        }
        Matcher w = CapitalScan.CAPITAL_WORD.matcher(paragraph).useTransparentBounds(true).useAnchoringBounds(false);
        for (long hit = CapitalScan.find(w, paragraph, 0, false); hit >= 0;
                hit = CapitalScan.find(w, paragraph, (int) hit, false)) {
            int start = (int) (hit >>> 32);
            int end = (int) hit;
            String key = SpeakerWords.key(paragraph.substring(start, end));
            SpeakerRef known = bySurname.containsKey(key) ? bySurname.get(key) : byOtherToken.get(key);
            if (known != null) {
                mentions.add(new Mention(base + start, known, SpeakerScan.speechNear(paragraph, start, end)));
            }
        }
    }

    /**
     * Parses a capitalised run; when the word before it is a lower-case role head ("Kremlin spokesman
     * Dmitry Peskov") up to four words before it are tried as the role, longest first.
     */
    private SpeakerRef withRole(String paragraph, int start, String run) {
        int pos = start - 1;
        List<String> before = new ArrayList<>(4);
        while (before.size() < 4 && pos > 0 && paragraph.charAt(pos) == ' ') {
            int from = paragraph.lastIndexOf(' ', pos - 1) + 1;
            String word = paragraph.substring(from, pos);
            if (word.isEmpty() || ",;:!?".indexOf(word.charAt(word.length() - 1)) >= 0) {
                break;
            }
            before.add(0, word);
            pos = from - 1;
        }
        int last = before.size() - 1;
        int prep = last >= 1 && before.get(last).equals("the") ? last - 1 : last; // "Vice President of the United States"
        boolean roleOfPlace = prep >= 1 && (before.get(prep).equals("of") || before.get(prep).equals("from"))
                && SpeakerWords.isHead(before.get(prep - 1)); // "Senator from Vermont Bernie Sanders"
        if (roleOfPlace || !before.isEmpty() && Character.isLowerCase(before.get(last).charAt(0))
                && SpeakerWords.isHead(before.get(last))) {
            for (int i = 0; i < before.size(); i++) {
                SpeakerRef ref = parser.parse(String.join(" ", before.subList(i, before.size())) + " " + run);
                if (ref != null && ref.role() != null) {
                    return ref;
                }
            }
        }
        return parser.parse(run);
    }

    private void remember(SpeakerRef ref, boolean credited) {
        String name = ref.name();
        String[] tokens = name.split(" ");
        String surname = SpeakerWords.key(tokens[tokens.length - 1]);
        learnKey(bySurname, surname, ref);
        for (int i = 0; i < tokens.length - 1; i++) {
            String t = tokens[i];
            if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && !t.endsWith(".")) {
                learnKey(byOtherToken, SpeakerWords.key(t), ref);
            }
        }
        if (ref.role() != null) {
            if (credited) {
                roleByName.put(name, ref.role());
            } else {
                roleByName.putIfAbsent(name, ref.role());
            }
        }
    }

    /** Maps a key to a person; a key shared by two different people maps to null (ambiguous). */
    private static void learnKey(Map<String, SpeakerRef> map, String key, SpeakerRef ref) {
        if (map.containsKey(key)) {
            SpeakerRef old = map.get(key);
            if (old != null && !old.name().equals(ref.name())) {
                String a = old.name().toLowerCase(Locale.ROOT);
                String b = ref.name().toLowerCase(Locale.ROOT);
                // "De Vries" opening a sentence is the "Anna de Vries" named before: the longer name stays
                map.put(key, a.endsWith(" " + b) ? old : b.endsWith(" " + a) ? ref : null);
            }
        } else {
            map.put(key, ref);
        }
    }

    /**
     * Completes a reference: a pronoun becomes the last suitable speaker (he/she: last person; it: last
     * organisation; they: last speaker of any kind), a one-word person name becomes the unique full name
     * with that surname, and a missing role is taken from an earlier mention of the same name.
     *
     * A he/she is left unresolved when another person is named (outside quotes) between the last
     * person's quote and this one. Before anyone is credited, he/she goes to the subject of a speech verb
     * named earlier in the quote's paragraph, or to the one person the paragraph names before the quote.
     *
     * @param at the text position of the quote being credited
     * @return the completed reference, or null when a pronoun has no antecedent
     */
    SpeakerRef resolve(SpeakerRef ref, long at) {
        boolean needsNames = ref.kind() == SpeakerRef.Kind.PRONOUN ? !ref.name().equals("they") && !ref.name().equals("it")
                : ref.kind() == SpeakerRef.Kind.PERSON && (ref.role() == null || !ref.name().contains(" ")
                        || Character.isLowerCase(ref.name().charAt(0)));
        if (needsNames) {
            catchUp();
        }
        if (ref.kind() == SpeakerRef.Kind.PRONOUN) {
            return switch (ref.name()) {
                case "he", "she" -> lastPerson != null && !otherPersonBetween(lastPerson, lastPersonAt, at)
                        ? lastPerson : orElse(SpeakerLookback.previousSubject(paragraphs, mentions, roleByName, at),
                                () -> soleSpeaker(Math.max(lastPerson == null ? -1 : lastPersonAt, (at >>> 32 << 32) - 1), at));
                case "it" -> lastAny != null && lastAny.kind() == SpeakerRef.Kind.ORG ? lastAny : null;
                case "they" -> lastAny;
                default -> ref.name().startsWith("role ")
                        ? lastPerson == null || otherPersonBetween(lastPerson, lastPersonAt, at) ? null
                        : SpeakerLookback.justQuoted(paragraphs, lastPerson, lastPersonAt, at)
                        : ref.name().startsWith("doc ") ? issuer(ref.name().substring(4), at) : SpeakerParser.isOffice(ref.name().substring(4))
                        ? SpeakerScan.officeHolder(roleByName, ref.name().substring(4))
                        : definite(ref.name().substring(4), at);
            };
        }
        if (ref.kind() == SpeakerRef.Kind.ORG && ref.name().indexOf(' ') < 0 && SpeakerLexicon.isOrgWord(ref.name())
                && !ref.name().equals(ref.name().toUpperCase(Locale.ROOT))) {
            return SpeakerLookback.fullOrganisation(parser, paragraphs, ref, at); // "the Court" after "the Supreme Court of Eastland"
        }
        SpeakerRef r = ref;
        if (r.kind() == SpeakerRef.Kind.PERSON && (!r.name().contains(" ") || Character.isLowerCase(r.name().charAt(0)))) {
            // a bare surname, also one with its particle ("de Vries")
            String key = SpeakerWords.key(r.name().substring(r.name().lastIndexOf(' ') + 1));
            SpeakerRef full = bySurname.containsKey(key) ? bySurname.get(key) : byOtherToken.get(key);
            if (full != null) {
                r = SpeakerRef.named(full.name(), r.role() != null ? r.role() : full.role(), SpeakerRef.Kind.PERSON);
            }
        }
        if (r.role() == null && r.kind() == SpeakerRef.Kind.PERSON && roleByName.containsKey(r.name())) {
            r = SpeakerRef.named(r.name(), roleByName.get(r.name()), SpeakerRef.Kind.PERSON);
        }
        return r;
    }

    private static SpeakerRef orElse(SpeakerRef ref, java.util.function.Supplier<SpeakerRef> other) {
        return ref != null ? ref : other.get();
    }

    /**
     * Resolves "the NOUN" ("the ministry"): the last credited speaker when it is an organisation whose name
     * ends with NOUN, else the nearest earlier organisation named in the text with NOUN as its last word
     * ("Russia's foreign ministry summoned …"), read from up to four words before NOUN, longest first.
     *
     * @return the organisation, or null when none is named
     */
    private SpeakerRef definite(String noun, long at) {
        if (lastAny != null && lastAny.kind() == SpeakerRef.Kind.ORG
                && lastAny.name().toLowerCase(Locale.ROOT).endsWith(" " + noun)) {
            return lastAny;
        }
        for (int i = paragraphs.size() - 1; i >= 0; i--) {
            Paragraph para = paragraphs.get(i);
            if (para.base() > at) {
                continue;
            }
            String text = para.text();
            String lower = text.toLowerCase(Locale.ROOT);
            int end = (int) Math.min(text.length(), at - para.base());
            int k = lower.lastIndexOf(noun, end - noun.length());
            while (k > 0) {
                SpeakerRef org = SpeakerScan.orgEndingAt(parser, text, k, k + noun.length());
                if (org != null) {
                    return org;
                }
                k = lower.lastIndexOf(noun, k - 1);
            }
        }
        return null;
    }

    /**
     * Resolves a document named as a quote's source ("read the warning") to its issuer named earlier in the
     * text: "the warning issued by Met Éireann", "a decree signed by the Pope" (the nearest before the quote).
     *
     * @param noun the document noun
     * @return the issuer, resolved, or null when none is named
     */
    private SpeakerRef issuer(String noun, long at) {
        Pattern by = Pattern.compile("\\b" + noun + " (?:was |were )?(?:signed|issued|released|published|written) by"
                + " ((?:the )?\\p{Lu}[\\p{L}'’.-]*(?: (?:of |for |and |the )?\\p{Lu}[\\p{L}'’.-]*){0,5})");
        for (int i = paragraphs.size() - 1; i >= 0; i--) {
            Paragraph para = paragraphs.get(i);
            if (para.base() > at) {
                continue;
            }
            String text = para.text();
            int end = (int) Math.min(text.length(), at - para.base());
            Matcher m = by.matcher(text).region(0, end);
            SpeakerRef last = null;
            while (m.find()) {
                last = parser.parse(m.group(1));
            }
            if (last != null) {
                return resolve(last, at);
            }
        }
        return null;
    }

    /**
     * The person named as the subject of a speech verb between two positions (at most back to the start
     * of the quote's paragraph): "…, police chief Adrian Vasquez said. “They saved lives,” he added." Other
     * people may be named after that subject ("Anwar Ibrahim said … in Kuala Lumpur"), not before it; null
     * when no one, or two different speech subjects, are named there.
     */
    private SpeakerRef soleSpeaker(long from, long to) {
        Mention speaker = null;
        // no one credited yet, and the paragraph names one person only: "Ruiz toured the site. He noted, “…”"
        // (once someone was credited, a pronoun after another name stays unresolved: "He met Rutte. “…,” he said")
        // or the paragraph opens with that person as its subject, a new one after someone else's quote:
        // "Ana Ruiz, a biologist, doubted the study. “However,” she said" (issue 15 pattern 7)
        String only = null; // the one person named in the window, or "" when two are
        boolean opens = false; // whether the first of them stands at the start of the quote's paragraph
        for (Mention m : mentions) {
            if (m.at() > from && m.at() < to) {
                opens = only == null ? m.at() == (to >>> 32 << 32) : opens;
                only = only == null || only.equals(m.name()) ? m.name() : "";
            }
        }
        if ((lastPerson == null || opens) && only != null && !only.isEmpty()) {
            return SpeakerRef.named(only, roleByName.get(only), SpeakerRef.Kind.PERSON);
        }
        for (Mention m : mentions) {
            if (m.at() > from && m.at() < to) {
                if (m.speech()) {
                    speaker = m;
                } else if (speaker == null) {
                    return null; // someone else is named first
                }
            }
        }
        for (Mention m : mentions) {
            if (speaker != null && m.at() > from && m.at() < to && m.speech() && !m.name().equals(speaker.name())) {
                return null; // two speakers in the window
            }
        }
        if (speaker == null) {
            return null;
        }
        String name = speaker.name();
        return SpeakerRef.named(name, roleByName.get(name), SpeakerRef.Kind.PERSON);
    }

    private boolean otherPersonBetween(SpeakerRef person, long from, long to) {
        for (Mention m : mentions) {
            if (m.at() > from && m.at() < to && !m.name().equals(person.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records a speaker that has just been credited with a quote.
     *
     * @param at the text position of the quote
     */
    void spoke(SpeakerRef ref, long at) {
        if (ref.kind() == SpeakerRef.Kind.PERSON) {
            if (ref.name().contains(" ")) {
                remember(ref, true);
            }
            lastPerson = ref;
            lastPersonAt = at;
        }
        lastAny = ref;
    }

    /** Forgets the last speakers: a quote was credited to someone unnamed, so a pronoun is unsafe. */
    void blocked() {
        lastPerson = null;
        lastAny = null;
    }
}
