package newsalert.platform.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the JSON of incoming updates and of the messages the fake Bot API answers with. */
final class FakeUpdates {
    /** A plausible Unix time for every message. */
    static final long DATE = 1756391400L;

    private final ObjectMapper json;

    FakeUpdates(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode chat(long chatId, String type) {
        ObjectNode chat = json.createObjectNode().put("id", chatId).put("type", type);
        return type.equals("private") ? chat.put("first_name", "User " + chatId) : chat.put("title", "Chat " + chatId);
    }

    /**
     * @param kind     "message" or "channel_post"
     * @param userId   the sender, or {@code null} for a post on behalf of the chat (channels)
     * @param threadId the forum topic, or {@code null}
     * @return an update without its id; a text starting with {@code /} carries a bot_command entity
     */
    ObjectNode textUpdate(String kind, int messageId, ObjectNode chat, Long userId, Integer threadId, String text) {
        ObjectNode m = json.createObjectNode().put("message_id", messageId).put("date", DATE);
        m.set("chat", chat);
        if (userId != null) {
            m.set("from", json.createObjectNode().put("id", userId).put("is_bot", false)
                    .put("first_name", "User " + userId).put("username", "user" + userId));
        } else {
            m.set("sender_chat", chat.deepCopy());
        }
        if (threadId != null) {
            m.put("message_thread_id", threadId).put("is_topic_message", true);
        }
        m.put("text", text);
        if (text.startsWith("/")) {
            int len = text.split("\\s+", 2)[0].length();
            m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", len);
        }
        ObjectNode update = json.createObjectNode();
        update.set(kind, m);
        return update;
    }

    /** @return the message the fake answers a send or edit with */
    ObjectNode sentMessage(int id, String chatId, Integer threadId, String text, long botId) {
        long chat;
        try {
            chat = Long.parseLong(chatId);
        } catch (NumberFormatException e) {
            chat = -1;
        }
        ObjectNode m = json.createObjectNode().put("message_id", id).put("date", DATE).put("text", text);
        m.set("chat", chat(chat, chat > 0 ? "private" : "supergroup"));
        m.set("from", json.createObjectNode().put("id", botId).put("is_bot", true).put("first_name", "Bot"));
        if (threadId != null) {
            m.put("message_thread_id", threadId).put("is_topic_message", true);
        }
        return m;
    }

    /** @return a getChatMember result for the status, with the fields TelegramBots requires */
    ObjectNode member(long userId, String status) {
        ObjectNode member = json.createObjectNode().put("status", status);
        member.set("user", json.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", "User"));
        if (status.equals("administrator")) {
            member.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                    .put("can_delete_messages", true).put("can_manage_video_chats", false)
                    .put("can_restrict_members", true).put("can_promote_members", false)
                    .put("can_change_info", true).put("can_invite_users", true);
        } else if (status.equals("creator")) {
            member.put("is_anonymous", false);
        }
        return member;
    }
}
