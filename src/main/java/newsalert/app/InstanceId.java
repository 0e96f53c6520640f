package newsalert.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names this process in leases: {@code host/pid/nonce}. The nonce keeps two processes apart even when host
 * name and pid coincide (containers); host and pid let a restarted process on the same host see that the
 * previous holder is dead.
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

    /**
     * @param owner another id in the {@code host/pid/nonce} form
     * @return true only when it names a process on this host that no longer runs; false when unsure (another
     *         host, or a form this does not understand)
     */
    static boolean isGone(String owner) {
        String[] parts = owner.split("/");
        if (parts.length != 3 || !parts[0].equals(HOST)) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
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
