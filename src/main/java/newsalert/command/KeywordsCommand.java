package newsalert.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.KeywordRule;
import newsalert.subscription.Keywords;

/**
 * {@code keywords add|remove|list [term]}: the chat's moderator keyword rules, which apply to every
 * subscription of the chat. The term is the rest of the line (a phrase may have spaces); a leading
 * {@code -} makes it an exclude term. Terms are checked with {@link Keywords#validate(String, int)}.
 * Moderators only.
 */
final class KeywordsCommand implements Command {
    private final SubscriptionStore store;

    KeywordsCommand(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "keywords";
    }

    @Override
    public String usage() {
        return "keywords add|remove|list [term] (a leading - excludes: keywords add -drill)";
    }

    @Override
    public String help() {
        return "words or phrases that include or exclude stories in this chat";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("action", "add, remove or list"),
                CommandOption.optional("term", "a word or phrase; a leading - excludes it"));
    }

    @Override
    public boolean moderatorOnly() {
        return true;
    }

    @Override
    public String refusal() {
        return "Only chat admins can change keywords here.";
    }

    @Override
    public Reply run(CommandContext ctx, List<String> args) {
        if (args.isEmpty()) {
            return usageReply("Say add, remove or list.");
        }
        String action = args.get(0).toLowerCase(Locale.ROOT);
        String raw = String.join(" ", args.subList(1, args.size()));
        boolean exclude = raw.startsWith("-");
        String term = Keywords.normalize(exclude ? raw.substring(1) : raw);
        var platform = ctx.target().platform();
        String chat = ctx.target().chatId();
        switch (action) {
            case "list" -> {
                if (args.size() > 1) {
                    return usageReply("keywords list takes no term.");
                }
                List<KeywordRule> rules = store.keywordRules(platform, chat);
                return Reply.of(rules.isEmpty()
                        ? "No keywords here. Add one with: keywords add <term> (a leading - excludes)"
                        : "Keywords here: " + Render.rules(rules) + ".");
            }
            case "add" -> {
                List<KeywordRule> existing = store.keywordRules(platform, chat);
                Optional<String> problem = Keywords.validate(term, existing.size());
                if (problem.isPresent()) {
                    return usageReply(problem.get());
                }
                KeywordRule.Kind kind = exclude ? KeywordRule.Kind.EXCLUDE : KeywordRule.Kind.INCLUDE;
                // rules read back are in the normal form, also those stored before it (e.g. "straße")
                if (existing.stream().anyMatch(r -> r.term().equals(term)) || !store.addKeywordRule(new KeywordRule(platform, chat, term, kind, ctx.callerId(),
                        ctx.clock().instant()))) {
                    return Reply.of(Render.quoted(term) + " is already a keyword here.");
                }
                return Reply.of(exclude
                        ? "Added exclude keyword " + Render.quoted(term) + ": stories mentioning it are not sent here."
                        : "Added include keyword " + Render.quoted(term)
                                + ": only stories mentioning an include keyword are sent here.");
            }
            case "remove" -> {
                if (term.isEmpty()) {
                    return usageReply("Say which keyword to remove.");
                }
                return store.removeKeywordRule(platform, chat, term)
                        ? Reply.of("Removed keyword " + Render.quoted(term) + ".")
                        : Reply.of(Render.quoted(term) + " is not a keyword here. See: keywords list");
            }
            default -> {
                return usageReply("Unknown action \"" + args.get(0) + "\".");
            }
        }
    }
}
