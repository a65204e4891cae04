package org.xiaoche.demodata;

import java.util.List;

/**
 * The drawn county: OSM objects, the index of every drawn segment, and per settlement (same order
 * as {@link CountyLayout#settlements()}) the street segments schools can face and the roads leading
 * out of it (each polyline starts at the settlement).
 */
record RoadNetwork(OsmMap map, SegmentIndex index, List<List<Frontage>> frontages,
                   List<List<List<PlanePoint>>> roadsOut) {
}
