package newsalert.event;

import static newsalert.event.EventGrouperTest.ATTACK;
import static newsalert.event.EventGrouperTest.assess;
import static newsalert.event.EventGrouperTest.story;
import static org.assertj.core.api.Assertions.assertThat;

import newsalert.story.Story;
import org.junit.jupiter.api.Test;

/**
 * An event's headline is its most severe report's (issue 15, pattern 8), not simply the first one's: of the
 * reports stating the event's fused killed count, the most severe, so headline and toll tell one report.
 */
class EventHeadlineTest {
    private static final Story FIRST = story("h1", "Wire A", 0, "Explosion reported in Kharkiv, casualties feared",
            "KHARKIV — An explosion was heard in Kharkiv early on Monday after Russian drones struck an"
                    + " apartment block, Mayor Ihor Terekhov said.");
    private static final Story GRAVER = story("h2", "Wire B", 1,
            "Russian drones hit Kharkiv apartment block, nine killed",
            "KHARKIV — Russian drones struck an apartment block in Kharkiv early on Monday, killing nine people,"
                    + " Mayor Ihor Terekhov said.");
    private static final Story LATER_EQUAL = story("h3", "Wire C", 2,
            "Nine dead after Russian drones strike Kharkiv apartment block",
            "Russian drones struck an apartment block in Kharkiv early on Monday, killing nine people, Mayor Ihor"
                    + " Terekhov said.");

    @Test
    void aGraverReportTakesOverTheHeadlineAndSaysSo() {
        EventGrouper g = new EventGrouper();
        EventUpdate started = g.offer(FIRST, assess(ATTACK, null, 40));
        assertThat(started.after().title()).isEqualTo("Explosion reported in Kharkiv, casualties feared");
        EventUpdate graver = g.offer(GRAVER, assess(ATTACK, 9, 75));
        assertThat(graver.id()).isEqualTo(started.id());
        assertThat(graver.after().title()).isEqualTo("Russian drones hit Kharkiv apartment block, nine killed");
        assertThat(graver.changes()).contains(EventUpdate.Change.HEADLINE, EventUpdate.Change.KILLED);
    }

    @Test
    void aLaterReportOfEqualWeightLeavesTheHeadline() {
        EventGrouper g = new EventGrouper();
        g.offer(GRAVER, assess(ATTACK, 9, 75));
        EventUpdate equal = g.offer(LATER_EQUAL, assess(ATTACK, 9, 75));
        assertThat(equal.after().stories()).hasSize(2);
        assertThat(equal.after().title()).isEqualTo("Russian drones hit Kharkiv apartment block, nine killed");
        assertThat(equal.changes()).doesNotContain(EventUpdate.Change.HEADLINE);
    }

    @Test
    void onEqualSeverityTheHigherTollWins() {
        EventGrouper g = new EventGrouper();
        g.offer(FIRST, assess(ATTACK, 2, 75));
        EventUpdate more = g.offer(GRAVER, assess(ATTACK, 9, 75));
        assertThat(more.after().title()).isEqualTo("Russian drones hit Kharkiv apartment block, nine killed");
    }

    @Test
    void theHeadlineTellsTheReportTheTollComesFromEvenWhenAnotherIsRatedMoreSevere() {
        EventGrouper g = new EventGrouper();
        g.offer(GRAVER, assess(ATTACK, 9, 90));
        Story risen = story("h4", "Wire D", 6, "Kharkiv drone strike death toll rises to 12",
                "The death toll from the Russian drone strike on an apartment block in Kharkiv rose to 12, Mayor"
                        + " Ihor Terekhov said.");
        EventUpdate u = g.offer(risen, assess(ATTACK, 12, 70));
        assertThat(u.after().stories()).hasSize(2);
        assertThat(u.after().casualties().killed().count().min()).isEqualTo(12);
        assertThat(u.after().title()).isEqualTo("Kharkiv drone strike death toll rises to 12");
    }
}
