package newsalert.command;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import newsalert.store.StoryQueries;
import newsalert.store.SubscriptionStore;
import newsalert.story.Assessment;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.subscription.ChatTime;
import newsalert.subscription.place.PlaceFinder;

/**
 * {@code story <id>}: one stored story in full — title, source and time, link, topics and severity, every
 * casualty count, every quote with its speaker, and the reasons for the severity. Another chat's chat-only
 * story reads as an unknown id ({@link StoryQueries} scope). Times are in the chat's zone ({@code timezone}).
 * Anyone may run it.
 */
final class StoryCommand implements Command {
    private final StoryQueries stories;
    private final SubscriptionStore settings;

    /** @param settings the chats' settings, for the time zone; {@code null} writes times in UTC */
    StoryCommand(StoryQueries stories, SubscriptionStore settings) {
        this.stories = stories;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "story";
    }

    @Override
    public String usage() {
        return "story <id>";
    }

    @Override
    public String help() {
        return "a story in full: counts, quotes, source";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("id", "the story id shown under an alert"));
    }

    @Override
    public boolean moderatorOnly() {
        return false;
    }

    @Override
    public Reply run(CommandContext ctx, List<String> args) {
        if (args.size() != 1) {
            return usageReply("Give one story id.");
        }
        ZoneId zone = settings == null ? ZoneOffset.UTC
                : settings.chatSettings(ctx.target().platform(), ctx.target().chatId()).zone();
        return stories.story(ctx.target(), args.get(0)).map(s -> Reply.of(render(s.story(), s.assessment(), zone)))
                .orElseGet(() -> Reply.of("No story has the id " + args.get(0) + "."));
    }

    /** @return the story as the reply shows it, its time in the zone ({@link ChatTime}) */
    static String render(Story s, Assessment a, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add(Render.title(s.title()));
        lines.add("Source: " + (s.source().isBlank() ? "unknown" : s.source())
                + (s.published() == null ? "" : ", published " + ChatTime.published(s.published(), zone)));
        if (s.link() != null) {
            lines.add("Link: " + s.link());
        }
        lines.add("Topics: " + (a.topics().isEmpty() ? "none" : Render.topics(a.topics()))
                + "; severity " + a.severity());
        lines.add("Casualties: " + (a.casualties().isEmpty() ? "none stated" : a.casualties().display()));
        String where = PlaceFinder.standard().countryNames(s);
        lines.add("Where: " + (where.isEmpty() ? "no country named" : where));
        for (Quote q : a.quotes()) {
            lines.add("“" + q.text() + "” — " + q.speaker() + (q.role() == null ? "" : ", " + q.role()));
        }
        if (!a.reasons().isEmpty()) {
            lines.add("Why: " + String.join("; ", a.reasons()));
        }
        lines.add("id: " + s.id());
        return Render.list(lines.get(0), lines.subList(1, lines.size()));
    }
}
