package org.xiaoche.benchmarks.parktaekim.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Park et al.'s {@code park_solution_<MRT>.txt}: one row per visit
 * ({@code Veh_ID Seq ID #Students SvcTime Arrival_time Wait_Time Travel_Time Destination}).
 */
public final class ParkSolutionFile {

    /** Id of the yard rows. */
    public static final int YARD_ID = 900001;

    /** One row; {@code arrivalHhmm} is truncated to the minute. */
    public record Row(int vehicle, int seq, int id, int students, int service_s, int arrivalHhmm, int wait_s,
                      int travel_s) {
    }

    private ParkSolutionFile() {
    }

    public static List<Row> read(Path file) {
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
            String[] f = line.split("\t");
            try {
                rows.add(new Row(Integer.parseInt(f[0].strip()), Integer.parseInt(f[1].strip()),
                        Integer.parseInt(f[2].strip()), Integer.parseInt(f[3].strip()), Integer.parseInt(f[4].strip()),
                        Integer.parseInt(f[5].strip()), Integer.parseInt(f[6].strip()), Integer.parseInt(f[7].strip())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file.getFileName() + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /**
     * Timetables rebuilt from the file's own integer times: the bus leaves the yard at the first
     * row's arrival plus its wait; then arrival = previous departure + Travel_Time and departure =
     * arrival + SvcTime + Wait_Time. Yard rows are left out.
     */
    public static List<BusTimetable> timetables(List<Row> rows) {
        Map<Integer, List<Row>> byVehicle = new LinkedHashMap<>();
        rows.forEach(r -> byVehicle.computeIfAbsent(r.vehicle(), k -> new ArrayList<>()).add(r));
        List<BusTimetable> buses = new ArrayList<>();
        for (Map.Entry<Integer, List<Row>> entry : byVehicle.entrySet()) {
            List<Row> visits = entry.getValue();
            Row first = visits.get(0);
            double clock_s = hhmm_s(first.arrivalHhmm()) + first.wait_s();
            List<Visit> timetable = new ArrayList<>();
            for (int k = 1; k < visits.size(); k++) {
                Row row = visits.get(k);
                double arrival_s = clock_s + row.travel_s();
                clock_s = arrival_s + row.service_s() + row.wait_s();
                if (row.id() != YARD_ID) {
                    timetable.add(new Visit(row.id(), arrival_s, clock_s));
                }
            }
            buses.add(new BusTimetable(Integer.toString(entry.getKey()), timetable));
        }
        return buses;
    }

    static int hhmm_s(int hhmm) {
        return (hhmm / 100) * 3600 + (hhmm % 100) * 60;
    }
}
