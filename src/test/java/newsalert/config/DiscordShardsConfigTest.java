package newsalert.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discord.shards.total} / {@code .ids}, from the file and from DISCORD_SHARDS_TOTAL / _IDS (issue 14 item 5). */
class DiscordShardsConfigTest {
    @TempDir
    Path dir;

    @Test
    void unshardedByDefault() {
        DiscordShardsConfig s = ConfigLoader.load(null, Map.of()).discord().shards();
        assertThat(s.shardsTotal()).isEqualTo(1);
        assertThat(s.sharded()).isFalse();
        assertThat(s.shardIds()).containsExactly(0);
        // a config built in code without shards reads as unsharded too
        assertThat(new DiscordConfig("t", null, null, null).shards().shardIds()).containsExactly(0);
    }

    @Test
    void rangesAndListsFromTheFile() throws IOException {
        DiscordShardsConfig range = load("discord:\n  shards:\n    total: 8\n    ids: 2-5\n", Map.of());
        assertThat(range.sharded()).isTrue();
        assertThat(range.shardIds()).containsExactly(2, 3, 4, 5);
        assertThat(load("discord:\n  shards:\n    total: 8\n    ids: \"6, 0,2, 2\"\n", Map.of()).shardIds())
                .containsExactly(0, 2, 6);
        assertThat(load("discord:\n  shards:\n    total: 8\n    ids: 0-1,7\n", Map.of()).shardIds())
                .containsExactly(0, 1, 7);
        assertThat(load("discord:\n  shards:\n    total: 4\n    ids: 3\n", Map.of()).shardIds()).containsExactly(3);
        assertThat(load("discord:\n  shards:\n    total: 3\n", Map.of()).shardIds()).containsExactly(0, 1, 2);
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws IOException {
        DiscordShardsConfig s = load("discord:\n  shards:\n    total: 2\n    ids: 0\n",
                Map.of("DISCORD_SHARDS_TOTAL", " 4 ", "DISCORD_SHARDS_IDS", "2-3"));
        assertThat(s.total()).isEqualTo(4);
        assertThat(s.shardIds()).containsExactly(2, 3);
        // with defaults only (no file)
        DiscordShardsConfig env = ConfigLoader.load(null, Map.of("DISCORD_SHARDS_TOTAL", "2",
                "DISCORD_SHARDS_IDS", "1")).discord().shards();
        assertThat(env.shardIds()).containsExactly(1);
    }

    @Test
    void idsOutsideTheTotalAreRefusedWithWhatToWrite() throws IOException {
        Path f = write("discord:\n  shards:\n    total: 2\n    ids: 0-2\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + f + ", line 4: discord.shards.ids must name shards 0 to 1 as a range or"
                        + " a list, such as 0 or 1 (leave it out for all of them): shard 2 is not below"
                        + " discord.shards.total 2");
        Path backwards = write("discord:\n  shards:\n    total: 8\n    ids: 5-2\n");
        assertThatThrownBy(() -> ConfigLoader.load(backwards, Map.of()))
                .hasMessage("config file " + backwards + ", line 4: discord.shards.ids must name shards 0 to 7 as a"
                        + " range or a list, such as 0-3 or 0,2 (leave it out for all of them): the range 5-2 runs"
                        + " backwards");
        Path words = write("discord:\n  shards:\n    total: 8\n    ids: first half\n");
        assertThatThrownBy(() -> ConfigLoader.load(words, Map.of()))
                .hasMessageEndingWith(": 'first half' is not a range or list of shard ids");
        // ids without a total: the total is 1, so only shard 0 exists
        Path noTotal = write("discord:\n  shards:\n    ids: 1\n");
        assertThatThrownBy(() -> ConfigLoader.load(noTotal, Map.of()))
                .hasMessageContaining("discord.shards.ids must name shards 0 to 0")
                .hasMessageEndingWith("shard 1 is not below discord.shards.total 1");
    }

    @Test
    void aBadTotalIsNamedWhereItCameFrom() throws IOException {
        Path zero = write("discord:\n  shards:\n    total: 0\n");
        assertThatThrownBy(() -> ConfigLoader.load(zero, Map.of()))
                .hasMessage("config file " + zero + ", line 3: discord.shards.total must be 1 to 65536 (how many"
                        + " shards the bot has in all; 1 = unsharded), got 0");
        Path text = write("discord:\n  shards:\n    total: two\n");
        assertThatThrownBy(() -> ConfigLoader.load(text, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file " + text + ", line 3: bad value")
                .hasMessageNotContaining("plain text value");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("DISCORD_SHARDS_TOTAL", "two")))
                .hasMessage("environment variable DISCORD_SHARDS_TOTAL: must be the bot's shard count, a whole"
                        + " number such as 2 (1 = unsharded), got 'two'");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("DISCORD_SHARDS_TOTAL", "2",
                "DISCORD_SHARDS_IDS", "0-5")))
                .hasMessageStartingWith("environment variable DISCORD_SHARDS_IDS")
                .hasMessageEndingWith("shard 5 is not below discord.shards.total 2");
    }

    private DiscordShardsConfig load(String yaml, Map<String, String> env) throws IOException {
        return ConfigLoader.load(write(yaml), env).discord().shards();
    }

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("c.yml");
        Files.writeString(f, yaml);
        return f;
    }

}
