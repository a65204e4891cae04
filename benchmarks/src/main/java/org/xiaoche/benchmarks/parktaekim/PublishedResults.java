package org.xiaoche.benchmarks.parktaekim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Reference values from {@code published_results.csv}, by instance and MRT. */
public final class PublishedResults {

    /** One row; {@code birdBuses} is empty for instances BiRD did not run (CSCB09–16). */
    public record Reference(String instance, int maxRide_s, int parkBuses, int parkMixedBuses,
                            long parkTravelExclYard_s, OptionalInt birdBuses) {
    }

    /** BiRD's published totals over RSRB01–08 and CSCB01–08. */
    public static final Map<Integer, Integer> BIRD_TOTAL_16 = Map.of(2700, 1604, 5400, 1327);

    private final Map<String, Reference> byKey = new HashMap<>();

    private PublishedResults() {
    }

    public static PublishedResults read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        List<String> header = Arrays.asList(lines.get(0).strip().split(","));
        PublishedResults results = new PublishedResults();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String bird = f[header.indexOf("bird_BiRD")].strip();
            Reference ref = new Reference(f[header.indexOf("instance")],
                    Integer.parseInt(f[header.indexOf("max_ride_s")]),
                    Integer.parseInt(f[header.indexOf("park_solfile_buses_mixed")]),
                    Integer.parseInt(f[header.indexOf("park_solfile_buses_with_mixed_trip")]),
                    Long.parseLong(f[header.indexOf("park_solfile_travel_s_excl_depot")]),
                    bird.isEmpty() || bird.equals("-") || bird.equals("NA") ? OptionalInt.empty()
                            : OptionalInt.of(Integer.parseInt(bird)));
            results.byKey.put(ref.instance() + "/" + ref.maxRide_s(), ref);
        }
        return results;
    }

    public Reference get(String instance, int maxRide_s) {
        Reference ref = byKey.get(instance + "/" + maxRide_s);
        if (ref == null) {
            throw new IllegalArgumentException("no published values for " + instance + " at MRT " + maxRide_s);
        }
        return ref;
    }
}
