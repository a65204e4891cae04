package org.xiaoche.web.region;

import org.springframework.stereotype.Component;
import org.xiaoche.routing.export.GeoJsonWriter;
import org.xiaoche.routing.export.RoadLayers;
import org.xiaoche.routing.network.RoadNetwork;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roads of a region as GeoJSON ({@link RoadLayers}), drawn from our own graph so that the map
 * needs no tile server (no internet on planners' machines is fine); built once per loaded network
 * and selection, and kept.
 */
@Component
public class RoadsGeoJson {

    private record Key(RoadNetwork network, RoadLayers.Selection selection) {
    }

    private final Map<Key, byte[]> built = new ConcurrentHashMap<>();

    /** Every road edge. */
    public byte[] of(RoadNetwork network) {
        return of(network, RoadLayers.Selection.ALL);
    }

    public byte[] of(RoadNetwork network, RoadLayers.Selection selection) {
        return built.computeIfAbsent(new Key(network, selection),
                k -> GeoJsonWriter.toBytes(geoJson -> RoadLayers.write(k.network(), k.selection(), geoJson)));
    }

    public void forget(RoadNetwork network) {
        built.keySet().removeIf(k -> k.network() == network);
    }
}
