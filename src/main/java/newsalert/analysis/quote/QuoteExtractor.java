package newsalert.analysis.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsalert.story.Quote;

/**
 * Finds direct quotes and their speakers in story text. Pure and stateless between calls; safe to share
 * across threads (each call builds its own per-text state).
 *
 * <p>How a quote gets its speaker, tried in this order ({@link QuoteAttribution} has the clause rules and
 * {@link SpeakerParser} the name and role rules):
 * <ol>
 *   <li>the clause before it in the same sentence ({@code X said: “…”}, {@code X accused Y of “…”},
 *       {@code X announced that …, stating: “…”}); for a quote opening a paragraph, the last sentence of
 *       the previous paragraph when that ends with a colon;</li>
 *   <li>the clause after it ({@code “…,” X said}, {@code “…,” said X}, {@code “…,” he added}); after a quote ending in ! or ?
 *       the next sentence counts as that clause, up to its first comma ({@code “Stop!” Trump wrote.}); when both
 *       sides name different speakers the quote is dropped, unless the one after is a news agency
 *       reporting it ({@code X told Y that … “…”, Xinhua said} goes to X);</li>
 *   <li>a quote in the same sentence as an earlier quote credited by its following clause, joined to it by
 *       that clause ending in a comma ({@code “…,” X said, “but …”}) or by a speech participle
 *       ({@code “…,” X said, adding that Iran “…”}), gets the same speaker;</li>
 *   <li>a quote opening a new sentence right after an attributed quote's sentence in the same paragraph
 *       ({@code “First,” X said. “Second.”}) gets the same speaker: the two parts come out as two quotes;</li>
 *   <li>a quote opening a paragraph after a paragraph whose last quote was left open (wire style for a
 *       quote running over paragraphs) gets that quote's speaker;</li>
 *   <li>a quote joined to the previous one by a speech participle ({@code “…”, calling it a “…”}) gets its
 *       speaker; a quote opening a sentence right after a sentence of reported speech by a named speaker
 *       ({@code …, Zapata said, adding it was hard. “…”}) gets that speaker;</li>
 *   <li>a paragraph that is one quote gets the speaker of the next paragraph's first sentence when that
 *       sentence only attributes ({@code Sadek said on Monday.}).</li>
 *   <li>a quote in the same sentence as a quote credited by the clause before it, joined by a few lower-case
 *       words without a speech verb, gets its speaker ({@code X said it would be “…” and “…”}).</li>
 * </ol>
 * A sentence after a quote that runs on into another quote's opening mark belongs to that quote and does not
 * attribute the one before ({@code “…?” Ana Ruiz said, “…”}).
 * Other shapes before a quote ({@code , saying}, {@code quoted X as saying}, {@code according to X},
 * {@code a statement from X read}, {@code was described by X as}, {@code which X describes as}, {@code The decree
 * signed by X read}) are in {@link QuoteLeads}; a document as the source ({@code “…”, read the warning}) goes to
 * its issuer named earlier ({@code the warning issued by X}); a quote ending
 * in a full stop is credited by a following sentence that only attributes it ({@code “…” Pelosi said.}).
 * Pronouns resolve to the last credited speaker: he/she to the last credited person, unless another person
 * is named (outside quotes) in between; they to the last credited speaker of any kind; it to the last
 * credited organisation. When the last credited person is not safe, he/she opening a sentence goes to the
 * subject of the sentence before ({@link SpeakerLookback}); "The Lund professor added" goes to the person
 * quoted in the sentence before, and "the Court" to the full name of the court named earlier. A pronoun with no
 * such speaker drops the quote, and an attribution that names
 * nobody usable ("officials said") switches pronoun resolution off until the next named speaker. A
 * one-word name ("Peskov said") is completed from an earlier full mention in the same text whose surname it
 * is, or failing that whose given name it is ("Anwar said" after "Anwar Ibrahim"; a word shared by two
 * people completes nothing), and a name
 * given without a role takes the role of an earlier mention.
 *
 * <p>Not quotes: a quote without any of the above; a quote after a label word (so-called, dubbed, known
 * as, titled, headline...); a quote wedged between two capitalised name words (a nickname); a name or
 * title (no end punctuation and every word of four or more letters capitalised, e.g. “Operation Rising
 * Lion”); a quote of one or two words used as a modifier (after a possessive or determiner, or
 * before a lower-case content word: Russia's “shadow fleet”, “shadow fleet” tankers) unless the speech
 * verb is at most three words before it or the attribution follows it; a quote after a copula or before an
 * adjective ("had been “all but disarmed”", "“unequal treatment” incompatible with") is no modifier.
 *
 * <p>Quote text: the words inside the marks, trimmed; a final comma is dropped; a final full stop is
 * dropped only when the quote is a fragment, that is its first letter is lower case ("sabotaging peace
 * talks." gives "sabotaging peace talks"); a quote starting with a capital keeps its full stop. Speaker and
 * role have apostrophes normalised to ASCII and no leading article.
 */
public final class QuoteExtractor {
    private static final Pattern CLAUSE_BREAK = Pattern.compile(",?\\s+(?:while|but|and|whereas)\\s+|;\\s*");

    private final QuoteAttribution attribution = new QuoteAttribution();
    private final SpeakerParser parser = new SpeakerParser();

    /** Creates an extractor; all patterns and word lists are static and compiled once. */
    public QuoteExtractor() {
        // nothing to configure
    }

    /**
     * @param text plain text, paragraphs separated by blank lines; may be null or empty
     * @return quotes in text order; empty when none
     */
    public List<Quote> extract(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> paragraphs = QuoteText.paragraphs(text.strip());
        SpeakerRegistry registry = new SpeakerRegistry(parser);
        List<Quote> out = new ArrayList<>();
        String prevParagraph = null;
        SpeakerRef runOn = null; // speaker of a quote left open at the end of the previous paragraph
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = QuoteText.normalizeSpaces(paragraphs.get(i));
            String next = i + 1 < paragraphs.size() ? paragraphs.get(i + 1) : null;
            runOn = paragraph(p, (long) i << 32, prevParagraph, next, runOn, registry, out);
            prevParagraph = p;
        }
        return List.copyOf(out);
    }


    private SpeakerRef paragraph(String p, long base, String prevParagraph, String nextParagraph, SpeakerRef runOn,
            SpeakerRegistry registry, List<Quote> out) {
        List<QuoteSpan> spans = QuoteSpans.find(p);
        registry.addParagraph(QuoteSpans.masked(p, spans), base);
        if (spans.isEmpty()) {
            return null; // no quote: nothing to attribute, and no quote left open
        }
        List<Integer> starts = QuoteSentences.starts(p);
        SpeakerRef prevSpeaker = null;
        boolean prevByAfter = false;
        int prevOpen = 0;
        int prevClose = 0;
        int prevEnd = 0;
        SpeakerRef openAtEnd = null;
        for (int j = 0; j < spans.size(); j++) {
            QuoteSpan s = spans.get(j);
            String inner = s.inner(p).strip();
            int clauseStart = Math.max(QuoteSentences.startBefore(starts, s.open()), prevEnd);
            String prefix = p.substring(clauseStart, s.open());
            if (j == 0 && prefix.isBlank() && prevParagraph != null && prevParagraph.endsWith(":")) {
                prefix = lastClause(prevParagraph);
            }
            int limit = j + 1 < spans.size() ? spans.get(j + 1).open() : p.length();
            int afterEnd = QuoteSentences.endAfter(starts, s.close(), limit);
            String after = s.closed() ? p.substring(Math.min(s.end(), afterEnd), afterEnd) : "";
            if (s.closed() && after.isBlank() && QuoteShapes.endsExclaimOrAsk(inner)) {
                // “Vladimir, STOP!” U.S. President Donald Trump wrote: the mark ended a sentence of its own
                afterEnd = QuoteSentences.endAfter(starts, s.end() + 1, limit);
                after = introducesNext(starts, afterEnd, limit, p.length()) ? "" : p.substring(Math.min(s.end(), afterEnd), afterEnd);
                int comma = after.indexOf(", ");
                after = comma < 0 ? after : after.substring(0, comma);
            } else if (s.closed() && after.isBlank() && inner.endsWith(".")) {
                // “… a trial.” Pelosi said. — a sentence that only attributes the quote before it
                int next = QuoteSentences.endAfter(starts, s.end() + 1, limit);
                String sentence = p.substring(Math.min(s.end(), next), next);
                if (!introducesNext(starts, next, limit, p.length()) && QuoteShapes.attributionOnly(sentence)) {
                    after = "," + sentence;
                    afterEnd = next;
                }
            }
            SpeakerRef ref = null;
            String evidence = null;
            boolean afterFound = false;
            if (!inner.isEmpty() && !QuoteShapes.isLabel(p, s, inner)) {
                QuoteAttribution.Result before = attribution.before(prefix);
                QuoteAttribution.Result aft = attribution.after(inner, after);
                afterFound = aft.status() == QuoteAttribution.Status.FOUND;
                if (before.status() == QuoteAttribution.Status.BLOCKED
                        || aft.status() == QuoteAttribution.Status.BLOCKED) {
                    registry.blocked();
                } else if (before.ref() != null || aft.ref() != null) {
                    ref = pick(registry, base + s.open(), before, aft);
                    if (ref != null && words(inner) <= 2 && aft.ref() == null && !QuoteShapes.verbClose(prefix)
                            && QuoteShapes.modifierUse(p, s)) {
                        ref = null;
                    }
                    if (ref != null) {
                        boolean useBefore = before.ref() != null;
                        SpeakerRef raw = useBefore ? before.ref() : aft.ref();
                        String span = useBefore ? QuoteEvidence.beforeSpan(prefix) : QuoteEvidence.afterSpan(after);
                        evidence = QuoteEvidence.attribution(useBefore ? "before" : "after", span, raw, ref);
                    }
                } else if (prefix.isBlank() && prevSpeaker != null && prevByAfter
                        && QuoteSentences.countBetween(starts, prevClose, s.open()) == 0
                        && QuoteShapes.splitTail(p.substring(prevClose, s.open())) != null) {
                    ref = prevSpeaker;
                    evidence = "split quote " + QuoteShapes.splitTail(p.substring(prevClose, s.open())) + " → " + ref.name();
                } else if (prefix.isBlank() && prevSpeaker != null
                        && QuoteSentences.startBefore(starts, s.open()) == s.open()
                        && QuoteSentences.countBetween(starts, prevEnd, s.open()) <= 1) {
                    ref = prevSpeaker;
                    evidence = QuoteEvidence.carried("next sentence", ref);
                } else if (prefix.isBlank() && prevSpeaker == null && s.open() > 0
                        && QuoteSentences.startBefore(starts, s.open()) == s.open()
                        && (ref = reportedBefore(p, starts, s.open(), prevEnd, registry, base)) != null) {
                    evidence = QuoteEvidence.carried("after reported speech", ref); // “X said, adding …. “…””
                } else if (prevSpeaker != null && QuoteShapes.participleJoin(p.substring(prevClose, s.open()))) {
                    ref = prevSpeaker; // “…”, calling it a “…” / “…”, also observing, “…”
                    evidence = "split quote \"" + p.substring(prevClose, s.open()).strip() + "\" → " + ref.name();
                } else if (prevSpeaker != null && !prevByAfter && QuoteSentences.countBetween(starts, prevClose, s.open()) == 0
                        && QuoteShapes.sameClauseJoin(p.substring(prevClose, s.open()))
                        && !(words(inner) <= 2 && (QuoteShapes.listJoin(p.substring(prevClose, s.open()))
                                ? QuoteShapes.modifierAfter(p, s) : QuoteShapes.modifierUse(p, s)))) {
                    ref = prevSpeaker; // X said it would be “…” and “…”: one clause, one speaker
                    evidence = "same clause \"" + p.substring(prevClose, s.open()).strip() + "\" → " + ref.name();
                } else if (j == 0 && prefix.isBlank() && s.open() == 0 && runOn != null) {
                    ref = runOn;
                    evidence = QuoteEvidence.carried("quote runs on from previous paragraph", ref);
                }
            }
            if (ref == null && spans.size() == 1 && s.closed() && s.open() == 0 && s.end() == p.length()
                    && nextParagraph != null && !inner.isEmpty() && !QuoteShapes.isLabel(p, s, inner)) {
                // a paragraph that is one quote, attributed by the next paragraph's first sentence ("Klitschko said.")
                String np = QuoteText.normalizeSpaces(nextParagraph);
                List<Integer> nextStarts = QuoteSentences.starts(np);
                String first = np.substring(0, nextStarts.size() > 1 ? nextStarts.get(1) : np.length());
                QuoteAttribution.Result back = QuoteShapes.attributionOnly(first)
                        ? attribution.after(inner, "," + first) : QuoteAttribution.Result.NONE;
                ref = back.ref() == null ? null : registry.resolve(back.ref(), base + s.open());
                evidence = ref == null ? null : "next paragraph: \"" + QuoteText.stripFinalStop(first) + "\" → " + ref.name();
            }
            String text = cleanText(inner);
            if (ref != null && !text.isEmpty()) {
                registry.spoke(ref, base + s.open());
                out.add(new Quote(ref.name(), ref.role(), text, evidence));
            } else {
                ref = null;
            }
            prevSpeaker = ref;
            prevByAfter = ref != null && afterFound;
            prevOpen = s.open();
            prevClose = s.end();
            prevEnd = s.end();
            if (afterFound) {
                Matcher brk = CLAUSE_BREAK.matcher(after);
                prevEnd = brk.find() ? s.end() + brk.end() : Math.max(s.end(), afterEnd);
            }
            openAtEnd = s.closed() ? null : ref;
        }
        return openAtEnd;
    }

    /**
     * Whether the sentence after a quote runs on into the next quote's opening mark ({@code “…?” Ana Ruiz
     * said, “…”}): it introduces that quote, so it does not attribute the one before.
     *
     * @param end   where the sentence after the quote was cut
     * @param limit the next quote's opening mark, or the paragraph's length
     * @param length the paragraph's length
     */
    private static boolean introducesNext(List<Integer> starts, int end, int limit, int length) {
        return end == limit && limit < length && QuoteSentences.startBefore(starts, limit) != limit;
    }

    private static SpeakerRef pick(SpeakerRegistry registry, long at, QuoteAttribution.Result bef,
            QuoteAttribution.Result aft) {
        SpeakerRef before = bef.ref();
        SpeakerRef after = aft.ref();
        SpeakerRef b = before == null ? null : registry.resolve(before, at);
        SpeakerRef a = after == null ? null : registry.resolve(after, at);
        if (before != null && after != null) {
            if (b != null && a != null && a.kind() == SpeakerRef.Kind.ORG && SpeakerLexicon.isNewsOutlet(a.name())) {
                return b; // “…”, Xinhua said: the agency reports the speaker named before the quote
            }
            if (a != null && bef.loose() && after.kind() != SpeakerRef.Kind.PRONOUN) {
                return a; // the WHO noted the need to act: “…,” said Tedros — the named attribution next to it wins
            }
            return a != null && b != null && a.name().equals(b.name()) ? b : null;
        }
        return b != null ? b : a;
    }

    /**
     * The speaker of the sentence just before a quote that opens a sentence, when that sentence reports
     * speech without quoting it: "Winds slowed the crossing, Zapata said, adding it was hard." Only a named
     * speaker counts, the sentence holds no quotation and one speech verb.
     *
     * @return the speaker, or null
     */
    private SpeakerRef reportedBefore(String p, List<Integer> starts, int open, int prevEnd, SpeakerRegistry registry,
            long base) {
        int from = QuoteSentences.startBefore(starts, open - 1);
        if (from < prevEnd || from >= open) {
            return null; // a quote stands in that sentence (or there is none)
        }
        SpeakerRef ref = QuoteAttribution.reported(parser, p.substring(from, open));
        if (ref == null || ref.kind() == SpeakerRef.Kind.PRONOUN) {
            return null;
        }
        return registry.resolve(ref, base + open);
    }


    private static String lastClause(String paragraph) {
        List<Integer> starts = QuoteSentences.starts(paragraph);
        int from = starts.get(starts.size() - 1);
        List<QuoteSpan> spans = QuoteSpans.find(paragraph);
        if (!spans.isEmpty()) {
            from = Math.max(from, spans.get(spans.size() - 1).end());
        }
        return paragraph.substring(from);
    }

    /**
     * The quote text rule: trimmed; a trailing comma dropped; a trailing full stop dropped when the quote
     * is a fragment (first letter lower case).
     */
    static String cleanText(String inner) {
        String t = inner.strip();
        if (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (t.endsWith(".") && !t.endsWith("..") && isFragment(t)) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static boolean isFragment(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c)) {
                return Character.isLowerCase(c);
            }
        }
        return false;
    }

    private static int words(String s) {
        return QuoteText.words(s);
    }
}
