package org.xiaoche.routing.network;

import com.carrotsearch.hppc.LongArrayList;
import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.ReaderWay;
import com.graphhopper.reader.osm.OSMInputFile;
import com.graphhopper.reader.osm.SkipOptions;
import com.graphhopper.util.DistanceCalcEarth;
import org.xiaoche.routing.geo.LonLat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The named places of an OSM extract, which GraphHopper's graph does not keep: {@code place=*} nodes of the
 * kinds in {@link Kind} (village, hamlet, neighbourhood, town, city, …) and schools and kindergartens ({@code amenity=school}
 * or {@code kindergarten} nodes, and ways at the mean of their nodes). A place's name is its {@code name:zh},
 * else {@code name:zh-Hans}, else {@code name}; unnamed places are left out. Read in two streaming passes (ways,
 * then nodes) with GraphHopper's reader, so {@code .osm}, {@code .osm.gz} and {@code .osm.pbf} all work. A small
 * immutable value, safe to share between threads; lookups are by straight-line distance.
 */
public final class PlaceNames {

    /** Kinds of named place, with their OSM values. */
    public enum Kind {
        CITY("city"), TOWN("town"), SUBURB("suburb"), QUARTER("quarter"), NEIGHBOURHOOD("neighbourhood"), VILLAGE("village"),
        HAMLET("hamlet"), ISOLATED_DWELLING("isolated_dwelling"),
        /** Chinese mappers often tag a village (村) as a locality. */
        LOCALITY("locality"),
        SCHOOL("school"), KINDERGARTEN("kindergarten");

        private final String osmValue;

        Kind(String osmValue) {
            this.osmValue = osmValue;
        }

        public String osmValue() {
            return osmValue;
        }

        /** A school or kindergarten, not a settlement. */
        public boolean isSchool() {
            return this == SCHOOL || this == KINDERGARTEN;
        }

        static Optional<Kind> ofOsmValue(String value) {
            return Arrays.stream(values()).filter(k -> k.osmValue.equals(value)).findFirst();
        }
    }

    /** One named place. */
    public record Place(String name, Kind kind, LonLat location) {
        public Place {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a place needs a name");
            }
        }
    }

    /** No places at all. */
    public static final PlaceNames NONE = new PlaceNames(List.of());

    /** The file beside a graph that keeps its places. */
    static final String CACHE_FILE = "place-names.tsv";
    private static final String CACHE_HEADER = "# xiaoche place names, format 1: kind, lon, lat, name";
    private static final double METRES_PER_DEGREE_LAT = 111_195;
    private static final DistanceCalcEarth EARTH = DistanceCalcEarth.DIST_EARTH;

    private final List<Place> places;
    /** Places by latitude, for band searches. */
    private final Place[] byLat;
    private final double[] lats;

    private PlaceNames(List<Place> places) {
        this.places = List.copyOf(places);
        this.byLat = this.places.toArray(new Place[0]);
        Arrays.sort(byLat, Comparator.comparingDouble((Place p) -> p.location().lat())
                .thenComparingDouble(p -> p.location().lon()).thenComparing(Place::name).thenComparing(Place::kind));
        this.lats = Arrays.stream(byLat).mapToDouble(p -> p.location().lat()).toArray();
    }

    public static PlaceNames of(Collection<Place> places) {
        return new PlaceNames(new ArrayList<>(places));
    }

    /** Every place, in the order of the OSM file (nodes first, then ways). */
    public List<Place> places() {
        return places;
    }

    /** The places of one kind, in file order. */
    public List<Place> listPlaces(Kind kind) {
        return places.stream().filter(p -> p.kind() == kind).toList();
    }

    public int size() {
        return places.size();
    }

    /**
     * The place nearest to {@code point} in a straight line among those {@code accept} takes, within
     * {@code within_m}; ties go to the name first in order. Empty when none is that near.
     */
    public Optional<Place> findNearest(LonLat point, double within_m, Predicate<Place> accept) {
        double band_deg = within_m / METRES_PER_DEGREE_LAT;
        int from = lowerBound(point.lat() - band_deg);
        Place best = null;
        double best_m = Double.POSITIVE_INFINITY;
        for (int i = from; i < byLat.length && lats[i] <= point.lat() + band_deg; i++) {
            Place p = byLat[i];
            double d_m = distance_m(point, p.location());
            if (d_m > within_m || !accept.test(p)) {
                continue;
            }
            if (d_m < best_m || (d_m == best_m && p.name().compareTo(best.name()) < 0)) {
                best = p;
                best_m = d_m;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Compass direction from {@code from} to {@code to} as one of eight sectors counter-clockwise from
     * east: 0 east, 1 north-east, 2 north, … 7 south-east.
     */
    public static int compassSector(LonLat from, LonLat to) {
        double dx = (to.lon() - from.lon()) * Math.cos(Math.toRadians((from.lat() + to.lat()) / 2));
        double dy = to.lat() - from.lat();
        return (int) Math.floorMod(Math.round(Math.toDegrees(Math.atan2(dy, dx)) / 45), 8);
    }

    /** Straight-line distance on GraphHopper's sphere. */
    public static double distance_m(LonLat a, LonLat b) {
        return EARTH.calcDist(a.lat(), a.lon(), b.lat(), b.lon());
    }

    private int lowerBound(double lat) {
        int lo = 0, hi = lats.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lats[mid] < lat) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The places kept in {@code cacheDir}, else those read from {@code osmFile} (then kept in {@code cacheDir}
     * when it is writable). No places when neither is readable: names then fall back to roads.
     */
    static PlaceNames loadOrRead(Path osmFile, Path cacheDir) {
        Path cache = cacheDir.resolve(CACHE_FILE);
        if (Files.isRegularFile(cache)) {
            try {
                return readCache(cache);
            } catch (IOException | RuntimeException e) {
                // A damaged cache is rebuilt from the OSM file below.
            }
        }
        if (osmFile == null || !Files.isRegularFile(osmFile)) {
            return NONE;
        }
        PlaceNames read = read(osmFile);
        try {
            writeCache(read, cacheDir);
        } catch (IOException e) {
            // Only a cache: the places are read again next time.
        }
        return read;
    }

    /**
     * Reads the named places of an OSM file.
     *
     * @throws NetworkImportException when the file cannot be read as OSM data
     */
    public static PlaceNames read(Path osmFile) {
        OsmFileCheck.check(osmFile);
        try {
            Map<Long, List<Integer>> schoolWaysByNode = new HashMap<>();
            List<String> wayNames = new ArrayList<>();
            List<Kind> wayKinds = new ArrayList<>();
            try (OSMInputFile in = open(osmFile, new SkipOptions(true, false, true))) {
                for (ReaderElement e = in.getNext(); e != null; e = in.getNext()) {
                    if (e.getType() != ReaderElement.Type.WAY) {
                        continue;
                    }
                    Optional<Kind> kind = schoolKind(e);
                    String name = nameOf(e);
                    if (kind.isEmpty() || name.isEmpty()) {
                        continue;
                    }
                    int way = wayNames.size();
                    wayNames.add(name);
                    wayKinds.add(kind.get());
                    LongArrayList nodes = ((ReaderWay) e).getNodes();
                    for (int i = 0; i < nodes.size(); i++) {
                        // A closed way repeats its first node: count it once.
                        if (i == nodes.size() - 1 && nodes.size() > 1 && nodes.get(i) == nodes.get(0)) {
                            break;
                        }
                        schoolWaysByNode.computeIfAbsent(nodes.get(i), id -> new ArrayList<>(1)).add(way);
                    }
                }
            }
            List<Place> nodePlaces = new ArrayList<>();
            double[] lonSum = new double[wayNames.size()];
            double[] latSum = new double[wayNames.size()];
            int[] found = new int[wayNames.size()];
            try (OSMInputFile in = open(osmFile, new SkipOptions(false, true, true))) {
                for (ReaderElement e = in.getNext(); e != null; e = in.getNext()) {
                    if (e.getType() != ReaderElement.Type.NODE) {
                        continue;
                    }
                    ReaderNode node = (ReaderNode) e;
                    List<Integer> ways = schoolWaysByNode.get(node.getId());
                    if (ways != null) {
                        for (int way : ways) {
                            lonSum[way] += node.getLon();
                            latSum[way] += node.getLat();
                            found[way]++;
                        }
                    }
                    if (!node.hasTags()) {
                        continue;
                    }
                    Optional<Kind> kind = Kind.ofOsmValue(node.getTag("place", "")).filter(k -> !k.isSchool())
                            .or(() -> schoolKind(node));
                    String name = nameOf(node);
                    if (kind.isPresent() && !name.isEmpty()) {
                        nodePlaces.add(new Place(name, kind.get(), new LonLat(node.getLon(), node.getLat())));
                    }
                }
            }
            List<Place> all = new ArrayList<>(nodePlaces);
            for (int way = 0; way < wayNames.size(); way++) {
                // Extracts cut ways at their border: the nodes present still place the school.
                if (found[way] > 0) {
                    all.add(new Place(wayNames.get(way), wayKinds.get(way),
                            new LonLat(lonSum[way] / found[way], latSum[way] / found[way])));
                }
            }
            return new PlaceNames(all);
        } catch (IOException | javax.xml.stream.XMLStreamException | RuntimeException e) {
            throw new NetworkImportException("cannot read places from " + osmFile.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static OSMInputFile open(Path osmFile, SkipOptions skip) throws IOException, javax.xml.stream.XMLStreamException {
        return new OSMInputFile(osmFile.toFile()).setWorkerThreads(2).setSkipOptions(skip).open();
    }

    private static Optional<Kind> schoolKind(ReaderElement e) {
        return switch (e.getTag("amenity", "")) {
            case "school" -> Optional.of(Kind.SCHOOL);
            case "kindergarten" -> Optional.of(Kind.KINDERGARTEN);
            default -> Optional.empty();
        };
    }

    /** {@code name:zh}, else {@code name:zh-Hans}, else {@code name}; empty when none. */
    static String nameOf(ReaderElement e) {
        for (String key : new String[] {"name:zh", "name:zh-Hans", "name"}) {
            String value = clean(e.getTag(key, ""));
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static String clean(String name) {
        return name.replaceAll("[\\t\\r\\n]+", " ").trim();
    }

    private static PlaceNames readCache(Path file) throws IOException {
        List<Place> places = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!CACHE_HEADER.equals(header)) {
                throw new IOException("not a place-names file of this format");
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", 4);
                if (f.length != 4) {
                    throw new IOException("damaged line in " + file.getFileName());
                }
                places.add(new Place(f[3], Kind.valueOf(f[0]), new LonLat(Double.parseDouble(f[1]), Double.parseDouble(f[2]))));
            }
        }
        return new PlaceNames(places);
    }

    private static void writeCache(PlaceNames names, Path dir) throws IOException {
        Path temp = Files.createTempFile(dir, CACHE_FILE, ".part");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(CACHE_HEADER);
                out.write('\n');
                for (Place p : names.places) {
                    out.write(p.kind().name() + '\t' + coordinate(p.location().lon()) + '\t' + coordinate(p.location().lat())
                            + '\t' + p.name() + '\n');
                }
            }
            try {
                Files.move(temp, dir.resolve(CACHE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(CACHE_FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Full double precision, so a place read back from the cache is exactly the one read from OSM. */
    private static String coordinate(double value) {
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return "PlaceNames[" + places.size() + " places]";
    }
}
