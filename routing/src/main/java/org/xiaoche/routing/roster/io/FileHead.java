package org.xiaoche.routing.roster.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The first bytes of a file, for recognising what it really contains regardless of its extension. */
final class FileHead {

    static final int SIZE = 64 * 1024;

    private final byte[] bytes;
    private final long fileSize;

    private FileHead(byte[] bytes, long fileSize) {
        this.bytes = bytes;
        this.fileSize = fileSize;
    }

    static FileHead of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new FileHead(in.readNBytes(SIZE), Files.size(file));
        }
    }

    /** True when the file has no content but blanks and a byte-order mark. */
    boolean isBlank() {
        int start = hasUtf8Bom() ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return fileSize <= bytes.length;
    }

    boolean hasUtf8Bom() {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /** A UTF-16 byte-order mark: Excel's "Unicode text" export, which the readers do not take. */
    boolean hasUtf16Bom() {
        return bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF);
    }

    /**
     * An OLE2 document holding an encrypted OOXML package: what Excel writes for a workbook saved with a
     * password to open (its directory names the stream {@code EncryptionInfo}).
     */
    boolean isEncryptedOoxml() {
        if (!isOle2()) {
            return false;
        }
        byte[] name = "EncryptionInfo".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        outer:
        for (int i = 0; i + name.length <= bytes.length; i++) {
            for (int j = 0; j < name.length; j++) {
                if (bytes[i + j] != name[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Zip local-file header: XLSX (and every other OOXML file) starts with it. */
    boolean isZip() {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** OLE2 compound document: the old binary Excel .xls format. */
    boolean isOle2() {
        return bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
                && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
    }

    /**
     * True when the head looks like binary data rather than text: it contains a NUL byte, or more than
     * 1% control characters other than tab, CR, LF and form feed.
     */
    boolean looksBinary() {
        int controls = 0;
        for (byte b : bytes) {
            int u = b & 0xFF;
            if (u == 0) {
                return true;
            }
            if (u < 0x20 && u != '\t' && u != '\r' && u != '\n' && u != '\f') {
                controls++;
            }
        }
        return controls > bytes.length / 100;
    }

    /** The first byte that is not blank or part of a BOM; -1 when none. */
    int firstNonBlank() {
        for (int i = hasUtf8Bom() ? 3 : 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b & 0xFF;
            }
        }
        return -1;
    }

    /**
     * Records a problem and returns true when the file is empty or is a spreadsheet/binary file; used
     * by the text formats (CSV, GeoJSON).
     */
    boolean rejectAsText(ProblemList problems) {
        if (isBlank()) {
            problems.fileProblem("empty-file", "the file is empty");
        } else if (hasUtf16Bom()) {
            problems.fileProblem("utf16-text", "the file is UTF-16 text (Excel's \"Unicode text\"); save it as CSV UTF-8");
        } else if (isEncryptedOoxml()) {
            problems.fileProblem("encrypted-workbook", "the file is a password-protected workbook; open it in Excel, remove the"
                    + " password and save it as CSV UTF-8 or .xlsx");
        } else if (isZip()) {
            problems.fileProblem("zip-not-text", "the file is a zip archive (probably an .xlsx workbook), not text;"
                    + " give it the .xlsx extension or save it as CSV");
        } else if (isOle2()) {
            problems.fileProblem("xls-workbook", "the file is an old binary Excel (.xls) workbook, not text; save it as .xlsx or CSV");
        } else if (looksBinary()) {
            problems.fileProblem("binary-data", "the file contains binary data, not text");
        } else {
            return false;
        }
        return true;
    }
}
