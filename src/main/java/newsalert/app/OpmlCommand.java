package newsalert.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.time.Duration;
import newsalert.command.AddressPolicy;
import newsalert.command.FeedUrls;
import newsalert.config.ConfigException;
import newsalert.config.Durations;
import newsalert.config.FeedConfig;
import newsalert.feed.FeedException;
import newsalert.feed.Opml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsalert opml export|import}: the configured feeds as OPML 2.0, and an OPML file as the
 * {@code feeds:} block of the config (printed; the config file stays the operator's to edit). A feed's own
 * {@code interval} travels as the outline attribute {@code newsalert:interval} ({@link Opml#NEWSALERT}).
 */
@Command(name = "opml", mixinStandardHelpOptions = true,
        description = "Move feed lists between newsalert and other feed readers (OPML 2.0).",
        subcommands = {OpmlCommand.Export.class, OpmlCommand.Import.class})
public final class OpmlCommand implements Runnable {
    /** The longest feed name an import writes, in characters: alerts show a source in at most 200. */
    static final int MAX_NAME = 200;

    /** The shortest interval a configured feed may have (the config loader refuses less). */
    static final Duration MIN_FEED_INTERVAL = Duration.ofSeconds(10);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose export or import");
    }

    /** {@code opml export}: prints the configured http(s) feeds as OPML; local files are skipped with a note. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print the configured feeds as an OPML 2.0 file.",
            footer = {"", "Example:", "  newsalert opml export --config config/newsalert.yml > feeds.opml"})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE",
                description = "config file (default: config/newsalert.yml when present, else built-in defaults)")
        Path config;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            List<FeedConfig> feeds;
            try {
                feeds = Wiring.load(configFile(config)).config().feeds();
            } catch (ConfigException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
            List<Opml.Outline> out = new ArrayList<>();
            for (FeedConfig f : feeds) {
                Optional<String> refused = SourceReader.isUrl(f.url()) ? refusal(f.url()) : Optional.empty();
                if (!Opml.writable(f.url())) {
                    err.println("skipped " + shown(f.url())
                            + ": its address has a control character, so no feed reader could use it");
                } else if (refused.isPresent()) {
                    // what opml import (and a chat's feeds import) would refuse is never written
                    err.println("skipped " + shown(f.url()) + ": " + refused.get());
                } else if (SourceReader.isUrl(f.url())) {
                    out.add(new Opml.Outline(f.url(), f.name(),
                            f.interval() == null ? null : Durations.format(f.interval())));
                } else {
                    err.println("skipped " + f.url() + ": a local file is not a feed other readers can use");
                }
            }
            spec.commandLine().getOut().print(new String(Opml.write("newsalert feeds", out,
                    Clock.systemUTC().instant()), StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code opml import FILE}: prints the file's http(s) feeds as a {@code feeds:} YAML block. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Print the feeds of an OPML file as the 'feeds:' block of the config file.",
                    "Feeds already configured and addresses that are not http(s) are left out (said on stderr)."},
            footer = {"", "Example:", "  newsalert opml import exported.opml >> my-feeds.yml"})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the OPML file")
        Path file;

        @Option(names = "--config", paramLabel = "FILE",
                description = "config whose feeds are left out (default: config/newsalert.yml when present)")
        Path config;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            List<Opml.Outline> outlines;
            Set<String> known = new HashSet<>();
            try {
                Wiring.load(configFile(config)).config().feeds().forEach(f -> known.add(FeedUrls.normalise(f.url())));
                if (Files.size(file) > MAX_FILE_BYTES) {
                    err.println("error: " + file + ": larger than " + MAX_FILE_BYTES / 1024 + " KB; not an OPML list");
                    return 1;
                }
                outlines = Opml.read(Files.readAllBytes(file));
            } catch (ConfigException e) {
                err.println("error: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("error: " + file + ": " + (Files.exists(file) ? "cannot read the file" : "no such file"));
                return 1;
            } catch (FeedException e) {
                err.println("error: " + file + ": " + e.getMessage());
                return 1;
            }
            List<Map<String, String>> feeds = new ArrayList<>();
            for (Opml.Outline o : outlines) {
                if (!SourceReader.isUrl(o.url()) || okhttp3.HttpUrl.parse(o.url()) == null) {
                    err.println("skipped " + shown(o.url()) + ": not an http(s) address with a host");
                } else if (!shown(o.url()).equals(o.url())) {
                    err.println("skipped " + shown(o.url()) + ": the address has control or text-direction characters");
                } else if (refusal(o.url()).isPresent()) {
                    err.println("skipped " + shown(o.url()) + ": " + refusal(o.url()).get());
                } else if (!known.add(FeedUrls.normalise(o.url()))) {
                    err.println("skipped " + shown(o.url()) + ": already configured or listed twice");
                } else {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("url", o.url());
                    if (!o.title().isBlank()) {
                        String name = o.title().strip();
                        if (name.codePointCount(0, name.length()) > MAX_NAME) { // tester17f: 900,000 chars copied
                            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME - 1)) + "…";
                            err.println("name of " + shown(o.url()) + " cut to " + MAX_NAME + " characters");
                        }
                        row.put("name", name);
                    }
                    if (o.interval() != null) {
                        Duration every = null;
                        try {
                            every = Durations.parse(o.interval());
                        } catch (IllegalArgumentException e) {
                            err.println("interval of " + shown(o.url()) + " left out: '" + shown(o.interval())
                                    + "' is not a duration such as 30m or 2h");
                        }
                        if (every != null && every.compareTo(MIN_FEED_INTERVAL) < 0) {
                            // what the config loader refuses is never printed: the block must load as it is
                            err.println("interval of " + shown(o.url()) + " left out: '" + shown(o.interval())
                                    + "' is below "
                                    + Durations.format(MIN_FEED_INTERVAL) + ", the shortest a feed's interval may"
                                    + " be; the feed is polled every poll.interval");
                        } else if (every != null) {
                            row.put("interval", Durations.format(every));
                        }
                    }
                    feeds.add(row);
                }
            }
            try {
                spec.commandLine().getOut().print(YAML.writeValueAsString(Map.of("feeds", feeds)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("strings always serialize", e);
            }
            spec.commandLine().getOut().flush();
            err.println(feeds.size() + " feed(s) from " + file);
            return 0;
        }
    }

    /** Largest OPML file read, in bytes. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    /**
     * Jackson's quoting, plus every value that a YAML reader would take for something other than text ({@code .inf},
     * {@code 0x10}, {@code 1e3}, {@code 3.10}, {@code +12}, {@code ~}): a feed title is text, and unquoted the config
     * reader took {@code 0x10} for 16 and refused {@code .inf} (tester17e).
     */
    private static final class TitleQuoting
            extends com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        /** SnakeYAML's own rule for what a plain scalar means (the reader under Jackson's YAML and the config's). */
        private static final org.yaml.snakeyaml.resolver.Resolver PLAIN = new org.yaml.snakeyaml.resolver.Resolver();

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !org.yaml.snakeyaml.nodes.Tag.STR.equals(
                    PLAIN.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, value, true));
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .stringQuotingChecker(new TitleQuoting())
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    /** The chats' address rules without the DNS part (the CLI reads the operator's own list). */
    private static final AddressPolicy ADDRESSES = new AddressPolicy(host -> List.of(), (newsalert.net.AddressRule) null);

    /**
     * @param url an http(s) address from a config or an OPML file
     * @return why a chat would refuse it ({@link AddressPolicy#check}: a name before an @, too long, no host...),
     *         or empty when it is accepted; one line, in the policy's words
     */
    static Optional<String> refusal(String url) {
        try {
            ADDRESSES.check(url);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(shown(e.getMessage()));
        }
    }

    private static Path configFile(Path given) {
        return given != null ? given : Files.isRegularFile(RunCommand.DEFAULT_CONFIG) ? RunCommand.DEFAULT_CONFIG
                : null;
    }

    /**
     * @return text from a file or a config as one safe line for the terminal: control characters, line breaks and
     *         bidirectional controls (which can make a line read backwards) written as {@code \\uXXXX}
     */
    static String shown(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (AddressPolicy.hidden(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
