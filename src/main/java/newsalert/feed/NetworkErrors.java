package newsalert.feed;

import java.io.EOFException;
import java.io.IOException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain reasons for network failures that have no specific handling in {@link FeedFetcher}: TLS trouble
 * ("the site's certificate is not trusted") and other I/O errors ("the connection was closed before the
 * response was complete"). The library's own text, which names Java classes ({@code
 * sun.security.provider.certpath.SunCertPathBuilderException}), is logged at debug level and never returned.
 */
final class NetworkErrors {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkErrors.class);

    private NetworkErrors() {
    }

    /** @return a plain reason for a TLS failure, such as "the site's certificate is not trusted" */
    static String tls(IOException e) {
        LOG.debug("TLS failure", e);
        String msg = text(e);
        if (msg.contains("certification path") || msg.contains("pkix") || msg.contains("self signed")
                || msg.contains("self-signed")) {
            return "the site's certificate is not trusted";
        }
        if (msg.contains("subject alternative") || msg.contains("hostname") || e instanceof SSLPeerUnverifiedException) {
            return "the site's certificate is for another name";
        }
        if (msg.contains("expired") || msg.contains("validity")) {
            return "the site's certificate has expired or is not yet valid";
        }
        if (msg.contains("protocol") || msg.contains("cipher")) {
            return "no TLS version or cipher in common with the site";
        }
        return e instanceof SSLHandshakeException ? "the secure connection could not be set up"
                : "the secure connection failed";
    }

    /** @return a plain reason for any other I/O failure, such as "the connection was reset" */
    static String io(IOException e) {
        LOG.debug("I/O failure", e);
        String msg = text(e);
        if (e instanceof EOFException || msg.contains("unexpected end of stream") || msg.contains("end of stream")) {
            return "the connection was closed before the response was complete";
        }
        if (msg.contains("reset")) {
            return "the connection was reset";
        }
        if (e instanceof NoRouteToHostException || e instanceof PortUnreachableException) {
            return "the host cannot be reached";
        }
        if (e instanceof ProtocolException || msg.contains("protocol") || msg.contains("chunk")
                || msg.contains("header")) {
            return "the server's answer is not valid HTTP";
        }
        if (msg.contains("canceled") || msg.contains("cancelled")) {
            return "the download was cancelled";
        }
        return e instanceof SocketException ? "the connection failed" : "the download failed";
    }

    /** @return the reason for a bug met while fetching; the stack trace goes to the log */
    static String internal(HttpUrl url, RuntimeException e) {
        LOG.warn("fetch of {}: internal error; details follow", url, e);
        return "fetch failed: internal error (details are in the log)";
    }

    private static String text(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && all.length() < 2000; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }
}
