package org.xiaoche.routing.network;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndexTree;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.PMap;
import com.graphhopper.util.shapes.BBox;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.NetworkArea;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A road network imported from an OSM extract with the {@code school_bus} and {@code foot}
 * profiles. The built graph is kept in a folder under a cache root, named by the
 * {@link GraphFingerprint} of the OSM file and profiles, so it is reused while both are unchanged
 * and rebuilt when either changes. A folder is only ever complete: import goes to a temporary
 * folder that is renamed when done. Each folder also holds the {@link ImportReport} of the road its
 * profiles may use but that the import left out, so a cached load reports what the import did.
 */
public final class RoadNetwork implements AutoCloseable {

    /** GraphHopper's default; components with fewer edges are not used for bus snapping. */
    public static final int DEFAULT_MIN_NETWORK_SIZE = 200;

    private final GraphHopper hopper;
    private final Path graphDir;
    private final boolean freshlyImported;
    private final Weighting footWeighting;
    private final Weighting busWeighting;
    private final WalkingGraph walkingGraph;
    private final ImportReport importReport;
    private WalkComponents walkComponents;
    private PlaceNames placeNames;

    private RoadNetwork(GraphHopper hopper, Path graphDir, boolean freshlyImported, ImportReport importReport) {
        this.hopper = hopper;
        this.graphDir = graphDir;
        this.freshlyImported = freshlyImported;
        this.importReport = importReport;
        this.footWeighting = hopper.createWeighting(hopper.getProfile(NetworkProfiles.FOOT), new PMap());
        this.busWeighting = hopper.createWeighting(hopper.getProfile(NetworkProfiles.SCHOOL_BUS), new PMap());
        this.walkingGraph = new WalkingGraph(hopper.getBaseGraph(), footWeighting);
        if (hopper.getLocationIndex() instanceof LocationIndexTree tree) {
            // Look far enough that homes several hundred metres off the mapped roads still snap
            // (and are then reported as off network) instead of failing the search.
            tree.setMaxRegionSearch(16);
        }
    }

    /** Imports {@code osmFile} (or loads its cached graph) with the default minimum component size. */
    public static RoadNetwork importOrLoad(Path osmFile, Path cacheRoot, ProgressListener progress) {
        return importOrLoad(osmFile, cacheRoot, DEFAULT_MIN_NETWORK_SIZE, progress);
    }

    /**
     * Imports {@code osmFile} into {@code cacheRoot/<name>-<fingerprint>} or loads it from there.
     *
     * @param minNetworkSize components with fewer edges are not used when snapping bus locations;
     *                       walking snaps ignore it so that a home on an isolated lane is reported
     *                       as cut off rather than moved to a distant road
     * @throws NetworkImportException with a planner-readable reason when the file is missing,
     *                                empty, truncated, corrupt or not OSM data (see {@link OsmFileCheck})
     */
    public static RoadNetwork importOrLoad(Path osmFile, Path cacheRoot, int minNetworkSize, ProgressListener progress) {
        checkReadableOsm(osmFile);
        String fingerprint = GraphFingerprint.of(osmFile);
        Path graphDir = cacheRoot.resolve(baseName(osmFile) + "-" + fingerprint + "-m" + minNetworkSize);
        boolean imported = false;
        if (!Files.isRegularFile(graphDir.resolve("properties"))) {
            progress.progress("import road network", 0.0);
            // Read the whole file once first: GraphHopper's reader threads hang or run out of memory on a
            // truncated or corrupt file instead of failing.
            OsmFileCheck.check(osmFile);
            try (ImportStaging staging = ImportStaging.take(cacheRoot, graphDir.getFileName().toString())) {
                GraphHopper importer = configure(osmFile, staging.dir(), minNetworkSize);
                try {
                    runWatched(importer::importOrLoad, osmFile.getFileName().toString());
                    // Written before the rename, so a complete folder always has its report.
                    ImportReport.compute(importer, minNetworkSize).write(staging.dir().resolve(ImportReport.FILE_NAME));
                } catch (RuntimeException e) {
                    importer.close();
                    throw new NetworkImportException("cannot import OSM file " + osmFile.getFileName() + ": " + rootMessage(e), e);
                }
                importer.close();
                moveIntoPlace(staging.dir(), graphDir);
            }
            imported = true;
        }
        progress.progress("load road network", 0.9);
        GraphHopper hopper = configure(osmFile, graphDir, minNetworkSize);
        try {
            if (!hopper.load()) {
                throw new NetworkImportException("graph folder " + graphDir.getFileName() + " is incomplete; delete it and retry");
            }
        } catch (RuntimeException e) {
            hopper.close();
            if (e instanceof NetworkImportException nie) {
                throw nie;
            }
            throw new NetworkImportException("cannot load graph for " + osmFile.getFileName() + ": " + rootMessage(e), e);
        }
        ImportReport report;
        try {
            // A folder built before reports existed has none; its graph still carries the marks.
            report = ImportReport.read(graphDir.resolve(ImportReport.FILE_NAME))
                    .orElseGet(() -> ImportReport.compute(hopper, minNetworkSize));
        } catch (RuntimeException e) {
            hopper.close();
            throw new NetworkImportException("cannot read the import report of " + graphDir.getFileName() + ": " + rootMessage(e), e);
        }
        progress.progress("road network ready", 1.0);
        return new RoadNetwork(hopper, graphDir, imported, report);
    }

    /** How long a stuck import may take to wind down after one of its threads died. */
    static final long WIND_DOWN_MS = 10_000;

    /**
     * Runs {@code work} (a GraphHopper import) on its own thread in its own thread group. When any thread of that
     * group dies of an uncaught throwable (GraphHopper's PBF reader and decoder threads, which otherwise leave the
     * import waiting forever) the group is interrupted and the import fails with that reason.
     */
    static void runWatched(Runnable work, String fileName) {
        java.util.concurrent.atomic.AtomicReference<Throwable> died = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        ThreadGroup group = new ThreadGroup("osm-import") {
            @Override
            public void uncaughtException(Thread t, Throwable e) {
                if (died.compareAndSet(null, e)) {
                    interrupt();
                }
            }
        };
        Thread thread = new Thread(group, () -> {
            try {
                work.run();
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "osm-import");
        thread.setDaemon(true);
        thread.start();
        try {
            while (thread.isAlive() && died.get() == null) {
                thread.join(200);
            }
            if (died.get() != null) {
                thread.join(WIND_DOWN_MS);
            }
        } catch (InterruptedException e) {
            group.interrupt();
            Thread.currentThread().interrupt();
            throw new NetworkImportException("import of OSM file " + fileName + " was interrupted", e);
        }
        Throwable death = died.get();
        if (death != null) {
            throw new NetworkImportException("cannot import OSM file " + fileName + ": the OSM reader failed ("
                    + (death instanceof OutOfMemoryError ? "out of memory: " : "") + rootMessage(death) + ")", death);
        }
        Throwable failure = failed.get();
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    static GraphHopper configure(Path osmFile, Path location, int minNetworkSize) {
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(osmFile.toString());
        hopper.setGraphHopperLocation(location.toString());
        hopper.setEncodedValuesString(NetworkProfiles.ENCODED_VALUES);
        hopper.setProfiles(NetworkProfiles.profiles());
        hopper.getCHPreparationHandler().setCHProfiles(NetworkProfiles.chProfiles());
        hopper.setMinNetworkSize(minNetworkSize);
        // Street names as Chinese planners read them: name:zh before name.
        hopper.getReaderConfig().setPreferredLanguage("zh");
        return hopper;
    }

    private static void checkReadableOsm(Path osmFile) {
        if (!Files.isRegularFile(osmFile)) {
            throw new NetworkImportException("OSM file not found: " + osmFile);
        }
        String name = osmFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".osm") || name.endsWith(".osm.pbf") || name.endsWith(".pbf")
                || name.endsWith(".osm.gz") || name.endsWith(".osm.bz2"))) {
            throw new NetworkImportException("not an OSM extract: " + osmFile.getFileName()
                    + " (expected .osm, .osm.pbf, .osm.gz or .osm.bz2)");
        }
        try (InputStream in = Files.newInputStream(osmFile)) {
            if (in.read() < 0) {
                throw new NetworkImportException("OSM file is empty: " + osmFile.getFileName());
            }
        } catch (IOException e) {
            throw new NetworkImportException("cannot read OSM file " + osmFile.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String baseName(Path osmFile) {
        String name = osmFile.getFileName().toString();
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void moveIntoPlace(Path staging, Path graphDir) {
        try {
            try {
                Files.move(staging, graphDir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, graphDir);
            }
        } catch (IOException e) {
            // Another process finished the same import first: its folder is as good as ours (ours is
            // deleted with its staging).
            if (!Files.isRegularFile(graphDir.resolve("properties"))) {
                throw new UncheckedIOException("cannot store graph in " + graphDir, e);
            }
        }
    }

    /**
     * Deletes the import folders under {@code cacheRoot} that imports which died (their process was killed
     * or crashed) left behind; imports still running, here or in another process, keep theirs.
     *
     * @return how many folders were deleted
     */
    public static int removeAbandonedImports(Path cacheRoot) {
        return ImportStaging.removeAbandoned(cacheRoot).size();
    }

    /** Snaps a point onto the walkable network (any component); {@link Snap#isValid()} false when none is near. */
    public Snap snapForWalking(LonLat point) {
        EdgeFilter walkable = walkingGraph::isWalkable;
        return hopper.getLocationIndex().findClosest(point.lat(), point.lon(), walkable);
    }

    /** Snaps a point onto the bus network, using only its main components. */
    public Snap snapForBus(LonLat point) {
        BooleanEncodedValue inSubnetwork = hopper.getEncodingManager()
                .getBooleanEncodedValue(Subnetwork.key(NetworkProfiles.SCHOOL_BUS));
        return hopper.getLocationIndex().findClosest(point.lat(), point.lon(),
                new DefaultSnapFilter(busWeighting, inSubnetwork));
    }

    /**
     * The area whose points may be imported: inside the graph's bounding box and within
     * {@code maxDistanceFromRoad_m} of a walkable way. Farther points (the sea, another county,
     * swapped coordinates) are input errors, not students cut off from the network.
     */
    public NetworkArea area(double maxDistanceFromRoad_m) {
        BBox graphBounds = hopper.getBaseGraph().getBounds();
        double marginLat_deg = maxDistanceFromRoad_m / 111_000.0;
        double marginLon_deg = marginLat_deg / Math.max(0.05, Math.cos(Math.toRadians((graphBounds.minLat + graphBounds.maxLat) / 2)));
        BBox bounds = new BBox(graphBounds.minLon - marginLon_deg, graphBounds.maxLon + marginLon_deg,
                graphBounds.minLat - marginLat_deg, graphBounds.maxLat + marginLat_deg);
        return point -> {
            if (!bounds.contains(point.lat(), point.lon())) {
                return false;
            }
            Snap snap = snapForWalking(point);
            return snap.isValid() && snap.getQueryDistance() <= maxDistanceFromRoad_m;
        };
    }

    public WalkingGraph walkingGraph() {
        return walkingGraph;
    }

    /** Where a point meets the walkable network, or empty when no walkable way is within search range. */
    public java.util.Optional<WalkPoint> findWalkPoint(LonLat point) {
        Snap snap = snapForWalking(point);
        return snap.isValid() ? java.util.Optional.of(WalkPoint.of(snap, walkingGraph)) : java.util.Optional.empty();
    }

    /**
     * Where a point meets those walkable edges that {@code edgeAllowed} accepts (by edge id), or empty when
     * none is within search range. Used to find where a home meets a particular kind of road.
     */
    public java.util.Optional<WalkPoint> findWalkPoint(LonLat point, java.util.function.IntPredicate edgeAllowed) {
        EdgeFilter filter = edge -> walkingGraph.isWalkable(edge) && edgeAllowed.test(edge.getEdge());
        Snap snap = hopper.getLocationIndex().findClosest(point.lat(), point.lon(), filter);
        return snap.isValid() ? java.util.Optional.of(WalkPoint.of(snap, walkingGraph)) : java.util.Optional.empty();
    }

    /** Components of the walkable network, computed on first use. */
    public synchronized WalkComponents walkComponents() {
        if (walkComponents == null) {
            walkComponents = new WalkComponents(walkingGraph);
        }
        return walkComponents;
    }

    /**
     * Named places of the extract (villages, hamlets, neighbourhoods, schools, …), read from the OSM file on first
     * use and kept beside the graph; none when neither that file nor the kept copy can be read.
     */
    public synchronized PlaceNames placeNames() {
        if (placeNames == null) {
            placeNames = PlaceNames.loadOrRead(hopper.getOSMFile() == null ? null : Path.of(hopper.getOSMFile()), graphDir);
        }
        return placeNames;
    }

    public BaseGraph baseGraph() {
        return hopper.getBaseGraph();
    }

    /** The underlying GraphHopper instance, for routing requests and CH access inside the engine. */
    public GraphHopper graphHopper() {
        return hopper;
    }

    public Weighting footWeighting() {
        return footWeighting;
    }

    public Weighting busWeighting() {
        return busWeighting;
    }

    public Profile profile(String name) {
        return hopper.getProfile(name);
    }

    public Path graphDir() {
        return graphDir;
    }

    /** What the import left out per profile; the same for a fresh import and a cached load. */
    public ImportReport importReport() {
        return importReport;
    }

    /** True when this instance built the graph, false when it loaded a cached one. */
    public boolean freshlyImported() {
        return freshlyImported;
    }

    public int nodeCount() {
        return hopper.getBaseGraph().getNodes();
    }

    public int edgeCount() {
        return hopper.getBaseGraph().getEdges();
    }

    @Override
    public void close() {
        hopper.close();
    }
}
