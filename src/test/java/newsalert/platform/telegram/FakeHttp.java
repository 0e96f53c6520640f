package newsalert.platform.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import newsalert.platform.telegram.FakeTelegramApi.Failure;

/** The fake Bot API's HTTP plumbing: request bodies (JSON or form) in, Bot API answers out. */
final class FakeHttp {
    private final ObjectMapper json;

    FakeHttp(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode body(RecordedRequest request) {
        String text = request.getBody() == null ? "" : request.getBody().utf8();
        String type = request.getHeaders().get("Content-Type");
        try {
            if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
                ObjectNode node = json.createObjectNode();
                for (String pair : text.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                        String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                        JsonNode parsed = value.startsWith("{") || value.startsWith("[") ? json.readTree(value) : null;
                        if (parsed != null) {
                            node.set(key, parsed);
                        } else {
                            node.put(key, value);
                        }
                    }
                }
                return node;
            }
            JsonNode node = text.isBlank() ? json.createObjectNode() : json.readTree(text);
            return node instanceof ObjectNode o ? o : json.createObjectNode();
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    MockResponse ok(JsonNode result) {
        ObjectNode answer = json.createObjectNode().put("ok", true);
        answer.set("result", result);
        return respond(200, answer);
    }

    MockResponse error(Failure f) {
        ObjectNode answer = json.createObjectNode().put("ok", false).put("error_code", f.code())
                .put("description", f.description());
        if (f.retryAfter() != null || f.migrateToChatId() != null) {
            ObjectNode p = answer.putObject("parameters");
            if (f.retryAfter() != null) {
                p.put("retry_after", f.retryAfter());
            }
            if (f.migrateToChatId() != null) {
                p.put("migrate_to_chat_id", f.migrateToChatId());
            }
        }
        return respond(f.code(), answer);
    }

    MockResponse respond(int code, JsonNode answer) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(answer.toString()).build();
    }

}
