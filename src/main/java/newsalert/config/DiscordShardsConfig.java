package newsalert.config;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How the Discord gateway is split over instances ({@code discord.shards.*}, issue 14 item 5). Discord sends a
 * guild's events (its slash commands among them) on shard {@code (guild_id >> 22) % total}; an instance opens a
 * gateway session for each of its shard ids and answers the commands that arrive on them. Every instance
 * delivers to any channel over REST, whatever its shards.
 *
 * @param total how many shards the bot has in all ({@code discord.shards.total}, env
 *              {@code DISCORD_SHARDS_TOTAL}); {@code null} means 1 (unsharded: one session per instance, and
 *              one instance at a time answers the commands through a lease in the store)
 * @param ids   the shards this instance opens ({@code discord.shards.ids}, env {@code DISCORD_SHARDS_IDS}): a
 *              range {@code 0-3}, a list {@code 0,2}, or both {@code 0-1,4}; {@code null} or blank means every
 *              shard {@code 0..total-1}
 */
public record DiscordShardsConfig(Integer total, String ids) {
    /** The largest shard count accepted (Discord's largest bots run tens of thousands; this is a sanity bound). */
    public static final int MAX_TOTAL = 65_536;

    /** @return the shard count, 1 when unset */
    public int shardsTotal() {
        return total == null ? 1 : total;
    }

    /** @return whether the gateway is split ({@link #shardsTotal()} above 1) */
    public boolean sharded() {
        return shardsTotal() > 1;
    }

    /**
     * @return this instance's shard ids, ascending without repeats
     * @throws IllegalArgumentException when {@link #ids()} is not a range or list of ids within
     *                                  {@code 0..total-1}; the message says what to write
     */
    public List<Integer> shardIds() {
        int n = shardsTotal();
        if (n < 1 || n > MAX_TOTAL) {
            throw new IllegalArgumentException("discord.shards.total must be 1 to " + MAX_TOTAL
                    + " (how many shards the bot has in all; 1 = unsharded), got " + total);
        }
        if (ids == null || ids.isBlank()) {
            List<Integer> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                all.add(i);
            }
            return all;
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : ids.split(",", -1)) {
            String p = part.strip();
            int dash = p.indexOf('-', 1);
            if (p.isEmpty() || !p.matches("[0-9]{1,6}(\\s*-\\s*[0-9]{1,6})?")) {
                throw new IllegalArgumentException(badIds(n, "'" + ids.strip() + "' is not a range or list of shard"
                        + " ids"));
            }
            int from = Integer.parseInt((dash < 0 ? p : p.substring(0, dash)).strip());
            int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
            if (to < from) {
                throw new IllegalArgumentException(badIds(n, "the range " + p + " runs backwards"));
            }
            if (to >= n) {
                throw new IllegalArgumentException(badIds(n, "shard " + to + " is not below discord.shards.total "
                        + n));
            }
            for (int i = from; i <= to; i++) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }

    private static String badIds(int total, String why) {
        String example = total == 1 ? "0" : total == 2 ? "0 or 1" : "0-" + (total / 2 - 1) + " or 0,2";
        return "discord.shards.ids must name shards 0 to " + (total - 1) + " as a range or a list, such as "
                + example + " (leave it out for all of them): " + why;
    }
}
