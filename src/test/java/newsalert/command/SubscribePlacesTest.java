package newsalert.command;

import static newsalert.command.CommandFixture.GROUP;
import static newsalert.command.CommandFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import newsalert.story.Topic;
import newsalert.subscription.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code subscribe … in:<place>,…}: parsing, storing, showing, and the reply for a place nobody knows. */
class SubscribePlacesTest {
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "subscribe in:ukraine                     | UA               | attack and diplomacy alerts with severity 40 or more in Ukraine",
            "subscribe attack 60 in:ukraine,russia    | UA RU            | attack alerts with severity 60 or more in Ukraine, Russia",
            "subscribe in:middle-east attack          | middle-east      | attack alerts with severity 40 or more in Middle East",
            "subscribe in:Sahel in:south-sudan        | sahel SS         | attack and diplomacy alerts with severity 40 or more in Sahel, South Sudan",
            "subscribe IN:UA,ua,Ukraine               | UA               | attack and diplomacy alerts with severity 40 or more in Ukraine",
            "subscribe in:drc,uk                      | CD GB            | attack and diplomacy alerts with severity 40 or more in DR Congo, United Kingdom",
    })
    void placesAreStoredAsKeysAndShownByName(String line, String keys, String receives) {
        assertThat(f.admin(line)).isEqualTo(Reply.of("Subscribed. This chat now receives " + receives + "."));
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().places())
                .containsExactly(keys.split(" "));
    }

    @Test
    void aCityIsFollowedAsItsCountryAndTheReplySaysSo() {
        assertThat(f.admin("subscribe attack in:kharkiv")).isEqualTo(Reply.of("Subscribed. This chat now receives"
                + " attack alerts with severity 40 or more in Ukraine. (kharkiv is followed as Ukraine)"));
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().places()).containsExactly("UA");
    }

    @Test
    void anUnknownPlaceGetsTheClosestNamesAndSavesNothing() {
        assertThat(f.admin("subscribe attack in:ukrane")).isEqualTo(Reply.ephemeral("I don't know the place"
                + " \"ukrane\". Closest names: in:ukraine, in:france, in:iran."
                + " Example: subscribe attack in:ukraine,middle-east"));
        assertThat(f.admin("subscribe in:midle-east")).extracting(Reply::text).asString()
                .contains("Closest names: in:middle-east");
        assertThat(f.news.subscriptions().subscription(GROUP)).isEmpty();
    }

    @Test
    void aHostileLongPlaceGetsNoSuggestionsAndARepeatedCityOneNote() {
        // no edit distances over a kilobyte of input (tester18c: CPU per command grew with the text)
        assertThat(f.admin("subscribe in:" + "x".repeat(4000))).extracting(Reply::text).asString()
                .contains("Closest names: none (place names are short, like in:ukraine or in:middle-east).");
        assertThat(f.admin("subscribe attack in:kharkiv,kharkiv in:kharkiv")).isEqualTo(Reply.of("Subscribed."
                + " This chat now receives attack alerts with severity 40 or more in Ukraine."
                + " (kharkiv is followed as Ukraine)"));
    }

    @Test
    void resubscribingKeepsPlacesUnlessInIsGivenAndInAllClearsThem() {
        f.admin("subscribe in:ukraine");
        f.admin("subscribe attack 70");
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().places()).containsExactly("UA");
        f.admin("subscribe in:caucasus");
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().places()).containsExactly("caucasus");
        assertThat(f.admin("subscribe in:all"))
                .isEqualTo(Reply.of("Subscribed. This chat now receives attack and diplomacy alerts with severity"
                        + " 40 or more."));
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().places()).isEmpty();
    }

    @Test
    void anEmptyInIsRefusedAndKeepsThePlaces() {
        f.admin("subscribe in:turkey");
        for (String empty : new String[] {"subscribe in:", "subscribe attack in:,,,"}) {
            Reply r = f.admin(empty);
            assertThat(r.ephemeral()).as(empty).isTrue();
            assertThat(r.text()).as(empty).startsWith("Name a place after in:, like in:ukraine or in:middle-east"
                    + " (in:all follows every place).");
        }
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().places()).containsExactly("TR");
    }

    @Test
    void subscriptionsShowsThePlaces() {
        f.news.subscriptions().saveSubscription(new Subscription(0, GROUP, EnumSet.of(Topic.ATTACK), 50, List.of(),
                List.of(), false, null, T0, List.of("UA", "horn-of-africa")));
        assertThat(f.member("subscriptions").text()).startsWith(
                "This chat receives attack alerts with severity 50 or more in Ukraine, Horn of Africa.");
    }

    @Test
    void inArgumentsDoNotCountTowardsTooMany() {
        assertThat(f.admin("subscribe attack 40 in:ukraine in:russia").text()).startsWith("Subscribed.");
        assertThat(f.admin("subscribe attack 40 more in:ukraine").text()).startsWith("Too many arguments.");
    }
}
