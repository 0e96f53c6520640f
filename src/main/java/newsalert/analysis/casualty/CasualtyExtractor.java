package newsalert.analysis.casualty;

import newsalert.analysis.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import newsalert.analysis.casualty.CasualtyMention.Category;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;

/**
 * Finds the killed / injured / missing counts a story states. Pure and thread-safe: no I/O, no
 * state; one linear pass over the tokens plus three small precompiled regexes for "no one was hurt".
 *
 * <p>In short (details in {@link CasualtyMentionFinder}, {@link NumberPhrase}, {@link NumberWords},
 * {@link CasualtyZeroes}):
 * <ul>
 *   <li>a number counts only when its context says what happened: "19 people were killed", "killing 19",
 *       "left 19 dead", "death toll rose to 19", "claimed 19 lives", "19 remain missing";</li>
 *   <li>qualifiers: "at least" → at_least; "more than"/"over" → more_than; "nearly/almost/about/around/
 *       some/roughly/approximately/up to" → about; "between 20 and 25", "20 to 25", "20-25" → range;</li>
 *   <li>vague numbers: "dozens" ≥ 24, "scores" ≥ 40, "hundreds" ≥ 200, "thousands" ≥ 2000 (at_least);
 *       "a dozen" ≈ 12, "half a dozen" ≈ 6 (about);</li>
 *   <li>"casualties" is ambiguous (dead plus wounded) and never read as either count; only "no casualties"
 *       is used, as 0 killed;</li>
 *   <li>counts sharing one verb are added up ("four soldiers and two civilians were killed" → 6), but an
 *       apposition is not ("killing eight people, six miners and two guards" → 8) and neither is the
 *       subject of a reporting clause ("killing 12, a police spokesman said" → 12); counts after
 *       "including"/"among" are sub-groups and ignored;</li>
 *   <li>"no casualties"/"no deaths" give killed 0; injured 0 needs injuries ruled out ("no injuries",
 *       "no one was hurt"); hedged statements ("no deaths were immediately reported") give nothing;</li>
 *   <li>people killed "by police"/"by security forces" are counted as attackers;</li>
 *   <li>ages, dates, times, ordinals, money, percentages, weapons, buildings and "one of its …" never count;</li>
 *   <li>hypothetical tolls ("thousands may be killed if fighting resumes", "threatened to kill 30") and
 *       "killed off" without a place after it never count ({@link CasualtyFraming}, {@link CasualtyWords});</li>
 *   <li>text that is clearly not English gives no counts at all ({@link CasualtyLanguage}).</li>
 * </ul>
 *
 * <p><b>Choosing among several figures for one category</b> (mentions of different incidents are
 * never added up):
 * <ol>
 *   <li>running totals of a wider conflict ("the war has killed more than 40,000 since October 2023":
 *       the sentence names a war/conflict/insurgency/pandemic, or says "since …" after the count) are
 *       used only when there is no other count (but a toll stated as a running total, "has killed
 *       thousands this year", or of an earlier event, "after clashes in July killed 48", is never used, and neither is a war's total in the perfect, "the war, which has killed 46,000", nor the
 *       toll of an attack the story's incident answers, "in response to an attack that killed …":
 *       {@link CasualtyFraming}), and counts of attackers ("5 attackers were also
 *       killed") only when there is neither;</li>
 *   <li>if any toll update is stated ("death toll rose to 23"), the largest update wins;</li>
 *   <li>otherwise, if the title or first paragraph gives a figure, the largest of those wins (later
 *       paragraphs often carry background totals from other events);</li>
 *   <li>otherwise the largest figure anywhere wins;</li>
 *   <li>"largest" compares the lower bound; on a tie a qualified figure ("at least 15") beats a bare
 *       one ("15", typical of headlines), then the earlier one wins;</li>
 *   <li>when the winner is a vague word ("dozens", "scores", "hundreds"), the largest exact figure stated
 *       after it and not below it replaces it ("dozens were killed … the ministry later put the death toll
 *       at 31" → 31);</li>
 *   <li>injured people said to have died later ("one of the injured died days later"), after a figure
 *       that is not a toll update, are added to it.</li>
 * </ol>
 * A stated zero ("no one was killed") is an ordinary figure of 0, so any positive figure beats it.
 *
 * <p>Each returned count carries its {@link CasualtyCount#evidence() evidence}: the sentence the chosen
 * figure was read from, cut to about 160 characters around it ({@link CasualtyEvidence}).
 */
public final class CasualtyExtractor {
    /** Creates an extractor; it holds no state. */
    public CasualtyExtractor() {
    }

    /**
     * @param title plain-text title, may be empty or {@code null}
     * @param body  plain-text body, paragraphs separated by line breaks, may be empty or {@code null}
     * @return the counts stated; {@link Casualties#NONE} when none
     */
    public Casualties extract(String title, String body) {
        return extract(title, body, Tokenizer.Lexed.EMPTY, Tokenizer.Lexed.EMPTY);
    }

    /**
     * Same result as {@link #extract(String, String)}, reusing the lexicon tokens of the same texts
     * (see {@link CasualtyTokenizer#tokenize(String, String, Tokenizer.Lexed, Tokenizer.Lexed)}).
     *
     * @param titleWords {@link Tokenizer#lex} of {@code title}, or {@link Tokenizer.Lexed#EMPTY}
     * @param bodyWords  {@link Tokenizer#lex} of {@code body}, or {@link Tokenizer.Lexed#EMPTY}
     */
    public Casualties extract(String title, String body, Tokenizer.Lexed titleWords, Tokenizer.Lexed bodyWords) {
        String ti = title == null ? "" : title;
        String bo = body == null ? "" : body;
        List<CasualtyTokenizer.Token> tokens = CasualtyTokenizer.tokenize(ti, bo, titleWords, bodyWords);
        List<CasualtyMention> mentions = new ArrayList<>(CasualtyMentionFinder.find(tokens));
        if (!mentions.isEmpty() && CasualtyLanguage.notEnglish(tokens)) {
            return Casualties.NONE; // the English rules misread other languages ("100 Jahren … die")
        }
        // zero statements need one of a few words; the lexicon tokens, when given, rule them out cheaply
        if (titleWords == Tokenizer.Lexed.EMPTY || CasualtyZeroes.mayFind(titleWords)) {
            mentions.addAll(CasualtyZeroes.find(ti, true, 0));
        }
        if (bodyWords != Tokenizer.Lexed.EMPTY && !CasualtyZeroes.mayFind(bodyWords)) {
            return mentions.isEmpty() ? Casualties.NONE : chosen(mentions, ti, bo);
        }
        int base = ti.length() + 1;
        int lead = 0;
        while (lead < bo.length() && Character.isWhitespace(bo.charAt(lead))) {
            lead++;
        }
        String stripped = bo.strip();
        int firstBreak = stripped.indexOf('\n');
        if (firstBreak < 0) {
            mentions.addAll(CasualtyZeroes.find(stripped, true, base + lead));
        } else {
            mentions.addAll(CasualtyZeroes.find(stripped.substring(0, firstBreak), true, base + lead));
            mentions.addAll(CasualtyZeroes.find(stripped.substring(firstBreak), false, base + lead + firstBreak));
        }
        if (mentions.isEmpty()) {
            return Casualties.NONE;
        }
        return chosen(mentions, ti, bo);
    }

    /** The chosen count of each category, with its evidence from {@code title + "\n" + body}. */
    private static Casualties chosen(List<CasualtyMention> mentions, String ti, String bo) {
        String text = ti + "\n" + bo;
        return new Casualties(withEvidence(choose(mentions, Category.KILLED), text),
                withEvidence(choose(mentions, Category.INJURED), text),
                withEvidence(choose(mentions, Category.MISSING), text));
    }

    private static CasualtyCount withEvidence(CasualtyMention m, String text) {
        if (m == null) {
            return null;
        }
        String evidence = CasualtyEvidence.around(text, m.offset());
        return evidence == null ? m.count() : m.count().withEvidence(evidence);
    }

    /** Applies the choosing rule in the class comment; null when the category has no mention. */
    static CasualtyMention choose(List<CasualtyMention> all, Category category) {
        List<CasualtyMention> victims = new ArrayList<>();
        List<CasualtyMention> totals = new ArrayList<>();
        List<CasualtyMention> perps = new ArrayList<>();
        for (CasualtyMention m : all) {
            if (m.category() == category) {
                (m.perpetrator() ? perps : m.background() ? totals : victims).add(m);
            }
        }
        List<CasualtyMention> pool = !victims.isEmpty() ? victims : !totals.isEmpty() ? totals : perps;
        if (pool.isEmpty()) {
            return null;
        }
        CasualtyMention best = best(pool, true, false);
        if (best == null) {
            best = best(pool, false, true);
        }
        if (best == null) {
            best = best(pool, false, false);
        }
        if (best.vague()) {
            best = laterExact(pool, best);
        }
        return best.update() || best.lateDeath() ? best : plusLateDeaths(pool, best);
    }

    /**
     * Adds the injured who died later ("one of the injured died of his wounds days later"), stated after
     * the chosen figure, to it: "three people died … one of the injured died later" → 4.
     */
    private static CasualtyMention plusLateDeaths(List<CasualtyMention> pool, CasualtyMention best) {
        int extra = 0;
        for (CasualtyMention m : pool) {
            if (m.lateDeath() && m.position() > best.position()) {
                extra += m.count().min();
            }
        }
        if (extra == 0) {
            return best;
        }
        CasualtyCount c = best.count();
        CasualtyCount sum = c.qualifier() == Qualifier.RANGE ? CasualtyCount.range(c.min() + extra, c.max() + extra)
                : CasualtyCount.of(c.min() + extra, c.qualifier());
        return new CasualtyMention(best.category(), sum, false, best.lead(), best.perpetrator(), best.background(),
                best.position(), false, best.offset(), false);
    }

    /** A vague figure ("dozens") gives way to the largest later exact figure not below it. */
    private static CasualtyMention laterExact(List<CasualtyMention> pool, CasualtyMention vague) {
        CasualtyMention best = vague;
        for (CasualtyMention m : pool) {
            if (m.position() > vague.position() && m.count().qualifier() == Qualifier.EXACT
                    && m.count().min() >= vague.count().min() && (best == vague || better(m, best))) {
                best = m;
            }
        }
        return best;
    }

    private static CasualtyMention best(List<CasualtyMention> pool, boolean updatesOnly, boolean leadOnly) {
        CasualtyMention best = null;
        for (CasualtyMention m : pool) {
            if ((updatesOnly && !m.update()) || (leadOnly && !m.lead())) {
                continue;
            }
            if (best == null || better(m, best)) {
                best = m;
            }
        }
        return best;
    }

    private static boolean better(CasualtyMention a, CasualtyMention b) {
        if (a.count().min() != b.count().min()) {
            return a.count().min() > b.count().min();
        }
        boolean aq = a.count().qualifier() != Qualifier.EXACT;
        boolean bq = b.count().qualifier() != Qualifier.EXACT;
        return aq && !bq;
    }
}
