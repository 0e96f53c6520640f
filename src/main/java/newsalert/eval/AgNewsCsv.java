package newsalert.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AG News CSV: one row per line, {@code "class_index","title","description"}, fields in
 * double quotes with {@code ""} standing for one quote. Text clean-up: a backslash (the corpus's line
 * break) becomes a space; {@code &lt; &gt; &amp; &quot;} are decoded; the corpus's bare numeric
 * entities {@code #N;} are decoded ({@code #36;} is {@code $}, {@code " #39;"} an apostrophe that eats
 * the space before it, 145–151 the Windows-1252 quotes and dashes).
 */
final class AgNewsCsv {
    private static final Pattern ENTITY = Pattern.compile(" ?#(\\d{1,5});");

    /**
     * @param cls         class index 1–4 (1 World, 2 Sports, 3 Business, 4 Sci/Tech)
     * @param title       the cleaned title
     * @param description the cleaned description
     */
    record Row(int cls, String title, String description) {
    }

    private AgNewsCsv() {
    }

    /**
     * @param line one CSV line
     * @return the row
     * @throws IllegalArgumentException when the line is not three quoted fields with a class 1–4
     */
    static Row parse(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '"') {
                throw new IllegalArgumentException("field " + (fields.size() + 1) + " does not start with a quote");
            }
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                if (i >= line.length()) {
                    throw new IllegalArgumentException("unclosed quote in field " + (fields.size() + 1));
                }
                char c = line.charAt(i);
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i += 2;
                } else if (c == '"') {
                    i++;
                    break;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            fields.add(sb.toString());
            if (i < line.length()) {
                if (line.charAt(i) != ',') {
                    throw new IllegalArgumentException("expected a comma after field " + fields.size());
                }
                i++;
            }
        }
        if (fields.size() != 3) {
            throw new IllegalArgumentException("expected 3 fields, found " + fields.size());
        }
        int cls;
        try {
            cls = Integer.parseInt(fields.get(0).trim());
        } catch (NumberFormatException e) {
            cls = 0;
        }
        if (cls < 1 || cls > 4) {
            throw new IllegalArgumentException("class must be 1-4: '" + fields.get(0) + "'");
        }
        return new Row(cls, clean(fields.get(1)), clean(fields.get(2)));
    }

    /** @return the text with the corpus escapes decoded and whitespace collapsed */
    static String clean(String s) {
        String t = s.replace('\\', ' ').replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
        Matcher m = ENTITY.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int code = Integer.parseInt(m.group(1));
            String keepSpace = m.group().startsWith(" ") && code != 39 ? " " : "";
            m.appendReplacement(sb, Matcher.quoteReplacement(keepSpace + decode(code)));
        }
        m.appendTail(sb);
        return sb.toString().replaceAll("\\s+", " ").trim();
    }

    private static String decode(int code) {
        return switch (code) {
            case 145, 146 -> "'";
            case 147, 148 -> "\"";
            case 150 -> "–";
            case 151 -> "—";
            default -> code < 32 || code > 0xFFFF ? " " : String.valueOf((char) code);
        };
    }
}
