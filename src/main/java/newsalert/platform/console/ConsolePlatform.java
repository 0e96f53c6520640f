package newsalert.platform.console;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.SendResult;
import newsalert.store.OutboxItem;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console as a chat platform: the delivery worker hands it the rows of the console target
 * ({@link Target#CONSOLE}), which every global alert gets, like any chat's rows.
 *
 * <p>{@linkplain #printing Printing} (console mode, no chat token): a new alert prints the {@code [ALERT]} block
 * of {@link AlertText#render}; an edit prints an {@code [UPDATE]} block ({@link AlertText#update}) naming the
 * headline the alert was printed with; a follow-up prints one {@code [FOLLOW-UP]} line
 * ({@link AlertText#followUp}), a notice one {@code [NOTICE]} line, a digest a {@code [DIGEST]} block; each is
 * followed by a blank line and flushed. {@linkplain #logging Logging} (chat mode): one INFO line each instead.
 *
 * <p>A printed alert's message id is its headline ({@link AlertText#messageId}), so an edit or follow-up
 * names it even after a restart. Printing never fails, and the console never merges a backlog into a digest
 * ({@link #mergesBacklog()}): every alert prints its own block. Thread-safe.
 */
public final class ConsolePlatform implements ChatPlatform {
    private static final Logger LOG = LoggerFactory.getLogger(ConsolePlatform.class);

    private final PrintWriter out;

    private ConsolePlatform(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param out where to print (normally standard output); printing is serialized on it
     * @return a console that prints each message as a block of text
     */
    public static ConsolePlatform printing(PrintWriter out) {
        return new ConsolePlatform(Objects.requireNonNull(out, "out"));
    }

    /** @return a console that logs one INFO line per message (for chat mode, where standard output is a log) */
    public static ConsolePlatform logging() {
        return new ConsolePlatform(null);
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    /** @return false: the console prints every alert on its own, however many are queued */
    @Override
    public boolean mergesBacklog() {
        return false;
    }

    @Override
    public SendResult send(Target target, Story story, Assessment assessment) {
        if (out == null) {
            LOG.info("alert: {} ({}, severity {}, id {})", story.title(), assessment.topics(), assessment.severity(),
                    story.id());
        } else {
            print(AlertText.render(story, assessment));
        }
        return new SendResult.Sent(AlertText.messageId(story));
    }

    @Override
    public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
        if (out == null) {
            LOG.info("alert update: {} ({}, severity {}{}, id {})", story.title(), assessment.topics(),
                    assessment.severity(), assessment.casualties().isEmpty() ? ""
                            : ", casualties " + assessment.casualties().display(), story.id());
        } else {
            print(AlertText.update(messageId, story, assessment));
        }
        return new SendResult.Sent(messageId);
    }

    @Override
    public SendResult reply(Target target, String messageId, String text) {
        if (out == null) {
            LOG.info("alert follow-up: {}{}", text, messageId == null ? "" : " (on \"" + messageId + "\")");
        } else {
            print(AlertText.followUp(messageId, text));
        }
        return new SendResult.Sent(messageId == null ? "notice" : messageId);
    }

    @Override
    public SendResult notice(Target target, String text) {
        if (out == null) {
            LOG.info("notice: {}", text);
        } else {
            print("[NOTICE] " + text + "\n");
        }
        return new SendResult.Sent("notice");
    }

    @Override
    public SendResult sendDigest(Target target, List<OutboxItem> items) {
        if (out == null) {
            LOG.info("digest of {} alerts: {}", items.size(), items.stream().map(i -> i.story().id()).toList());
        } else {
            print(AlertText.digest(items.stream().map(i -> Map.entry(i.story(), i.assessment())).toList()));
        }
        return new SendResult.Sent("digest of " + items.size());
    }

    private void print(String text) {
        synchronized (out) {
            out.print(text);
            out.println();
            out.flush();
        }
    }
}
