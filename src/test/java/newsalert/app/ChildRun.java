package newsalert.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code newsalert run} in a JVM of its own, for the tests that kill it (SIGKILL) or run several side by side:
 * the test classpath, the given config, stdout and stderr into one log file, and the product's INFO logging (not the
 * tests' WARN-only one) so that a test can wait for a log line and a failure can be read afterwards.
 */
final class ChildRun {
    private ChildRun() {
    }

    /**
     * @param config the config file the child reads
     * @param log    where its output goes (created or replaced)
     * @return the started process; the environment's TELEGRAM_BOT_TOKEN and NEWSALERT_STORE_URL are removed so
     *         that only the config speaks
     * @throws IOException when the JVM cannot be started
     */
    /** A condition a child-process test looks at between waits. */
    @FunctionalInterface
    interface Check {
        boolean done() throws Exception;
    }

    /**
     * Looks at {@code check} every {@code every} until it holds or {@code bound} has passed. The one wall-clock wait
     * of the child-process tests, and why it is one: the child JVMs run on real time and cannot take a test's clock,
     * so the test waits for what they do (a log line, a row, a message in a fake); it returns as soon as that shows,
     * and the bound only stops a hang.
     *
     * @return whether the check held before the bound
     */
    static boolean pollUntil(java.time.Duration bound, java.time.Duration every, Check check) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            if (check.done()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(every.toMillis());
        }
    }

    static Process start(Path config, Path log) throws IOException {
        return start(config, log, List.of());
    }

    /**
     * As {@link #start(Path, Path)}, with JVM options before the main class (e.g. {@code -Dname=value} for a
     * setting kept out of the public config).
     */
    static Process start(Path config, Path log, List<String> jvmOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.addAll(List.of("newsalert.app.Main", "run", "--config", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        pb.environment().remove("NEWSALERT_STORE_URL");
        Path mainLogging = Path.of("target", "classes", "logback.xml").toAbsolutePath();
        if (Files.exists(mainLogging)) {
            pb.command().add(1, "-Dlogback.configurationFile=" + mainLogging);
        }
        return pb.start();
    }

    /**
     * The child's threads as {@code jcmd <pid> Thread.print} prints them (what each thread waits on), taken just
     * before a test kills it, so that a failure can show where the killed bot was; never throws (a dump that cannot
     * be taken says why instead).
     *
     * @return the dump, or a line saying why there is none
     */
    static String threadDump(Process child) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process p = new ProcessBuilder(jcmd, String.valueOf(child.pid()), "Thread.print", "-l")
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return new String(out, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /**
     * Copies the children's logs ({@code <tag>.log} in {@code dir}) to {@code target/<folder>}, so that a failure
     * can be read after the temporary folder is gone.
     */
    static void keepLogs(Path dir, String folder, List<String> tags) throws IOException {
        Path keep = Path.of("target", folder);
        Files.createDirectories(keep);
        for (String tag : tags) {
            Path log = dir.resolve(tag + ".log");
            if (Files.exists(log)) {
                Files.copy(log, keep.resolve(tag + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
