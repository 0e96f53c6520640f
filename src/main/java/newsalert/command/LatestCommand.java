package newsalert.command;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import newsalert.store.StoredStory;
import newsalert.store.StoryQueries;
import newsalert.story.Topic;

/**
 * {@code latest [n] [topic]}: the most recent alerts, newest first. {@code n} is 1–{@value #MAX} (default
 * {@value #DEFAULT}); {@code topic} is attack, diplomacy or all (default); either order. The alerts are the global
 * ones and the alerts of this chat's own feeds routed here ({@link StoryQueries} scope). Anyone may run it.
 */
final class LatestCommand implements Command {
    static final int DEFAULT = 5;
    static final int MAX = 20;

    private final StoryQueries stories;

    LatestCommand(StoryQueries stories) {
        this.stories = stories;
    }

    @Override
    public String name() {
        return "latest";
    }

    @Override
    public String usage() {
        return "latest [n] [attack|diplomacy|all]";
    }

    @Override
    public String help() {
        return "the most recent alerts (default 5, at most 20)";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.optional("n", "how many, 1 to 20 (default 5)"),
                CommandOption.optional("topic", "attack, diplomacy or all (default all)"));
    }

    @Override
    public boolean moderatorOnly() {
        return false;
    }

    @Override
    public Reply run(CommandContext ctx, List<String> args) {
        if (args.size() > 2) {
            return usageReply("Too many arguments.");
        }
        Integer n = null;
        Set<Topic> topics = null;
        for (String a : args) {
            String d = Digits.ascii(a);
            if (d.matches("[-+]?\\d+")) {
                if (n != null || d.length() > 3 || Integer.parseInt(d) < 1 || Integer.parseInt(d) > MAX) {
                    return usageReply("n is a number from 1 to " + MAX + ".");
                }
                n = Integer.parseInt(d);
            } else {
                Optional<Set<Topic>> t = SubscribeCommand.parseTopics(a);
                if (t.isEmpty() || topics != null) {
                    return usageReply("The topic is attack, diplomacy or all.");
                }
                topics = t.get();
            }
        }
        Topic topic = topics == null || topics.size() != 1 ? null : topics.iterator().next();
        String kind = topic == null ? "alerts" : topic.wireName() + " alerts";
        List<StoredStory> found = stories.latestAlerts(ctx.target(), n == null ? DEFAULT : n, topic);
        if (found.isEmpty()) {
            return Reply.of("No " + kind + " yet.");
        }
        return Reply.of(Render.list("Latest " + kind + ":", found.stream().map(Render::storyLine).toList()));
    }
}
