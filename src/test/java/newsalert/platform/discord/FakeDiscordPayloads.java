package newsalert.platform.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The JSON bodies {@link FakeDiscord} sends: users, guild, messages, interactions. Shapes as Discord's API v10. */
final class FakeDiscordPayloads {
    static final ObjectMapper JSON = new ObjectMapper();

    /** View Channel, Send Messages, Embed Links, Read Message History. */
    static final long MEMBER_PERMISSIONS = 1L << 10 | 1L << 11 | 1L << 14 | 1L << 16;
    /** Manage Server (Discord's MANAGE_GUILD). */
    static final long MANAGE_SERVER = 1L << 5;
    static final long EMBED_LINKS = 1L << 14;
    static final String JOINED = "2024-05-01T10:00:00.000000+00:00";

    private FakeDiscordPayloads() {
    }

    static ObjectNode user(String id, String name, boolean bot) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", id).put("username", name).put("global_name", name).put("discriminator", "0")
                .putNull("avatar").put("bot", bot).put("verified", true).put("mfa_enabled", false).put("flags", 0);
        return u;
    }

    static ObjectNode member(ObjectNode user, List<String> roles, long permissions) {
        ObjectNode m = JSON.createObjectNode();
        m.set("user", user);
        ArrayNode r = m.putArray("roles");
        roles.forEach(r::add);
        m.put("joined_at", JOINED).putNull("nick").put("deaf", false).put("mute", false).put("flags", 0)
                .put("pending", false).putNull("premium_since").put("permissions", Long.toString(permissions));
        return m;
    }

    static ObjectNode role(String id, String name, long permissions, int position) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id).put("name", name).put("permissions", Long.toString(permissions)).put("position", position)
                .put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0);
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        return r;
    }

    static ObjectNode textChannel(String id, String guildId, String name, int position, Map<String, Long> denyByRole) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id).put("type", 0).put("guild_id", guildId).put("name", name).put("position", position)
                .putNull("parent_id").put("nsfw", false).putNull("topic").put("rate_limit_per_user", 0).put("flags", 0)
                .putNull("last_message_id");
        ArrayNode overwrites = c.putArray("permission_overwrites");
        denyByRole.forEach((role, deny) -> overwrites.addObject().put("id", role).put("type", 0).put("allow", "0")
                .put("deny", Long.toString(deny)));
        return c;
    }

    /** READY of a session of shard {@code shard} of {@code total}, listing its guilds as unavailable (to come). */
    static ObjectNode ready(String sessionId, String resumeUrl, ObjectNode self, List<String> guildIds, int shard,
                            int total) {
        ObjectNode d = JSON.createObjectNode();
        d.put("v", 10).put("session_id", sessionId).put("resume_gateway_url", resumeUrl);
        d.set("user", self);
        ArrayNode guilds = d.putArray("guilds");
        guildIds.forEach(g -> guilds.addObject().put("id", g).put("unavailable", true));
        d.putArray("private_channels");
        d.putObject("application").put("id", self.get("id").asText()).put("flags", 0);
        d.putArray("shard").add(shard).add(total);
        return d;
    }

    static ObjectNode guild(String id, String ownerId, List<ObjectNode> roles, List<ObjectNode> channels,
                            List<ObjectNode> members) {
        ObjectNode g = JSON.createObjectNode();
        g.put("id", id).put("name", "Newsroom").putNull("icon").putNull("splash").putNull("banner")
                .putNull("description").put("owner_id", ownerId).put("preferred_locale", "en-US")
                .put("member_count", members.size()).put("large", false).put("unavailable", false)
                .put("joined_at", JOINED).put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0)
                .put("premium_progress_bar_enabled", false).put("system_channel_flags", 0).putNull("afk_channel_id")
                .put("afk_timeout", 300).putNull("system_channel_id").putNull("rules_channel_id")
                .putNull("vanity_url_code").put("max_members", 500000);
        g.putArray("roles").addAll(roles);
        g.putArray("channels").addAll(channels);
        g.putArray("members").addAll(members);
        for (String empty : List.of("threads", "guild_scheduled_events", "emojis", "voice_states", "stickers",
                "presences", "features", "soundboard_sounds", "stage_instances")) {
            g.putArray(empty);
        }
        return g;
    }

    /** A message as Discord answers a create or edit: echoes content and embeds of the request body. */
    static ObjectNode message(String id, String channelId, ObjectNode author, JsonNode request, String applicationId,
                              String timestamp) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id).put("type", 0).put("channel_id", channelId);
        m.set("author", author);
        m.put("content", request.path("content").asText("")).put("timestamp", timestamp).putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false).put("pinned", false)
                .put("flags", request.path("flags").asInt(0));
        m.set("embeds", request.has("embeds") ? request.get("embeds") : JSON.createArrayNode());
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("components");
        if (request.hasNonNull("nonce")) {
            m.put("nonce", request.get("nonce").asText());
        }
        if (applicationId != null) {
            m.put("application_id", applicationId).put("webhook_id", applicationId);
        }
        return m;
    }

    /** An INTERACTION_CREATE body for a slash command in a guild text channel. */
    static ObjectNode interaction(String id, String token, String applicationId, String guildId, ObjectNode channel,
                                  ObjectNode member, String commandId, String name, Map<String, Object> options) {
        ObjectNode i = JSON.createObjectNode();
        i.put("id", id).put("application_id", applicationId).put("type", 2).put("token", token).put("version", 1)
                .put("guild_id", guildId).put("channel_id", channel.get("id").asText()).put("locale", "en-GB")
                .put("guild_locale", "en-US").put("context", 0).put("app_permissions", Long.toString(MEMBER_PERMISSIONS));
        i.set("channel", channel);
        i.set("member", member);
        i.putObject("guild").put("id", guildId).put("locale", "en-US").putArray("features");
        i.putObject("authorizing_integration_owners").put("0", guildId);
        i.putArray("entitlements");
        ObjectNode data = i.putObject("data");
        data.put("id", commandId).put("name", name).put("type", 1).put("guild_id", guildId);
        ArrayNode opts = data.putArray("options");
        options.forEach((k, v) -> {
            ObjectNode o = opts.addObject().put("name", k);
            if (v instanceof FakeDiscord.Attachment a) {
                o.put("type", 11).put("value", a.id());
                data.with("resolved").with("attachments").putObject(a.id()).put("id", a.id())
                        .put("filename", a.name()).put("size", a.size()).put("url", a.url()).put("proxy_url", a.url())
                        .put("content_type", "text/x-opml");
            } else if (v instanceof Number n) {
                o.put("type", 4).put("value", n.longValue());
            } else {
                o.put("type", 3).put("value", String.valueOf(v));
            }
        });
        return i;
    }

    /** An INTERACTION_CREATE body for a slash command in the bot's DM channel with {@code user}. */
    static ObjectNode directInteraction(String id, String token, String applicationId, ObjectNode user,
                                        String dmChannelId, String commandId, String name, Map<String, Object> options) {
        ObjectNode channel = JSON.createObjectNode();
        channel.put("id", dmChannelId).put("type", 1).putNull("last_message_id").put("flags", 0);
        channel.putArray("recipients").add(user);
        ObjectNode i = interaction(id, token, applicationId, "0", channel, JSON.createObjectNode(), commandId, name,
                options);
        i.remove(List.of("guild_id", "guild", "member", "guild_locale"));
        ((ObjectNode) i.get("data")).remove("guild_id");
        i.set("user", user);
        i.put("context", 1);
        i.putObject("authorizing_integration_owners").put("0", "0");
        return i;
    }

    /**
     * The JSON of a multipart request: its {@code payload_json} part, plus {@code "_files"}: one object per file
     * part with {@code name} (the file name) and {@code text} (its content as UTF-8).
     */
    static ObjectNode multipart(mockwebserver3.RecordedRequest request) {
        okhttp3.MediaType type = okhttp3.MediaType.parse(request.getHeaders().get("Content-Type"));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode files = JSON.createArrayNode();
        try (okhttp3.MultipartReader reader = new okhttp3.MultipartReader(new okio.Buffer().write(request.getBody()),
                type.parameter("boundary"))) {
            okhttp3.MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = part.headers().get("Content-Disposition");
                if (disposition.contains("filename=")) {
                    files.addObject().put("name", disposition.replaceFirst(".*filename=\"([^\"]*)\".*", "$1"))
                            .put("text", part.body().readUtf8());
                } else if (disposition.contains("name=\"payload_json\"")) {
                    body = (ObjectNode) JSON.readTree(part.body().readUtf8());
                }
            }
        } catch (java.io.IOException e) {
            body.put("unparsed", e.toString());
        }
        body.set("_files", files);
        return body;
    }
}
