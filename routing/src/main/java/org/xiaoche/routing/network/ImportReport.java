package org.xiaoche.routing.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.graphhopper.GraphHopper;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.util.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the road import left out: per profile, the length of road that the profile may use but that
 * GraphHopper marked as a small or one-way-isolated subnetwork ({@link ProfileRoads.Use#DROPPED}),
 * by road class, with the longest such roads by name. Stored beside the graph so that a cached load
 * reports the same as the import that built it.
 *
 * @param minNetworkSize components with fewer edges than this were marked; 0 means none were
 * @param profiles       one entry per profile, {@code school_bus} first
 */
public record ImportReport(int minNetworkSize, List<ProfileReport> profiles) {

    /** How many dropped roads {@link ProfileReport#biggestDroppedRoads()} lists at most. */
    public static final int TOP_ROADS = 10;

    /** File name of the stored report inside a graph folder. */
    static final String FILE_NAME = "import-report.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ImportReport {
        profiles = List.copyOf(profiles);
    }

    /**
     * @param usable_km             length open to the profile and kept
     * @param dropped_km            length open to the profile but left out
     * @param droppedByRoadClass_km dropped length per GraphHopper road class ({@code primary}, …), longest first
     * @param biggestDroppedRoads   the longest dropped roads that have a name or ref, longest first, at most {@link #TOP_ROADS}
     */
    public record ProfileReport(String profile, double usable_km, double dropped_km,
                                Map<String, Double> droppedByRoadClass_km, List<DroppedRoad> biggestDroppedRoads) {

        public ProfileReport {
            droppedByRoadClass_km = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(droppedByRoadClass_km));
            biggestDroppedRoads = List.copyOf(biggestDroppedRoads);
        }
    }

    /**
     * One named road (all dropped edges sharing its name and ref).
     *
     * @param name      OSM {@code name}, empty when none
     * @param ref       OSM {@code ref}, empty when none
     * @param roadClass the road class of most of its dropped length
     */
    public record DroppedRoad(String name, String ref, String roadClass, double km) {

        /** Name and ref for people, e.g. {@code 中环北路 S205}. */
        public String label() {
            if (name.isEmpty()) {
                return ref;
            }
            return ref.isEmpty() ? name : name + " " + ref;
        }
    }

    /** The report of one profile, or empty when the import had no such profile. */
    public Optional<ProfileReport> findProfile(String profile) {
        return profiles.stream().filter(p -> p.profile().equals(profile)).findFirst();
    }

    /** True when some profile left road out. */
    public boolean droppedAnything() {
        return profiles.stream().anyMatch(p -> p.dropped_km() > 0);
    }

    /**
     * Plain English warnings: per profile one line per road class with dropped length, then one line
     * with the longest dropped roads. Empty when nothing was dropped.
     */
    public List<String> warningLines() {
        List<String> lines = new ArrayList<>();
        for (ProfileReport p : profiles) {
            boolean bus = p.profile().equals(NetworkProfiles.SCHOOL_BUS);
            String who = bus ? "school bus" : p.profile().equals(NetworkProfiles.FOOT) ? "walking" : p.profile();
            String consequence = bus
                    ? "isolated or one-way-cut-off pieces; no stops there and no bus snaps to them"
                    : "small pieces cut off from the main walking network";
            p.droppedByRoadClass_km().forEach((roadClass, km) -> lines.add(String.format(Locale.ROOT,
                    "%s: %s km of road class %s left out as %s", who, km(km), roadClass, consequence)));
            if (!p.biggestDroppedRoads().isEmpty()) {
                StringBuilder roads = new StringBuilder(who + ": longest roads left out: ");
                for (int i = 0; i < p.biggestDroppedRoads().size(); i++) {
                    DroppedRoad r = p.biggestDroppedRoads().get(i);
                    roads.append(i == 0 ? "" : ", ").append(r.label())
                            .append(" (").append(r.roadClass()).append(", ").append(km(r.km())).append(" km)");
                }
                lines.add(roads.toString());
            }
        }
        return lines;
    }

    private static String km(double km) {
        return String.format(Locale.ROOT, km < 10 ? "%.2f" : "%.1f", km);
    }

    /** Computes the report by classifying every edge of the built graph, for every profile. */
    static ImportReport compute(GraphHopper hopper, int minNetworkSize) {
        EnumEncodedValue<RoadClass> roadClassEnc = hopper.getEncodingManager().getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
        List<ProfileReport> reports = new ArrayList<>();
        for (String profile : List.of(NetworkProfiles.SCHOOL_BUS, NetworkProfiles.FOOT)) {
            ProfileRoads roads = ProfileRoads.of(hopper, profile);
            double usable_m = 0;
            Map<String, Double> byClass_m = new TreeMap<>();
            Map<List<String>, Map<String, Double>> named_m = new HashMap<>();
            AllEdgesIterator edge = hopper.getBaseGraph().getAllEdges();
            while (edge.next()) {
                ProfileRoads.Use use = roads.use(edge);
                if (use == ProfileRoads.Use.USABLE) {
                    usable_m += edge.getDistance();
                } else if (use == ProfileRoads.Use.DROPPED) {
                    String roadClass = edge.get(roadClassEnc).toString();
                    byClass_m.merge(roadClass, edge.getDistance(), Double::sum);
                    String name = text(edge.getValue(Parameters.Details.STREET_NAME));
                    String ref = text(edge.getValue(Parameters.Details.STREET_REF));
                    if (!name.isEmpty() || !ref.isEmpty()) {
                        named_m.computeIfAbsent(List.of(name, ref), k -> new TreeMap<>())
                                .merge(roadClass, edge.getDistance(), Double::sum);
                    }
                }
            }
            Map<String, Double> byClass_km = new LinkedHashMap<>();
            byClass_m.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> byClass_km.put(e.getKey(), e.getValue() / 1000));
            List<DroppedRoad> named = named_m.entrySet().stream().map(e -> {
                // The class of most of its length; on a tie the first by name (the map is sorted).
                String mainClass = null;
                double mainClass_m = -1, total_m = 0;
                for (Map.Entry<String, Double> c : e.getValue().entrySet()) {
                    total_m += c.getValue();
                    if (c.getValue() > mainClass_m) {
                        mainClass = c.getKey();
                        mainClass_m = c.getValue();
                    }
                }
                return new DroppedRoad(e.getKey().get(0), e.getKey().get(1), mainClass, total_m / 1000);
            }).sorted(Comparator.comparingDouble(DroppedRoad::km).reversed().thenComparing(DroppedRoad::label))
                    .limit(TOP_ROADS).toList();
            double dropped_m = byClass_m.values().stream().mapToDouble(Double::doubleValue).sum();
            reports.add(new ProfileReport(profile, usable_m / 1000, dropped_m / 1000, byClass_km, named));
        }
        return new ImportReport(minNetworkSize, reports);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The report stored in {@code file}, or empty when there is none (a graph folder built before reports). */
    static Optional<ImportReport> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ImportReport.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
