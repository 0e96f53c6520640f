package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema 23 (issue 19 item 5): chat commands are confirmed only once handled, and their replies go through the
 * outbox.
 *
 * <ul>
 *   <li>{@code command_offset}: per source (a bot account, {@code telegram:<bot id>}), the next update id to ask
 *       for (Telegram's {@code getUpdates} offset): every update below it was handled. Any instance that takes over
 *       long polling starts from it.</li>
 *   <li>{@code command_update}: the updates at or above that offset that were handled already (their replies
 *       queued in the same transaction), so that an update the platform sends again is never answered twice.
 *       Rows below the stored offset are deleted as it rises.</li>
 *   <li>{@code outbox.note} becomes unbounded text on PostgreSQL: a command reply (and a daily brief part) is up
 *       to 4,096 characters, above the 1,024 of V7/V10. SQLite does not enforce a VARCHAR's length, so nothing
 *       changes there.</li>
 * </ul>
 * Written in Java because the two databases need different statements for the last change.
 */
public class V23__command_updates extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection conn = context.getConnection();
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE command_offset (source VARCHAR(128) PRIMARY KEY,"
                    + " next_update_id BIGINT NOT NULL, updated_at BIGINT NOT NULL)");
            st.execute("CREATE TABLE command_update (source VARCHAR(128) NOT NULL, update_id BIGINT NOT NULL,"
                    + " handled_at BIGINT NOT NULL, PRIMARY KEY (source, update_id))");
            String product = conn.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (!product.contains("sqlite")) {
                st.execute("ALTER TABLE outbox ALTER COLUMN note TYPE TEXT");
            }
        }
    }
}
