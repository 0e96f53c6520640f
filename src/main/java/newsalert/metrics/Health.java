package newsalert.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The verdict of {@code GET /health}. Up when a poll cycle ended within {@code maxQuiet} (three poll intervals
 * in {@code run}; before the first cycle, counted from the start) and the store answers a trivial query;
 * down otherwise. The chat platforms are reported ({@code up}, {@code down} while they cannot be reached,
 * {@code off} when not configured) but do not make the process down: restarting it would not bring Telegram
 * or Discord back, and alerts wait in the outbox meanwhile.
 */
public final class Health {
    /** The state of one chat platform. */
    public enum ChatState {
        /** Connected (or able to deliver). */
        UP,
        /** Configured but not reachable now; alerts wait in the outbox. */
        DOWN,
        /** Not configured. */
        OFF;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One check's result.
     *
     * @param up   whether the process is healthy (HTTP 200) or not (503)
     * @param body the JSON fields in order: {@code status}, {@code last_cycle} (ISO-8601 UTC to the second,
     *             such as {@code 2026-03-02T10:00:00Z}, or null),
     *             {@code poll}, {@code store}, {@code telegram}, {@code discord}
     */
    public record Report(boolean up, Map<String, String> body) {
        public Report {
            body = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
        }
    }

    private final Supplier<Instant> lastCycle;
    private final Instant startedAt;
    private final Duration maxQuiet;
    private final BooleanSupplier storeUp;
    private final Supplier<ChatState> telegram;
    private final Supplier<ChatState> discord;
    private final Clock clock;

    /**
     * @param lastCycle when the last poll cycle ended, or {@code null} before the first
     * @param maxQuiet  how long without a finished cycle is still healthy
     * @param storeUp   runs a trivial store query; false (or an exception) means the store is down
     * @param telegram  Telegram's state
     * @param discord   Discord's state
     * @param clock     the time source; its instant at construction is the start
     */
    public Health(Supplier<Instant> lastCycle, Duration maxQuiet, BooleanSupplier storeUp,
                  Supplier<ChatState> telegram, Supplier<ChatState> discord, Clock clock) {
        this.lastCycle = Objects.requireNonNull(lastCycle);
        this.maxQuiet = Objects.requireNonNull(maxQuiet);
        this.storeUp = Objects.requireNonNull(storeUp);
        this.telegram = Objects.requireNonNull(telegram);
        this.discord = Objects.requireNonNull(discord);
        this.clock = Objects.requireNonNull(clock);
        this.startedAt = clock.instant();
    }

    /** @return the verdict now; never throws */
    public Report check() {
        Instant now = clock.instant();
        Instant last = lastCycle.get();
        Instant since = last != null ? last : startedAt;
        boolean pollUp = Duration.between(since, now).compareTo(maxQuiet) <= 0;
        boolean store;
        try {
            store = storeUp.getAsBoolean();
        } catch (RuntimeException e) {
            store = false;
        }
        boolean up = pollUp && store;
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "down");
        // whole seconds, like the log lines: a reader wants "when", not the clock's nanoseconds
        body.put("last_cycle", last == null ? null : last.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        body.put("poll", pollUp ? "up" : "down");
        body.put("store", store ? "up" : "down");
        body.put("telegram", state(telegram));
        body.put("discord", state(discord));
        return new Report(up, body);
    }

    private static String state(Supplier<ChatState> s) {
        try {
            return s.get().label();
        } catch (RuntimeException e) {
            return ChatState.DOWN.label();
        }
    }
}
