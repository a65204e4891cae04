package org.xiaoche.routing.roster.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides how a text roster is encoded. Chinese Excel saves CSV as GBK by default, other tools as
 * UTF-8 (often with BOM), and the two cannot be told apart from a header alone, so: a BOM means
 * UTF-8; otherwise a file that decodes as strict UTF-8 is UTF-8 (GBK text with Chinese characters
 * practically never does); otherwise it must decode as strict GBK. The whole file is scanned, in
 * fixed-size chunks, which also finds NUL bytes beyond the sniffed head.
 */
final class TextEncoding {

    static final Charset GBK = Charset.forName("GBK");
    private static final int CHUNK_BYTES = 1 << 16;

    private TextEncoding() {
    }

    /** The file's charset, or null after recording a problem when it is neither UTF-8 nor GBK text. */
    static Charset detect(Path file, FileHead head, ProblemList problems) throws IOException {
        Scan utf8 = scan(file, StandardCharsets.UTF_8);
        if (utf8.nulAt >= 0) {
            problems.fileProblem("nul-byte", "the file contains binary data (a NUL byte at byte " + utf8.nulAt + "), not text", utf8.nulAt);
            return null;
        }
        if (utf8.malformedAt < 0) {
            return StandardCharsets.UTF_8;
        }
        if (head.hasUtf8Bom()) {
            return reject(problems, "UTF-8 (it starts with a UTF-8 byte-order mark but has invalid bytes at byte "
                    + utf8.malformedAt + ")");
        }
        return scan(file, GBK).malformedAt < 0 ? GBK : reject(problems, "UTF-8 or GBK");
    }

    private static Charset reject(ProblemList problems, String expected) {
        problems.fileProblem("bad-encoding", "the file is not valid " + expected + " text; save it as CSV UTF-8");
        return null;
    }

    private record Scan(long malformedAt, long nulAt) {
    }

    private static Scan scan(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(CHUNK_BYTES);
        CharBuffer out = CharBuffer.allocate(CHUNK_BYTES);
        long consumed = 0;
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] chunk = new byte[CHUNK_BYTES];
            int n;
            while ((n = stream.read(chunk, 0, in.remaining())) > 0) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == 0) {
                        return new Scan(-1, consumed + in.position() + i);
                    }
                }
                in.put(chunk, 0, n);
                in.flip();
                int before = in.position();
                CoderResult r = decoder.decode(in, out, false);
                if (r.isError()) {
                    return new Scan(consumed + in.position(), -1);
                }
                consumed += in.position() - before;
                out.clear();
                in.compact();
            }
            in.flip();
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError() || decoder.flush(out).isError()) {
                return new Scan(consumed + in.position(), -1);
            }
        }
        return new Scan(-1, -1);
    }
}
