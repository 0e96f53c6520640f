package newsalert.command;

import java.util.List;
import newsalert.store.StoredStory;
import newsalert.store.StoryQueries;

/**
 * {@code search <words>}: stories whose title contains every word (case-insensitive substrings, no
 * patterns), most recent first, at most {@value #LIMIT}. At most {@value #MAX_WORDS} words of at most
 * {@value #MAX_WORD} characters each. Only stories this chat may see ({@link StoryQueries} scope). Anyone may
 * run it.
 */
final class SearchCommand implements Command {
    static final int LIMIT = 10;
    static final int MAX_WORDS = 8;
    static final int MAX_WORD = 64;

    private final StoryQueries stories;

    SearchCommand(StoryQueries stories) {
        this.stories = stories;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String usage() {
        return "search <words>";
    }

    @Override
    public String help() {
        return "find stories whose title contains all the words";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("words", "words the title must contain"));
    }

    @Override
    public boolean moderatorOnly() {
        return false;
    }

    @Override
    public Reply run(CommandContext ctx, List<String> args) {
        if (args.isEmpty()) {
            return usageReply("Give at least one word to search for.");
        }
        if (args.size() > MAX_WORDS || args.stream().anyMatch(w -> w.length() > MAX_WORD)) {
            return usageReply("Use at most " + MAX_WORDS + " words of at most " + MAX_WORD + " characters.");
        }
        String what = Render.quoted(String.join(" ", args));
        List<StoredStory> found = stories.searchTitles(ctx.target(), args, LIMIT);
        if (found.isEmpty()) {
            return Reply.of("No stories match " + what + ".");
        }
        return Reply.of(Render.list("Stories matching " + what + ":",
                found.stream().map(Render::storyLine).toList()));
    }
}
