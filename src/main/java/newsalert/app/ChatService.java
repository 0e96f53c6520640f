package newsalert.app;

import newsalert.delivery.ChatPlatform;
import newsalert.metrics.Health;

/**
 * One chat platform as {@code run} uses it: the adapter the delivery worker sends through, and the bot that
 * answers commands (long polling, a gateway…).
 */
interface ChatService extends AutoCloseable {

    /** @return the platform's name for logs, e.g. "telegram" */
    String name();

    /** @return the delivery adapter */
    ChatPlatform adapter();

    /**
     * Connects and starts answering commands. Calling it again once started (e.g. when this instance takes
     * the commands over from another, see {@link CommandLeases}) does nothing; after {@link #stopCommands} it
     * starts them again.
     *
     * @throws RuntimeException when the platform refuses the token or cannot be reached; {@code run} then
     *                          stops with the message
     */
    void start();

    /**
     * Connects only as far as delivery needs (for {@code run --once}: nobody would see the answers to commands
     * read in a one-shot run, and a running instance may be polling the same bot). By default the same as
     * {@link #start()}.
     */
    default void startForDelivery() {
        start();
    }

    /**
     * Stops answering commands, keeping what delivery needs (another instance on the same database took the
     * commands over, see {@link CommandLeases}). By default nothing to stop.
     */
    default void stopCommands() {
    }

    /**
     * @return whether every instance answers the commands that reach it, so {@link CommandLeases} leaves this
     *         platform alone and simply {@linkplain #start() starts} it (Discord with shards: each instance gets
     *         only its own shards' interactions). By default {@code false}: one instance at a time answers
     */
    default boolean ownsItsCommands() {
        return false;
    }

    /**
     * @return {@code UP} when connected (or able to deliver), {@code DOWN} while the platform cannot be reached,
     *         for {@code /health}; never {@code OFF} (that is a platform without a service)
     */
    Health.ChatState state();

    /** Stops answering commands and releases connections, promptly; never throws. */
    @Override
    void close();
}
