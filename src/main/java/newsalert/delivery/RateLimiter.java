package newsalert.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import newsalert.subscription.Target;

/**
 * Token buckets for one platform's {@link RateLimits}, kept as "theoretical arrival times" (the generic cell
 * rate algorithm): each bucket remembers when it would be empty again; a message is allowed at {@code t}
 * when {@code t >= tat - (burst - 1) × interval}, and taking it moves {@code tat} to
 * {@code max(tat, t) + interval}. Nothing sleeps: callers ask {@link #nextAllowed(Target)} and come back.
 * Time comes from the injected {@link Clock}. Not thread-safe; one worker owns it.
 */
public final class RateLimiter {
    private final RateLimits limits;
    private final Clock clock;
    private final Map<String, Instant> chatTat = new HashMap<>();
    private final Map<String, Instant> groupTat = new HashMap<>();
    private Instant overallTat = Instant.MIN;

    public RateLimiter(RateLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the earliest time at which a message to the target fits every limit; now or later */
    public Instant nextAllowed(Target target) {
        Instant now = clock.instant();
        Instant next = now;
        for (Bucket b : buckets(target)) {
            Instant at = b.allowedFrom();
            if (at.isAfter(next)) {
                next = at;
            }
        }
        return next;
    }

    /**
     * Takes one message from every bucket of the target when all allow it now; otherwise takes nothing.
     *
     * @return whether a message may be sent now
     */
    public boolean tryAcquire(Target target) {
        Instant now = clock.instant();
        List<Bucket> buckets = buckets(target);
        for (Bucket b : buckets) {
            if (b.allowedFrom().isAfter(now)) {
                return false;
            }
        }
        for (Bucket b : buckets) {
            Instant tat = b.tat.isAfter(now) ? b.tat : now;
            b.store(tat.plus(b.rate.interval()));
        }
        return true;
    }

    private List<Bucket> buckets(Target target) {
        List<Bucket> list = new ArrayList<>(3);
        String chat = target.chatId();
        list.add(new Bucket(limits.perChat(), chatTat.getOrDefault(chat, Instant.MIN), t -> chatTat.put(chat, t)));
        if (limits.perGroupChat() != null && RateLimits.isGroupChat(target)) {
            list.add(new Bucket(limits.perGroupChat(), groupTat.getOrDefault(chat, Instant.MIN),
                    t -> groupTat.put(chat, t)));
        }
        if (limits.overall() != null) {
            list.add(new Bucket(limits.overall(), overallTat, t -> overallTat = t));
        }
        return list;
    }

    private record Bucket(RateLimits.Rate rate, Instant tat, java.util.function.Consumer<Instant> sink) {
        Instant allowedFrom() {
            if (tat.equals(Instant.MIN)) {
                return Instant.MIN;
            }
            Duration tolerance = rate.interval().multipliedBy(rate.burst() - 1L);
            return tat.minus(tolerance);
        }

        void store(Instant newTat) {
            sink.accept(newTat);
        }
    }
}
