package newsalert.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import newsalert.command.CommandRegistry;
import newsalert.command.FeedAddChecks;
import newsalert.command.FeedImports;
import newsalert.feed.OpmlCodec;
import newsalert.metrics.Metrics;
import newsalert.platform.discord.DurableReplies;
import newsalert.store.jdbc.JdbcNewsStore;

/** Builds the chat services whose tokens are configured, sharing one command registry over the store. */
final class ChatServices {
    private ChatServices() {
    }

    /**
     * @return the configured platforms, not started; empty when no chat token is set (alerts then go to the
     *         console)
     * @throws IllegalArgumentException when a platform's settings are malformed
     */
    static List<ChatService> create(Wiring wiring, JdbcNewsStore store, Clock clock) {
        return create(wiring, store, clock, Metrics.NOOP);
    }

    /** @param metrics records every command the platforms run ({@link CommandRegistry#recordingTo}) */
    static List<ChatService> create(Wiring wiring, JdbcNewsStore store, Clock clock, Metrics metrics) {
        return create(wiring, store, clock, metrics, () -> { });
    }

    /**
     * @param wakeDelivery asks the delivery worker for a round; Telegram's command replies are queued in the outbox
     *                     (issue 19) and call it right after
     */
    static List<ChatService> create(Wiring wiring, JdbcNewsStore store, Clock clock, Metrics metrics,
                                    Runnable wakeDelivery) {
        return create(wiring, store, clock, metrics, wakeDelivery, null);
    }

    /**
     * @param owner the run's id: {@code feeds add} checks handed over are kept under it until answered
     *              ({@link FeedAddCheckSweep}); {@code null} keeps none
     */
    static List<ChatService> create(Wiring wiring, JdbcNewsStore store, Clock clock, Metrics metrics,
                                    Runnable wakeDelivery, String owner) {
        List<ChatService> out = new ArrayList<>();
        CommandRegistry registry = registry(wiring, store, clock, owner).recordingTo(metrics);
        if (wiring.config().telegram().enabled()) {
            out.add(TelegramService.create(wiring.config().telegram(), registry, clock, store.commandUpdates(),
                    wakeDelivery));
        }
        if (wiring.config().discord().enabled()) {
            // each slash command's answer is kept until Discord accepted it; one its interaction could not carry
            // goes to the channel through the outbox
            DurableReplies replies = new DurableReplies(store.interactionReplies(),
                    owner != null ? owner : InstanceId.create(), clock,
                    wakeDelivery != null ? wakeDelivery : () -> { });
            out.add(DiscordService.create(wiring.config().discord(), registry, clock, replies));
        }
        return out;
    }

    /**
     * @return the standard commands over the store, with feed checks through the chat-feed reader and {@code feeds
     *         import} and {@code feeds add}'s checks on their own threads ({@link FeedImports#background()},
     *         {@link FeedAddChecks#background()})
     */
    static CommandRegistry registry(Wiring wiring, JdbcNewsStore store, Clock clock) {
        return registry(wiring, store, clock, null);
    }

    /** @param owner the run's id, under which handed-over {@code feeds add} checks are kept, or {@code null} */
    static CommandRegistry registry(Wiring wiring, JdbcNewsStore store, Clock clock, String owner) {
        return CommandRegistry.standard(store.subscriptions(), store.queries(), store.chatFeeds(),
                new FetchingFeedCheck(wiring.chatFeedReader(), clock), wiring.addressPolicy(), new OpmlCodec(),
                new StoredFeedStatus(store, store.chatFeeds(), wiring.config().poll().interval(),
                        wiring.config().poll().minInterval()),
                wiring.config().poll().maxAge(), FeedImports.background(),
                FeedAddChecks.background(owner, wiring.config().chatFeeds().addWait()));
    }
}
