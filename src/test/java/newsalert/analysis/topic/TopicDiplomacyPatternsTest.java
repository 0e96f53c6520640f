package newsalert.analysis.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, patterns 1, 2 and 5 on short items (fixtures written for this test): one diplomatic fact is enough;
 * a leader's visit or meeting abroad is read from the clause's shape ({@link MeetingRule}); a role title alone,
 * mentioned in passing or commenting, makes no diplomacy. Each decision names what fired in its reasons.
 */
class TopicDiplomacyPatternsTest {
    private static final TopicClassifier CLASSIFIER = TopicClassifierTest.CLASSIFIER;
    /** Filler for a body longer than a lede: a long article that names a role in passing. */
    private static final String LONG_TAIL = " The committee met again on Thursday to go over the rules for the"
            + " vote, the timetable for the count and the list of people allowed to stand, and members said they"
            + " expected the result late in the evening once every branch had sent in its ballots and the tellers"
            + " had checked them twice against the register kept at the party office in the city.";

    // ---- pattern 1: one diplomatic fact ----

    @Test
    void anAmbassadorRecalledInTheBodyIsDiplomacyOnItsOwn() {
        Classification c = CLASSIFIER.classify("Weekend roundup",
                "Separately, Ukraine recalled its ambassador to Hungary over the remarks.");
        assertThat(c.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(c.reasons()).containsExactly("diplomacy: \"recalled its ambassador to\" in \"Separately, Ukraine"
                + " recalled its ambassador to Hungary over the remarks.\"");
    }

    @Test
    void anAmbassadorRecalledInATitleCaseHeadlineIsAFact() {
        Classification c = CLASSIFIER.classify("Lithuania Recalls Ambassador From Beijing", "");
        assertThat(c.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(c.reasons().get(0)).startsWith("diplomacy: \"recalls ambassador from\"");
    }

    @Test
    void aFactWithAContextWordAgainstItStillNeedsTheScore() {
        Classification c = CLASSIFIER.classify("Oil prices rise", "Washington announced sanctions on a tanker firm.");
        assertThat(c.topics()).isEmpty();
        assertThat(c.reasons()).anyMatch(r -> r.startsWith("diplomacy not counted: score"));
    }

    @Test
    void anEmbassyReopenedIsAFact() {
        Classification c = CLASSIFIER.classify("Weekend roundup", "Canada reopened its embassy in Caracas.");
        assertThat(c.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(c.reasons()).containsExactly("diplomacy: \"reopened its embassy\" in \"Canada reopened its embassy"
                + " in Caracas.\"");
    }

    // ---- pattern 2: leaders' visits and meetings ----

    @Test
    void aKingVisitingAnotherCountryIsDiplomacy() {
        Classification c = CLASSIFIER.classify("Danish king visits Ghana", "The trip is his first to the region.");
        assertThat(c.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(c.reasons()).containsExactly("diplomacy: a visit or meeting abroad (\"king\" + \"visits\" +"
                + " \"ghana\") in \"Danish king visits Ghana\"");
    }

    @Test
    void aPrimeMinisterArrivingForATripIsDiplomacy() {
        assertThat(CLASSIFIER.classify("Nepali PM arrives in South Korea for three-day trip", "").topics())
                .containsExactly(Topic.DIPLOMACY);
    }

    @Test
    void theForeignLeaderMetMayBeThePartyOrStandBeforeThePlace() {
        assertThat(CLASSIFIER.classify("Lula meets Chilean president at border town", "").topics())
                .containsExactly(Topic.DIPLOMACY);
        Classification c = CLASSIFIER.classify("Envoys meet Maria Lopez in Havana", "");
        assertThat(c.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(c.reasons()).anyMatch(r -> r.startsWith("diplomacy: a visit or meeting abroad (\"envoys\" +"
                + " \"meet\" + \"havana\")"));
    }

    @Test
    void aVisitAtHomeOrToTroopsIsNot() {
        for (String title : List.of("President visits Ohio factory", "Minister visits troops in Iraq",
                "Governor visits Georgia flood zone", "Chancellor meets carmakers in Munich")) {
            Classification c = CLASSIFIER.classify(title, "");
            assertThat(c.topics()).as(title).isEmpty();
            assertThat(c.reasons()).as(title).noneMatch(r -> r.contains("visit or meeting"));
        }
    }

    @Test
    void aMeetingAcrossASentenceEndDoesNotCount() {
        assertThat(CLASSIFIER.classify("Local notes", "The minister spoke at noon. Visits to Peru rose this year"
                + " according to the tourism board.").topics()).isEmpty();
    }

    // ---- pattern 5: a role title alone ----

    @Test
    void aRoleHolderCommentingOnAKillingIsNotDiplomacy() {
        Classification c = CLASSIFIER.classify("Secretary of State condemns killing of reporter",
                "The secretary said the death was an outrage.");
        assertThat(c.topics()).isEmpty();
        assertThat(c.reasons()).contains("diplomacy not counted: only a role title (\"secretary of state\")"
                + " mentioned or commenting, no act such as talks, a visit or sanctions");
    }

    @Test
    void aRoleNamedInPassingInALongArticleIsNotDiplomacy() {
        Classification c = CLASSIFIER.classify("Party elects new leader", "Members elected the former foreign"
                + " secretary and one-time state department adviser as leader on Tuesday." + LONG_TAIL);
        assertThat(c.topics()).isEmpty();
        assertThat(c.reasons()).anyMatch(r -> r.startsWith("diplomacy not counted: only a role title"));
    }

    @Test
    void aRoleThatIsTheHeadlinesSubjectStillCounts() {
        assertThat(CLASSIFIER.classify("Ambassador lobbied Britain over jailed activist",
                "The envoy raised the case with officials in London.").topics()).containsExactly(Topic.DIPLOMACY);
    }

    @Test
    void aRoleInTheLedeOfAShortItemStillCounts() {
        Classification c = CLASSIFIER.classify("Fishing row deepens",
                "The ambassador and the foreign ministry spent the day with Norwegian officials.");
        assertThat(c.topics()).containsExactly(Topic.DIPLOMACY);
        assertThat(c.reasons()).noneMatch(r -> r.contains("not counted"));
    }
}
