package newsalert.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot's heap, read from its GC log ({@code -Xlog:gc:file=gc.log:timemillis}): each pause line gives the
 * heap used before and after it and the committed heap, in MB ({@code [1765000000000ms] GC(3) Pause Young
 * (Normal) (G1 Evacuation Pause) 230M->61M(512M) 5.1ms}). Passive: nothing attaches to the bot.
 */
final class GcLog {
    private static final Pattern PAUSE =
            Pattern.compile("^\\[(\\d+)ms\\] GC\\(\\d+\\) (Pause .*?) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** One pause: epoch ms, kind, heap used before and after, committed heap (MB). */
    record Pause(long ms, String kind, int beforeMb, int afterMb, int committedMb) {
    }

    /** The heap over one interval: pauses, highest used, used after the last pause, highest committed (MB). */
    record Heap(int pauses, int fullPauses, int peakUsedMb, int afterLastMb, int committedMb) {
        String text() {
            return pauses == 0 ? "no GC" : peakUsedMb + " / " + afterLastMb + " / " + committedMb;
        }
    }

    private GcLog() {
    }

    /** @return the pauses in the log, oldest first (none when the file is missing) */
    static List<Pause> read(Path file) throws IOException {
        List<Pause> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                out.add(new Pause(Long.parseLong(m.group(1)), m.group(2).trim(), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
            }
        }
        return out;
    }

    /** @return the heap over [fromMs, toMs] */
    static Heap between(List<Pause> pauses, long fromMs, long toMs) {
        int n = 0;
        int full = 0;
        int peak = 0;
        int after = 0;
        int committed = 0;
        for (Pause p : pauses) {
            if (p.ms() < fromMs || p.ms() > toMs) {
                continue;
            }
            n++;
            full += p.kind().startsWith("Pause Full") ? 1 : 0;
            peak = Math.max(peak, p.beforeMb());
            after = p.afterMb();
            committed = Math.max(committed, p.committedMb());
        }
        return new Heap(n, full, peak, after, committed);
    }
}
