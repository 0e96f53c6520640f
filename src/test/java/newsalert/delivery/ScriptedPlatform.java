package newsalert.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import newsalert.store.OutboxItem;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;

/** A fake chat platform: answers sends and edits from a script (then "sent"), and logs every call with the clock's time. */
final class ScriptedPlatform implements ChatPlatform {
    /** One send call. */
    record Call(Target target, String storyId, Instant at) {
    }

    private final Platform platform;
    private final Clock clock;
    private final Deque<SendResult> script = new ArrayDeque<>();
    final List<Call> calls = new ArrayList<>();
    private int nextMessage = 100;
    /** The killed count (lower bound; -1 without one) each send and edit showed, in call order, by story id. */
    final List<String> killedShown = new ArrayList<>();
    /** Run once inside the next send or edit, as if it happened while that call waited for its answer. */
    private Runnable duringNextCall;
    /** Until this time every call fails as a connection error would (an outage); {@code null} for none. */
    private Instant downUntil;
    private final java.util.Set<Target> failing = new java.util.HashSet<>();

    ScriptedPlatform(Platform platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    /** Queues answers for the next sends, whichever target they go to. */
    ScriptedPlatform then(SendResult... results) {
        script.addAll(List.of(results));
        return this;
    }

    /** Runs {@code action} inside the next send or edit call, before it is answered (e.g. a toll revision). */
    ScriptedPlatform duringNextCall(Runnable action) {
        this.duringNextCall = action;
        return this;
    }

    private void shown(String what, Story story, Assessment assessment) {
        killedShown.add(what + story.id() + ":" + (assessment == null ? -1
                : assessment.casualties().killed() == null ? -1 : assessment.casualties().killed().min()));
        Runnable action = duringNextCall;
        duringNextCall = null;
        if (action != null) {
            action.run();
        }
    }

    /** Makes every call before {@code until} fail with a transient error, as an unreachable platform does. */
    ScriptedPlatform downUntil(Instant until) {
        this.downUntil = until;
        return this;
    }

    /** Makes every call to {@code target} fail with a transient error (a chat whose server side keeps failing). */
    ScriptedPlatform failFor(Target target) {
        failing.add(target);
        return this;
    }

    /** @return the outage's answer while it lasts, else the failing chat's, else the next scripted one, else null */
    private SendResult scripted(Target target) {
        if (downUntil != null && clock.instant().isBefore(downUntil)) {
            return new SendResult.Transient("connection refused");
        }
        if (failing.contains(target)) {
            return new SendResult.Transient("500 Internal Server Error");
        }
        return script.poll();
    }

    /** @return the story ids sent (or tried) to the target, in call order */
    List<String> storiesTo(Target target) {
        return calls.stream().filter(c -> c.target().equals(target)).map(Call::storyId).toList();
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public SendResult send(Target target, Story story, Assessment assessment) {
        calls.add(new Call(target, story.id(), clock.instant()));
        shown("", story, assessment);
        SendResult next = scripted(target);
        return next != null ? next : new SendResult.Sent("m" + nextMessage++);
    }

    /** Logged with story id {@code "digest:" + the merged ids joined by commas}. */
    @Override
    public SendResult sendDigest(Target target, List<OutboxItem> items) {
        String ids = String.join(",", items.stream().map(i -> i.story().id()).toList());
        return send(target, new Story("digest:" + ids, "Test Wire", "digest", null, clock.instant(), ""), null);
    }

    /** Logged with story id {@code "reply:" + message id + ":" + text}; answered from the script too. */
    @Override
    public SendResult reply(Target target, String messageId, String text) {
        calls.add(new Call(target, "reply:" + messageId + ":" + text, clock.instant()));
        SendResult next = scripted(target);
        return next != null ? next : new SendResult.Sent("m" + nextMessage++);
    }

    /** Logged with story id {@code "edit:" + story id + "@" + message id}; answered from the script too. */
    @Override
    public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
        calls.add(new Call(target, "edit:" + story.id() + "@" + messageId, clock.instant()));
        shown("edit:", story, assessment);
        SendResult next = scripted(target);
        return next != null ? next : new SendResult.Sent(messageId);
    }
}
