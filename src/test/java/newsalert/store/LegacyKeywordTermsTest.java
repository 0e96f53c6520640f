package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.KeywordRule;
import newsalert.subscription.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyword terms stored before the NFKC-and-case-folding normal form (issue 11 item 9) read back in that form and
 * can be removed by any spelling with the same normal form.
 */
class LegacyKeywordTermsTest {
    @TempDir
    Path dir;

    @Test
    void aTermStoredInTheOldFormIsListedAndRemovedInTheNewOne() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("k.db");
        try (JdbcNewsStore store = JdbcNewsStore.open(url)) {
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                // the old normal form only lower-cased: "Straße" and fullwidth "ＫＹＩＶ" were kept as typed
                st.executeUpdate("INSERT INTO keyword_rule (platform, chat_id, term, kind, created_at) VALUES"
                        + " ('telegram', '-100', 'straße', 'include', 0), ('telegram', '-100', 'ｋｙｉｖ', 'exclude', 0)");
            }
            SubscriptionStore subs = store.subscriptions();
            assertThat(subs.keywordRules(Platform.TELEGRAM, "-100")).extracting(KeywordRule::term)
                    .containsExactly("strasse", "kyiv");
            assertThat(subs.removeKeywordRule(Platform.TELEGRAM, "-100", "STRASSE")).isTrue();
            assertThat(subs.removeKeywordRule(Platform.TELEGRAM, "-100", "Kyiv")).isTrue();
            assertThat(subs.removeKeywordRule(Platform.TELEGRAM, "-100", "Kyiv")).isFalse();
            assertThat(subs.keywordRules(Platform.TELEGRAM, "-100")).isEmpty();
        }
    }
}
