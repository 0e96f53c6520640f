package newsalert.testing;

import java.util.List;
import newsalert.store.NewsStore;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Target;

/** The console target's outbox rows: what the console prints next (the global alerts, their edits, replies). */
public final class ConsoleRows {
    private ConsoleRows() {
    }

    /** @return the console's pending rows, in id order */
    public static List<OutboxItem> pending(NewsStore store) {
        return ((JdbcNewsStore) store).subscriptions().pendingOutbox(Target.CONSOLE, 1000);
    }

    /** @return the story ids of the console's pending new-alert rows, in id order */
    public static List<String> pendingAlerts(NewsStore store) {
        return pending(store).stream().filter(o -> o.kind() == OutboxKind.SEND).map(o -> o.story().id()).toList();
    }
}
