package newsalert.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files the benchmark gives the bot: its config (the generated feeds, {@code poll.interval}, the
 * default store), a logback config and the command line.
 *
 * <p>The logback config is the bot's own pattern to stderr with one change: {@code newsalert.pipeline}
 * logs at DEBUG, so a feed that answers 304 also gets a line ({@code feed …: not modified}) and the
 * benchmark can tell when the bot has finished every feed of a 304 cycle. The GC log
 * ({@code -Xlog:gc:file=gc.log:timemillis}) gives the heap.
 */
final class BenchConfig {
    private BenchConfig() {
    }

    /**
     * Writes {@code newsalert.yml} and {@code logback-bench.xml} into {@code dir}.
     *
     * @param extra YAML appended to the config, or null
     * @return the config file
     */
    static Path write(Path dir, FeedPlan plan, int intervalSeconds, Path extra) throws IOException {
        return write(dir, plan, intervalSeconds, extra, null);
    }

    /**
     * Writes {@code newsalert.yml} and {@code logback-bench.xml} into {@code dir}, with a {@code store:}
     * section when {@code store} is given (else the bot's default SQLite file in its working folder).
     *
     * @param extra YAML appended to the config, or null
     * @param store the store every bot uses, or null
     * @return the config file
     */
    static Path write(Path dir, FeedPlan plan, int intervalSeconds, Path extra, BenchStore store) throws IOException {
        StringBuilder yml = new StringBuilder();
        yml.append("# written by newsalert.bench.PipelineBench\npoll:\n  interval: ").append(intervalSeconds)
                .append("s\n  max-age: 24h\nfeeds:\n");
        for (int f = 0; f < plan.feeds(); f++) {
            yml.append("  - url: ").append(plan.url(f)).append("\n    name: Bench Wire ").append(f).append('\n');
        }
        if (store != null) {
            yml.append("store:\n  url: \"").append(store.url()).append("\"\n");
            if (store.user() != null) {
                yml.append("  user: \"").append(store.user()).append("\"\n");
            }
            if (store.password() != null) {
                yml.append("  password: \"").append(store.password()).append("\"\n");
            }
        }
        if (extra != null) {
            yml.append(Files.readString(extra, StandardCharsets.UTF_8)).append('\n');
        }
        Path config = dir.resolve("newsalert.yml");
        Files.writeString(config, yml, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("logback-bench.xml"), """
                <configuration>
                  <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.flywaydb" level="WARN"/>
                  <logger name="com.rometools" level="WARN"/>
                  <logger name="okhttp3" level="WARN"/>
                  <logger name="newsalert.pipeline" level="DEBUG"/>
                  <root level="INFO"><appender-ref ref="STDERR"/></root>
                </configuration>
                """, StandardCharsets.UTF_8);
        return config;
    }

    /** @return {@code java <jvm> -Xlog:gc… -Dlogback.configurationFile=… -jar <jar> run --config <config>} */
    static List<String> command(Path dir, Path jar, List<String> jvm, Path config) {
        return command(dir, dir, jar, jvm, config);
    }

    /**
     * @param dir    the work folder (logback config)
     * @param botDir the bot's own folder, where its {@code gc.log} goes
     * @return {@code java <jvm> -Xlog:gc… -Dlogback.configurationFile=… -jar <jar> run --config <config>}
     */
    static List<String> command(Path dir, Path botDir, Path jar, List<String> jvm, Path config) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvm);
        cmd.add("-Xlog:gc:file=" + botDir.resolve("gc.log") + ":timemillis");
        cmd.add("-Dlogback.configurationFile=" + dir.resolve("logback-bench.xml"));
        cmd.addAll(List.of("-jar", jar.toString(), "run", "--config", config.toString()));
        return cmd;
    }

    /** Deletes the work folder and everything in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
