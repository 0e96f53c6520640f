package newsalert.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import newsalert.story.Assessment;
import newsalert.story.Story;

/**
 * Measures alerts on AG News (see {@link AgNewsCsv} for the format). Ratios (alerts / rows):
 * {@code false-alerts} over all non-World rows (classes 2–4, none of which should alert), then
 * {@code false-alerts.sports}, {@code false-alerts.business}, {@code false-alerts.sci-tech}, and
 * {@code alerts.world} for class 1 (for information: World news may rightly alert; no cases listed). The
 * listed cases of the non-World ratios are the false alerts, named {@code line N}. The file is read by
 * {@link InputText} (UTF-8, a leading byte-order mark skipped).
 */
public final class AgNewsEvaluator {
    private static final String[] CLASS_NAMES = {"", "world", "sports", "business", "sci-tech"};

    private AgNewsEvaluator() {
    }

    /**
     * @param file   the CSV file
     * @param assess the analysis under test
     * @return the figures, named {@code ag-news}
     * @throws EvalInputException when the file cannot be read or a line is bad (the message names it)
     */
    public static EvalReport evaluate(Path file, Function<Story, Assessment> assess) {
        List<String> lines = InputText.lines(file);
        Tally nonWorld = new Tally();
        Tally[] perClass = {null, new Tally(), new Tally(), new Tally(), new Tally()};
        int rows = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            AgNewsCsv.Row row;
            try {
                row = AgNewsCsv.parse(lines.get(i));
            } catch (IllegalArgumentException e) {
                throw new EvalInputException(file + ":" + (i + 1) + ": " + e.getMessage(), true);
            }
            rows++;
            Assessment a = assess.apply(new Story("ag-" + (i + 1), "ag-news", row.title(), null, null,
                    row.description()));
            String id = "line " + (i + 1);
            if (!a.alert()) {
                perClass[row.cls()].pass();
                if (row.cls() != 1) {
                    nonWorld.pass();
                }
                continue;
            }
            String got = "alert " + a.topics().stream().map(t -> t.wireName()).sorted().toList()
                    + " severity " + a.severity() + ": " + row.title();
            if (row.cls() == 1) {
                perClass[1].count();
            } else {
                perClass[row.cls()].hit(id, "no alert (" + CLASS_NAMES[row.cls()] + ")", got);
                nonWorld.hit(id, "no alert (" + CLASS_NAMES[row.cls()] + ")", got);
            }
        }
        if (rows == 0) {
            throw new EvalInputException(file + ": no rows");
        }
        List<Ratio> ratios = new ArrayList<>();
        ratios.add(nonWorld.ratio("false-alerts"));
        for (int c = 2; c <= 4; c++) {
            ratios.add(perClass[c].ratio("false-alerts." + CLASS_NAMES[c]));
        }
        ratios.add(perClass[1].ratio("alerts.world"));
        return new EvalReport("ag-news", rows, ratios, Map.of());
    }
}
