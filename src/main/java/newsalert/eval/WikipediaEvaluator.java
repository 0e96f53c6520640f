package newsalert.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import newsalert.story.Assessment;
import newsalert.story.CasualtyCount;
import newsalert.story.Story;

/**
 * Scores killed and injured counts on the Wikipedia incident list: JSON Lines with string fields
 * {@code Year, Category, Country, Perpetrator, Injured, Dead, Description}. The description is the
 * story body (title empty). A row is right when the extracted count's {@code min} equals the coded
 * figure (and {@code max} is unset or equal; the qualifier is ignored); a coded 0 is also right when
 * nothing is extracted. Ratios: {@code killed.all}, {@code killed.stated} (only rows whose coded
 * figure the description {@link NumberStated states}, plus the rows coded 0, which need no number in
 * the text), {@code injured.all}, {@code injured.stated}.
 * Misses are named {@code line N}. Other fields are ignored (the list is not ours); a leading byte-order
 * mark is skipped; bad JSON, a repeated key or text after the object is an error (see {@link JsonLine}).
 */
public final class WikipediaEvaluator {
    private WikipediaEvaluator() {
    }

    /**
     * @param file   the incident file
     * @param assess the analysis under test
     * @return the figures, named {@code wikipedia}
     * @throws EvalInputException when the file cannot be read or a line lacks a numeric Dead/Injured or a
     *                            Description (the message names the line)
     */
    public static EvalReport evaluate(Path file, Function<Story, Assessment> assess) {
        List<String> lines = InputText.lines(file);
        Tally killedAll = new Tally();
        Tally killedStated = new Tally();
        Tally injuredAll = new Tally();
        Tally injuredStated = new Tally();
        int rows = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            JsonNode n;
            try {
                n = JsonLine.object(lines.get(i));
            } catch (IllegalArgumentException e) {
                throw new EvalInputException(where + e.getMessage(), true);
            }
            String body = field(n, "Description", where);
            int dead = number(n, "Dead", where);
            int injured = number(n, "Injured", where);
            rows++;
            String id = "line " + (i + 1);
            Assessment a = assess.apply(new Story("wikipedia-" + (i + 1), "wikipedia", "", null, null, body));
            score(killedAll, killedStated, id, body, dead, a.casualties().killed());
            score(injuredAll, injuredStated, id, body, injured, a.casualties().injured());
        }
        if (rows == 0) {
            throw new EvalInputException(file + ": no rows");
        }
        return new EvalReport("wikipedia", rows, List.of(killedAll.ratio("killed.all"),
                killedStated.ratio("killed.stated"), injuredAll.ratio("injured.all"),
                injuredStated.ratio("injured.stated")), java.util.Map.of());
    }

    private static void score(Tally all, Tally stated, String id, String body, int want, CasualtyCount got) {
        boolean right = got == null ? want == 0
                : got.min() == want && (got.max() == null || got.max() == want);
        String g = Matching.show(got);
        all.add(right, id, Integer.toString(want), g);
        if (want == 0 || NumberStated.stated(body, want)) {
            stated.add(right, id, Integer.toString(want), g);
        }
    }

    private static String field(JsonNode n, String key, String where) {
        JsonNode v = n == null ? null : n.get(key);
        if (v == null || !v.isTextual()) {
            throw new EvalInputException(where + "'" + key + "' must be a string", true);
        }
        return v.asText();
    }

    private static int number(JsonNode n, String key, String where) {
        String s = field(n, key, where).trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new EvalInputException(where + "'" + key + "' is not a whole number: '" + s + "'", true);
        }
    }
}
