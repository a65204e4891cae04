package org.xiaoche.benchmarks.parktaekim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code <dir>/Schools.txt} and {@code <dir>/Stops.txt}: tab-separated, one header line,
 * CRLF; times as H(H)MM integers. Errors name the file, line and reason.
 */
public final class ParkTaeKimLoader {

    private ParkTaeKimLoader() {
    }

    public static ParkInstance load(Path instanceDir) {
        String name = instanceDir.getFileName().toString();
        List<ParkSchool> schools = new ArrayList<>();
        for (Row row : rows(instanceDir.resolve("Schools.txt"), 5)) {
            schools.add(new ParkSchool(row.integer(0), row.decimal(1), row.decimal(2),
                    row.hhmm_s(3), row.hhmm_s(4)));
        }
        List<ParkStop> stops = new ArrayList<>();
        for (Row row : rows(instanceDir.resolve("Stops.txt"), 5)) {
            stops.add(new ParkStop(row.integer(0), row.decimal(1), row.decimal(2), row.integer(3), row.integer(4)));
        }
        return new ParkInstance(name, schools, stops);
    }

    /** Seconds after midnight of an H(H)MM integer: last two digits are minutes. */
    public static int hhmm_s(int hhmm) {
        int minutes = hhmm % 100;
        if (minutes >= 60 || hhmm < 0) {
            throw new IllegalArgumentException("not an HHMM time: " + hhmm);
        }
        return (hhmm / 100) * 3600 + minutes * 60;
    }

    private static List<Row> rows(Path file, int columns) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < columns) {
                throw new IllegalArgumentException(file.getFileName() + " line " + (i + 1) + ": expected "
                        + columns + " tab-separated fields, found " + fields.length);
            }
            rows.add(new Row(file, i + 1, fields));
        }
        return rows;
    }

    private record Row(Path file, int line, String[] fields) {
        int integer(int column) {
            try {
                return Integer.parseInt(fields[column].strip());
            } catch (NumberFormatException e) {
                throw error(column, "not an integer: '" + fields[column] + "'");
            }
        }

        double decimal(int column) {
            try {
                return Double.parseDouble(fields[column].strip());
            } catch (NumberFormatException e) {
                throw error(column, "not a number: '" + fields[column] + "'");
            }
        }

        int hhmm_s(int column) {
            try {
                return ParkTaeKimLoader.hhmm_s(integer(column));
            } catch (IllegalArgumentException e) {
                throw error(column, e.getMessage());
            }
        }

        IllegalArgumentException error(int column, String reason) {
            return new IllegalArgumentException(file.getFileName() + " line " + line + " column " + (column + 1)
                    + ": " + reason);
        }
    }
}
