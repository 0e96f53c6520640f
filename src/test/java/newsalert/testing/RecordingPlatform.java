package newsalert.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.SendResult;
import newsalert.store.OutboxItem;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;

/**
 * A fake chat platform for delivery tests that may be called from several sender threads at once: every send is
 * noted (the chat and the story id, in call order) and answered by the given function, {@code null} meaning
 * accepted with a fresh message id ({@code m1}, {@code m2} …). Edits are accepted under the same id, replies and
 * digests with fresh ids (not noted).
 */
public final class RecordingPlatform implements ChatPlatform {
    private final Platform platform;
    private final int concurrentSends;
    private final BiFunction<Target, Story, SendResult> answer;
    private final List<Target> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<Target, List<String>> stories = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /**
     * @param concurrentSends what {@link #concurrentSends()} answers
     * @param answer          the answer to each send; returning {@code null} accepts it
     */
    public RecordingPlatform(Platform platform, int concurrentSends, BiFunction<Target, Story, SendResult> answer) {
        this.platform = platform;
        this.concurrentSends = concurrentSends;
        this.answer = answer;
    }

    /** @return a platform that accepts every send, one at a time */
    public static RecordingPlatform accepting(Platform platform) {
        return new RecordingPlatform(platform, 1, (target, story) -> null);
    }

    /** @return the chats sent to, one entry per send, in call order */
    public List<Target> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** @return the story ids sent to the target, in call order */
    public List<String> storiesTo(Target target) {
        List<String> list = stories.getOrDefault(target, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public int concurrentSends() {
        return concurrentSends;
    }

    @Override
    public SendResult send(Target target, Story story, Assessment assessment) {
        calls.add(target);
        stories.computeIfAbsent(target, t -> Collections.synchronizedList(new ArrayList<>())).add(story.id());
        SendResult result = answer.apply(target, story);
        return result != null ? result : new SendResult.Sent("m" + ids.incrementAndGet());
    }

    @Override
    public SendResult sendDigest(Target target, List<OutboxItem> items) {
        return new SendResult.Sent("m" + ids.incrementAndGet());
    }

    @Override
    public SendResult reply(Target target, String messageId, String text) {
        return new SendResult.Sent("m" + ids.incrementAndGet());
    }

    @Override
    public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
        return new SendResult.Sent(messageId);
    }
}
