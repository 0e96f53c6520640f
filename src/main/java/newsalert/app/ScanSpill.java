package newsalert.app;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import newsalert.story.Story;

/**
 * {@code scan}'s stories on disk between its passes, so that its memory does not grow with the inputs: every
 * story read is written to a temporary file with its input and published time (a few numbers per story stay in
 * memory), read back one at a time in published order for the decisions, and each story's printed text is
 * written there too, to be copied out in input order at the end. The file is deleted on {@link #close}, or at the
 * latest when the JVM exits.
 *
 * <p>Positions are the stories' places in input order, from 0. Not thread-safe.
 */
final class ScanSpill implements AutoCloseable {
    private static final long UNDATED = Long.MAX_VALUE;
    private final Path file;
    private final DataOutputStream out;
    private final RandomAccessFile in;
    private long written;
    /** Bytes of the file handed to the operating system so far (a record boundary). */
    private long flushed;
    private final byte[] length = new byte[4];
    private int size;
    private int[] inputs = new int[256];
    private long[] published = new long[256];
    private long[] storyAt = new long[256];
    private long[] textAt = new long[256];

    private ScanSpill(Path file) throws IOException {
        this.file = file;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        this.in = new RandomAccessFile(file.toFile(), "r");
    }

    /**
     * @param folder where the file goes
     * @return an empty spill
     * @throws UncheckedIOException when the file cannot be made
     */
    static ScanSpill create(Path folder) {
        try {
            Path file = Files.createTempFile(folder, "newsalert-scan-", ".stories");
            file.toFile().deleteOnExit();
            return new ScanSpill(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the number of stories added */
    int size() {
        return size;
    }

    /** @return the input the story at {@code position} came from */
    int input(int position) {
        return inputs[position];
    }

    /**
     * Writes a story read from an input.
     *
     * @return its position
     */
    int add(int input, Story story) {
        if (size == inputs.length) {
            int n = size * 2;
            inputs = Arrays.copyOf(inputs, n);
            published = Arrays.copyOf(published, n);
            storyAt = Arrays.copyOf(storyAt, n);
            textAt = Arrays.copyOf(textAt, n);
        }
        inputs[size] = input;
        published[size] = story.published() == null ? UNDATED : story.published().toEpochMilli();
        storyAt[size] = written;
        textAt[size] = -1;
        byte[] record = encode(story);
        write(record);
        return size++;
    }

    /**
     * @return every position, ordered by the story's published time (undated ones last), stable: equal times keep
     *         input order
     */
    int[] publishedOrder() {
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingLong(i -> published[i]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** @return the story at {@code position}, as it was added */
    Story story(int position) {
        return decode(read(storyAt[position]));
    }

    /** Keeps the text to print for the story at {@code position} (empty for none). */
    void setText(int position, String text) {
        textAt[position] = written;
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the text kept for the story at {@code position}; empty when none was */
    String text(int position) {
        return textAt[position] < 0 ? "" : new String(read(textAt[position]), StandardCharsets.UTF_8);
    }

    private void write(byte[] bytes) {
        try {
            out.writeInt(bytes.length);
            out.write(bytes);
            written += 4L + bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] read(long at) {
        try {
            if (at >= flushed) { // only a record still in the write buffer needs the buffer written out
                out.flush();
                flushed = written;
            }
            in.seek(at);
            in.readFully(length); // one read for the length, one for the record (readInt reads byte by byte)
            byte[] bytes = new byte[(length[0] & 0xff) << 24 | (length[1] & 0xff) << 16 | (length[2] & 0xff) << 8
                    | length[3] & 0xff];
            in.readFully(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(Story s) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(256 + s.body().length() * 2);
            DataOutputStream d = new DataOutputStream(bytes);
            string(d, s.id());
            string(d, s.source());
            string(d, s.title());
            string(d, s.link());
            d.writeLong(s.published() == null ? UNDATED : s.published().getEpochSecond());
            d.writeInt(s.published() == null ? 0 : s.published().getNano());
            string(d, s.body());
            string(d, s.image());
            string(d, s.author()); // every field of Story goes through the spill: ScanCommandTest reads them back
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Story decode(byte[] record) {
        try {
            DataInputStream d = new DataInputStream(new ByteArrayInputStream(record));
            String id = string(d);
            String source = string(d);
            String title = string(d);
            String link = string(d);
            long seconds = d.readLong();
            int nanos = d.readInt();
            Instant published = seconds == UNDATED ? null : Instant.ofEpochSecond(seconds, nanos);
            return new Story(id, source, title, link, published, string(d), string(d), string(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void string(DataOutputStream d, String s) throws IOException {
        if (s == null) {
            d.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.writeInt(b.length);
        d.write(b);
    }

    private static String string(DataInputStream d) throws IOException {
        int n = d.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        d.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Closes and deletes the file. */
    @Override
    public void close() {
        try {
            out.close();
            in.close();
        } catch (IOException e) {
            // nothing to do: the file goes below or when the JVM exits
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // deleteOnExit is still set
        }
    }
}
