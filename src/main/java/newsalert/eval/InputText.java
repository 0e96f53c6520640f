package newsalert.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads an eval input file as UTF-8 lines, with errors in plain words. A byte-order mark (U+FEFF) at the
 * start of the file is skipped (Windows editors write one). Lines end at {@code \n}, {@code \r\n} or
 * {@code \r}; there is no empty line after a final line break.
 */
final class InputText {
    private InputText() {
    }

    /**
     * @param file the file to read
     * @return its lines, the first without a byte-order mark
     * @throws EvalInputException {@code "<file>: cannot read: no such file"}, {@code "<file>: is a directory,
     *                            not a file"}, {@code "<file>: cannot read: access denied"} or
     *                            {@code "<file>:<line>: not UTF-8 text (byte N of the file is 0xHH); save it
     *                            as UTF-8"} (N counts from 1)
     */
    static List<String> lines(Path file) {
        if (Files.isDirectory(file)) {
            throw new EvalInputException(file + ": is a directory, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EvalInputException(file + ": cannot read: no such file");
        } catch (AccessDeniedException e) {
            throw new EvalInputException(file + ": cannot read: access denied");
        } catch (IOException e) {
            throw new EvalInputException(file + ": cannot read: "
                    + (e.getMessage() == null ? "input/output error" : e.getMessage()));
        }
        String text = decode(file, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.lines().toList();
    }

    private static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String hex = at < bytes.length ? String.format(Locale.ROOT, "0x%02X", bytes[at] & 0xFF) : "cut short";
            throw new EvalInputException(file + ":" + line + ": not UTF-8 text (byte " + (at + 1)
                    + " of the file is " + hex + "); save it as UTF-8");
        }
        return out.flip().toString();
    }
}
