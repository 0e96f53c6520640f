package newsalert.event;

/**
 * What {@link JoinRule#score(StoryFeatures, java.util.Set, int, java.time.Instant, EventState, JoinTrace)}
 * computed for one story and one candidate event, kept only when {@code scan --explain} asks: the rule
 * that decided and the numbers it compared. Fields a check did not reach keep their initial values
 * (NaN for numbers).
 */
final class JoinTrace {
    /** The checks of the join rule, in the order they are made; {@link #PASSED} when all held. */
    enum Stage { TIME, KIND, PLACE, SECOND_HAPPENING, WEEKDAY, WORDING, WORDING_WITHOUT_NAMES, PASSED }

    /** The check that refused the story, or {@link Stage#PASSED}. */
    Stage stage = Stage.PASSED;
    /** Hours between the event's first story and the story (absolute value). */
    double hours = Double.NaN;
    /** What the time since the first story added to the bar, 0–0.3. */
    double timePenalty = Double.NaN;
    /** Whether both name weekdays and none is shared. */
    boolean otherWeekday;
    /** Whether one of story and event has no topic (the kind does not decide; +0.05). */
    boolean unknownKind;
    /** +1 when the story's toll is much lower (+0.15), -1 when it is the same or rising (-0.05), else 0. */
    int toll;
    /** The similarity the story needed, 0–1. */
    double need = Double.NaN;
    /** The TF-IDF similarity of title and lead, 0–1. */
    double similarity = Double.NaN;
    /** The similarity of the wording without names and places, 0–1. */
    double wording = Double.NaN;
    /** Why {@link SeparateReportRule#secondHappening} vetoed the story, when it did. */
    final StringBuilder secondHappening = new StringBuilder();

    /** @return -1 after recording that {@code s} refused the story */
    double refuse(Stage s) {
        stage = s;
        return -1;
    }
}
