package newsalert.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsalert.story.CasualtyCount;
import newsalert.story.Qualifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CasualtyFusionTest {
    /**
     * Reports: {@code outlet@hour=figure} separated by spaces; figure is {@code N} (exact), {@code >=N}
     * (at least), {@code >N} (more than), {@code ~N} (about), {@code !N} (exact, its sentence says the toll
     * rose to N), {@code ?N} (exact, its sentence says the toll was revised to N).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            toll rises across outlets                    | A@1=>=12 B@2=15 C@3=19            | 19 | EXACT
            one early outlier, three agree later          | X@1=40 A@2=12 B@3=12 C@4=12       | 12 | EXACT
            a later higher figure from one outlet stands | A@1=12 B@2=12 C@3=12 X@4=20       | 20 | EXACT
            one lower late report does not pull it down  | A@1=19 B@2=19 C@5=15              | 19 | EXACT
            an outlet's own update replaces its figure   | A@1=5 A@6=8 B@2=5                 | 8  | EXACT
            exact beats qualified at the same number     | A@1=>=19 B@2=19 C@3=>=19          | 19 | EXACT
            no exact at the number: the latest telling  | A@1=>=30 B@2=~30                  | 30 | ABOUT
            qualified alone keeps its qualifier          | A@1=>=30                          | 30 | AT_LEAST
            zero then a death                            | A@1=0 B@4=1                       | 1  | EXACT
            two later lower agree: correction            | A@1=25 B@2=18 C@3=18              | 18 | EXACT
            single report                                | A@1=>40                           | 40 | MORE_THAN
            stale copies do not pull a stated rise down  | A@10=!30 B@11=5 C@12=5            | 30 | EXACT
            a stated correction does                     | A@10=!30 B@11=?18 C@12=18         | 18 | EXACT
            """)
    void fuses(String name, String reports, int min, Qualifier qualifier) {
        FusedCount f = CasualtyFusion.fuse(parse(reports));
        assertThat(f.count().min()).isEqualTo(min);
        assertThat(f.count().qualifier()).isEqualTo(qualifier);
        assertThat(f.sources()).hasSize(reports.trim().split("\\s+").length);
    }

    @Test
    void provenanceIsEveryReportInPublishedOrder() {
        FusedCount f = CasualtyFusion.fuse(parse("C@3=19 A@1=>=12 B@2=15"));
        assertThat(f.sources()).extracting(CountReport::source).containsExactly("A", "B", "C");
        assertThat(f.sources()).extracting(r -> r.count().display()).containsExactly("at least 12", "15", "19");
    }

    @Test
    void nothingReportedIsNull() {
        assertThat(CasualtyFusion.fuse(List.of())).isNull();
    }

    @Test
    void outletsAreComparedIgnoringCase() {
        // the same outlet's own later figure replaces its earlier one, whatever the spelling of its name
        FusedCount f = CasualtyFusion.fuse(parse("wire@1=30 WIRE@5=20 other@2=20"));
        assertThat(f.count().min()).isEqualTo(20);
    }

    static List<CountReport> parse(String reports) {
        List<CountReport> out = new ArrayList<>();
        for (String r : reports.trim().split("\\s+")) {
            String outlet = r.substring(0, r.indexOf('@'));
            int hour = Integer.parseInt(r.substring(r.indexOf('@') + 1, r.indexOf('=')));
            String fig = r.substring(r.indexOf('=') + 1);
            CasualtyCount c;
            if (fig.startsWith(">=")) {
                c = CasualtyCount.of(Integer.parseInt(fig.substring(2)), Qualifier.AT_LEAST);
            } else if (fig.startsWith(">")) {
                c = CasualtyCount.of(Integer.parseInt(fig.substring(1)), Qualifier.MORE_THAN);
            } else if (fig.startsWith("~")) {
                c = CasualtyCount.of(Integer.parseInt(fig.substring(1)), Qualifier.ABOUT);
            } else if (fig.startsWith("!")) {
                c = CasualtyCount.exact(Integer.parseInt(fig.substring(1)))
                        .withEvidence("The death toll from the strike rose to " + fig.substring(1) + ", officials said.");
            } else if (fig.startsWith("?")) {
                c = CasualtyCount.exact(Integer.parseInt(fig.substring(1)))
                        .withEvidence("Officials revised the death toll to " + fig.substring(1) + " on Wednesday.");
            } else {
                c = CasualtyCount.exact(Integer.parseInt(fig));
            }
            out.add(new CountReport(outlet, outlet + hour, c, Instant.parse("2026-03-03T00:00:00Z").plusSeconds(3600L * hour)));
        }
        return out;
    }
}
