package org.xiaoche.demodata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the county's roads. Local roads are built region by region (north of the river, between
 * river and expressway, south of it) as a spanning tree of junctions plus some loops, and reach
 * other regions only over bridges; every new road is checked against everything drawn before, so
 * roads meet only at shared nodes and never cross the river or the expressway except on bridges.
 * Then county roads are picked along the shortest links from the county town, village lanes,
 * field tracks and footpath shortcuts are added, and a few roads get weight, width and speed limits.
 * Roads are named as Chinese roads are: county roads (县道) from the county town get refs {@code X001}, … and
 * names from their two ends ({@code 城石线}), other roads between villages refs {@code Y001}, … and, where they
 * join two places, names such as {@code 王李路}; village lanes are the village's 东街, 西街, … The names come
 * from the places and the road order alone, so they take nothing from the random streams.
 */
final class RoadNetworkBuilder {

    private static final int NEIGHBOURS = 6;
    private static final double[] WIGGLE_RETRIES = {1.0, 0.5, 0.2, 0.0};
    private static final String SYNTHETIC_NOTE = "synthetic demo data (xiaoche-demodata), not a real place";

    /** A road between two junctions; its class is decided after all roads exist. */
    private static final class Road {
        final int from;
        final int to;
        final long[] nodeIds;
        final List<PlanePoint> polyline;
        final boolean spanningTree;
        String highway = "unclassified";
        /** Index into {@link #routes}, or -1. */
        int route = -1;
        final List<OsmMap.Tag> extraTags = new ArrayList<>();

        Road(int from, int to, long[] nodeIds, List<PlanePoint> polyline, boolean spanningTree) {
            this.from = from;
            this.to = to;
            this.nodeIds = nodeIds;
            this.polyline = polyline;
            this.spanningTree = spanningTree;
        }
    }

    /** A bridge with its two straight approaches. */
    private static final class BridgeChain {
        final BarrierCrossing crossing;
        final long[] southApproach;
        final long[] deck;
        final long[] northApproach;
        String highway = "unclassified";
        int route = -1;
        final List<OsmMap.Tag> deckTags = new ArrayList<>();

        BridgeChain(BarrierCrossing crossing, long[] southApproach, long[] deck, long[] northApproach) {
            this.crossing = crossing;
            this.southApproach = southApproach;
            this.deck = deck;
            this.northApproach = northApproach;
        }
    }

    private record PendingWay(long[] nodeIds, List<OsmMap.Tag> tags) {
    }

    /** A numbered county road (县道): the roads of one path from the county town. */
    private record Route(String ref, String name) {
    }

    private final Terrain terrain;
    private final CountyLayout layout;
    private final SplittableRandom random;
    private final OsmMap map = new OsmMap();
    private final SegmentIndex index = new SegmentIndex();
    private final JunctionGraph graph = new JunctionGraph();
    private final List<Long> junctionNode = new ArrayList<>();
    private final List<Region> junctionRegion = new ArrayList<>();
    /** Settlement a junction belongs to (grid gateways, village centres), or -1. */
    private final List<Integer> junctionSettlement = new ArrayList<>();
    private final List<Road> roads = new ArrayList<>();
    private final List<BridgeChain> bridges = new ArrayList<>();
    private final List<PendingWay> lanes = new ArrayList<>();
    private final List<List<Frontage>> frontages = new ArrayList<>();
    private final List<List<List<PlanePoint>>> roadsOut = new ArrayList<>();
    private final List<Integer> interchangeJunctions = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private int[] settlementJunction;
    private long[] expresswayNodes;
    private double expresswayStep_m;

    private RoadNetworkBuilder(Terrain terrain, CountyLayout layout, SplittableRandom random) {
        this.terrain = terrain;
        this.layout = layout;
        this.random = random;
    }

    static RoadNetwork build(Terrain terrain, CountyLayout layout, SplittableRandom random) {
        RoadNetworkBuilder builder = new RoadNetworkBuilder(terrain, layout, random);
        return builder.build();
    }

    private RoadNetwork build() {
        List<Settlement> settlements = layout.settlements();
        settlementJunction = new int[settlements.size()];
        for (int i = 0; i < settlements.size(); i++) {
            frontages.add(new ArrayList<>());
            roadsOut.add(new ArrayList<>());
        }
        drawRiver();
        drawExpressway();
        drawStreetGrids();
        drawBridges();
        drawInterchanges();
        addVillageJunctions();
        for (Region region : Region.values()) {
            connectRegion(region);
        }
        classifyCountyRoads();
        addVillageLanes();
        addFieldTracks();
        addFootpathShortcuts();
        addRestrictions();
        emitWays();
        tagPlaces();
        return new RoadNetwork(map, index, frontages, roadsOut);
    }

    // ---- barriers -------------------------------------------------------------------------

    private void drawRiver() {
        List<PlanePoint> line = terrain.river().polyline(0, terrain.width_m(), 40);
        long[] ids = addNodes(line);
        indexPolyline(line, ids, SegmentIndex.Kind.RIVER);
        map.addWay(ids, OsmMap.tags("waterway", "river", "name", "清水河", "note", SYNTHETIC_NOTE));
    }

    private void drawExpressway() {
        List<PlanePoint> line = terrain.expressway().polyline(0, terrain.width_m(), 100);
        expresswayStep_m = terrain.width_m() / (line.size() - 1);
        expresswayNodes = addNodes(line);
        indexPolyline(line, expresswayNodes, SegmentIndex.Kind.MOTORWAY);
        map.addWay(expresswayNodes, OsmMap.tags("highway", "motorway", "oneway", "no", "lanes", "4", "maxspeed", "120",
                "ref", "S99", "name", "示范高速", "note", SYNTHETIC_NOTE));
    }

    // ---- fixed structures -----------------------------------------------------------------

    private void drawStreetGrids() {
        for (Settlement settlement : layout.settlements()) {
            if (settlement.grid() == null) {
                continue;
            }
            StreetGrid grid = StreetGrid.draw(settlement.grid(), map, index);
            frontages.get(settlement.index()).addAll(grid.frontages());
            List<Integer> gateways = new ArrayList<>();
            for (long node : grid.portals()) {
                gateways.add(addJunction(node, settlement.index()));
            }
            settlementJunction[settlement.index()] = gateways.get(0);
            // Inside the grid any gateway reaches any other; the detour factor stands for the street pattern.
            for (int i = 0; i < gateways.size(); i++) {
                for (int j = i + 1; j < gateways.size(); j++) {
                    double d = map.node(junctionNode.get(gateways.get(i))).distance_m(map.node(junctionNode.get(gateways.get(j))));
                    graph.addEdge(gateways.get(i), gateways.get(j), 1.3 * d, Integer.MIN_VALUE);
                }
            }
        }
    }

    private void drawBridges() {
        for (BarrierCrossing crossing : layout.crossings()) {
            List<PlanePoint> south = List.of(crossing.approachEnd(-1), crossing.approachEnd(-1).towards(crossing.deckEnd(-1), 0.5), crossing.deckEnd(-1));
            List<PlanePoint> north = List.of(crossing.deckEnd(1), crossing.deckEnd(1).towards(crossing.approachEnd(1), 0.5), crossing.approachEnd(1));
            long[] southIds = addNodes(south);
            long[] northIds = addNodes(north);
            long[] deck = {southIds[2], northIds[0]};
            indexPolyline(south, southIds, SegmentIndex.Kind.ROAD);
            indexPolyline(north, northIds, SegmentIndex.Kind.ROAD);
            index.add(south.get(2), deck[0], north.get(0), deck[1], SegmentIndex.Kind.ROAD);
            bridges.add(new BridgeChain(crossing, southIds, deck, northIds));
            int southJunction = addJunction(southIds[0], -1);
            int northJunction = addJunction(northIds[2], -1);
            graph.addEdge(southJunction, northJunction, 400, -bridges.size());
        }
    }

    private void drawInterchanges() {
        MeanderLine expressway = terrain.expressway();
        for (Interchange interchange : layout.interchanges()) {
            PlanePoint normal = expressway.northNormalAt(interchange.x_m());
            PlanePoint junction = expressway.pointAt(interchange.x_m()).plus(
                    normal.x_m() * interchange.side() * Interchange.JUNCTION_OFFSET_M,
                    normal.y_m() * interchange.side() * Interchange.JUNCTION_OFFSET_M);
            long junctionId = map.addNode(junction);
            int west = (int) Math.round((interchange.x_m() - Interchange.RAMP_REACH_M) / expresswayStep_m);
            int east = (int) Math.round((interchange.x_m() + Interchange.RAMP_REACH_M) / expresswayStep_m);
            long[] westRamp = drawRamp(expresswayNodes[west], junctionId);
            long[] eastRamp = drawRamp(junctionId, expresswayNodes[east]);
            map.addWay(westRamp, OsmMap.tags("highway", "motorway_link", "oneway", "no"));
            map.addWay(eastRamp, OsmMap.tags("highway", "motorway_link", "oneway", "no"));
            interchangeJunctions.add(addJunction(junctionId, -1));
        }
    }

    private long[] drawRamp(long fromId, long toId) {
        PlanePoint from = map.node(fromId), to = map.node(toId);
        int segments = Math.max(2, (int) Math.ceil(from.distance_m(to) / 50));
        List<PlanePoint> line = new ArrayList<>();
        for (int i = 0; i <= segments; i++) {
            line.add(from.towards(to, (double) i / segments));
        }
        for (int k = 0; k + 1 < line.size(); k++) {
            if (index.conflicts(line.get(k), k == 0 ? fromId : -1, line.get(k + 1), k + 1 == segments ? toId : -1)) {
                throw new IllegalStateException("expressway ramp collides with another road; try another seed");
            }
        }
        long[] ids = new long[line.size()];
        ids[0] = fromId;
        ids[segments] = toId;
        for (int i = 1; i < segments; i++) {
            ids[i] = map.addNode(line.get(i));
        }
        indexPolyline(line, ids, SegmentIndex.Kind.ROAD);
        return ids;
    }

    private void addVillageJunctions() {
        for (Settlement settlement : layout.settlements()) {
            if (settlement.kind() == Settlement.Kind.VILLAGE) {
                settlementJunction[settlement.index()] = addJunction(map.addNode(settlement.centre()), settlement.index());
            }
        }
    }

    // ---- the inter-village network --------------------------------------------------------

    private void connectRegion(Region region) {
        List<Integer> members = new ArrayList<>();
        for (int j = 0; j < junctionNode.size(); j++) {
            if (junctionRegion.get(j) == region) {
                members.add(j);
            }
        }
        int[] parent = new int[junctionNode.size()];
        for (int j = 0; j < parent.length; j++) {
            parent[j] = j;
        }
        // Gateways of one street grid are already connected through its streets.
        for (int a : members) {
            for (int b : members) {
                int s = junctionSettlement.get(a);
                if (a < b && s >= 0 && s == junctionSettlement.get(b) && layout.settlements().get(s).grid() != null) {
                    union(parent, a, b);
                }
            }
        }
        List<int[]> candidates = nearestPairs(members, NEIGHBOURS);
        List<int[]> unused = new ArrayList<>();
        for (int[] pair : candidates) {
            if (find(parent, pair[0]) != find(parent, pair[1]) && tryRoad(pair[0], pair[1], true)) {
                union(parent, pair[0], pair[1]);
            } else if (find(parent, pair[0]) == find(parent, pair[1])) {
                unused.add(pair);
            }
        }
        if (componentCount(parent, members) > 1) {
            for (int[] pair : nearestPairs(members, members.size())) {
                if (find(parent, pair[0]) != find(parent, pair[1]) && tryRoad(pair[0], pair[1], true)) {
                    union(parent, pair[0], pair[1]);
                }
            }
        }
        // Loops: some more roads between near neighbours, so that not every trip is a tree walk.
        double typicalSpacing_m = Math.sqrt(terrain.width_m() * terrain.height_m() / Math.max(1, layout.settlements().size()));
        for (int[] pair : unused) {
            boolean sameGrid = junctionSettlement.get(pair[0]) >= 0 && junctionSettlement.get(pair[0]).equals(junctionSettlement.get(pair[1]));
            if (random.nextDouble() < 0.3 && !sameGrid && !directlyJoined(pair[0], pair[1])
                    && junctionPoint(pair[0]).distance_m(junctionPoint(pair[1])) < 2.2 * typicalSpacing_m) {
                tryRoad(pair[0], pair[1], false);
            }
        }
    }

    /** Pairs (i < j) of each member with its k nearest members, shortest first. */
    private List<int[]> nearestPairs(List<Integer> members, int k) {
        List<int[]> pairs = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int a : members) {
            Integer[] others = members.stream().filter(b -> b != a).toArray(Integer[]::new);
            Arrays.sort(others, Comparator.comparingDouble((Integer b) -> junctionPoint(a).distance_m(junctionPoint(b))).thenComparingInt(b -> b));
            for (int n = 0; n < Math.min(k, others.length); n++) {
                int b = others[n];
                int[] pair = {Math.min(a, b), Math.max(a, b)};
                if (seen.add(((long) pair[0] << 32) | pair[1])) {
                    pairs.add(pair);
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((int[] p) -> junctionPoint(p[0]).distance_m(junctionPoint(p[1])))
                .thenComparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        return pairs;
    }

    private boolean tryRoad(int from, int to, boolean spanningTree) {
        PlanePoint a = junctionPoint(from), b = junctionPoint(to);
        double hilliness = terrain.hilliness(a.towards(b, 0.5));
        for (double wiggle : WIGGLE_RETRIES) {
            List<PlanePoint> line = WindingRoad.shape(a, b, hilliness, wiggle, true, random);
            long[] ids = tryCommit(line, junctionNode.get(from), junctionNode.get(to), junctionRegion.get(from), SegmentIndex.Kind.ROAD);
            if (ids != null) {
                Road road = new Road(from, to, ids, line, spanningTree);
                roads.add(road);
                graph.addEdge(from, to, WindingRoad.length_m(line), roads.size() - 1);
                int fromSettlement = junctionSettlement.get(from), toSettlement = junctionSettlement.get(to);
                if (fromSettlement >= 0 && layout.settlements().get(fromSettlement).grid() == null) {
                    roadsOut.get(fromSettlement).add(line);
                }
                if (toSettlement >= 0 && layout.settlements().get(toSettlement).grid() == null) {
                    List<PlanePoint> reversed = new ArrayList<>(line);
                    Collections.reverse(reversed);
                    roadsOut.get(toSettlement).add(reversed);
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the polyline if none of its segments comes too close to anything already drawn and all
     * its points stay in the region; {@code toId} -1 creates a new end node (a dead end).
     *
     * @return the node ids of the committed polyline, or null if it was rejected
     */
    private long[] tryCommit(List<PlanePoint> line, long fromId, long toId, Region region, SegmentIndex.Kind kind) {
        int last = line.size() - 1;
        for (int i = 1; i <= last; i++) {
            if ((i < last || toId < 0) && (terrain.regionOf(line.get(i)) != region || !terrain.inside(line.get(i), 50))) {
                return null;
            }
        }
        for (int k = 0; k < last; k++) {
            if (index.conflicts(line.get(k), k == 0 ? fromId : -1, line.get(k + 1), k + 1 == last ? toId : -1)) {
                return null;
            }
        }
        long[] ids = new long[line.size()];
        ids[0] = fromId;
        for (int i = 1; i <= last; i++) {
            ids[i] = i == last && toId >= 0 ? toId : map.addNode(line.get(i));
        }
        indexPolyline(line, ids, kind);
        return ids;
    }

    // ---- classification -------------------------------------------------------------------

    /** County roads: secondary from the county town to every township centre, tertiary to every bridge and interchange. */
    private void classifyCountyRoads() {
        List<Integer> townGateways = new ArrayList<>();
        for (int j = 0; j < junctionNode.size(); j++) {
            if (junctionSettlement.get(j) == 0) {
                townGateways.add(j);
            }
        }
        JunctionGraph.ShortestPaths paths = graph.shortestPaths(townGateways);
        for (Settlement settlement : layout.settlements()) {
            if (settlement.kind() == Settlement.Kind.TOWNSHIP_CENTRE) {
                int target = nearestReached(paths, junctionsOf(settlement.index()));
                upgrade(paths, target, "secondary");
            }
        }
        for (int b = 0; b < bridges.size(); b++) {
            if (bridges.get(b).crossing.kind() == BarrierCrossing.Kind.RIVER_BRIDGE) {
                int southJunction = junctionOfNode(bridges.get(b).southApproach[0]);
                int northJunction = junctionOfNode(bridges.get(b).northApproach[2]);
                upgrade(paths, nearestReached(paths, List.of(southJunction, northJunction)), "tertiary");
            }
        }
        for (int junction : interchangeJunctions) {
            upgrade(paths, junction, "tertiary");
        }
    }

    /** Raises the class of the roads on the path to {@code target}; roads not yet on a county road join this one. */
    private void upgrade(JunctionGraph.ShortestPaths paths, int target, String highway) {
        if (target < 0 || Double.isInfinite(paths.distance_m()[target])) {
            return;
        }
        int route = routes.size();
        routes.add(new Route(String.format(java.util.Locale.ROOT, "X%03d", route + 1), routeName(target)));
        for (JunctionGraph.Edge edge : paths.pathTo(target)) {
            if (edge.reference() >= 0) {
                Road road = roads.get(edge.reference());
                if (rank(highway) > rank(road.highway)) {
                    road.highway = highway;
                }
                if (road.route < 0) {
                    road.route = route;
                }
            } else if (edge.reference() != Integer.MIN_VALUE) {
                BridgeChain bridge = bridges.get(-edge.reference() - 1);
                if (rank(highway) > rank(bridge.highway)) {
                    bridge.highway = highway;
                }
                if (bridge.route < 0) {
                    bridge.route = route;
                }
            }
        }
    }

    /** 城石线: the first characters of the county town and of the place at the other end, unique among routes. */
    private String routeName(int target) {
        String town = layout.countyTown().name();
        Settlement end = nearestSettlement(junctionPoint(target), true);
        String name = end == null ? null : town.substring(0, 1) + end.name().substring(0, 1) + "线";
        for (Route r : routes) {
            if (name != null && name.equals(r.name())) {
                name = town.substring(0, 1) + end.name() + "线";
            }
        }
        for (Route r : routes) {
            if (name != null && name.equals(r.name())) {
                return null;
            }
        }
        return name;
    }

    /** The settlement of a junction, else the nearest one in a straight line (the county town only if allowed). */
    private Settlement nearestSettlement(PlanePoint p, boolean exceptCountyTown) {
        Settlement best = null;
        for (Settlement s : layout.settlements()) {
            if (exceptCountyTown && s.kind() == Settlement.Kind.COUNTY_TOWN) {
                continue;
            }
            if (best == null || s.centre().distance_m(p) < best.centre().distance_m(p)) {
                best = s;
            }
        }
        return best;
    }

    private Settlement settlementAt(int junction) {
        int s = junctionSettlement.get(junction);
        return s >= 0 ? layout.settlements().get(s) : nearestSettlement(junctionPoint(junction), false);
    }

    private static int rank(String highway) {
        return switch (highway) {
            case "secondary" -> 3;
            case "tertiary" -> 2;
            case "unclassified" -> 1;
            default -> 0;
        };
    }

    private int nearestReached(JunctionGraph.ShortestPaths paths, List<Integer> candidates) {
        int best = -1;
        for (int c : candidates) {
            if (best < 0 || paths.distance_m()[c] < paths.distance_m()[best]) {
                best = c;
            }
        }
        return best;
    }

    // ---- minor roads ----------------------------------------------------------------------

    /** 2–4 short residential lanes from each village centre; homes cluster along them. */
    private void addVillageLanes() {
        for (Settlement village : layout.settlements()) {
            if (village.kind() != Settlement.Kind.VILLAGE) {
                continue;
            }
            int junction = settlementJunction[village.index()];
            int lanesWanted = 2 + random.nextInt(3);
            for (int attempt = 0; attempt < 12 && lanesWanted > 0; attempt++) {
                double angle = random.nextDouble() * 2 * Math.PI;
                double length_m = 120 + 200 * random.nextDouble();
                PlanePoint end = village.centre().plus(Math.cos(angle) * length_m, Math.sin(angle) * length_m);
                List<PlanePoint> line = WindingRoad.shape(village.centre(), end, 0.3, 0.4, false, random);
                long[] ids = tryCommit(line, junctionNode.get(junction), -1, village.region(), SegmentIndex.Kind.ROAD);
                if (ids != null) {
                    lanesWanted--;
                    lanes.add(new PendingWay(ids, OsmMap.tags("highway", "residential",
                            "name", village.name() + laneDirection(angle) + "街")));
                    roadsOut.get(village.index()).add(line);
                    if (frontages.get(village.index()).isEmpty()) {
                        PlanePoint from = line.get(0), to = line.get(1);
                        double d = from.distance_m(to);
                        frontages.get(village.index()).add(new Frontage(from, to,
                                new PlanePoint(-(to.y_m() - from.y_m()) / d, (to.x_m() - from.x_m()) / d)));
                    }
                }
            }
            if (frontages.get(village.index()).isEmpty() && !roadsOut.get(village.index()).isEmpty()) {
                List<PlanePoint> line = roadsOut.get(village.index()).get(0);
                PlanePoint from = line.get(0), to = line.get(1);
                double d = from.distance_m(to);
                frontages.get(village.index()).add(new Frontage(from, to,
                        new PlanePoint(-(to.y_m() - from.y_m()) / d, (to.x_m() - from.x_m()) / d)));
            }
        }
    }

    /** 东, 北, 西 or 南: where a lane leads from the village centre. */
    private static String laneDirection(double angle) {
        int quadrant = (int) Math.floorMod(Math.round(angle / (Math.PI / 2)), 4L);
        return new String[] {"东", "北", "西", "南"}[quadrant];
    }

    /** Dead-end tracks from some villages into the fields and orchards. */
    private void addFieldTracks() {
        for (Settlement village : layout.settlements()) {
            if (village.kind() != Settlement.Kind.VILLAGE || random.nextDouble() >= 0.4) {
                continue;
            }
            double angle = random.nextDouble() * 2 * Math.PI;
            double length_m = 500 + 700 * random.nextDouble();
            PlanePoint end = village.centre().plus(Math.cos(angle) * length_m, Math.sin(angle) * length_m);
            List<PlanePoint> line = WindingRoad.shape(village.centre(), end, terrain.hilliness(end), 0.8, false, random);
            long[] ids = tryCommit(line, junctionNode.get(settlementJunction[village.index()]), -1, village.region(), SegmentIndex.Kind.ROAD);
            if (ids != null) {
                boolean rough = random.nextBoolean();
                lanes.add(new PendingWay(ids, OsmMap.tags("highway", "track",
                        "tracktype", rough ? "grade4" : "grade3", "surface", "unpaved")));
            }
        }
    }

    /**
     * Footpaths where villages are close in a straight line but far apart by road: walkers use
     * them, buses cannot. Chosen by the largest road-to-straight ratio.
     */
    private void addFootpathShortcuts() {
        List<double[]> candidates = new ArrayList<>();
        double typicalSpacing_m = Math.sqrt(terrain.width_m() * terrain.height_m() / layout.settlements().size());
        for (Settlement village : layout.settlements()) {
            if (village.kind() != Settlement.Kind.VILLAGE) {
                continue;
            }
            int from = settlementJunction[village.index()];
            JunctionGraph.ShortestPaths paths = graph.shortestPaths(List.of(from));
            for (int to = 0; to < junctionNode.size(); to++) {
                if (to == from || junctionRegion.get(to) != junctionRegion.get(from) || junctionSettlement.get(to) < 0) {
                    continue;
                }
                double straight_m = junctionPoint(from).distance_m(junctionPoint(to));
                double ratio = paths.distance_m()[to] / straight_m;
                if (straight_m < 1.3 * typicalSpacing_m && ratio > 1.6 && (from < to || !layout.settlements().get(junctionSettlement.get(to)).kind().equals(Settlement.Kind.VILLAGE))) {
                    candidates.add(new double[] {Math.min(ratio, 1e6), from, to});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((double[] c) -> -c[0]).thenComparingDouble(c -> c[1]).thenComparingDouble(c -> c[2]));
        int wanted = Math.max(3, layout.settlements().size() / 6);
        for (double[] c : candidates) {
            if (wanted == 0) {
                break;
            }
            int from = (int) c[1], to = (int) c[2];
            PlanePoint a = junctionPoint(from), b = junctionPoint(to);
            for (double wiggle : new double[] {0.6, 0.2, 0.0}) {
                List<PlanePoint> line = WindingRoad.shape(a, b, terrain.hilliness(a), wiggle, false, random);
                long[] ids = tryCommit(line, junctionNode.get(from), junctionNode.get(to), junctionRegion.get(from), SegmentIndex.Kind.FOOT);
                if (ids != null) {
                    lanes.add(new PendingWay(ids, OsmMap.tags("highway", "path", "foot", "designated")));
                    wanted--;
                    break;
                }
            }
        }
    }

    /** Tracks among the loop roads, narrow and weight-limited roads, speed limits on county roads and hairpins. */
    private void addRestrictions() {
        List<Road> loops = roads.stream().filter(r -> !r.spanningTree && r.highway.equals("unclassified")).toList();
        for (Road road : loops) {
            if (random.nextDouble() < 0.35) {
                road.highway = "track";
                boolean gravel = random.nextBoolean();
                road.extraTags.addAll(gravel ? OsmMap.tags("tracktype", "grade2", "surface", "gravel")
                        : OsmMap.tags("tracktype", "grade3", "surface", "unpaved"));
            }
        }
        List<Road> villageRoads = roads.stream().filter(r -> r.highway.equals("unclassified")).toList();
        int narrow = 0;
        for (Road road : villageRoads) {
            if (random.nextDouble() < 0.08 || (narrow < 2 && road == villageRoads.get(villageRoads.size() - 1))) {
                road.extraTags.addAll(OsmMap.tags("width", "3"));
                narrow++;
            }
        }
        if (villageRoads.size() > 2) {
            villageRoads.get(villageRoads.size() / 2).extraTags.addAll(OsmMap.tags("maxwidth", "2.5"));
            villageRoads.get(villageRoads.size() / 3).extraTags.addAll(OsmMap.tags("maxweight", "20"));
        }
        for (Road road : roads) {
            if (road.highway.equals("secondary")) {
                road.extraTags.addAll(0, OsmMap.tags("maxspeed", "60"));
            } else if (!road.highway.equals("track") && sharpBends(road.polyline) >= 3) {
                road.extraTags.addAll(OsmMap.tags("maxspeed", "30", "hazard", "curves"));
            }
        }
        // The river bridge farthest from the county town is the old one: too weak for a full bus.
        PlanePoint town = layout.countyTown().centre();
        bridges.stream().filter(b -> b.crossing.kind() == BarrierCrossing.Kind.RIVER_BRIDGE)
                .max(Comparator.comparingDouble(b -> b.crossing.centre().distance_m(town)))
                .ifPresent(b -> b.deckTags.addAll(OsmMap.tags("maxweight", "10", "name", "老石桥")));
    }

    /** Turns sharper than 90°. */
    static int sharpBends(List<PlanePoint> line) {
        int count = 0;
        for (int i = 1; i + 1 < line.size(); i++) {
            PlanePoint a = line.get(i - 1), b = line.get(i), c = line.get(i + 1);
            double dot = (b.x_m() - a.x_m()) * (c.x_m() - b.x_m()) + (b.y_m() - a.y_m()) * (c.y_m() - b.y_m());
            if (dot < 0) {
                count++;
            }
        }
        return count;
    }

    // ---- output ---------------------------------------------------------------------------

    private void emitWays() {
        int[] villageRoadNumber = {0};
        for (BridgeChain bridge : bridges) {
            List<OsmMap.Tag> names = roadNames(bridge.route, junctionOfNode(bridge.southApproach[0]),
                    junctionOfNode(bridge.northApproach[2]), villageRoadNumber);
            map.addWay(bridge.southApproach, withNames(OsmMap.tags("highway", bridge.highway), names));
            List<OsmMap.Tag> deck = OsmMap.tags("highway", bridge.highway, "bridge", "yes", "layer", "1");
            // A bridge with a name of its own (老石桥) keeps it; the road's ref goes on.
            boolean named = bridge.deckTags.stream().anyMatch(t -> t.key().equals("name"));
            deck.addAll(names.stream().filter(t -> !(named && t.key().equals("name"))).toList());
            deck.addAll(bridge.deckTags);
            map.addWay(bridge.deck, deck);
            map.addWay(bridge.northApproach, withNames(OsmMap.tags("highway", bridge.highway), names));
        }
        for (Road road : roads) {
            List<OsmMap.Tag> tags = OsmMap.tags("highway", road.highway);
            if (!road.highway.equals("track")) {
                tags.addAll(roadNames(road.route, road.from, road.to, villageRoadNumber));
            }
            tags.addAll(road.extraTags);
            map.addWay(road.nodeIds, tags);
        }
        for (PendingWay lane : lanes) {
            map.addWay(lane.nodeIds(), lane.tags());
        }
    }

    /**
     * {@code ref} and {@code name} of a road between junctions: its county road's, else a village road's
     * {@code Y}-number and, when its two ends belong to different places, a name from their first characters.
     */
    private List<OsmMap.Tag> roadNames(int route, int from, int to, int[] villageRoadNumber) {
        if (route >= 0) {
            return OsmMap.tags("ref", routes.get(route).ref(), "name", routes.get(route).name());
        }
        String ref = String.format(java.util.Locale.ROOT, "Y%03d", ++villageRoadNumber[0]);
        Settlement a = settlementAt(from), b = settlementAt(to);
        String name = a == null || b == null || a == b || a.name().charAt(0) == b.name().charAt(0) ? null
                : a.name().substring(0, 1) + b.name().substring(0, 1) + "路";
        return OsmMap.tags("ref", ref, "name", name);
    }

    private static List<OsmMap.Tag> withNames(List<OsmMap.Tag> tags, List<OsmMap.Tag> names) {
        tags.addAll(names);
        return tags;
    }

    private void tagPlaces() {
        for (Settlement settlement : layout.settlements()) {
            long node = map.addNode(settlement.centre().plus(20, 20));
            String place = switch (settlement.kind()) {
                case COUNTY_TOWN -> "town";
                case TOWNSHIP_CENTRE -> "village";
                case VILLAGE -> "village";
            };
            map.tagNode(node, OsmMap.tags("place", place, "name", settlement.name(), "note", SYNTHETIC_NOTE));
        }
    }

    // ---- small helpers --------------------------------------------------------------------

    private int addJunction(long nodeId, int settlement) {
        int junction = graph.addNode();
        junctionNode.add(nodeId);
        junctionRegion.add(terrain.regionOf(map.node(nodeId)));
        junctionSettlement.add(settlement);
        return junction;
    }

    private PlanePoint junctionPoint(int junction) {
        return map.node(junctionNode.get(junction));
    }

    private List<Integer> junctionsOf(int settlement) {
        List<Integer> result = new ArrayList<>();
        for (int j = 0; j < junctionNode.size(); j++) {
            if (junctionSettlement.get(j) == settlement) {
                result.add(j);
            }
        }
        return result;
    }

    private int junctionOfNode(long nodeId) {
        return junctionNode.indexOf(nodeId);
    }

    private boolean directlyJoined(int a, int b) {
        return roads.stream().anyMatch(r -> (r.from == a && r.to == b) || (r.from == b && r.to == a));
    }

    private long[] addNodes(List<PlanePoint> points) {
        long[] ids = new long[points.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = map.addNode(points.get(i));
        }
        return ids;
    }

    private void indexPolyline(List<PlanePoint> line, long[] ids, SegmentIndex.Kind kind) {
        for (int i = 1; i < line.size(); i++) {
            index.add(line.get(i - 1), ids[i - 1], line.get(i), ids[i], kind);
        }
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    private static int componentCount(int[] parent, List<Integer> members) {
        return (int) members.stream().map(m -> find(parent, m)).distinct().count();
    }
}
