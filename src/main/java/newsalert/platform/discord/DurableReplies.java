package newsalert.platform.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import newsalert.delivery.CommandReplyNote;
import newsalert.store.InteractionReplyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the slash-command answers Discord has not accepted yet in the store ({@link InteractionReplyStore}, issue 19),
 * so that no restart or kill loses one: {@link SlashCommandRouter} keeps each answer after its command ran and before
 * the first reply through the interaction, forgets each part Discord accepts, and moves the rest to the command's
 * channel (an outbox notice per part, headed "&lt;@caller&gt; (your /name)") when the interaction can no longer carry
 * them. {@link #sweep()} posts the same way the answers no run is delivering any more.
 *
 * <p>The sweep's rule (several instances on one database, issue 14). An answer is cut off, and swept, when it was
 * asked at least {@link #STALE_AGE} ago (15 minutes: its run gives the interaction up after
 * {@link SlashCommandRouter#RETRY_UNTIL}, 14 minutes, and a last try takes at most 30 s more, so a record still there
 * then was left by a failed write), or at least {@link #ORPHAN_AGE} ago while its owner, the run that answered it,
 * holds no lease that runs past now. A running instance renews its presence lease ({@code instance:…}, 20 s) every
 * 5 s, and the one answering Discord's commands also holds {@code discord-commands} (15 s, renewed every 3 s); a
 * stopped instance releases its leases at once, a killed one's lapse within 20 s. So a live run's retries are never taken over (the
 * {@link #ORPHAN_AGE} covers the moment between a run's first answer and its first presence lease), and an answer cut
 * off by a stop or a kill is posted at the next sweep after its owner's leases lapse. The bot sweeps at its start,
 * before it takes commands, and {@code run} every {@link #SWEEP_EVERY}.
 *
 * <p>At least once at the edge: a kill after Discord accepted a part but before its record is deleted posts that part
 * again in the channel. Store errors are logged, never thrown: an answer that could not be kept is still tried through
 * the interaction and then posted to the channel by its run, as before the records existed.
 */
public final class DurableReplies {
    private static final Logger LOG = LoggerFactory.getLogger(DurableReplies.class);
    /** How old an answer whose owner holds no live lease must be before a sweep posts it. */
    static final Duration ORPHAN_AGE = Duration.ofSeconds(30);
    /** How old an answer must be before a sweep posts it whatever its owner. */
    static final Duration STALE_AGE = SlashCommandRouter.RETRY_UNTIL.plus(Duration.ofMinutes(1));
    /** How often {@code run} sweeps. */
    public static final Duration SWEEP_EVERY = Duration.ofSeconds(10);
    /** The outbox notes of posted parts, as the Discord adapter's {@code commandReply} reads them back. */
    private static final InteractionReplyStore.Notes NOTES = (reply, part, first) -> CommandReplyNote.encode(
            body(reply, part, first));

    private final InteractionReplyStore store;
    private final String owner;
    private final Clock clock;
    private final Runnable queued;

    /**
     * @param store  the kept answers and the outbox
     * @param owner  this run's id ({@code InstanceId}), the owner of its leases
     * @param clock  when commands arrive and rows are queued (the leases' time too)
     * @param queued called after rows were queued for channels (wakes the delivery); may do nothing
     */
    public DurableReplies(InteractionReplyStore store, String owner, Clock clock, Runnable queued) {
        this.store = Objects.requireNonNull(store, "store");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queued = Objects.requireNonNull(queued, "queued");
    }

    /** @return whether the answer is kept (false: the store refused, logged) */
    boolean keep(InteractionReplyStore.Kept reply) {
        try {
            store.keep(reply, owner);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not keep the answer to /{} in the store; it is tried through the interaction, but a"
                    + " restart meanwhile would lose it: {}", reply.command(), e.getMessage());
            return false;
        }
    }

    /**
     * What the caller is told, through the channel, of a command acknowledged but not answered before a stop or kill:
     * it may have run or not (it waited in its channel's queue, or was running); commands can be sent twice safely.
     */
    static final String CUT_OFF = "newsalert restarted before it could answer this command, so it may not have run."
            + " Please send it again (sending a command twice does no harm).";

    /**
     * Keeps a note for a command just acknowledged, before it runs (tester19c: a command waiting in its channel's
     * queue at a kill was never answered): its answer replaces the note when it is ready ({@link #keep}); if the
     * bot stops or dies first, a sweep posts {@link #CUT_OFF} to the channel for the caller. Written on the thread
     * that acknowledges, before the command is queued, so the answer can never be replaced by the note.
     *
     * @return whether the note is kept (false: the store refused, logged)
     */
    boolean acknowledged(String interactionId, newsalert.subscription.Target target, String caller, String command,
                         Instant askedAt) {
        return keep(new InteractionReplyStore.Kept(interactionId, target, caller, command, askedAt,
                java.util.List.of(new InteractionReplyStore.Part(0, CUT_OFF, false))));
    }

    /** Forgets a command's note when the command is not run and was answered otherwise (refused: queue full). */
    void forget(String interactionId) {
        accepted(interactionId, 0);
    }

    /** Forgets one part Discord accepted; a failure is logged (a later sweep then posts that part once more). */
    void accepted(String interactionId, int part) {
        try {
            store.accepted(interactionId, part);
        } catch (RuntimeException e) {
            LOG.warn("could not forget an accepted part of an answer; it may be posted in the channel once more: {}",
                    e.getMessage());
        }
    }

    /**
     * Posts the parts of {@code reply} not accepted to its channel through the outbox.
     *
     * @param kept whether the answer is kept ({@link #keep}): its kept parts are moved; else {@code reply}'s parts
     *             are queued as they are
     * @return how many rows were queued
     * @throws newsalert.store.StoreException when the store cannot take them (a kept answer stays kept)
     */
    int toChannel(InteractionReplyStore.Kept reply, boolean kept) {
        Instant now = clock.instant();
        int n = kept ? store.moveToChannel(reply.interactionId(), now, NOTES) : store.queueToChannel(reply, now, NOTES);
        if (n > 0) {
            queued.run();
        }
        return n;
    }

    /**
     * Posts every answer no run is delivering any more (see the class comment) to its channel and forgets it.
     *
     * @return how many rows were queued; 0 when the store failed (logged; the next sweep tries again)
     */
    public int sweep() {
        Instant now = clock.instant();
        try {
            int n = store.sweep(now.minus(STALE_AGE), now.minus(ORPHAN_AGE), now, NOTES);
            if (n > 0) {
                LOG.info("{} part(s) of slash-command answers cut off by a stop or kill (or left by a failed write)"
                        + " queued for their channels", n);
                queued.run();
            }
            return n;
        } catch (RuntimeException e) {
            LOG.warn("could not post the slash-command answers cut off by a restart (tried again later): {}",
                    e.getMessage());
            return 0;
        }
    }

    /**
     * @return the channel message of one part: the caller's mention, then on the first part posted "(your /name)",
     *         the part's text, and when the part carried a file a line saying it could not be attached
     */
    static String body(InteractionReplyStore.Kept reply, InteractionReplyStore.Part part, boolean first) {
        return "<@" + reply.caller() + "> " + (first ? "(your /" + reply.command() + ") " : "") + part.text()
                + (part.file() ? "\n(The file could not be attached here: please run /" + reply.command()
                + " again.)" : "");
    }
}
