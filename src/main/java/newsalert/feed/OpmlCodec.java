package newsalert.feed;

import java.time.Instant;
import java.util.List;
import newsalert.command.FeedListCodec;

/** The chat commands' feed-list files as OPML 2.0, through {@link Opml}. Thread-safe. */
public final class OpmlCodec implements FeedListCodec {

    @Override
    public String extension() {
        return "opml";
    }

    @Override
    public String mediaType() {
        return Opml.MEDIA_TYPE;
    }

    /** @return an OPML 2.0 document titled "newsalert feeds", one outline per URL (titled by the URL) */
    @Override
    public byte[] write(List<String> urls, Instant now) {
        return Opml.write("newsalert feeds", urls.stream().map(u -> new Opml.Outline(u, "")).toList(), now);
    }

    /** @return as {@link #write}, each outline with its {@code newsalert:interval} when the feed has one */
    @Override
    public byte[] writeEntries(List<Entry> feeds, Instant now) {
        return Opml.write("newsalert feeds", feeds.stream().map(f -> new Opml.Outline(f.url(), "", f.interval()))
                .toList(), now);
    }

    /** @throws IllegalArgumentException with {@link Opml#read}'s plain reason when the file is refused */
    @Override
    public List<Entry> readEntries(byte[] file) {
        try {
            return Opml.read(file).stream().map(o -> new Entry(o.url(), o.interval())).toList();
        } catch (FeedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException with {@link Opml#read}'s plain reason when the file is refused */
    @Override
    public List<String> read(byte[] file) {
        try {
            return Opml.read(file).stream().map(Opml.Outline::url).toList();
        } catch (FeedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
