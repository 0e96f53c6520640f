package newsalert.command;

/**
 * A command's answer, as plain text; adapters escape and format it.
 *
 * @param text      the text, at most {@value #MAX_LENGTH} characters (longer text is cut and ends in "…")
 * @param ephemeral whether only the caller should see it where the platform allows (Discord ephemeral
 *                  replies); used for usage errors, refusals and help
 */
public record Reply(String text, boolean ephemeral) {
    /** Longest reply text, safely below Telegram's 4,096 and Discord's message limits. */
    public static final int MAX_LENGTH = 4000;

    public Reply {
        text = text == null ? "" : text;
        if (text.length() > MAX_LENGTH) {
            int cut = MAX_LENGTH - 1;
            if (Character.isLowSurrogate(text.charAt(cut))) {
                cut--;
            }
            text = text.substring(0, cut) + "…";
        }
    }

    /** @return a reply everyone in the chat sees */
    public static Reply of(String text) {
        return new Reply(text, false);
    }

    /** @return a reply only the caller sees where possible */
    public static Reply ephemeral(String text) {
        return new Reply(text, true);
    }
}
