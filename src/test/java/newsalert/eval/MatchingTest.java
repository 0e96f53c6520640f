package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;

import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchingTest {
    @ParameterizedTest(name = "[{0}] vs [{1}] -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "We will respond,|We will respond|true",
        "We will respond.|We will respond|true",
        "  We   will\trespond |We will respond|true",
        "It’s over|It's over|true",
        "a “red line”|a \"red line\"|true",
        "‘no’|'no'|true",
        "We will respond|we will respond|false",
        "We will respond,,|We will respond|false",
        "We will respond!|We will respond|false",
        "Go.|Go,|true",
    })
    void quoteTextRules(String labelled, String emitted, boolean same) {
        assertThat(Matching.sameQuoteText(labelled, emitted)).isEqualTo(same);
    }

    @ParameterizedTest(name = "[{0}] vs [{1}] -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "Israeli military|The Israeli military|true",
        "Israeli military|israeli MILITARY|true",
        "Sean O’Brien|Sean O'Brien|true",
        "Russia's foreign ministry|Russia’s Foreign Ministry|true",
        "Lee Jae-myung|Lee|false",
        "Theodore Roe|odore Roe|false",
        "Ana  Ruiz|Ana Ruiz|true",
    })
    void speakerRules(String labelled, String emitted, boolean same) {
        assertThat(Matching.sameSpeaker(labelled, emitted)).isEqualTo(same);
    }

    @ParameterizedTest(name = "{0} vs {1}: count {2}, qualifier {3}")
    @CsvSource({
        "none, none, true, true",
        "none, exact 0, false, false",
        "exact 0, none, false, false",
        "exact 14, exact 14, true, true",
        "at_least 37, exact 37, true, false",
        "exact 14, exact 15, false, true",
        "range 20-25, range 20-25, true, true",
        "range 20-25, range 20-30, false, true",
        "about 12, at_least 12, true, false",
    })
    void casualtyRules(String labelled, String emitted, boolean count, boolean qualifier) {
        CasualtyCount want = parse(labelled);
        CasualtyCount got = parse(emitted);
        assertThat(Matching.sameCount(want, got)).isEqualTo(count);
        assertThat(Matching.sameQualifier(want, got)).isEqualTo(qualifier);
        assertThat(Matching.show(want)).isEqualTo(labelled);
    }

    private static CasualtyCount parse(String s) {
        if (s.equals("none")) {
            return null;
        }
        String[] p = s.split(" ");
        Qualifier q = Qualifier.valueOf(p[0].toUpperCase(java.util.Locale.ROOT));
        if (q == Qualifier.RANGE) {
            String[] mm = p[1].split("-");
            return CasualtyCount.range(Integer.parseInt(mm[0]), Integer.parseInt(mm[1]));
        }
        return CasualtyCount.of(Integer.parseInt(p[1]), q);
    }
}
