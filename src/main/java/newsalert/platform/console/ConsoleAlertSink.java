package newsalert.platform.console;

import java.io.PrintWriter;
import newsalert.pipeline.AlertSink;
import newsalert.story.Assessment;
import newsalert.story.Story;

/** Prints each alert with {@link AlertText}, followed by a blank line, and flushes. */
public final class ConsoleAlertSink implements AlertSink {
    private final PrintWriter out;

    /** @param out where to print (normally standard output) */
    public ConsoleAlertSink(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void deliver(Story story, Assessment assessment) {
        synchronized (out) {
            out.print(AlertText.render(story, assessment));
            out.println();
            out.flush();
        }
    }
}
