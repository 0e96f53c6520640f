package newsalert.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names this process in leases and delivery claims: {@code host/pid/nonce}, for people reading the tables and logs.
 * The nonce keeps two processes apart even when host name and pid coincide (containers). Nothing reads the pid
 * back: a dead instance's leases and claims simply lapse (issue 14 dropped the pid check, which only worked on one
 * host).
 */
final class InstanceId {
    private static final String HOST = hostName();
    private static final String CURRENT = HOST + "/" + ProcessHandle.current().pid() + "/" + nonce();

    private InstanceId() {
    }

    /** @return this process's id */
    static String current() {
        return CURRENT;
    }

    /** @return a new id for this process with a fresh nonce (one per {@code run}, so that two runs in one JVM differ) */
    static String create() {
        return HOST + "/" + ProcessHandle.current().pid() + "/" + nonce();
    }

    private static String nonce() {
        byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);   // nextBytes, not generateSeed: never waits for the entropy pool
        return HexFormat.of().formatHex(b);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();   // set by shells and containers; avoids a possibly slow name lookup
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
