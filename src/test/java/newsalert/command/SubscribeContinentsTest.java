package newsalert.command;

import static newsalert.command.CommandFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import newsalert.story.Topic;
import newsalert.subscription.place.Gazetteer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 leftovers: continents are regions ({@code in:europe}, {@code in:africa}, {@code in:asia} …), and a name
 * two countries share ({@code in:kashmir}) follows both, which the reply says.
 */
class SubscribeContinentsTest {
    @TempDir
    Path dir;
    CommandFixture f;

    @BeforeEach
    void open() {
        f = new CommandFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void continentsAreRegionsWithTheirCountries() {
        assertThat(f.admin("subscribe attack in:europe,africa")).isEqualTo(Reply.of("Subscribed. This chat now"
                + " receives attack alerts with severity 40 or more in Europe, Africa."));
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().places())
                .containsExactly("europe", "africa");
        Gazetteer g = Gazetteer.standard();
        Set<String> europe = g.countriesOf(List.of("europe"));
        assertThat(europe).contains("UA", "FR", "PL", "RU", "TR", "IS").doesNotContain("EG", "US", "IN");
        assertThat(g.countriesOf(List.of("africa"))).contains("SD", "NG", "EG", "ZA", "MG").doesNotContain("ES");
        assertThat(g.countriesOf(List.of("asia"))).contains("IN", "PK", "CN", "IL", "RU").doesNotContain("FR");
        assertThat(g.countriesOf(List.of("south-america"))).contains("BR", "VE").doesNotContain("MX");
        assertThat(g.countriesOf(List.of("north-america"))).contains("US", "MX", "HT");
        assertThat(g.countriesOf(List.of("oceania"))).contains("AU", "NZ", "PG").doesNotContain("US", "CL");
        assertThat(g.resolve("asia")).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("asia"));
    }

    @Test
    void aNameTwoCountriesShareFollowsBothAndTheReplySaysSo() {
        assertThat(f.admin("subscribe attack in:kashmir")).isEqualTo(Reply.of("Subscribed. This chat now receives"
                + " attack alerts with severity 40 or more in India, Pakistan. (kashmir is shared by India and"
                + " Pakistan, so both are followed)"));
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow())
                .satisfies(s -> assertThat(s.places()).containsExactly("IN", "PK"))
                .satisfies(s -> assertThat(s.topics()).isEqualTo(EnumSet.of(Topic.ATTACK)));
    }
}
