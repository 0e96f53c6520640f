package newsalert.feed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.filter.Filters;

/**
 * Finds the item that a truncated feed cut short, and leaves it out of the repaired document.
 *
 * <p>The rule: in the text as received, the last start tag of an item ({@code <item>}, {@code <entry>}, with or
 * without a namespace prefix) has no end tag after it, so {@link XmlRepair} had to close it; and the repaired
 * document holds more items than the text has end tags, so its last item is that one. Then the last item of the
 * document is detached. A feed cut between items, or cut inside a start tag the repair dropped, loses nothing.
 */
final class TruncatedItem {
    private static final Pattern START = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?(?:item|entry)(?=[\\s>])");
    private static final Pattern END = Pattern.compile("</(?:[A-Za-z_][\\w.-]*:)?(?:item|entry)\\s*>");

    private TruncatedItem() {
    }

    /**
     * @param text     the feed text before the repair
     * @param repaired the document the repair made of it; its last item is detached when it was cut
     * @return whether an item was left out
     */
    static boolean leaveOut(String text, Document repaired) {
        int lastStart = -1;
        Matcher start = START.matcher(text);
        while (start.find()) {
            lastStart = start.start();
        }
        if (lastStart < 0) {
            return false;
        }
        int ends = 0;
        int lastEnd = -1;
        Matcher end = END.matcher(text);
        while (end.find()) {
            ends++;
            lastEnd = end.start();
        }
        if (lastEnd > lastStart) {
            return false;
        }
        Element last = null;
        int items = 0;
        for (Element e : repaired.getRootElement().getDescendants(Filters.element())) {
            if (e.getName().equals("item") || e.getName().equals("entry")) {
                items++;
                last = e;
            }
        }
        if (last == null || items <= ends) {
            return false;
        }
        last.detach();
        return true;
    }
}
