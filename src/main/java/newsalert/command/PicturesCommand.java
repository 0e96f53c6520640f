package newsalert.command;

import java.util.List;
import java.util.Locale;
import newsalert.store.SubscriptionStore;

/**
 * {@code pictures on|off}: whether alerts show the story's picture as its feed names it (Discord embed
 * thumbnail, Telegram link preview above the text). The bot never downloads pictures; the chat platform does.
 * On by default. Per chat; moderators only.
 */
final class PicturesCommand extends SettingCommand {
    PicturesCommand(SubscriptionStore store) {
        super(store);
    }

    @Override
    public String name() {
        return "pictures";
    }

    @Override
    public String usage() {
        return "pictures on|off";
    }

    @Override
    public String help() {
        return "show the story's picture from the feed in alerts (default on)";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("state", "on or off"));
    }

    @Override
    Reply set(CommandContext ctx, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("on") && !v.equals("off")) {
            return usageReply("Say on or off.");
        }
        boolean on = v.equals("on");
        store.saveChatSettings(chat(ctx).withPictures(on), ctx.clock().instant());
        return Reply.of(on ? "Alerts here show the story's picture when its feed has one."
                : "Alerts here come without pictures.");
    }
}
