package org.xiaoche.routing.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip of export files written one after the other, every entry with the same fixed time, so that
 * the same export gives the same bytes. {@link #finish()} ends the zip; the stream stays open.
 */
public final class ZipFiles {

    /** Writes one entry's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private final ZipOutputStream zip;

    public ZipFiles(OutputStream out) {
        zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    public void add(String name, Content content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        content.writeTo(zip);
        zip.closeEntry();
    }

    /** A file name made of letters, digits, {@code . _ -} only, from an id. */
    public static String safeName(String id, String extension) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_") + extension;
    }

    public void finish() throws IOException {
        zip.finish();
    }
}
