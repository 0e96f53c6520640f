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
            // tester18e: names typed with spaces, as people write them (README's examples use hyphens)
            "subscribe in:south sudan                 | SS               | attack and diplomacy alerts with severity 40 or more in South Sudan",
            "subscribe attack in:south sudan 60       | SS               | attack alerts with severity 60 or more in South Sudan",
            "subscribe in:sri lanka,ukraine           | LK UA            | attack and diplomacy alerts with severity 40 or more in Sri Lanka, Ukraine",
            "subscribe in:ukraine south sudan         | UA SS            | attack and diplomacy alerts with severity 40 or more in Ukraine, South Sudan",
            "subscribe in:democratic republic of the congo | CD          | attack and diplomacy alerts with severity 40 or more in DR Congo",
            "subscribe in:georgia attack 60           | GE               | attack alerts with severity 60 or more in Georgia",
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

    /** tester18d: odd ways of writing the places that plainly mean them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "subscribe in: ukraine                  | UA",
            "subscribe In : ukraine attack          | UA",
            "subscribe in :ukraine                  | UA",
            "subscribe in:ukraine\u3001russia       | UA RU",
            "subscribe in:ukraine\uFE51russia       | UA RU",
            "subscribe in:ukraine\u060Crussia       | UA RU",
            "subscribe in:ukraine,in:russia         | UA RU",
            "subscribe in:ukr\u00ADaine             | UA",
            "subscribe in:all,all                   | ",
            // tester18e: a list typed with spaces beside its commas, as README's Discord example reads
            "subscribe in:ukraine, russia           | UA RU",
            "subscribe in:ukraine , russia attack   | UA RU",
            "subscribe attack in:ukraine ,russia 40 | UA RU",
    })
    void placesWrittenOddlyButPlainlyAreTaken(String line, String keys) {
        assertThat(f.admin(line).text()).as(line).startsWith("Subscribed.");
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().places()).as(line)
                .containsExactly(keys == null ? new String[0] : keys.split(" "));
    }

    /** tester18d: in:all,ukraine meant Ukraine only (in:ukraine in:all every place): neither is plainly meant. */
    @Test
    void inAllWithOtherPlacesIsRefusedAndSavesNothing() {
        f.admin("subscribe in:turkey");
        for (String line : new String[] {"subscribe in:all,ukraine", "subscribe in:ukraine in:all",
                "subscribe attack in:Everywhere,sahel"}) {
            assertThat(f.admin(line)).as(line).isEqualTo(Reply.ephemeral("in:all follows every place, so it goes"
                    + " alone: subscribe in:all for every place, or name only the places you want, like in:ukraine."
                    + "\nUsage: subscribe [attack|diplomacy|all] [min-severity] [in:<place>,…]"));
        }
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().places()).containsExactly("TR");
        assertThat(f.admin("subscribe in:all").text()).startsWith("Subscribed.");
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().places()).isEmpty();
    }

    /** Places joined by something other than a comma are answered with the list written with commas. */
    @Test
    void placesJoinedOtherwiseGetTheListWithCommas() {
        assertThat(f.admin("subscribe in:ukraine;russia")).isEqualTo(Reply.ephemeral("I read \"ukraine;russia\" as"
                + " one place. Separate places with commas: in:ukraine,russia"));
        assertThat(f.admin("subscribe in:ukraine-and-middle-east").text()).endsWith("in:ukraine,middle-east");
        assertThat(f.admin("subscribe in:ukraine/xyzzy").text()).startsWith("I don't know the place"
                + " \"ukraine/xyzzy\". Closest names:");
        assertThat(f.admin("subscribe in:bosnia-and-herzegovina").text()).startsWith("Subscribed.");
        assertThat(f.news.subscriptions().subscription(GROUP).orElseThrow().places()).containsExactly("BA");
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
