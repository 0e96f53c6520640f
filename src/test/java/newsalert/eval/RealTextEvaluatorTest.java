package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;

/**
 * {@code eval --real} on a tiny made-up corpus ({@code fixtures/real/corpus}) and its labels
 * ({@code fixtures/real/labels}), with canned answers: the join, the quote spans, the halves and the
 * ambiguous items.
 */
class RealTextEvaluatorTest {
    static final Path LABELS = EvalFixtures.path("real/labels");
    static final Path CORPUS = EvalFixtures.path("real/corpus");

    private static final Assessment NOTHING = new Assessment(Set.of(), 0, List.of(), null, List.of(), false);

    /** Canned answers by story id; unknown ids get nothing. */
    private static Function<Story, Assessment> answers() {
        Map<String, Assessment> byId = Map.of(
                "hp-0001", new Assessment(Set.of(Topic.ATTACK), 60, List.of(),
                        new Casualties(CasualtyCount.exact(12), null, null), List.of(), true),
                "hp-0005", new Assessment(Set.of(Topic.ATTACK), 50, List.of(), null, List.of(), true),
                "hp-0007", new Assessment(Set.of(Topic.ATTACK), 60, List.of(),
                        new Casualties(CasualtyCount.exact(2), CasualtyCount.exact(4), null),
                        List.of(new Quote("Ivan Petrenko", "governor", "The depot was empty of soldiers")), true),
                "hp-0011", new Assessment(Set.of(Topic.ATTACK), 50, List.of(), null, List.of(), true),
                "wn-0001", new Assessment(Set.of(), 0, List.of(), new Casualties(CasualtyCount.exact(2), null, null),
                        List.of(new Quote("Karl Berg", null, "The fire spread in seconds")), false),
                "wn-0002", new Assessment(Set.of(Topic.DIPLOMACY), 40, List.of(), null, List.of(), true));
        return story -> byId.getOrDefault(story.id(), NOTHING);
    }

    private static EvalReport report(List<EvalReport> reports, String name) {
        return reports.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void halvesFollowTheFirstByteOfTheIdsSha256() {
        // first bytes from sha256sum: hp-0001 0x41, hp-0002 0xd1, hp-0005 0xd8, hp-0007 0x36, wn-0001 0x96, wn-0002 0xbd
        assertThat(RealLabelReader.blind("hp-0001")).isTrue();
        assertThat(RealLabelReader.blind("hp-0002")).isTrue();
        assertThat(RealLabelReader.blind("hp-0005")).isFalse();
        assertThat(RealLabelReader.blind("hp-0007")).isFalse();
        assertThat(RealLabelReader.blind("wn-0001")).isFalse();
        assertThat(RealLabelReader.blind("wn-0002")).isTrue();
    }

    @Test
    void labelsJoinTheCorpusTextAndSpansBecomeQuoteText() {
        List<RealLabelReader.RealItem> items = RealLabelReader.read(LABELS.resolve("wikinews-mini.jsonl"),
                new RealCorpus(CORPUS));
        assertThat(items).hasSize(2);
        LabeledItem plant = items.get(0).item();
        assertThat(plant.title()).isEqualTo("Two killed in explosion at made-up chemical plant");
        // the span counts UTF-16 units: the emoji before the quote takes two
        assertThat(plant.quotes()).containsExactly(new Quote("Karl Berg", "Plant manager", "The fire spread in seconds."));
        assertThat(plant.casualties().killed()).isEqualTo(CasualtyCount.exact(2));
        assertThat(items.get(0).source()).isEqualTo("wikinews");
        assertThat(items.get(0).blind()).isFalse();
        assertThat(items.get(1).blind()).isTrue();
        assertThat(items.get(1).item().topics()).containsExactly(Topic.DIPLOMACY);
    }

    @Test
    void aSpanMayStopShortOfItsMarksBySpaceOrAFragmentsStop() {
        String body = "She said, \"Yes, 'go' \", then left. He called it \"a good plan.\"";
        int start = body.indexOf("Yes");
        assertThat(RealLabelReader.span(body, 1, start, start + 9)).isEqualTo("Yes, 'go'");
        int frag = body.indexOf("a good");
        assertThat(RealLabelReader.span(body, 2, frag, frag + 11)).isEqualTo("a good plan");
        assertThat(RealLabelReader.span(body, 2, frag, frag + 12)).isEqualTo("a good plan.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RealLabelReader.span(body, 3, frag, frag + 6))
                .hasMessageStartingWith("quote 3 (start " + frag + ", end " + (frag + 6)
                        + ") does not match the body: no quotation mark after end");
    }

    @Test
    void reportsPerSourceAndHalfInOrder() {
        List<EvalReport> reports = RealTextEvaluator.evaluate(LABELS, CORPUS, answers());
        assertThat(reports).extracting(EvalReport::name, EvalReport::items).containsExactly(
                org.assertj.core.groups.Tuple.tuple("real:huffpost:working", 3),
                org.assertj.core.groups.Tuple.tuple("real:huffpost:blind", 2),
                org.assertj.core.groups.Tuple.tuple("real:wikinews:working", 1),
                org.assertj.core.groups.Tuple.tuple("real:wikinews:blind", 1));
        assertThat(reports).filteredOn(RealTextEvaluator::blind).extracting(EvalReport::name)
                .containsExactly("real:huffpost:blind", "real:wikinews:blind");
    }

    @Test
    void ambiguousItemsLeaveTheTopicMeasuresButCountForCasualtiesAndQuotes() {
        EvalReport working = report(RealTextEvaluator.evaluate(LABELS, CORPUS, answers()), "real:huffpost:working");
        // hp-0011 (ambiguous) is alerted as an attack but counts neither as a false positive nor as a false alert
        assertThat(working.ratio("attack.precision")).extracting(Ratio::count, Ratio::total).containsExactly(1, 2);
        assertThat(working.ratio("attack.precision").misses()).extracting(Miss::id).containsExactly("hp-0005");
        assertThat(working.ratio("diplomacy.recall").total()).isZero();
        assertThat(working.ratio("false-alerts")).extracting(Ratio::count, Ratio::total).containsExactly(1, 1);
        assertThat(working.ratio("killed.count")).extracting(Ratio::count, Ratio::total).containsExactly(3, 3);
        assertThat(working.ratio("injured.count")).extracting(Ratio::count, Ratio::total).containsExactly(2, 3);
        assertThat(working.ratio("injured.count").misses()).containsExactly(new Miss("hp-0007", "exact 5", "exact 4"));
        assertThat(working.ratio("quotes.text")).extracting(Ratio::count, Ratio::total).containsExactly(1, 1);
        assertThat(working.ratio("quotes.speaker")).extracting(Ratio::count, Ratio::total).containsExactly(1, 1);
    }

    @Test
    void blindReportsKeepTheirFiguresButNoMisses() {
        List<EvalReport> reports = RealTextEvaluator.evaluate(LABELS, CORPUS, answers());
        EvalReport blind = report(reports, "real:huffpost:blind");
        assertThat(blind.ratio("diplomacy.recall")).extracting(Ratio::count, Ratio::total).containsExactly(0, 1);
        assertThat(blind.ratio("quotes.text")).extracting(Ratio::count, Ratio::total).containsExactly(0, 1);
        assertThat(blind.ratio("attack.recall")).extracting(Ratio::count, Ratio::total).containsExactly(1, 1);
        assertThat(blind.ratio("killed.count")).extracting(Ratio::count, Ratio::total).containsExactly(2, 2);
        assertThat(blind.score("diplomacy.f1")).isZero();
        assertThat(blind.ratios()).allSatisfy(r -> assertThat(r.misses()).isEmpty());
        EvalReport wikiBlind = report(reports, "real:wikinews:blind");
        assertThat(wikiBlind.ratio("diplomacy.precision")).extracting(Ratio::count, Ratio::total)
                .containsExactly(1, 1);
        EvalReport wikiWorking = report(reports, "real:wikinews:working");
        assertThat(wikiWorking.ratio("false-alerts")).extracting(Ratio::count, Ratio::total).containsExactly(0, 1);
        assertThat(wikiWorking.ratio("quotes.text")).extracting(Ratio::count, Ratio::total).containsExactly(1, 1);
    }
}
