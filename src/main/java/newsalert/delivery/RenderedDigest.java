package newsalert.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of a digest rendered before its first try ({@link ChatPlatform#renderDigest}): named text
 * parts (e.g. Telegram's HTML and its plain fallback, Discord's embed JSON and its plain text) and the loudness
 * decided then. Encoding: a version line {@code digest/1}, then per part {@code name length\n} followed by exactly
 * {@code length} characters. The codec is the adapters' shared helper; the store keeps the text as it is.
 *
 * @param silent  whether the digest goes without a notification
 * @param mention the mention that leads it (Discord), or {@code null}
 * @param parts   the rendered parts by name, in the adapter's order; no name holds a space or a line break
 */
public record RenderedDigest(boolean silent, String mention, Map<String, String> parts) {
    private static final String VERSION = "digest/1";

    public RenderedDigest {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** @return the part, or {@code null} when it was not rendered */
    public String part(String name) {
        return parts.get(name);
    }

    /** @return this digest as text, for {@link newsalert.store.SubscriptionStore#fixDigest(long, java.util.List, String)} */
    public String encode() {
        StringBuilder sb = new StringBuilder(VERSION).append('\n');
        append(sb, "silent", Boolean.toString(silent));
        if (mention != null) {
            append(sb, "mention", mention);
        }
        parts.forEach((name, text) -> {
            if (text != null) {
                append(sb, "part." + name, text);
            }
        });
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, String text) {
        sb.append(name).append(' ').append(text.length()).append('\n').append(text);
    }

    /**
     * @param text what {@link #encode} wrote
     * @return the digest; empty when the text is not one (another version, cut short)
     */
    public static Optional<RenderedDigest> decode(String text) {
        if (text == null || !text.startsWith(VERSION + "\n")) {
            return Optional.empty();
        }
        int at = VERSION.length() + 1;
        boolean silent = false;
        String mention = null;
        Map<String, String> parts = new LinkedHashMap<>();
        while (at < text.length()) {
            int eol = text.indexOf('\n', at);
            int space = eol < 0 ? -1 : text.lastIndexOf(' ', eol);
            if (space < at) {
                return Optional.empty();
            }
            int length;
            try {
                length = Integer.parseInt(text.substring(space + 1, eol));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (length < 0 || eol + 1 + length > text.length()) {
                return Optional.empty();
            }
            String name = text.substring(at, space);
            String value = text.substring(eol + 1, eol + 1 + length);
            if (name.equals("silent")) {
                silent = Boolean.parseBoolean(value);
            } else if (name.equals("mention")) {
                mention = value;
            } else if (name.startsWith("part.")) {
                parts.put(name.substring(5), value);
            }
            at = eol + 1 + length;
        }
        return Optional.of(new RenderedDigest(silent, mention, parts));
    }
}
