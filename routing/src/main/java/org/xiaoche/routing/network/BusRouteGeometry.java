package org.xiaoche.routing.network;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.util.PointList;
import org.xiaoche.routing.geo.LonLat;

import java.util.ArrayList;
import java.util.List;

/** Road geometry of a bus trip through given places, on the {@code school_bus} profile. */
public final class BusRouteGeometry {

    private final RoadNetwork network;

    public BusRouteGeometry(RoadNetwork network) {
        this.network = network;
    }

    /**
     * The driven line through {@code places} in order; a leg GraphHopper cannot route is drawn as a
     * straight segment so a map still shows the run (the plan's times come from the matrix, not from here).
     */
    public List<LonLat> through(List<LonLat> places) {
        List<LonLat> line = new ArrayList<>();
        for (int i = 0; i + 1 < places.size(); i++) {
            LonLat from = places.get(i), to = places.get(i + 1);
            GHResponse response = network.graphHopper().route(new GHRequest(from.lat(), from.lon(), to.lat(), to.lon())
                    .setProfile(NetworkProfiles.SCHOOL_BUS));
            if (response.hasErrors()) {
                addIfNew(line, from);
                addIfNew(line, to);
                continue;
            }
            PointList points = response.getBest().getPoints();
            for (int k = 0; k < points.size(); k++) {
                addIfNew(line, new LonLat(points.getLon(k), points.getLat(k)));
            }
        }
        return line;
    }

    private static void addIfNew(List<LonLat> line, LonLat point) {
        if (line.isEmpty() || !line.get(line.size() - 1).equals(point)) {
            line.add(point);
        }
    }
}
