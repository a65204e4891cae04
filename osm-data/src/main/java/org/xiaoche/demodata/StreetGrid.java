package org.xiaoche.demodata;

import java.util.ArrayList;
import java.util.List;

/**
 * The street grid of the county town or a township centre: every row and column is one way,
 * sharing nodes at the junctions. The middle row and column are the main streets (tertiary,
 * 40 km/h); the rest are residential. One block gets a diagonal footway.
 */
final class StreetGrid {

    private static final String[] STREET_NAMES = {"人民路", "解放路", "建设路", "文化路", "和平路", "胜利路",
            "振兴路", "新华街", "育才路", "府前街", "通达路", "幸福街"};

    private final StreetGridSpec spec;
    private final long[][] nodeIds;

    private StreetGrid(StreetGridSpec spec) {
        this.spec = spec;
        this.nodeIds = new long[spec.columns()][spec.rows()];
    }

    static StreetGrid draw(StreetGridSpec spec, OsmMap map, SegmentIndex index) {
        StreetGrid grid = new StreetGrid(spec);
        for (int c = 0; c < spec.columns(); c++) {
            for (int r = 0; r < spec.rows(); r++) {
                grid.nodeIds[c][r] = map.addNode(spec.junction(c, r));
            }
        }
        int mainRow = spec.rows() / 2, mainColumn = spec.columns() / 2;
        int name = 0;
        for (int r = 0; r < spec.rows(); r++) {
            long[] way = new long[spec.columns()];
            for (int c = 0; c < spec.columns(); c++) {
                way[c] = grid.nodeIds[c][r];
            }
            grid.addStreet(map, index, way, r == mainRow, STREET_NAMES[name++ % STREET_NAMES.length]);
        }
        for (int c = 0; c < spec.columns(); c++) {
            long[] way = new long[spec.rows()];
            for (int r = 0; r < spec.rows(); r++) {
                way[r] = grid.nodeIds[c][r];
            }
            grid.addStreet(map, index, way, c == mainColumn, STREET_NAMES[name++ % STREET_NAMES.length]);
        }
        // A footway across one block (a park path): walkers may cut the corner, buses may not.
        long from = grid.nodeIds[0][0], to = grid.nodeIds[1][1];
        map.addWay(new long[] {from, to}, OsmMap.tags("highway", "footway"));
        index.add(map.node(from), from, map.node(to), to, SegmentIndex.Kind.FOOT);
        return grid;
    }

    private void addStreet(OsmMap map, SegmentIndex index, long[] nodes, boolean main, String name) {
        map.addWay(nodes, main
                ? OsmMap.tags("highway", "tertiary", "name", name, "maxspeed", "40")
                : OsmMap.tags("highway", "residential", "name", name));
        for (int i = 1; i < nodes.length; i++) {
            index.add(map.node(nodes[i - 1]), nodes[i - 1], map.node(nodes[i]), nodes[i], SegmentIndex.Kind.ROAD);
        }
    }

    /** Junctions where roads from outside may join: the corners and the ends of the main streets. */
    List<Long> portals() {
        int lastC = spec.columns() - 1, lastR = spec.rows() - 1;
        int midC = spec.columns() / 2, midR = spec.rows() / 2;
        return List.of(nodeIds[0][0], nodeIds[lastC][0], nodeIds[0][lastR], nodeIds[lastC][lastR],
                nodeIds[midC][0], nodeIds[midC][lastR], nodeIds[0][midR], nodeIds[lastC][midR]);
    }

    /**
     * Street segments for schools, in a fixed order: north edge (facing south into the town),
     * south edge (facing north), then the main row (facing north).
     */
    List<Frontage> frontages() {
        int midC = spec.columns() / 2, lastR = spec.rows() - 1, midR = spec.rows() / 2;
        List<Frontage> frontages = new ArrayList<>();
        frontages.add(new Frontage(spec.junction(midC - 1, lastR), spec.junction(midC, lastR), new PlanePoint(0, -1)));
        frontages.add(new Frontage(spec.junction(midC - 1, 0), spec.junction(midC, 0), new PlanePoint(0, 1)));
        frontages.add(new Frontage(spec.junction(midC - 1, midR), spec.junction(midC, midR), new PlanePoint(0, 1)));
        return frontages;
    }
}
