package newsalert.platform.discord;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import newsalert.command.Command;
import newsalert.command.CommandOption;
import newsalert.command.CommandRegistry;
import newsalert.subscription.Keywords;

/**
 * Declares the registry's commands as Discord slash commands.
 *
 * <p>Each command becomes {@code /name} with its help line as description (cut to Discord's 100) and one
 * option per {@link CommandOption}, in the command's order, required as declared. Option types by name:
 * {@code n} is an integer 1–20, {@code min-severity} and {@code severity} integers 0–100 ({@code quiet-below 0} is
 * off); {@code state} a string with the choices on, off; {@code topic}/{@code topics} a
 * string with the choices attack, diplomacy, all; {@code action} a string with the choices the command's
 * usage lists ({@code feeds add|remove|list|export|import …}; add, remove, list when it lists none);
 * {@code file} an attachment; {@code command} (help) a string with the command names as choices; any other option a free string
 * (several words allowed: they are split back into arguments) with a maximum length — {@code url} 2,048,
 * {@code term} 65, {@code id} {@value #ID_MAX_LENGTH}, others {@value #TEXT_MAX_LENGTH} — so a member cannot
 * make the bot echo kilobytes back. Moderator-only commands get default member
 * permissions Manage Server, so Discord hides them from other members; {@link SlashCommandRouter} checks the
 * permission again when one runs.
 */
public final class SlashCommands {
    /** Discord's limit for command and option descriptions. */
    public static final int DESCRIPTION_MAX = 100;

    private SlashCommands() {
    }

    /** @return one slash command per registry command, in registry order */
    public static List<SlashCommandData> of(CommandRegistry registry) {
        List<String> names = registry.commands().stream().map(Command::name).toList();
        List<SlashCommandData> out = new ArrayList<>();
        for (Command c : registry.commands()) {
            SlashCommandData data = Commands.slash(c.name(), describe(c.help()));
            for (CommandOption o : c.options()) {
                data.addOptions(option(o, names, actions(c)));
            }
            if (c.moderatorOnly()) {
                data.setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
            }
            out.add(data);
        }
        return out;
    }

    /** @return the actions a command's usage lists first, e.g. {@code feeds add|remove|list [url]} → add, remove, list */
    static List<String> actions(Command c) {
        String[] words = c.usage().strip().split("\\s+");
        return words.length > 1 && words[1].matches("[a-z]+(\\|[a-z]+)+") ? List.of(words[1].split("\\|"))
                : List.of("add", "remove", "list");
    }

    private static OptionData option(CommandOption o, List<String> commandNames, List<String> actions) {
        String d = describe(o.description());
        return switch (o.name()) {
            case "n" -> new OptionData(OptionType.INTEGER, o.name(), d, o.required()).setRequiredRange(1, 20);
            case "min-severity", "severity" -> new OptionData(OptionType.INTEGER, o.name(), d, o.required())
                    .setRequiredRange(0, 100);
            case "state" -> new OptionData(OptionType.STRING, o.name(), d, o.required())
                    .addChoice("on", "on").addChoice("off", "off");
            case "topic", "topics" -> new OptionData(OptionType.STRING, o.name(), d, o.required())
                    .addChoice("attack", "attack").addChoice("diplomacy", "diplomacy").addChoice("all", "all");
            case "action" -> {
                OptionData data = new OptionData(OptionType.STRING, o.name(), d, o.required());
                actions.forEach(a -> data.addChoice(a, a));
                yield data;
            }
            case "file" -> new OptionData(OptionType.ATTACHMENT, o.name(), d, o.required());
            case "command" -> {
                OptionData data = new OptionData(OptionType.STRING, o.name(), d, o.required());
                commandNames.stream().limit(OptionData.MAX_CHOICES).forEach(n -> data.addChoice(n, n));
                yield data;
            }
            case "interval" -> new OptionData(OptionType.STRING, o.name(), d, o.required()).setMaxLength(32);
            case "url" -> new OptionData(OptionType.STRING, o.name(), d, o.required()).setMaxLength(2048);
            case "term" -> new OptionData(OptionType.STRING, o.name(), d, o.required()).setMaxLength(Keywords.MAX_LENGTH + 1);
            case "id" -> new OptionData(OptionType.STRING, o.name(), d, o.required()).setMaxLength(ID_MAX_LENGTH);
            default -> new OptionData(OptionType.STRING, o.name(), d, o.required()).setMaxLength(TEXT_MAX_LENGTH);
        };
    }

    /** Longest story id a member may type (feeds' ids are links or guids; longer input is only echo spam). */
    static final int ID_MAX_LENGTH = 300;
    /** Longest free-text option (search words). */
    static final int TEXT_MAX_LENGTH = 200;

    private static String describe(String text) {
        String t = text == null || text.isBlank() ? "-" : text.strip();
        return t.length() <= DESCRIPTION_MAX ? t : t.substring(0, DESCRIPTION_MAX - 1) + "…";
    }
}
