package newsalert.pipeline;

import newsalert.story.Assessment;
import newsalert.story.Story;

/** Where alerts go: the console now; chat platforms through the outbox later. */
public interface AlertSink {
    /**
     * Delivers one alert.
     *
     * @param story      the story
     * @param assessment its assessment (topics, counts, quotes)
     * @throws Exception when delivery failed; the alert stays queued and is tried again next cycle
     */
    void deliver(Story story, Assessment assessment) throws Exception;
}
