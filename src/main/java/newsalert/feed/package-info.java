/**
 * Getting feeds in: {@link newsalert.feed.FeedFetcher} downloads a feed over HTTP(S) with a
 * conditional GET, a size cap and a counted redirect limit; {@link newsalert.feed.FeedParser} turns
 * the bytes (RSS 0.9x/1.0/2.0 or Atom, any common charset) into plain-text
 * {@link newsalert.story.Story} values, with XML hardened against external entities, entity bombs and
 * deep nesting, and every failure given as a plain one-line reason (no library text);
 * {@link newsalert.feed.FeedSource} reads a local file through the same parser. Rome and
 * OkHttp stay inside this package: every public method takes and returns our own records.
 */
package newsalert.feed;
