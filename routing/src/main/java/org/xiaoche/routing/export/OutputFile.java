package org.xiaoche.routing.export;

import java.io.BufferedOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * How every output file is written: readable by its owner only ({@code rw-------}; the files carry minors'
 * homes and ids), and whole or not at all: the content goes to a hidden {@code .part} file in the same
 * folder that is then renamed over the target, so a crash never leaves a truncated file that still parses.
 */
public final class OutputFile {

    /** Writes a file's content to a stream (which the caller closes). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a file's content as UTF-8 text. */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    private OutputFile() {
    }

    /** Creates or replaces {@code file} with {@code content}. */
    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        // createTempFile makes the file rw------- on POSIX systems; the rename keeps that.
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Creates or replaces {@code file} with UTF-8 {@code text}. */
    public static void writeText(Path file, Text text) throws IOException {
        write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            // Writers such as CSVPrinter close what they write to when done; the rename must still follow.
            text.writeTo(new FilterWriter(writer) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            writer.flush();
        });
    }

    /** Creates {@code dir} (and missing parents) when it does not exist; a new folder is {@code rwx------}. */
    public static Path createFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (ownerOnly(parent)) {
                FileAttribute<?> owner = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
                Files.createDirectory(dir, owner);
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // Created meanwhile by someone else: use it as it is.
        }
        return dir;
    }

    private static boolean ownerOnly(Path dir) {
        return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
