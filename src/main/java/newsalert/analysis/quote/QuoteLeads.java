package newsalert.analysis.quote;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attribution shapes before a quote that carry no finite speech verb next to their subject, read by
 * {@link QuoteAttribution#before} when its main rule finds nothing:
 * <ul>
 *   <li>a speech participle ending the clause, whose speaker is the clause's subject:
 *       {@code Taricani defended his action, saying: “…”}, {@code The campaign criticised the plan, accusing
 *       the mayor of “…”};</li>
 *   <li>{@code The Daily Courier quoted Novak as saying: “…”} (the speaker is the one quoted, not the outlet);</li>
 *   <li>{@code According to Dr. Ana Ruiz, formerly the head of the agency, the outbreak is “…”};</li>
 *   <li>a sentence ending in a colon whose subject is a named speaker: {@code Bill Ortiz of NASA spoke of the
 *       partnership: “…”}, {@code Incumbent President Ada Lin quickly took a parting shot on Twitter: “…”}.</li>
 * </ul>
 * Each gives a speaker phrase for {@link SpeakerParser}, or null. Stateless; thread-safe.
 */
final class QuoteLeads {
    private static final String PARTICIPLE = "(?:,\\s+|\\s+(?=(?:saying|stating|adding) that\\b))(?:also\\s+|further\\s+|then\\s+)?"
            + "(?:saying|stating|adding|writing|noting"
            + "|declaring|insisting|arguing|warning|explaining|observing|remarking|commenting|continuing|tweeting"
            + "|telling (?:reporters|journalists)|calling for|calling (?:it|them|this|that|him|her)(?: an?| the)?"
            + "|describing (?:it|them|this|that|him|her) as(?: an?| the)?"
            + "|accusing [^,;“”\"]{1,40}? of|urging [^,;“”\"]{1,40}? to)\\b";

    /** A speech participle closing the clause before the quote, with the words it may take. */
    static final Pattern PARTICIPLE_END = Pattern.compile(PARTICIPLE + "(?:\\s+that)?\\s*[:,]?\\s*$");

    /** A speech participle anywhere in the clause; what follows it is checked as a gap. */
    private static final Pattern PARTICIPLE_IN = Pattern.compile(PARTICIPLE);

    private static final Pattern QUOTED_AS = Pattern.compile(
            "\\b(?:quoted|quotes|quoting|cited|cites)\\s+(.{2,80}?)\\s+as\\s+(?:saying|telling [^,;“”\"]{1,30}?|writing)"
                    + "(?:\\s+(?:to|in|on|at)\\s+[^,;“”\"]{1,40}?)?(?:\\s+that)?\\s*[:,]?\\s*$");

    private static final Pattern CLAUSE_BREAK = Pattern.compile(",? (?:but|while|whereas|although) |; ");

    /** "was described by the CBCP as": group 1 the agent who said it. */
    private static final Pattern PASSIVE_BY = Pattern.compile(
            "\\b(?:(?:was|were|is|are|has been|had been|have been) (?:described|called|labelled|labeled|branded|praised"
                    + "|hailed|criticised|criticized|dismissed|denounced)|(?:described|labelled|labeled|branded)) by (.{2,60}?)"
                    + " as(?: an?| the)?\\s*$");

    /** "A statement from the Defence Ministry read:": group 1 the organisation. */
    private static final Pattern STATEMENT_FROM = Pattern.compile(
            "^(?:(?:A|a|An|an|The|the|In a|in a) )?(?:\\p{Ll}+ )?(?:statement|press release|communiqu[eé]|letter) (?:from|by"
                    + "|issued by|released by) (.{2,60}?),? (?:read|reads|said|says|stated)(?: in part)?[,:]?\\s*$");

    /**
     * A relative clause ending right before the quote whose subject calls the thing quoted: "…, which the
     * BBC describes as", "which Ross has referred to as", "which the Times called". Group 1 the subject.
     */
    private static final Pattern RELATIVE_CALL = Pattern.compile(
            "(?:^|,\\s*|\\s)(?:which|whom)\\s+((?:the\\s+)?\\p{Lu}[^,;:“”\"]{0,60}?)\\s+(?:has\\s+|had\\s+|have\\s+)?"
                    + "(?:called|calls|describes|described|referred\\s+to|refers\\s+to|labelled|labeled|branded)"
                    + "(?:\\s+(?:it|them|him|her))?(?:\\s+as)?(?:\\s+(?:an?|the))?\\s*$");

    /** Document nouns a quote may be read from: "The decree … read", "…,” read the warning." */
    static final String DOCUMENTS = "warning|report|decree|opinion|ruling|judgment|judgement|verdict|summary|letter"
            + "|notice|memo|communiqu[eé]|advisory|bulletin|order|declaration|resolution";

    /**
     * A document as the subject of the clause before a quote: "The decree signed by the Pope read", "The orange
     * warning read:", "The opinion of the Court, released on Friday, read in part,". Group 1 the document noun,
     * group 2 its capitalised owner after "of", group 3 the signer or issuer after "by", if any.
     */
    private static final Pattern DOCUMENT_SUBJECT = Pattern.compile(
            "^(?:The|the) (?:[\\p{Ll}-]+ ){0,2}(" + DOCUMENTS + ")"
                    + "(?: of ((?:the )?\\p{Lu}[\\p{L}'’.-]*(?: (?:of |for |and |the )?\\p{Lu}[\\p{L}'’.-]*){0,5}))?"
                    + "(?:,? (?:signed|issued|released|published|written) (?:by (.{2,60}?)|(?:on|in) [^,;:“”\"]{1,30}?),?)?"
                    + " (?:also )?(?:read|reads|said|says|stated|states)(?:,? in part)?[,:]?\\s*$");

    /**
     * A post as the subject of the clause: "A tweet sent from Biden's Twitter account during the debate repeated
     * …, saying". Group 1 the account's owner.
     */
    private static final Pattern POST_SUBJECT = Pattern.compile(
            "^(?:An?|The) (?:\\p{Ll}+ )?(?:tweet|post|message|video) (?:\\p{Ll}+ )?(?:from|on|by) ((?:the )?\\p{Lu}[^,;:“”\"]{0,40}?)"
                    + "(?:'s|’s) (?:[\\p{L}-]+ ){0,2}(?:account|page|feed|channel)\\b");

    private static final Set<String> TIME_OPENERS = Set.of("This", "Last", "Next", "On", "Early", "Late", "Earlier");

    /** Lower-case words that may sit inside an organisation's name, so no subject ends before them. */
    private static final Set<String> ORG_JOINERS_AFTER = Set.of("of", "for", "and", "the", "on", "de", "van", "von",
            "al", "bin", "da", "di", "du", "del", "la", "le");

    /** A document and who issued it: "a memo posted online by Senator X", "the report released by the board". */
    private static final Pattern DOCUMENT_BY = Pattern.compile(
            "(?:an?|the) (?:[\\p{Ll}-]+ ){0,2}(?:" + DOCUMENTS + "|statement|press release|post|tweet|message)"
                    + " (?:(?:posted|issued|released|published|signed|written|sent)(?: online)? )?by (.{2,60})");

    private static final Pattern ACCORDING_START = Pattern.compile("^(?:According|according) to\\s+");

    /** A verb-like word after the subject: a past form, or an auxiliary before one. */
    private static final Set<String> AUXILIARIES = Set.of("has", "had", "have", "was", "is", "also", "then",
            "later", "again", "further", "repeatedly", "publicly", "once");

    private QuoteLeads() {
    }

    /**
     * @param prefix the clause before the quote (connectors already dropped)
     * @return the speaker phrase of {@code X quoted Y as saying}, or null
     */
    static String quotedAs(String prefix) {
        if (prefix.indexOf(" as ") < 0) {
            return null;
        }
        Matcher m = QUOTED_AS.matcher(prefix);
        return m.find() ? m.group(1) : null;
    }

    /**
     * @param prefix the clause before the quote
     * @return the organisation of {@code A statement from the Defence Ministry read: “…”}, or null
     */
    static String statementFrom(String prefix) {
        Matcher m = prefix.indexOf(" from ") >= 0 || prefix.indexOf(" by ") >= 0 ? STATEMENT_FROM.matcher(prefix) : null;
        return m != null && m.find() ? m.group(1) : null;
    }

    /**
     * @param prefix the clause before the quote, from its sentence start
     * @return {@code {noun, issuer}} for a document subject ("The decree signed by the Pope read", "The opinion of
     *         the Court read"; issuer null when the clause names none), or null
     */
    static String[] documentSubject(String prefix) {
        if (prefix.length() < 10 || prefix.charAt(0) != 'T' && prefix.charAt(0) != 't') {
            return null;
        }
        Matcher m = DOCUMENT_SUBJECT.matcher(prefix.strip());
        return m.matches() ? new String[] {m.group(1), m.group(3) != null ? m.group(3) : m.group(2)} : null;
    }

    /**
     * @param prefix the clause before the quote, from its sentence start
     * @return the owner of the account a post came from when the post is the clause's subject and the clause ends
     *         in a speech verb or participle ("A tweet sent from Biden's Twitter account repeated it, saying"), or
     *         null
     */
    static String postOwner(String prefix) {
        if (prefix.length() < 20 || prefix.charAt(0) != 'A' && prefix.charAt(0) != 'T') {
            return null;
        }
        Matcher m = POST_SUBJECT.matcher(prefix);
        if (!m.lookingAt()) {
            return null;
        }
        String rest = prefix.substring(m.end());
        int[] verb = SpeakerLexicon.findVerb(rest, 0);
        boolean speech = PARTICIPLE_END.matcher(rest).find()
                || verb != null && gapOk(rest.substring(verb[1])) && SpeakerLexicon.findVerb(rest, verb[1]) == null;
        return speech && rest.indexOf(';') < 0 ? m.group(1) : null;
    }

    /**
     * @param prefix the clause before the quote
     * @return the subject of a relative clause that names the thing quoted ({@code the bill, which the BBC
     *         describes as “…”}), or null
     */
    static String relativeCaller(String prefix) {
        if (prefix.indexOf("which ") < 0 && prefix.indexOf("whom ") < 0) {
            return null;
        }
        Matcher m = RELATIVE_CALL.matcher(prefix);
        return m.find() ? m.group(1) : null;
    }

    /**
     * @param prefix the clause before the quote
     * @return the agent of {@code X was described by the CBCP as “…”}, or null
     */
    static String passiveAgent(String prefix) {
        if (prefix.indexOf(" by ") < 0) {
            return null;
        }
        Matcher m = PASSIVE_BY.matcher(prefix);
        return m.find() ? m.group(1) : null;
    }

    /**
     * @param prefix the clause before the quote, which must open the sentence
     * @return the speaker phrase of {@code Remarked Center scientist Tierra Curry, “…”} (a capitalised speech
     *         verb opening the sentence, then the speaker up to the mark), or null
     */
    static String verbOpening(String prefix) {
        if (prefix.isEmpty() || !Character.isUpperCase(prefix.charAt(0))) {
            return null;
        }
        int sp = prefix.indexOf(' ');
        if (sp < 4 || !SpeakerLexicon.VERBS.contains(prefix.substring(0, sp).toLowerCase(Locale.ROOT))) {
            return null;
        }
        String rest = QuoteText.stripTrailingCommas(prefix.substring(sp + 1));
        return QuoteText.words(rest) <= 12 ? rest : null;
    }

    /**
     * @param prefix the clause before the quote, which must open the sentence
     * @return the speaker phrase of {@code According to X, … “…”} (the words up to the first comma), or null
     *         when the rest holds a speech verb or another quotation
     */
    static String according(String prefix) {
        Matcher m = ACCORDING_START.matcher(prefix);
        if (!m.lookingAt()) {
            return null;
        }
        int comma = prefix.indexOf(", ", m.end());
        if (comma < 0) {
            return null;
        }
        String rest = prefix.substring(comma);
        if (SpeakerLexicon.findVerb(rest, 0) != null || QuoteText.words(rest) > 25 || rest.indexOf(';') >= 0
                || rest.indexOf('"') >= 0 || rest.indexOf('“') >= 0) {
            return null;
        }
        String source = prefix.substring(m.end(), comma);
        Matcher doc = DOCUMENT_BY.matcher(source);
        return doc.matches() ? doc.group(1) : source; // "According to a memo posted online by Senator X"
    }

    /**
     * The subject of a clause that ends with a speech participle ("Taricani defended his action, saying:").
     * When the clause holds a speech verb, the subject of that verb is the speaker. Otherwise the subject is
     * the longest run of up to eight words that parses as a speaker and is followed by a
     * lower-case verb (a past form ending in -ed, or an auxiliary such as has/had/was); it is looked for at
     * the clause start and after each of its first commas (introductory phrases), skipping up to two
     * leading words ("This Wednesday").
     *
     * @return the speaker, or null when the clause does not end with a participle or has no such subject
     */
    static SpeakerRef participleSubject(SpeakerParser parser, String prefix) {
        if (prefix.indexOf(',') < 0 || prefix.indexOf("ing") < 0) {
            return null; // the cheap tests first: every participle ends in -ing and follows a comma
        }
        Matcher end = PARTICIPLE_IN.matcher(prefix);
        int at = -1;
        while (end.find()) {
            at = end.start();
            if (!gapOk(prefix.substring(end.end()))) {
                at = -1;
            }
        }
        if (at < 0) {
            return null;
        }
        String clause = prefix.substring(0, at);
        Matcher brk = CLAUSE_BREAK.matcher(clause);
        int last = -1;
        while (brk.find()) {
            last = brk.end();
        }
        clause = last < 0 ? clause : clause.substring(last); // "… was chosen, but Abbas has denied this, saying"
        int[] verb = SpeakerLexicon.findVerb(clause, 0);
        if (verb != null) {
            // "…, the envoy Julie Bishop said on Tuesday, urging …": the participle goes with that speech verb
            String before = QuoteAttribution.withoutAdverbs(clause.substring(0, verb[0]));
            SpeakerRef ref = parser.parse(before);
            int comma = before.lastIndexOf(", ");
            if (ref == null && comma >= 0) {
                ref = parser.parse(before.substring(comma + 2));
            }
            return ref != null ? ref : withoutLeadingTime(parser, before); // no other subject is guessed
        }
        int from = 0;
        for (int commas = 0; commas < 3 && from >= 0; commas++) {
            SpeakerRef ref = subjectAt(parser, clause.substring(from));
            if (ref != null) {
                return ref;
            }
            int c = clause.indexOf(", ", from);
            from = c < 0 ? -1 : c + 2;
        }
        return null;
    }

    /**
     * The subject of a clause that ends with a colon right before the quote, when it opens the clause as a
     * named speaker followed by a lower-case word (a verb, or an adverb before one): {@code Ana Ruiz of the
     * WHO spoke of the risk: “…”}, {@code The High Court also ruled on the same day, finding that …: “…”}.
     * Only the clause start is tried (after up to two leading time words), so a colon after a list or a
     * label ("The list of effects includes:") names no one; a pronoun subject is not taken.
     *
     * @param prefix the clause before the quote, from its sentence start
     * @return the speaker, or null
     */
    static SpeakerRef colonSubject(SpeakerParser parser, String prefix) {
        String p = prefix.strip();
        if (!p.endsWith(":") || p.length() < 8) {
            return null;
        }
        Matcher brk = CLAUSE_BREAK.matcher(p);
        if (brk.find()) {
            return null; // "…, but Abbas has denied this:" — the subject of the last clause is not at the start
        }
        String[] w = SpeakerWords.WS.split(p);
        for (int skip = 0; skip <= 2 && skip < w.length; skip++) {
            for (int j = Math.min(w.length - 1, skip + 8); j > skip; j--) {
                if (w[j].isEmpty() || !Character.isLowerCase(w[j].charAt(0)) || w[j - 1].endsWith(",")
                        || ORG_JOINERS_AFTER.contains(w[j])) {
                    continue;
                }
                SpeakerRef ref = parser.parse(String.join(" ", java.util.Arrays.copyOfRange(w, skip, j)));
                if (ref != null && ref.kind() != SpeakerRef.Kind.PRONOUN && !ref.name().equals("The")
                        && !SpeakerLexicon.NOT_NAME_START.contains(ref.name())) {
                    return ref; // "The summary of the decision read in part:" names no one
                }
            }
            if (!QuoteText.isTimeWord(w[skip]) && !TIME_OPENERS.contains(w[skip])) {
                return null;
            }
        }
        return null;
    }

    /**
     * The words between a participle and the quote: at most eight, no comma but a final one, no speech verb
     * and no quotation mark (", insisting she was “…”", ", saying the deal was “…”").
     */
    private static boolean gapOk(String gap) {
        String g = QuoteText.stripTrailingCommas(gap).strip();
        return g.indexOf(',') < 0 && g.indexOf(';') < 0 && g.indexOf('"') < 0 && g.indexOf('“') < 0
                && g.indexOf('”') < 0 && QuoteText.words(g) <= 10 && SpeakerLexicon.findVerb(g, 0) == null;
    }

    /** "This Wednesday Greek Foreign Minister George Katrougalos": the subject after one or two leading words. */
    private static SpeakerRef withoutLeadingTime(SpeakerParser parser, String subject) {
        String[] w = SpeakerWords.WS.split(subject.strip());
        int skip = 0;
        while (skip < w.length - 1 && (QuoteText.isTimeWord(w[skip]) || TIME_OPENERS.contains(w[skip]))) {
            skip++;
        }
        return skip == 0 ? null : parser.parse(String.join(" ", java.util.Arrays.copyOfRange(w, skip, w.length)));
    }

    private static SpeakerRef subjectAt(SpeakerParser parser, String clause) {
        String[] w = SpeakerWords.WS.split(clause.strip());
        for (int skip = 0; skip <= 2 && skip < w.length; skip++) {
            for (int j = Math.min(w.length - 1, skip + 8); j > skip; j--) {
                if (!isVerbLike(w[j]) || w[j - 1].endsWith(",")) {
                    continue;
                }
                SpeakerRef ref = parser.parse(String.join(" ", java.util.Arrays.copyOfRange(w, skip, j)));
                if (ref != null) {
                    return ref;
                }
            }
            if (!w[skip].isEmpty() && Character.isLowerCase(w[skip].charAt(0))) {
                return null; // a clause that opens with a lower-case word has no subject to skip to
            }
        }
        return null;
    }

    private static boolean isVerbLike(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.isEmpty() || !Character.isLowerCase(word.charAt(0))) {
            return false;
        }
        return AUXILIARIES.contains(w) || w.length() > 4 && w.endsWith("ed") || SpeakerLexicon.VERBS.contains(w);
    }
}
