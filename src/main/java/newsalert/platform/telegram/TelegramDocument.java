package newsalert.platform.telegram;

import java.io.IOException;
import java.io.InputStream;
import newsalert.command.AttachedFile;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * A document sent with a command, downloaded only when the command reads it: {@code getFile}, then a GET of
 * {@code <api-url>/file/bot<token>/<file_path>} on the adapter's own HTTP client (TelegramBots' download
 * helpers always go to api.telegram.org, which would ignore {@code telegram.api-url}). Errors never carry
 * the token.
 */
final class TelegramDocument implements AttachedFile {
    private final Document document;
    private final TelegramClient client;
    private final OkHttpClient http;
    private final TelegramSettings settings;

    TelegramDocument(Document document, TelegramClient client, OkHttpClient http, TelegramSettings settings) {
        this.document = document;
        this.client = client;
        this.http = http;
        this.settings = settings;
    }

    @Override
    public String name() {
        return document.getFileName() == null ? "" : document.getFileName();
    }

    @Override
    public long size() {
        return document.getFileSize() == null ? -1 : document.getFileSize();
    }

    @Override
    public byte[] read(long maxBytes) throws IOException {
        if (size() > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        File file;
        try {
            file = client.execute(GetFile.builder().fileId(document.getFileId()).build());
        } catch (TelegramApiException e) {
            throw new IOException("getFile failed: " + TelegramErrors.reason(e, settings));
        }
        if (file.getFilePath() == null) {
            throw new IOException("getFile gave no file_path");
        }
        HttpUrl url = HttpUrl.get(settings.apiUrl()).newBuilder().addPathSegment("file")
                .addPathSegment("bot" + settings.token()).addPathSegments(file.getFilePath()).build();
        try (Response resp = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (!resp.isSuccessful()) {
                throw new IOException("file download answered HTTP " + resp.code());
            }
            try (InputStream in = resp.body().byteStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                return bytes;
            }
        } catch (TooLargeException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(settings.redact("file download failed: " + e.getMessage()));
        }
    }
}
