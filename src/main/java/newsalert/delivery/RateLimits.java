package newsalert.delivery;

import java.time.Duration;
import java.util.Objects;
import newsalert.subscription.Target;

/**
 * A platform's sending limits. Each limit is a {@link Rate}: {@code count} messages per {@code period} in
 * the long run, evenly spaced, with up to {@code burst} sent back to back after a quiet spell. A token
 * bucket can let {@code burst - 1} more than {@code count} through in one sliding period after a quiet
 * spell; the Telegram defaults therefore use a burst of 1 for the per-chat and group limits (steady spacing
 * that never exceeds them) and a full burst only for the overall limit, so that one worker pass can serve
 * many chats at once; {@link RateLimiter} adds a sliding window to the overall limit so that no period holds
 * more than its count (any 429 that still comes back is honoured by the worker).
 *
 * @param perChat      applies to every chat on its own (all forum topics of a chat share it)
 * @param perGroupChat applies additionally to group chats (see {@link #isGroupChat(Target)}), or {@code null}
 * @param overall      applies to all chats of the platform together, or {@code null} for none
 */
public record RateLimits(Rate perChat, Rate perGroupChat, Rate overall) {
    public RateLimits {
        Objects.requireNonNull(perChat, "perChat");
    }

    /**
     * {@code count} messages per {@code period}, with bursts of up to {@code burst}.
     *
     * @param count  positive
     * @param period positive
     * @param burst  1 to {@code count}: how many may go back to back when the bucket is full
     */
    public record Rate(int count, Duration period, int burst) {
        public Rate {
            Objects.requireNonNull(period, "period");
            if (count <= 0 || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("rate must be positive: " + count + " per " + period);
            }
            if (burst < 1 || burst > count) {
                throw new IllegalArgumentException("burst out of 1.." + count + ": " + burst);
            }
        }

        /** @return an evenly spaced rate with no burst */
        public static Rate of(int count, Duration period) {
            return new Rate(count, period, 1);
        }

        /**
         * This rate's share when {@code instances} processes send for one bot and each keeps to its share: the same
         * count per {@code instances} times the period (evenly spaced {@code instances} times as far apart), the
         * burst divided among them (at least 1). Together the instances then stay within this rate.
         *
         * @param instances how many share the rate; 1 or less gives this rate
         * @return the share of one instance
         */
        public Rate sharedBy(int instances) {
            if (instances <= 1) {
                return this;
            }
            return new Rate(count, period.multipliedBy(instances), Math.max(1, burst / instances));
        }

        /** @return the even spacing between messages: period / count */
        public Duration interval() {
            return period.dividedBy(count);
        }
    }

    /**
     * @return Telegram's published limits: 1 message/s per chat and 20/min per group chat (one every 3 s),
     *         both evenly spaced; 30/s overall, in bursts of up to 30
     */
    public static RateLimits telegram() {
        return new RateLimits(Rate.of(1, Duration.ofSeconds(1)), Rate.of(20, Duration.ofMinutes(1)),
                new Rate(30, Duration.ofSeconds(1), 30));
    }

    /**
     * @return limits that keep well inside Discord's: 5 messages per 5 s per guild (Discord allows 5 per 5 s
     *         per channel, so a guild's channels together never pass one channel's budget), in bursts of up
     *         to 5; 50/s overall (Discord's global request limit), in bursts of up to 50. JDA also queues on
     *         Discord's rate-limit headers itself; these keep the worker from building a queue inside JDA
     */
    public static RateLimits discord() {
        return new RateLimits(new Rate(5, Duration.ofSeconds(5), 5), null, new Rate(50, Duration.ofSeconds(1), 50));
    }

    /** @return the limits of the platform's adapter: {@link #telegram()}, {@link #discord()}, none for the console */
    public static RateLimits forPlatform(newsalert.subscription.Platform platform) {
        return switch (platform) {
            case TELEGRAM -> telegram();
            case DISCORD -> discord();
            case CONSOLE -> new RateLimits(new Rate(1000, Duration.ofSeconds(1), 1000), null, null);
        };
    }

    /**
     * A target is a group chat when its chat id is negative, which is how Telegram numbers groups,
     * supergroups and channels (private chats are positive user ids). Other platforms' ids are not negative,
     * so the group limit never applies to them.
     */
    public static boolean isGroupChat(Target target) {
        return target.chatId().startsWith("-");
    }
}
