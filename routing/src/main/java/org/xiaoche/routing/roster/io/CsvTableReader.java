package org.xiaoche.routing.roster.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Reads CSV (comma, semicolon or tab separated, whichever the header line uses) in UTF-8, UTF-8
 * with BOM or GBK, streaming: memory use does not grow with the file beyond what the caller keeps.
 */
final class CsvTableReader implements TableReader {

    private static final int HEADER_LINE_LIMIT_CHARS = 1 << 20;

    @Override
    public void read(Path file, TableSink sink, ProblemList problems) throws IOException {
        FileHead head = FileHead.of(file);
        if (head.rejectAsText(problems)) {
            return;
        }
        Charset charset = TextEncoding.detect(file, head, problems);
        if (charset == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16)) {
            if (head.hasUtf8Bom()) {
                reader.skip(1); // the BOM decodes to one U+FEFF character
            }
            char delimiter = delimiter(reader);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false) // keep line numbers exact; blank rows are skipped by the sink
                    .get();
            parse(format.parse(reader), sink, problems);
        }
    }

    private static void parse(CSVParser parser, TableSink sink, ProblemList problems) {
        Iterator<CSVRecord> records = parser.iterator();
        boolean headerSeen = false;
        long linesBefore = 0;
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = linesBefore + 1;
                linesBefore = parser.getCurrentLineNumber();
                if (!headerSeen) {
                    if (record.size() == 1 && record.get(0).isBlank()) {
                        continue;
                    }
                    sink.header(line, record.toList());
                    headerSeen = true;
                } else {
                    sink.row(line, record.toList());
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports malformed quoting this way; its message names only positions.
            problems.add(linesBefore + 1, "", "malformed CSV (check quotes): " + rootMessage(e));
        }
    }

    /** The separator the header line uses most: comma, semicolon or tab; comma when none. */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LINE_LIMIT_CHARS);
        String first = "";
        String line;
        // The header is the first non-blank line.
        while ((line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                first = line;
                break;
            }
        }
        reader.reset();
        long commas = count(first, ','), semicolons = count(first, ';'), tabs = count(first, '\t');
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
