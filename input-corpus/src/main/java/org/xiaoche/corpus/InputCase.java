package org.xiaoche.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One awkward or malformed input file and what a correct import does with it.
 *
 * @param name     what the case is, for test names (e.g. {@code csv-gbk})
 * @param target   which input it is given as
 * @param fileName the name it is uploaded under (its extension picks the reader)
 * @param content  the file's bytes
 * @param imports  true when it must import; false when it must be refused with a clear error
 * @param line     for a refused roster, the line the first problem names (0 = the file as a whole); -1 when not checked
 * @param field    for a refused roster, the field the first problem names; null when not checked
 */
public record InputCase(String name, Target target, String fileName, byte[] content, boolean imports, long line, String field) {

    /** Which input a file is. */
    public enum Target { SCHOOLS, STUDENTS, POLICY, FLEET, OSM }

    /** Writes the file into {@code dir} under its name. */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
