package newsalert.platform.discord;

import java.util.List;
import java.util.Objects;

/**
 * Which gateway shards one instance opens. Discord sends a guild's events (slash commands among them) on shard
 * {@code (guild_id >> 22) % total} and direct messages on shard 0; an instance answers what arrives on its own
 * shards and delivers to any channel over REST.
 *
 * @param total how many shards the bot has in all, at least 1 (1 = unsharded)
 * @param ids   this instance's shards, each in {@code 0..total-1}, ascending, not empty
 */
public record DiscordShards(int total, List<Integer> ids) {
    /** One shard, opened by this instance: today's unsharded bot. */
    public static final DiscordShards UNSHARDED = new DiscordShards(1, List.of(0));

    public DiscordShards {
        if (total < 1) {
            throw new IllegalArgumentException("discord shard total must be at least 1, got " + total);
        }
        ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an instance opens at least one discord shard");
        }
        for (int i = 0; i < ids.size(); i++) {
            int id = ids.get(i);
            if (id < 0 || id >= total || i > 0 && id <= ids.get(i - 1)) {
                throw new IllegalArgumentException("discord shard ids must rise within 0.." + (total - 1) + ": " + ids);
            }
        }
    }

    /** @return whether the gateway is split (more than one shard in all) */
    public boolean sharded() {
        return total > 1;
    }

    /**
     * @param guildId a guild snowflake
     * @return the shard Discord sends that guild's events on: {@code (guildId >> 22) % total}
     */
    public int shardOf(long guildId) {
        return (int) ((guildId >>> 22) % total);
    }

    /** @return whether this instance opens the shard that carries {@code guildId}'s events */
    public boolean carries(long guildId) {
        return ids.contains(shardOf(guildId));
    }

    /** @return e.g. "shards 0-1 of 4" or "shard 2 of 4" for logs */
    public String describe() {
        return (ids.size() == 1 ? "shard " + ids.get(0) : "shards " + ids) + " of " + total;
    }
}
