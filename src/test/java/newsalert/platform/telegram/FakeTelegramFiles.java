package newsalert.platform.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * The file side of {@link FakeTelegramApi}: documents users send ({@code getFile} and
 * {@code /file/bot<token>/<path>} downloads) and documents the bot sends ({@code sendDocument}, multipart).
 */
public final class FakeTelegramFiles {
    /** A document the bot sent. */
    public record SentDocument(String chatId, Integer threadId, String caption, String fileName, byte[] content) {
    }

    private final ObjectMapper json;
    private final Map<String, byte[]> contents = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final List<SentDocument> sent = new ArrayList<>();
    private final List<String> downloads = new ArrayList<>();

    FakeTelegramFiles(ObjectMapper json) {
        this.json = json;
    }

    synchronized void host(String fileId, String name, byte[] content) {
        contents.put(fileId, content);
        names.put(fileId, name);
    }

    /** @return the {@code document} object of a message carrying the hosted file */
    synchronized ObjectNode document(String fileId) {
        return json.createObjectNode().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                .put("file_name", names.get(fileId)).put("mime_type", "text/x-opml")
                .put("file_size", contents.get(fileId).length);
    }

    synchronized ObjectNode getFile(ObjectNode body) {
        String id = body.path("file_id").asText();
        if (!contents.containsKey(id)) {
            return null;
        }
        return json.createObjectNode().put("file_id", id).put("file_unique_id", "u" + id)
                .put("file_size", contents.get(id).length).put("file_path", "documents/" + id + ".opml");
    }

    /** Serves {@code documents/<id>.opml}. */
    synchronized MockResponse download(List<String> pathAfterToken) {
        String path = String.join("/", pathAfterToken);
        downloads.add(path);
        String id = path.startsWith("documents/") && path.endsWith(".opml")
                ? path.substring("documents/".length(), path.length() - ".opml".length()) : "";
        byte[] content = contents.get(id);
        return content == null ? new MockResponse.Builder().code(404).build()
                : new MockResponse.Builder().code(200).body(new Buffer().write(content)).build();
    }

    /** Records a multipart {@code sendDocument}. */
    SentDocument sendDocument(RecordedRequest request) throws IOException {
        MediaType type = MediaType.parse(request.getHeaders().get("Content-Type"));
        Map<String, String> fields = new HashMap<>();
        String fileName = null;
        byte[] content = null;
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()),
                type.parameter("boundary"))) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = part.headers().get("Content-Disposition");
                String name = disposition.replaceFirst(".*\\bname=\"([^\"]*)\".*", "$1");
                if (disposition.contains("filename=")) {
                    fileName = disposition.replaceFirst(".*filename=\"([^\"]*)\".*", "$1");
                    content = part.body().readByteArray();
                } else {
                    fields.put(name, part.body().readUtf8());
                }
            }
        }
        SentDocument doc = new SentDocument(fields.get("chat_id"), fields.containsKey("message_thread_id")
                ? Integer.valueOf(fields.get("message_thread_id")) : null, fields.get("caption"), fileName, content);
        synchronized (this) {
            sent.add(doc);
            notifyAll();
        }
        return doc;
    }

    synchronized List<String> downloads() {
        return List.copyOf(downloads);
    }

    synchronized List<SentDocument> awaitSent(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sent.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(sent);
    }
}
