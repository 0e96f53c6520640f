package newsalert.platform.telegram;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A command reply that carries a file ({@code feeds export}), as it is kept in an outbox notice row until the delivery
 * worker sends it with {@code sendDocument} (issue 19 item 5): the file's name and bytes and the caption travel in the
 * row's note (after {@link newsalert.delivery.CommandReplyNote}'s first line), so the reply is written in the same
 * transaction that records the command's update as handled, and every retry sends the identical document.
 *
 * <p>Encoded note body: the line {@value #MARKER}, the file name on one line, the content in base64 on one line, then
 * the caption (plain text, possibly several lines, possibly empty). The marker starts with {@code <}, which the HTML
 * parts of a text reply never do for a tag of this name ({@link HtmlText} escapes every {@code <} of a reply's text),
 * so a text reply is never read as a document.
 *
 * @param name    the file name shown in the chat (line breaks become spaces)
 * @param caption the caption, at most {@link CommandReplies#CAPTION_MAX} characters; empty for none
 * @param content the file's bytes, at most {@link #MAX_BYTES}
 */
record DocumentReply(String name, String caption, byte[] content) {
    /** The first line of an encoded document reply. */
    static final String MARKER = "<newsalert-document v1>";
    /**
     * The largest file kept in the outbox: 64 KiB (about 86 KiB of base64 in the note). A chat's feed list is at most
     * 20 addresses, a few KiB as OPML; a reply with a larger file is answered with {@link #TOO_LARGE} instead.
     */
    static final int MAX_BYTES = 64 * 1024;
    /** The answer in place of a file above {@link #MAX_BYTES}. */
    static final String TOO_LARGE = "The file is over 64 KiB, too large to send here. The command's text answer"
            + " follows; for a chat's feeds, feeds list shows the same addresses as text.";

    DocumentReply {
        name = name.replaceAll("[\\r\\n]+", " ");
        caption = caption == null ? "" : caption;
    }

    /** @return the note body for this document */
    String encode() {
        return MARKER + "\n" + name + "\n" + Base64.getEncoder().encodeToString(content) + "\n" + caption;
    }

    /** @return whether a command reply's body is an {@link #encode}d document */
    static boolean isDocument(String body) {
        return body != null && body.startsWith(MARKER + "\n");
    }

    /** @return the document a body holds; empty when it is not one, or is damaged */
    static Optional<DocumentReply> decode(String body) {
        if (!isDocument(body)) {
            return Optional.empty();
        }
        String[] parts = body.substring(MARKER.length() + 1).split("\n", 3);
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            byte[] content = Base64.getDecoder().decode(parts[1].getBytes(StandardCharsets.US_ASCII));
            return Optional.of(new DocumentReply(parts[0], parts.length == 3 ? parts[2] : "", content));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
