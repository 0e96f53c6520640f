package newsalert.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import newsalert.story.Quote;

/**
 * De-duplicates quotes across an event's stories.
 *
 * <p>Rule: two quotes are the same when their speakers match — equal after lower-casing and dropping
 * a leading "the", or one speaker's last word equals the other's last word ("Fedorov" and "Ivan Fedorov")
 * — and their texts are near the same: after lower-casing and keeping only letters and digits, one
 * contains the other, or their word sets overlap by at least 80 % (Jaccard). The first telling is kept
 * (stories in the order they joined, quotes in text order) and completed in place from the later one: the
 * longer text, the longer speaker name ("Ivan Fedorov" over "Fedorov"), the first role stated.
 */
public final class QuoteMerge {
    private QuoteMerge() {
    }

    /**
     * @param quotes all quotes of the event's stories, stories in join order
     * @return the de-duplicated quotes
     */
    public static List<Quote> merge(List<Quote> quotes) {
        List<Quote> out = new ArrayList<>();
        mergeInto(out, quotes);
        return out;
    }

    /**
     * Merges more quotes into an already merged list, in place: {@code merge(a ++ b)} equals
     * {@code mergeInto(merge(a), b)}, so an event can take its stories' quotes one story at a time.
     *
     * @param out    a merged list ({@link #merge}'s result, mutable)
     * @param quotes the next quotes, in order
     */
    static void mergeInto(List<Quote> out, List<Quote> quotes) {
        outer:
        for (Quote q : quotes) {
            for (int i = 0; i < out.size(); i++) {
                Quote kept = out.get(i);
                if (sameSpeaker(kept.speaker(), q.speaker()) && sameText(kept.text(), q.text())) {
                    out.set(i, fuller(kept, q));
                    continue outer;
                }
            }
            out.add(q);
        }
    }

    /** The longer text, the longer speaker name, the first role stated; evidence goes with the text. */
    private static Quote fuller(Quote kept, Quote later) {
        Quote text = later.text().length() > kept.text().length() ? later : kept;
        String speaker = later.speaker().length() > kept.speaker().length() ? later.speaker() : kept.speaker();
        String role = kept.role() != null ? kept.role() : later.role();
        return new Quote(speaker, role, text.text(), text.evidence());
    }

    static boolean sameSpeaker(String a, String b) {
        String x = speaker(a);
        String y = speaker(b);
        if (x.equals(y)) {
            return true;
        }
        return lastWord(x).equals(lastWord(y)) && !lastWord(x).isEmpty();
    }

    static boolean sameText(String a, String b) {
        String x = letters(a);
        String y = letters(b);
        if (x.isEmpty() || y.isEmpty()) {
            return x.equals(y);
        }
        if (x.contains(y) || y.contains(x)) {
            return true;
        }
        Set<String> wa = new HashSet<>(List.of(x.split(" ")));
        Set<String> wb = new HashSet<>(List.of(y.split(" ")));
        Set<String> union = new HashSet<>(wa);
        union.addAll(wb);
        wa.retainAll(wb);
        return wa.size() >= 0.8 * union.size();
    }

    private static String speaker(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('’', '\'');
        return t.startsWith("the ") ? t.substring(4) : t;
    }

    private static String lastWord(String s) {
        int sp = s.lastIndexOf(' ');
        return sp < 0 ? s : s.substring(sp + 1);
    }

    private static String letters(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(Character.toLowerCase(c));
                space = false;
            } else {
                space = true;
            }
        }
        return sb.toString();
    }
}
