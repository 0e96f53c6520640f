package newsalert.command;

import java.util.Objects;

/**
 * A command's answer, as plain text; adapters escape and format it.
 *
 * @param text      the text, at most {@value #MAX_LENGTH} characters (longer text is cut and ends in "…"); with a
 *                  file it is sent as the file's caption or the message it is attached to
 * @param ephemeral whether only the caller should see it where the platform allows (Discord ephemeral
 *                  replies); used for usage errors, refusals and help
 * @param file      a file sent with the text (Telegram {@code sendDocument}, Discord attachment), or
 *                  {@code null}
 */
public record Reply(String text, boolean ephemeral, File file) {
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

    /** A text reply without a file. */
    public Reply(String text, boolean ephemeral) {
        this(text, ephemeral, null);
    }

    /** @return a reply everyone in the chat sees */
    public static Reply of(String text) {
        return new Reply(text, false);
    }

    /** @return a reply only the caller sees where possible */
    public static Reply ephemeral(String text) {
        return new Reply(text, true);
    }

    /** @return a reply everyone sees: {@code text} with {@code file} attached */
    public static Reply withFile(String text, File file) {
        return new Reply(text, false, Objects.requireNonNull(file, "file"));
    }

    /**
     * A file in a reply.
     *
     * @param name      the file name shown in the chat, e.g. {@code newsalert-feeds.opml}
     * @param mediaType its media type, e.g. {@code text/x-opml}
     * @param content   its bytes (kept as given; do not change the array afterwards)
     */
    public record File(String name, String mediaType, byte[] content) {
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(content, "content");
        }
    }
}
