package newsalert.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The router's place filter: a subscription with {@code in:} places gets only stories naming one of them. */
class RouterPlacesTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    private static final List<Subscription> SUBS = List.of(
            sub("1", List.of()),
            sub("2", List.of("UA")),
            sub("3", List.of("middle-east")),
            sub("4", List.of("sahel", "SS")),
            sub("5", List.of("GE")),
            sub("6", List.of("US")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a Ukrainian city goes to Ukraine's followers   | Drone attack on Odesa port         | Two cranes were damaged.                     | 1;2
            a dateline names the country                   | Power plant hit overnight          | KYIV, Ukraine (Wire) - Crews worked all day.  | 1;2
            Gaza is in the Middle East                     | Strike on Khan Younis kills 7      | Rescuers searched the rubble.                | 1;3
            Lebanon too                                    | Shelling near Tyre                 | Officials in Beirut condemned the attack.    | 1;3
            the Sahel by its countries                     | Gunmen attack convoy in Mali       | The army said 12 soldiers died.              | 1;4
            South Sudan is not Sudan                       | Clashes in Khartoum                | The fighting spread overnight.               | 1
            South Sudan itself                             | Clashes in Juba                    | The fighting spread in South Sudan.          | 1;4
            Georgia the country                            | Protesters clash with police in Tbilisi, Georgia | Dozens were hurt.                | 1;5
            Georgia the US state                           | Shooting in Atlanta, Georgia       | Police said three people were hurt.          | 1;6
            a person called Jordan is no place             | Strike kills 3 near a school       | Spokesman Jordan Smith gave the figures.     | 1
            no place named: only the everywhere chat       | Missile strike kills 5             | Officials gave no location.                  | 1
            two countries reach both followers             | Russian missiles hit Lviv as Israel strikes Beirut | Casualties were reported.    | 1;2;3
            """)
    void routesByPlace(String name, String title, String body, String expected) {
        Story story = new Story("id-1", "Test Wire", title, null, T0, body);
        Assessment a = new Assessment(EnumSet.of(Topic.ATTACK), 70, List.of(), Casualties.NONE, List.of(), true);
        List<String> got = new ArrayList<>();
        for (Target t : Router.route(story, a, SUBS, List.of())) {
            got.add(t.chatId());
        }
        assertEquals(List.of(expected.split(";")), got);
    }

    private static Subscription sub(String chat, List<String> places) {
        return new Subscription(0, new Target(Platform.TELEGRAM, chat, null), Subscription.allTopics(), 0, List.of(),
                List.of(), false, null, T0, places);
    }
}
