package newsalert.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which shard carries a guild, and which shard sets are accepted. */
class DiscordShardsTest {
    @Test
    void aGuildIsOnShardIdShiftedBy22ModuloTheTotal() {
        DiscordShards two = new DiscordShards(2, List.of(1));
        assertThat(two.shardOf(Long.parseLong(FakeDiscord.GUILD_ID))).isZero();
        assertThat(two.shardOf(Long.parseLong(FakeDiscord.SECOND_GUILD_ID))).isEqualTo(1);
        assertThat(two.carries(Long.parseLong(FakeDiscord.SECOND_GUILD_ID))).isTrue();
        assertThat(two.carries(Long.parseLong(FakeDiscord.GUILD_ID))).isFalse();
        // Discord's own example: guild 197038439483310086 with 1 shard is on shard 0
        assertThat(new DiscordShards(5, List.of(0)).shardOf(197038439483310086L))
                .isEqualTo((int) ((197038439483310086L >> 22) % 5));
        assertThat(DiscordShards.UNSHARDED.shardOf(197038439483310086L)).isZero();
        assertThat(DiscordShards.UNSHARDED.sharded()).isFalse();
        assertThat(two.sharded()).isTrue();
        assertThat(new DiscordShards(4, List.of(0, 1)).describe()).isEqualTo("shards [0, 1] of 4");
        assertThat(two.describe()).isEqualTo("shard 1 of 2");
    }

    @Test
    void idsMustRiseWithinTheTotal() {
        assertThatThrownBy(() -> new DiscordShards(2, List.of(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscordShards(4, List.of(1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscordShards(4, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscordShards(0, List.of(0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DiscordSettings("t", null, null, null, null).shards()).isEqualTo(DiscordShards.UNSHARDED);
    }
}
