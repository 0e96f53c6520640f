package newsalert.analysis.quote;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the attribution next to one quote: the clause before it ({@code X said: “…”},
 * {@code X accused Y of “…”}) or the clause after it ({@code “…,” X said}, {@code “…,” said X}).
 *
 * <p>Before a quote, the clause from the sentence start to the opening mark must read
 * {@code SUBJECT [adverb] VERB GAP}, where VERB is a finite speech verb from {@link SpeakerLexicon}, the
 * subject parses as a speaker ({@link SpeakerParser}) and the gap (the words between verb and quote) has at
 * most 15 words, no semicolon, no second speech verb, no "but/while/whereas", and no comma except a final
 * one or a participle tail such as {@code , stating:}.
 *
 * <p>After a quote, attribution is only read when the quote ends in a comma, ? , ! , dash or ellipsis (or a
 * comma follows the mark): then the clause up to the sentence end must start with
 * {@code SUBJECT [adverb] VERB} or {@code VERB SPEAKER[, role]}, or {@code according to SPEAKER}.
 */
final class QuoteAttribution {
    /** The outcome of reading one side of a quote. */
    enum Status {
        /** a speaker was read */
        FOUND,
        /** a speech verb was there but its subject is not a named speaker ("officials said") */
        BLOCKED,
        /** no attribution on this side */
        NONE
    }

    /**
     * @param status what was found
     * @param ref    the speaker when {@link Status#FOUND}, else null
     */
    record Result(Status status, SpeakerRef ref, int gap) {
        static final Result NONE = new Result(Status.NONE, null, 0);
        static final Result BLOCKED = new Result(Status.BLOCKED, null, 0);

        Result(Status status, SpeakerRef ref) {
            this(status, ref, 0);
        }

        /** @return whether the speaker was read from a verb far from the quote (three or more words between) */
        boolean loose() {
            return gap >= 3;
        }
    }

    private static final Pattern BAD_GAP = Pattern.compile("(?i)\\b(?:but|while|whereas|although|though|because)\\b|;|[“”\"]");
    private static final Pattern LEADING_CONNECTOR = Pattern.compile("^[\\s,]*(?:(?:while|but|and|whereas|as)\\s+)?");
    private static final Pattern ACCORDING = Pattern.compile("^according to\\s+");

    /** A name of two or three capitalised words then of/from/at: "Anna Costa of the Valley tribal office said". */
    private static final Pattern AFFILIATED_START = Pattern.compile("(?:\\p{Lu}[\\p{L}'’.-]*\\s+){2,3}(?:of|from|at)\\s");
    private static final Pattern PARTICIPLE_START = Pattern.compile("^\\p{Ll}+ing\\b|^(?:and|but|as|which|who|that|when|while|after|before|if)\\b");

    /** A lone participle word at the start: "acting U.S. ambassador X" is a role, "adding that X" is not. */
    private static final Pattern PARTICIPLE_ONLY = Pattern.compile(
            "^\\p{Ll}+ing\\s+(?:\\p{Lu}|(?!that\\b|the\\b|they\\b|it\\b)\\p{Ll}+\\s+\\p{Lu})");

    /** A surname with an Arabic article, "al-Masri", "el-Sisi": part of the name, not a lower-case tail. */
    private static final Pattern ARABIC_ARTICLE_NAME = Pattern.compile("(?:al|el)-\\p{Lu}\\S*");

    /** "reads an AEW press release", "read a statement from the ministry" after a quote: group 1 the owner. */
    private static final Pattern READS_DOCUMENT = Pattern.compile(
            "reads?,? (?:in part,? )?(?:an? |the )?(\\p{Lu}[\\p{L}\\-]*(?: \\p{Lu}[\\p{L}\\-]*){0,4})(?:'s|’s)?"
                    + " (?:press release|statement|release|communiqu[eé]|post|tweet|letter|notice|message)\\b");

    /** "…,” read the warning." / "…,” reads the ruling in part." after a quote: group 1 the document noun. */
    private static final Pattern READS_THE_DOCUMENT = Pattern.compile(
            "reads?,? (?:in part,? )?the (?:[\\p{Ll}-]+ ){0,2}(" + QuoteLeads.DOCUMENTS + ")(?:,? in part)?$");

    /** "— as reported by the Daily News —" between a verb and its quote: a source aside, not part of the gap. */
    private static final Pattern AS_REPORTED = Pattern.compile("[—–,]\\s*as reported by [^—–,“”\"]{1,60}[—–,]");

    /** A gap that is one parenthetical phrase: "said, in response to the study, “…”". */
    private static final Pattern PARENTHETICAL_GAP = Pattern.compile(
            ",?\\s*(?:in|on|at|during|after|before|of|about|via|from|to)\\b[^,:;]*,?\\s*:?\\s*");

    private final SpeakerParser parser = new SpeakerParser();

    /**
     * @param clause text from the clause start to the opening mark; a leading "while/but/and/whereas/as"
     *               left over from a previous clause is ignored
     */
    Result before(String clause) {
        // the pattern is anchored and always matches (possibly empty): cut it off without replaceFirst's copy
        Matcher lead = LEADING_CONNECTOR.matcher(clause);
        String prefix = lead.lookingAt() ? clause.substring(lead.end()) : clause;
        if (prefix.isBlank()) {
            return Result.NONE;
        }
        String quoted = QuoteLeads.quotedAs(prefix);
        if (quoted != null) {
            return found(parser.parse(quoted)); // "TASS quoted Macron as saying"
        }
        String statement = QuoteLeads.statementFrom(prefix);
        if (statement != null) {
            return found(parser.parse(statement)); // "A statement from the Defence Ministry read: “…”"
        }
        String passive = QuoteLeads.passiveAgent(prefix);
        if (passive != null) {
            return found(parser.parse(passive)); // "Gutierrez was described by the CBCP as “…”"
        }
        String[] document = QuoteLeads.documentSubject(prefix);
        if (document != null) {
            // "The decree signed by the Pope read “…”": the signer; "The warning read:": its issuer, found earlier
            return found(document[1] != null ? parser.parse(document[1]) : SpeakerRef.document(document[0]));
        }
        String owner = QuoteLeads.postOwner(prefix);
        SpeakerRef poster = owner == null ? null : parser.parse(owner);
        if (poster != null) {
            return new Result(Status.FOUND, poster, 3); // "A tweet sent from Biden's account repeated it, saying “…”"
        }
        String relative = QuoteLeads.relativeCaller(prefix);
        SpeakerRef caller = relative == null ? null : parser.parse(relative);
        if (caller != null) {
            return new Result(Status.FOUND, caller); // "the bill, which the BBC describes as “…”"
        }
        String according = QuoteLeads.according(prefix);
        if (according != null) {
            SpeakerRef ref = parser.parse(according);
            return ref == null ? Result.BLOCKED : new Result(Status.FOUND, ref, 3);
        }
        boolean sawVerb = false;
        int[] m = SpeakerLexicon.findVerb(prefix, 0);
        for (int tries = 0; tries < 3 && m != null; tries++, m = SpeakerLexicon.findVerb(prefix, m[1])) {
            if (m[0] >= 3 && prefix.startsWith("as ", m[0] - 3) && (m[0] == 3 || !Character.isLetter(prefix.charAt(m[0] - 4)))) {
                continue; // "— as reported by the Daily News —": not the speaker's verb
            }
            String subject = withoutAdverbs(prefix.substring(0, m[0]));
            String gap = AS_REPORTED.matcher(prefix.substring(m[1])).replaceFirst(" ");
            if (subject.isBlank() || !gapOk(gap)) {
                continue;
            }
            sawVerb = true;
            SpeakerRef ref = parser.parseCut(subject);
            if (ref == null && subject.endsWith(" who")) {
                ref = parser.relativeAntecedent(subject); // "… led by Mark Hay, a marine ecologist, who said"
            }
            if (ref != null) {
                return new Result(Status.FOUND, ref, words(QuoteText.stripTrailingCommas(gap)));
            }
        }
        SpeakerRef lead2 = QuoteLeads.participleSubject(parser, prefix);
        if (lead2 != null) {
            return new Result(Status.FOUND, lead2, 3);
        }
        String opening = sawVerb ? null : QuoteLeads.verbOpening(prefix);
        SpeakerRef opener = opening == null ? null : parser.parse(opening);
        if (opener != null) {
            return new Result(Status.FOUND, opener); // "Remarked Center scientist Tierra Curry, “…”"
        }
        if (sawVerb) {
            return Result.BLOCKED;
        }
        SpeakerRef colon = QuoteLeads.colonSubject(parser, prefix);
        return colon != null ? new Result(Status.FOUND, colon, 3) : Result.NONE; // "X spoke of the plan: “…”"
    }

    private static boolean gapOk(String gap) {
        String g = gap.strip();
        if (g.isEmpty()) {
            return true;
        }
        if (BAD_GAP.matcher(g).find() || SpeakerLexicon.findVerb(g, 0) != null || words(g) > 15) {
            return false;
        }
        String body = QuoteText.stripTrailingCommas(g);
        return body.indexOf(',') < 0 || SpeakerLexicon.PARTICIPLE_TAIL.matcher(g).find()
                || PARENTHETICAL_GAP.matcher(g).matches();
    }

    /**
     * @param quoteText the quoted words, marks excluded
     * @param after     text from just past the closing mark to the sentence end
     */
    Result after(String quoteText, String after) {
        boolean commaAfter = after.startsWith(",");
        if (!commaAfter && !fragmentEnd(quoteText) && !verbFirst(after)) {
            return Result.NONE;
        }
        String a = QuoteText.stripFinalStop(QuoteText.stripLeadingCommas(after));
        if (a.isEmpty()) {
            return Result.NONE;
        }
        Matcher acc = a.startsWith("according to") ? ACCORDING.matcher(a) : null; // the regex needs that start
        if (acc != null && acc.find()) {
            return found(parser.parse(trimTail(a.substring(acc.end()))));
        }
        Matcher doc = a.startsWith("read") ? READS_DOCUMENT.matcher(a) : null; // the regex needs that start
        if (doc != null && doc.lookingAt()) {
            return found(parser.parse(doc.group(1))); // "…,” reads an AEW press release
        }
        Matcher theDoc = a.startsWith("read") ? READS_THE_DOCUMENT.matcher(a) : null;
        if (theDoc != null && theDoc.matches()) {
            return found(SpeakerRef.document(theDoc.group(1))); // "…,” read the warning: its issuer, named earlier
        }
        int[] m = SpeakerLexicon.findVerb(a, 0);
        if (m == null || m[0] > 140) {
            return Result.NONE;
        }
        if (m[0] == 0) {
            String rest = a.substring(m[1]).strip();
            int comma = rest.indexOf(", ");
            String main = trimTail(comma < 0 ? rest : rest.substring(0, comma));
            String phrase = comma < 0 ? main : main + ", " + rest.substring(comma + 2);
            return found(parser.parseCut(phrase));
        }
        String subject = withoutAdverbs(a.substring(0, m[0]));
        int most = subject.contains(",") ? 16 : AFFILIATED_START.matcher(subject).lookingAt() ? 12 : 8;
        if (words(subject) > most || startsLowerCase(subject) // the regex needs that
                && PARTICIPLE_START.matcher(subject).find()
                && (subject.contains(",") || !PARTICIPLE_ONLY.matcher(subject).find())) {
            return Result.NONE;
        }
        SpeakerRef ref = parser.parse(subject);
        return ref == null ? Result.BLOCKED : new Result(Status.FOUND, ref);
    }

    /**
     * Whether the text after the closing mark opens with a speech verb ({@code “…” said Dr. Lee}): the
     * verb-first attribution, read whatever mark ends the quote.
     */
    static boolean verbFirst(String after) {
        String a = after.stripLeading();
        int[] m = a.isEmpty() || !Character.isLowerCase(a.charAt(0)) ? null : SpeakerLexicon.findVerb(a, 0);
        return m != null && m[0] == 0;
    }

    /**
     * The speaker of a sentence that reports speech without quoting it: its only speech verb, with the
     * subject read from the sentence start or from the last comma before the verb ("…, Zapata said, adding").
     *
     * @param sentence one sentence without quotation marks
     * @return the speaker as read (not resolved), or null
     */
    static SpeakerRef reported(SpeakerParser parser, String sentence) {
        int[] v = SpeakerLexicon.findVerb(sentence, 0);
        if (v == null || SpeakerLexicon.findVerb(sentence, v[1]) != null || sentence.indexOf('"') >= 0
                || sentence.indexOf('“') >= 0) {
            return null;
        }
        String before = withoutAdverbs(sentence.substring(0, v[0]));
        int comma = before.lastIndexOf(", ");
        String subject = comma < 0 ? before : before.substring(comma + 2);
        return subject.isBlank() || words(subject) > 8 ? null : parser.parse(subject);
    }

    /** @return whether the text starts with a lower-case character (a code point, so any {@code \p{Ll}} counts) */
    static boolean startsLowerCase(String s) {
        return !s.isEmpty() && Character.isLowerCase(s.codePointAt(0));
    }

    static String withoutAdverbs(String subject) {
        String s = subject.strip();
        int sp = s.lastIndexOf(' ');
        if (sp < 0 || !Character.isLowerCase(s.charAt(sp + 1))) {
            return s; // cheap exit: the subject ends with a capitalised word
        }
        return SpeakerLexicon.ADVERBS_AT_END.matcher(s).replaceFirst("");
    }

    private static Result found(SpeakerRef ref) {
        return ref == null ? Result.BLOCKED : new Result(Status.FOUND, ref);
    }

    private static String trimTail(String s) {
        String t = QuoteText.stripTimeTail(s);
        int j = t.length();
        // drop trailing lower-case words ("in a statement")
        while (true) {
            int sp = t.lastIndexOf(' ', j - 1);
            if (sp < 0 || !Character.isLowerCase(t.charAt(sp + 1)) && !Character.isDigit(t.charAt(sp + 1))
                    || (t.startsWith("al-", sp + 1) || t.startsWith("el-", sp + 1)) // the regex needs that start
                    && ARABIC_ARTICLE_NAME.matcher(t.substring(sp + 1, j)).matches()) {
                break;
            }
            j = sp;
        }
        return QuoteText.stripTimeTail(t.substring(0, j));
    }

    private static int words(String s) {
        return QuoteText.words(s);
    }

    private static boolean fragmentEnd(String quote) {
        String q = quote.stripTrailing();
        if (q.isEmpty()) {
            return false;
        }
        // "…[,]": an editor's comma in brackets (a quote cut where the speaker's sentence went on) is a comma
        return ",!?—–-…".indexOf(q.charAt(q.length() - 1)) >= 0 || q.endsWith("...") || q.endsWith("[,]");
    }
}
