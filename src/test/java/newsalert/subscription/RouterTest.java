package newsalert.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {
    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final Set<Topic> ATTACK = EnumSet.of(Topic.ATTACK);
    private static final Set<Topic> DIPLOMACY = EnumSet.of(Topic.DIPLOMACY);

    /** The chats every case routes over; their names in the table below are "platform:chat[/thread]". */
    private static final List<Subscription> SUBS = List.of(
            Subscription.of(tg("100", null), ATTACK, 0, T0),
            Subscription.of(tg("100", "7"), DIPLOMACY, 50, T0),
            Subscription.of(tg("200", null), Subscription.allTopics(), 0, T0).pausedBecause("bot was blocked"),
            new Subscription(0, tg("300", null), ATTACK, 0, List.of("Kyiv"), List.of(), false, null, T0),
            new Subscription(0, tg("400", null), ATTACK, 0, List.of(), List.of("drill"), false, null, T0),
            Subscription.of(new Target(Platform.DISCORD, "500", null), ATTACK, 0, T0),
            new Subscription(0, tg("600", null), Subscription.allTopics(), 0, List.of("Gaza Strip"), List.of(),
                    false, null, T0));

    private static final List<KeywordRule> RULES = List.of(
            rule(Platform.TELEGRAM, "100", "football", KeywordRule.Kind.EXCLUDE),
            rule(Platform.DISCORD, "500", "Odesa", KeywordRule.Kind.INCLUDE),
            rule(Platform.DISCORD, "500", "training exercise", KeywordRule.Kind.EXCLUDE),
            rule(Platform.TELEGRAM, "600", "al-Shifa", KeywordRule.Kind.INCLUDE),
            // same chat id on another platform: must not touch telegram:500 or discord:100
            rule(Platform.DISCORD, "100", "strike", KeywordRule.Kind.EXCLUDE));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            plain attack goes to attack chats         | Missile strike on Kyiv kills 19            | Rescuers searched the rubble.           | attack           | 80 | telegram:100;telegram:300;telegram:400
            diplomacy above the forum topic's minimum | Envoys meet in Geneva                      | Talks resumed on Tuesday.               | diplomacy        | 70 | telegram:100/7
            diplomacy below the minimum goes nowhere  | Envoys meet in Geneva                      | Talks resumed on Tuesday.               | diplomacy        | 40 |
            chat include rule admits Odesa            | Drone attack on Odesa port                 | Two cranes were damaged.                | attack           | 30 | telegram:100;telegram:400;discord:500
            own and chat exclude terms reject         | Army drill near Odesa                      | Officials called it a training exercise. | attack          | 20 | telegram:100
            chat exclude rule applies, others unaffected | Football stadium shelled in Kyiv        | Nobody was hurt.                        | attack           | 55 | telegram:300;telegram:400
            hyphenated rule matches spaced words      | Al Shifa hospital struck as talks stall    | Mediators left Cairo.                   | attack,diplomacy | 90 | telegram:100;telegram:100/7;telegram:400;telegram:600
            whole words only: Gazan is not Gaza       | Gazan officials report strike              | No further details.                     | attack           | 60 | telegram:100;telegram:400
            phrase matches across a line break in body | Strike hits hospital                      | The strike in the Gaza\\nStrip killed 4. | attack           | 60 | telegram:100;telegram:400;telegram:600
            case and possessive ignored               | KYIV'S power grid hit                      | Outages spread.                         | attack           | 10 | telegram:100;telegram:300;telegram:400
            a story with no topic goes nowhere        | Kyiv football final tonight                |                                         |                  | 0  |
            """)
    void routes(String name, String title, String body, String topics, int severity, String expected) {
        Story story = new Story("id-1", "Test Wire", title, null, T0, body == null ? "" : body.replace("\\n", "\n"));
        Set<Topic> ts = EnumSet.noneOf(Topic.class);
        if (topics != null) {
            Arrays.stream(topics.split(",")).map(Topic::fromWireName).forEach(ts::add);
        }
        Assessment a = new Assessment(ts, severity, List.of(), Casualties.NONE, List.of(), true);

        List<Target> got = Router.route(story, a, SUBS, RULES);

        List<Target> want = expected == null ? List.of()
                : Arrays.stream(expected.split(";")).map(RouterTest::parse).toList();
        assertThat(got).containsExactlyElementsOf(want);
    }

    @Test
    void aTargetSubscribedTwiceInTheListIsReturnedOnce() {
        Story story = new Story("id-2", "Wire", "Shelling in Kharkiv", null, T0, "");
        Assessment a = new Assessment(ATTACK, 50, List.of(), Casualties.NONE, List.of(), true);
        Subscription s = Subscription.of(tg("9", null), ATTACK, 0, T0);
        assertThat(Router.route(story, a, List.of(s, s), List.of())).containsExactly(tg("9", null));
    }

    private static Target parse(String spec) {
        String[] pc = spec.split(":", 2);
        String[] ct = pc[1].split("/", 2);
        return new Target(Platform.fromWireName(pc[0]), ct[0], ct.length > 1 ? ct[1] : null);
    }

    private static Target tg(String chat, String thread) {
        return new Target(Platform.TELEGRAM, chat, thread);
    }

    private static KeywordRule rule(Platform p, String chat, String term, KeywordRule.Kind kind) {
        return new KeywordRule(p, chat, term, kind, "42", T0);
    }
}
