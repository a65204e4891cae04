package org.xiaoche.routing.network;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;
import com.graphhopper.util.Parameters;
import com.graphhopper.util.PointList;
import com.graphhopper.util.details.PathDetail;
import org.xiaoche.routing.geo.LonLat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Road geometry of a bus trip through given places, on the {@code school_bus} profile, and the roads it uses. */
public final class BusRouteGeometry {

    /** Named stretches shorter than this (a crossing, a few metres at a junction) are not listed as roads used. */
    public static final double MIN_ROAD_STRETCH_M = 50;

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
            ResponsePath path = route(from, to, false);
            if (path == null) {
                addIfNew(line, from);
                addIfNew(line, to);
                continue;
            }
            PointList points = path.getPoints();
            for (int k = 0; k < points.size(); k++) {
                addIfNew(line, new LonLat(points.getLon(k), points.getLat(k)));
            }
        }
        return line;
    }

    /**
     * The roads driven through {@code places}, in order, each named once per stretch (a road left and
     * rejoined is listed again): the street name with its ref in brackets ({@code 东大路（X123）}), or
     * the ref alone; unnamed roads and stretches shorter than {@value #MIN_ROAD_STRETCH_M} m are left out.
     */
    public List<String> roadsThrough(List<LonLat> places) {
        List<String> roads = new ArrayList<>();
        for (int i = 0; i + 1 < places.size(); i++) {
            ResponsePath path = route(places.get(i), places.get(i + 1), true);
            if (path == null) {
                continue;
            }
            Map<String, List<PathDetail>> details = path.getPathDetails();
            PointList points = path.getPoints();
            for (PathDetail name : details.getOrDefault(Parameters.Details.STREET_NAME, List.of())) {
                if (length_m(points, name.getFirst(), name.getLast()) < MIN_ROAD_STRETCH_M) {
                    continue;
                }
                String label = label(text(name.getValue()), refAt(details, name.getFirst()));
                if (!label.isEmpty() && (roads.isEmpty() || !roads.get(roads.size() - 1).equals(label))) {
                    roads.add(label);
                }
            }
        }
        return roads;
    }

    private ResponsePath route(LonLat from, LonLat to, boolean withRoadNames) {
        GHRequest request = new GHRequest(from.lat(), from.lon(), to.lat(), to.lon()).setProfile(NetworkProfiles.SCHOOL_BUS);
        if (withRoadNames) {
            request.setPathDetails(List.of(Parameters.Details.STREET_NAME, Parameters.Details.STREET_REF));
        }
        GHResponse response = network.graphHopper().route(request);
        return response.hasErrors() ? null : response.getBest();
    }

    private static String refAt(Map<String, List<PathDetail>> details, int pointIndex) {
        for (PathDetail ref : details.getOrDefault(Parameters.Details.STREET_REF, List.of())) {
            if (ref.getFirst() <= pointIndex && pointIndex < ref.getLast()) {
                return text(ref.getValue());
            }
        }
        return "";
    }

    private static String label(String name, String ref) {
        if (name.isEmpty()) {
            return ref;
        }
        return ref.isEmpty() || ref.equals(name) ? name : name + "（" + ref + "）";
    }

    private static String text(Object value) {
        return value == null ? "" : Objects.toString(value).trim();
    }

    private static double length_m(PointList points, int first, int last) {
        double m = 0;
        for (int k = first; k < last && k + 1 < points.size(); k++) {
            m += new LonLat(points.getLon(k), points.getLat(k)).distance_m(new LonLat(points.getLon(k + 1), points.getLat(k + 1)));
        }
        return m;
    }

    private static void addIfNew(List<LonLat> line, LonLat point) {
        if (line.isEmpty() || !line.get(line.size() - 1).equals(point)) {
            line.add(point);
        }
    }
}
