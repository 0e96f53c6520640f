package newsalert.config;

/**
 * Storage.
 *
 * @param url JDBC URL ({@code store.url}, env {@code NEWSALERT_STORE_URL}); default
 *            {@code jdbc:sqlite:data/newsalert.db}, whose folder is created on first run
 */
public record StoreSettings(String url) {
}
