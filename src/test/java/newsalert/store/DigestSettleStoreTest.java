package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.StoreKind;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SubscriptionStore#settleDigest} on both databases (issue 19 item 2): an accepted digest's member rows are
 * settled together in one transaction, so a failure midway (here a trigger that refuses the update of one member,
 * standing in for a kill or a database error between two rows) leaves every member pending, and the digest goes
 * again whole rather than in part.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class DigestSettleStoreTest {
    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final Target CHAT = Target.chat(Platform.TELEGRAM, "5550001");

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    private static List<Long> route(JdbcNewsStore store, int n) {
        for (int i = 1; i <= n; i++) {
            store.recordEntry("https://wire.test/rss", Stories.story("s" + i, "Story " + i, T0), Stories.attack(true),
                    false, T0, List.of(CHAT));
        }
        return store.subscriptions().pendingOutbox(CHAT, 20).stream().map(OutboxItem::id).toList();
    }

    @Test
    void everyPendingMemberIsSettledDroppedWithTheDigestsMessageId() throws Exception {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            List<Long> ids = route(store, 5);
            SubscriptionStore subs = store.subscriptions();
            subs.fixDigest(ids.get(0), ids.subList(0, 4), "Digest: 4 alerts");
            subs.settle(ids.get(2), OutboxStatus.FAILED, "unsubscribed meanwhile");

            // members given out of order: settled all the same, the one no longer pending left as it was
            assertThat(subs.settleDigest(List.of(ids.get(3), ids.get(0), ids.get(2), ids.get(1)), "777")).isEqualTo(3);

            assertThat(subs.pendingOutbox(CHAT, 20)).extracting(OutboxItem::id).containsExactly(ids.get(4));
            assertThat(rows()).containsExactly("dropped: merged into digest message 777",
                    "dropped: merged into digest message 777", "failed: unsubscribed meanwhile",
                    "dropped: merged into digest message 777", "pending: null");

            assertThat(subs.settleDigest(ids.subList(0, 4), "778")).as("settled already: nothing again").isZero();
        }
    }

    @Test
    void aFailureMidwayLeavesNoMemberSettled() throws Exception {
        try (JdbcNewsStore store = JdbcNewsStore.open(kind.url(dir))) {
            List<Long> ids = route(store, 4);
            SubscriptionStore subs = store.subscriptions();
            subs.fixDigest(ids.get(0), ids, "Digest: 4 alerts");
            refuseUpdatesOf(ids.get(2)); // the third member's update fails, after two were settled in the transaction

            assertThatThrownBy(() -> subs.settleDigest(ids, "901")).isInstanceOf(StoreException.class);

            assertThat(subs.pendingOutbox(CHAT, 20)).as("all four still pending, still one digest")
                    .extracting(OutboxItem::id, OutboxItem::digestId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ids.get(0), ids.get(0)),
                            org.assertj.core.groups.Tuple.tuple(ids.get(1), ids.get(0)),
                            org.assertj.core.groups.Tuple.tuple(ids.get(2), ids.get(0)),
                            org.assertj.core.groups.Tuple.tuple(ids.get(3), ids.get(0)));
        }
    }

    /** @return the chat's outbox rows in id order, as "status: last error" */
    private List<String> rows() throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection conn = DriverManager.getConnection(kind.url(dir)); Statement st = conn.createStatement();
             var rs = st.executeQuery("SELECT status, last_error FROM outbox WHERE chat_id = '"
                     + CHAT.chatId() + "' ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + ": " + rs.getString(2));
            }
        }
        return rows;
    }

    /** A trigger on the test's database that makes any update of outbox row {@code id} fail. */
    private void refuseUpdatesOf(long id) throws Exception {
        try (Connection conn = DriverManager.getConnection(kind.url(dir)); Statement st = conn.createStatement()) {
            if (kind == StoreKind.SQLITE) {
                st.execute("CREATE TRIGGER refuse_one BEFORE UPDATE ON outbox WHEN OLD.id = " + id
                        + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
            } else {
                st.execute("CREATE FUNCTION refuse_one() RETURNS trigger AS $$ BEGIN"
                        + " RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql");
                st.execute("CREATE TRIGGER refuse_one BEFORE UPDATE ON outbox FOR EACH ROW WHEN (OLD.id = " + id
                        + ") EXECUTE FUNCTION refuse_one()");
            }
        }
    }
}
