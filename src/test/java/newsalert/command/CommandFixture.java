package newsalert.command;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.CasualtyCount;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;

/** A temp SQLite store, the standard registry over it, a fake feed check and a fake resolver (no DNS). */
final class CommandFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    static final String FEED = "https://wire.example/world.rss";

    /** Host names the fake resolver knows; literal addresses are parsed without any lookup. */
    static final Map<String, String> HOSTS = Map.of(
            "news.example.org", "93.184.216.34",
            "intranet.example.org", "192.168.1.20");

    final JdbcNewsStore news;
    final MutableClock clock = new MutableClock(T0);
    final List<URI> checked = new ArrayList<>();
    final CommandRegistry registry;

    CommandFixture(Path dir) {
        this(dir, false);
    }

    CommandFixture(Path dir, boolean allowPrivate) {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("cmd.db"));
        FeedCheck check = uri -> {
            checked.add(uri);
            return uri.getPath().endsWith(".rss") ? FeedCheck.Result.feed("Example Wire")
                    : FeedCheck.Result.notFeed("the page is HTML, not RSS or Atom.");
        };
        registry = CommandRegistry.standard(news.subscriptions(), news.queries(), news.chatFeeds(), check,
                new AddressPolicy(CommandFixture::resolve, allowPrivate));
    }

    static List<InetAddress> resolve(String host) throws UnknownHostException {
        String ip = HOSTS.get(host);
        if (ip != null) {
            return List.of(InetAddress.getByAddress(host, InetAddress.getByName(ip).getAddress()));
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return List.of(InetAddress.getByName(host)); // a literal: parsed, not looked up
        }
        throw new UnknownHostException(host);
    }

    Reply admin(String line) {
        return registry.run(new CommandContext(GROUP, "111", true, clock), line);
    }

    Reply member(String line) {
        return registry.run(new CommandContext(GROUP, "222", false, clock), line);
    }

    Reply in(Target target, String line) {
        return registry.run(new CommandContext(target, "111", true, clock), line);
    }

    /** Stores a story (and an alert when {@code alert}) routed to {@code targets}. */
    void story(String id, String title, Assessment a, boolean alert, int minutes, Target... targets) {
        Story s = new Story(id, "Test Wire", title, "https://wire.example/" + id, T0.plusSeconds(60L * minutes),
                title + ". Officials gave details.");
        news.recordEntry(FEED, s, a, alert, T0.plusSeconds(60L * minutes), List.of(targets));
    }

    static Assessment assessment(Set<Topic> topics, int severity) {
        return new Assessment(topics, severity, List.of(), Casualties.NONE, List.of(), severity >= 40);
    }

    static Assessment strike() {
        return new Assessment(Set.of(Topic.ATTACK), 80, List.of("attack: \"missile strike\"", "killed 19"),
                new Casualties(CasualtyCount.exact(19), CasualtyCount.of(48, newsalert.story.Qualifier.AT_LEAST),
                        null),
                List.of(new Quote("Keir Starmer", "UK Prime Minister", "sabotaging peace talks")), true);
    }

    @Override
    public void close() {
        news.close();
    }
}
