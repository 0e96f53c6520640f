package newsalert.feed;

import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;

/**
 * Finds an entry's picture among what the feed itself says, without fetching anything: the first of
 * <ol>
 *   <li>a Media RSS {@code media:content} that is an image ({@code medium="image"}, an {@code image/*} type, or
 *       neither medium nor type and a URL ending in a picture extension), directly or inside {@code media:group};
 *   </li>
 *   <li>a Media RSS {@code media:thumbnail};</li>
 *   <li>an RSS {@code enclosure} or Atom {@code link rel="enclosure"} of an {@code image/*} type.</li>
 * </ol>
 * The URL is made absolute against the given bases ({@link Links}) and kept only when it is http(s) and at most
 * {@value #MAX_URL} characters long; otherwise the entry has no picture.
 */
final class FeedImages {
    /** Longest picture URL kept (Telegram and Discord both refuse longer links). */
    static final int MAX_URL = 2048;
    private static final String MEDIA_NS = "http://search.yahoo.com/mrss";

    private FeedImages() {
    }

    /**
     * @param bases the entry's bases for relative URLs: the feed's link, then the feed URL
     * @return the picture's absolute URL, or {@code null} when the entry names none
     */
    static String of(SyndEntry e, String... bases) {
        List<Element> media = new ArrayList<>();
        for (Element el : e.getForeignMarkup()) {
            if (isMedia(el) && el.getName().equals("group")) {
                el.getChildren().stream().filter(FeedImages::isMedia).forEach(media::add);
            } else if (isMedia(el)) {
                media.add(el);
            }
        }
        for (Element el : media) {
            if (el.getName().equals("content") && isImage(el.getAttributeValue("medium"), el.getAttributeValue("type"),
                    el.getAttributeValue("url"))) {
                String url = usable(el.getAttributeValue("url"), bases);
                if (url != null) {
                    return url;
                }
            }
        }
        for (Element el : media) {
            if (el.getName().equals("thumbnail")) {
                String url = usable(el.getAttributeValue("url"), bases);
                if (url != null) {
                    return url;
                }
            }
        }
        for (SyndEnclosure enc : e.getEnclosures()) {
            if (imageType(enc.getType())) {
                String url = usable(enc.getUrl(), bases);
                if (url != null) {
                    return url;
                }
            }
        }
        for (SyndLink l : e.getLinks()) {
            if ("enclosure".equals(l.getRel()) && imageType(l.getType())) {
                String url = usable(l.getHref(), bases);
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
    }

    /**
     * @return the URL made absolute when it is http(s) with a host and at most {@value #MAX_URL} long, else
     *         {@code null}
     */
    static String usable(String raw, String... bases) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String url = Links.absolute(raw.strip(), bases);
        if (url == null || url.length() > MAX_URL || url.chars().anyMatch(c -> c <= ' ')) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        int rest = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
        return rest < 0 || url.length() <= rest || url.charAt(rest) == '/' ? null : url;
    }

    private static boolean isMedia(Element el) {
        String ns = el.getNamespaceURI();
        return ns != null && ns.startsWith(MEDIA_NS);
    }

    private static boolean isImage(String medium, String type, String url) {
        if (medium != null && !medium.isBlank()) {
            return medium.strip().equalsIgnoreCase("image");
        }
        if (type != null && !type.isBlank()) {
            return imageType(type);
        }
        return url != null && url.toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|gif|webp)(\\?.*)?");
    }

    private static boolean imageType(String type) {
        return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("image/");
    }
}
