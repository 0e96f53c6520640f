package newsalert.eval;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import newsalert.story.Assessment;
import newsalert.story.Story;

/** Fixture files under {@code src/test/resources/eval/fixtures} and a canned "analysis" for them. */
final class EvalFixtures {
    private EvalFixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(EvalFixtures.class.getResource("/eval/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("fixture missing: " + name, e);
        }
    }

    /**
     * An analysis that answers from a file in the labelled format, matched by story id: topics, casualties
     * and quotes as written; {@code alert} is true when the tags hold "alert". Unknown ids get nothing.
     */
    static Function<Story, Assessment> canned(String outputsFixture) {
        Map<String, LabeledItem> byId = new HashMap<>();
        LabeledReader.read(path(outputsFixture)).forEach(i -> byId.put(i.id(), i));
        return story -> {
            LabeledItem o = byId.get(story.id());
            if (o == null) {
                return new Assessment(java.util.Set.of(), 0, List.of(), null, List.of(), false);
            }
            boolean alert = o.tags().contains("alert");
            return new Assessment(o.topics(), alert ? 50 : 0, List.of(), o.casualties(), o.quotes(), alert);
        };
    }

    /** An analysis keyed by story body: returns {@code answers.get(body)} or an empty assessment. */
    static Function<Story, Assessment> byBody(Map<String, Assessment> answers) {
        return story -> answers.getOrDefault(story.body(),
                new Assessment(java.util.Set.of(), 0, List.of(), null, List.of(), false));
    }
}
