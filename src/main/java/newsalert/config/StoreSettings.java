package newsalert.config;

/**
 * Storage.
 *
 * @param url      JDBC URL ({@code store.url}, env {@code NEWSALERT_STORE_URL}); default
 *                 {@code jdbc:sqlite:data/newsalert.db}, whose folder is created on first run; or a PostgreSQL
 *                 database, {@code jdbc:postgresql://host[:port]/database}
 * @param user     the database user ({@code store.user}, env {@code NEWSALERT_STORE_USER}); {@code null} for
 *                 SQLite
 * @param password the database password ({@code store.password}, env {@code NEWSALERT_STORE_PASSWORD} or the
 *                 file named by {@code NEWSALERT_STORE_PASSWORD_FILE}, which win); {@code null} for none. A
 *                 secret: {@link #toString()} hides it
 */
public record StoreSettings(String url, String user, String password) {

    /** @return the URL fit for a log line or a message: without its query part, where a password could stand */
    public String shownUrl() {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + shownUrl() + ", user=" + user + ", password="
                + (password == null || password.isEmpty() ? "(none)" : "(set)") + "]";
    }
}
