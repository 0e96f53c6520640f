package newsalert.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import newsalert.subscription.Target;

/**
 * The storage port for slash-command answers the chat platform has not accepted yet (Discord, issue 19): each answer
 * is kept, one row per part, from just after its command ran until the platform accepts every part, so that a restart
 * or a kill during the interaction's retries never loses it. The parts left when the interaction can no longer carry
 * them go to the command's channel as outbox {@link OutboxKind#NOTICE} rows keyed {@code slash-reply:<interaction
 * id>:<part>}, each row's insert in the same transaction as the delete of its part: a part is either still kept or
 * queued, never both, never neither, and two movers (the answering run and another instance's sweep) queue it once.
 * No interaction token is kept. Implementations are thread-safe; each method is one transaction; failures surface as
 * {@link StoreException}.
 */
public interface InteractionReplyStore {
    /**
     * One part of an answer.
     *
     * @param index the part's number in the answer's steps, 0 first (a step that carries no text has no part, so
     *              numbers may skip)
     * @param text  the part as the platform shows it (Discord markdown, at most 2,000 characters)
     * @param file  whether the part carried the reply's file (a channel post cannot: it says so)
     */
    record Part(int index, String text, boolean file) {
        public Part {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An answer as kept.
     *
     * @param interactionId the platform's id of the interaction (at most 64 characters)
     * @param target        the command's channel
     * @param caller        the platform's id of the person who sent the command
     * @param command       the command's name, without the slash
     * @param askedAt       when the command arrived (the answering run's clock)
     * @param parts         the parts not accepted yet, in index order
     */
    record Kept(String interactionId, Target target, String caller, String command, Instant askedAt, List<Part> parts) {
        public Kept {
            Objects.requireNonNull(interactionId, "interactionId");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(askedAt, "askedAt");
            parts = List.copyOf(parts);
        }
    }

    /** Words the outbox note of one part posted to the channel. */
    @FunctionalInterface
    interface Notes {
        /**
         * @param reply the answer (its parts: those being posted)
         * @param part  the part
         * @param first whether it is the first part posted (it names the command)
         * @return the outbox note of the part's row
         */
        String note(Kept reply, Part part, boolean first);
    }

    /**
     * Keeps an answer's parts under {@code owner}, before the first try to deliver them, in place of whatever was kept
     * for the same interaction before (the note kept when the command was acknowledged), in one transaction.
     *
     * @param owner the id of the run answering it (the owner of its leases), at most 256 characters
     */
    void keep(Kept reply, String owner);

    /**
     * Forgets one part the platform accepted.
     *
     * @return whether it was still kept (false: gone already, e.g. posted to the channel by a sweep)
     */
    boolean accepted(String interactionId, int part);

    /**
     * In one transaction, moves the answer's kept parts to its channel: deletes each and, when it was still there,
     * inserts its outbox row ({@code notes} give the texts; the first part moved gets {@code first}).
     *
     * @param at when the rows are queued
     * @return how many rows were queued (0: nothing was kept any more)
     */
    int moveToChannel(String interactionId, Instant at, Notes notes);

    /**
     * Queues the parts of an answer that could not be kept ({@link #keep} failed) to its channel, in one
     * transaction, with the same keys as {@link #moveToChannel}.
     *
     * @return how many rows were queued
     */
    int queueToChannel(Kept reply, Instant at, Notes notes);

    /**
     * Moves to their channels, as {@link #moveToChannel} does, in one transaction, the answers no run is delivering
     * any more: those asked at or before {@code staleBy} (older than any run's retries), and those asked at or before
     * {@code orphanedBy} whose owner holds no lease that runs past {@code now} (it stopped or was killed).
     *
     * @return how many rows were queued
     */
    int sweep(Instant staleBy, Instant orphanedBy, Instant now, Notes notes);

    /** @return every kept answer, oldest first (for {@code status} and tests) */
    List<Kept> kept();
}
