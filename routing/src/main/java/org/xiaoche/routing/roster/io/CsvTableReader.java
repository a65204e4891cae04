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
    public void read(Path file, TableSink sink, ProblemList problems, ByteProgress progress) throws IOException {
        FileHead head = FileHead.of(file);
        if (head.rejectAsText(problems)) {
            return;
        }
        Charset charset = TextEncoding.detect(file, head, problems);
        if (charset == null) {
            return;
        }
        try (InputStream in = progress.counted(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new QuoteLimitReader(new InputStreamReader(in, charset)), 1 << 16)) {
            if (head.hasUtf8Bom()) {
                reader.skip(1); // the BOM decodes to one U+FEFF character
            }
            char delimiter = delimiter(reader, problems);
            if (delimiter == 0) {
                return;
            }
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false) // keep line numbers exact; blank rows are skipped by the sink
                    .get();
            parse(format.parse(reader), sink, problems, progress);
        } catch (QuoteLimitReader.UnclosedQuoteException e) {
            problems.add(e.line, "", "csv-unclosed-quote", "malformed CSV: " + e.getMessage(), e.line, QuoteLimitReader.MAX_QUOTED_CHARS);
        }
    }

    private static void parse(CSVParser parser, TableSink sink, ProblemList problems, ByteProgress progress) {
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
            progress.rethrowIfStopped();
            // commons-csv reports malformed quoting this way; its message names only positions.
            Throwable t = e;
            while (t.getCause() != null && !(t instanceof QuoteLimitReader.UnclosedQuoteException)) {
                t = t.getCause();
            }
            if (t instanceof QuoteLimitReader.UnclosedQuoteException unclosed) {
                problems.add(unclosed.line, "", "csv-unclosed-quote", "malformed CSV: " + unclosed.getMessage(), unclosed.line,
                        QuoteLimitReader.MAX_QUOTED_CHARS);
            } else {
                // commons-csv's own text names positions and the parser's class: the line is what a planner needs.
                problems.add(linesBefore + 1, "", "csv-malformed", "malformed CSV: check the quotes on this line");
            }
        }
    }

    /**
     * The separator the header line uses most: comma, semicolon or tab; comma when none. Returns 0
     * (after recording a problem) when no line break occurs within the first
     * {@value #HEADER_LINE_LIMIT_CHARS} characters: no roster header is that long.
     */
    private static char delimiter(BufferedReader reader, ProblemList problems) throws IOException {
        reader.mark(HEADER_LINE_LIMIT_CHARS + 1);
        StringBuilder first = new StringBuilder();
        int c;
        int read = 0;
        // The header is the first non-blank line.
        while ((c = reader.read()) != -1 && read++ < HEADER_LINE_LIMIT_CHARS) {
            if (c == '\n' || c == '\r') {
                if (!first.toString().isBlank()) {
                    break;
                }
                first.setLength(0);
            } else {
                first.append((char) c);
            }
        }
        if (read > HEADER_LINE_LIMIT_CHARS) {
            problems.fileProblem("header-too-long", "the first line is longer than " + HEADER_LINE_LIMIT_CHARS
                    + " characters; this does not look like a CSV roster", HEADER_LINE_LIMIT_CHARS);
            return 0;
        }
        reader.reset();
        String header = first.toString();
        long commas = count(header, ','), semicolons = count(header, ';'), tabs = count(header, '\t');
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
}
