package org.xiaoche.routing.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import org.xiaoche.routing.policy.JsonFileErrors;
import org.xiaoche.routing.policy.SettingException;
import org.xiaoche.routing.policy.SettingProblem;
import org.xiaoche.routing.policy.SettingsFileException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.xiaoche.routing.geo.LonLat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The buses a plan may use: bus types (seats, costs, how many) and depots. Routes are built for the
 * largest type; each bus then gets the smallest type its fullest run fits.
 */
public record Fleet(List<BusType> busTypes, List<Depot> depots) {

    public Fleet {
        busTypes = busTypes.stream().sorted(Comparator.comparingInt(BusType::seats)).toList();
        depots = List.copyOf(depots);
        if (busTypes.isEmpty()) {
            throw new SettingException("busTypes", SettingProblem.NO_BUS_TYPES, "a fleet needs at least one bus type");
        }
    }

    /** Bus types 19 / 35 / 56 seats (design brief §2) with indicative county costs in yuan; no depot. */
    public static Fleet defaults() {
        return new Fleet(List.of(
                new BusType("bus19", 19, 450, 2.2, 100),
                new BusType("bus35", 35, 600, 2.8, 100),
                new BusType("bus56", 56, 800, 3.5, 100)), List.of());
    }

    public BusType largest() {
        return busTypes.get(busTypes.size() - 1);
    }

    /**
     * The smallest bus type with at least {@code students} seats of which fewer than
     * {@code available} are in use; empty when every fitting type is used up.
     *
     * @param inUse buses already given out, by type id
     */
    public Optional<BusType> smallestAvailable(int students, java.util.Map<String, Integer> inUse) {
        return busTypes.stream().filter(t -> t.seats() >= students)
                .filter(t -> inUse.getOrDefault(t.id(), 0) < t.available()).findFirst();
    }

    /** The smallest bus type with at least {@code students} seats. */
    public Optional<BusType> smallestFitting(int students) {
        return busTypes.stream().filter(t -> t.seats() >= students).findFirst();
    }

    /**
     * Reads a fleet file:
     * <pre>{"busTypes":[{"id":"bus35","seats":35,"costPerDay":600,"costPerKm":2.8,"available":10}],
     *  "depots":[{"id":"D1","lon":121.2,"lat":37.1}]}</pre>
     *
     * @throws IllegalArgumentException naming the file and reason when it is not a valid fleet
     */
    public static Fleet read(Path file) {
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            FleetFile parsed = mapper.readValue(Files.readAllBytes(file), FleetFile.class);
            List<BusType> types = new ArrayList<>();
            List<BusTypeRow> typeRows = parsed.busTypes == null ? List.of() : parsed.busTypes;
            for (int i = 0; i < typeRows.size(); i++) {
                BusTypeRow t = typeRows.get(i);
                try {
                    types.add(new BusType(t.id, t.seats, t.costPerDay, t.costPerKm, t.available));
                } catch (SettingException e) {
                    throw e.within("busTypes[" + i + "].");
                }
            }
            List<Depot> depots = new ArrayList<>();
            List<DepotRow> depotRows = parsed.depots == null ? List.of() : parsed.depots;
            for (int i = 0; i < depotRows.size(); i++) {
                DepotRow d = depotRows.get(i);
                try {
                    depots.add(new Depot(d.id, location(d)));
                } catch (SettingException e) {
                    throw e.within("depots[" + i + "].");
                }
            }
            return new Fleet(types, depots);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonFileErrors.refusal(file.getFileName().toString(), "fleet", e);
        } catch (IOException e) {
            throw SettingsFileException.of(file.getFileName().toString(),
                    new SettingException("", SettingProblem.UNREADABLE_FILE, "the fleet file cannot be read"));
        } catch (IllegalArgumentException e) {
            throw SettingsFileException.of(file.getFileName().toString(), e);
        }
    }

    /** The depot's place; a longitude or latitude out of range is refused naming which one. */
    private static LonLat location(DepotRow d) {
        try {
            return new LonLat(d.lon, d.lat);
        } catch (IllegalArgumentException e) {
            boolean lon = !(Math.abs(d.lon) <= 180);
            throw new SettingException(lon ? "lon" : "lat", lon ? SettingProblem.LON_OUT_OF_RANGE : SettingProblem.LAT_OUT_OF_RANGE,
                    "depot " + d.id + ": " + e.getMessage());
        }
    }

    private static final class FleetFile {
        @JsonProperty public List<BusTypeRow> busTypes;
        @JsonProperty public List<DepotRow> depots;
    }

    private static final class BusTypeRow {
        @JsonProperty(required = true) public String id;
        @JsonProperty(required = true) public int seats;
        @JsonProperty public double costPerDay;
        @JsonProperty public double costPerKm;
        @JsonProperty public int available = Integer.MAX_VALUE;
    }

    private static final class DepotRow {
        @JsonProperty(required = true) public String id;
        @JsonProperty(required = true) public double lon;
        @JsonProperty(required = true) public double lat;
    }
}
