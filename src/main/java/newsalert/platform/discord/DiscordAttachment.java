package newsalert.platform.discord;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;
import newsalert.command.AttachedFile;

/**
 * A slash command's attachment option, downloaded through JDA's attachment proxy only when the command reads
 * it; at most {@value #DOWNLOAD_TIMEOUT_S} s and the caller's byte limit.
 */
final class DiscordAttachment implements AttachedFile {
    static final long DOWNLOAD_TIMEOUT_S = 30;

    private final Message.Attachment attachment;

    DiscordAttachment(Message.Attachment attachment) {
        this.attachment = attachment;
    }

    @Override
    public String name() {
        return attachment.getFileName();
    }

    @Override
    public long size() {
        return attachment.getSize();
    }

    @Override
    public byte[] read(long maxBytes) throws IOException {
        if (attachment.getSize() > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        try (InputStream in = attachment.getProxy().download().get(DOWNLOAD_TIMEOUT_S, TimeUnit.SECONDS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            return bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted downloading an attachment", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("attachment download failed: " + e, e);
        }
    }
}
