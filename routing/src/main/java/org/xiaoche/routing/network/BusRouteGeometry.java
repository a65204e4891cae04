package org.xiaoche.routing.network;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.util.Instruction;
import com.graphhopper.util.PointList;
import com.graphhopper.util.Translation;
import com.graphhopper.util.details.PathDetail;
import org.xiaoche.routing.geo.LonLat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Road geometry, turn-by-turn directions and the roads driven of a bus trip through given places, on the {@code school_bus} profile. */
public final class BusRouteGeometry {

    static final String STREET_NAME = "street_name";
    static final String STREET_REF = "street_ref";

    private final RoadNetwork network;

    public BusRouteGeometry(RoadNetwork network) {
        this.network = network;
    }

    /**
     * One drive between two consecutive places. {@code routed} false when GraphHopper found no bus route:
     * the line is then the straight segment and there are no steps or roads.
     */
    public record Leg(LonLat from, LonLat to, boolean routed, List<LonLat> line, List<Step> steps,
                      List<RoadStretch> roads, double distance_m, double time_s) {
        public Leg {
            line = List.copyOf(line);
            steps = List.copyOf(steps);
            roads = List.copyOf(roads);
        }
    }

    /** One turn-by-turn instruction in the requested language, with the drive that follows it. */
    public record Step(int sign, String text, double distance_m, double time_s) {
        public boolean finish() {
            return sign == Instruction.FINISH || sign == Instruction.REACHED_VIA;
        }
    }

    /** A stretch of one road of a leg, in driving order: name and route number as mapped (either may be empty). */
    public record RoadStretch(String name, String ref, RoadClass roadClass, double length_m) {
    }

    /**
     * The driven line through {@code places} in order; a leg GraphHopper cannot route is drawn as a
     * straight segment so a map still shows the run (the plan's times come from the matrix, not from here).
     */
    public List<LonLat> through(List<LonLat> places) {
        List<LonLat> line = new ArrayList<>();
        for (Leg leg : legs(places, Locale.ENGLISH)) {
            leg.line().forEach(p -> addIfNew(line, p));
        }
        return line;
    }

    /** Each drive between consecutive {@code places}, with directions in {@code locale} (GraphHopper's translations, e.g. {@code zh_CN}). */
    public List<Leg> legs(List<LonLat> places, Locale locale) {
        Translation translation = network.graphHopper().getTranslationMap().getWithFallBack(locale);
        List<Leg> legs = new ArrayList<>();
        for (int i = 0; i + 1 < places.size(); i++) {
            LonLat from = places.get(i), to = places.get(i + 1);
            GHResponse response = network.graphHopper().route(new GHRequest(from.lat(), from.lon(), to.lat(), to.lon())
                    .setProfile(NetworkProfiles.SCHOOL_BUS).setLocale(locale)
                    .setPathDetails(List.of(STREET_NAME, STREET_REF, RoadClass.KEY)));
            if (response.hasErrors()) {
                legs.add(new Leg(from, to, false, List.of(from, to), List.of(), List.of(), 0, 0));
                continue;
            }
            ResponsePath path = response.getBest();
            PointList points = path.getPoints();
            List<LonLat> line = new ArrayList<>(points.size());
            for (int k = 0; k < points.size(); k++) {
                line.add(new LonLat(points.getLon(k), points.getLat(k)));
            }
            List<Step> steps = new ArrayList<>();
            for (Instruction instruction : path.getInstructions()) {
                steps.add(new Step(instruction.getSign(), instruction.getTurnDescription(translation),
                        instruction.getDistance(), instruction.getTime() / 1000.0));
            }
            legs.add(new Leg(from, to, true, line, steps, stretches(line, path.getPathDetails()),
                    path.getDistance(), path.getTime() / 1000.0));
        }
        return legs;
    }

    /** The path's points cut where its street name, route number or road class changes. */
    private static List<RoadStretch> stretches(List<LonLat> line, Map<String, List<PathDetail>> details) {
        List<RoadStretch> out = new ArrayList<>();
        for (int k = 0; k + 1 < line.size(); k++) {
            String name = text(valueAt(details.get(STREET_NAME), k));
            String ref = text(valueAt(details.get(STREET_REF), k));
            Object cls = valueAt(details.get(RoadClass.KEY), k);
            RoadClass roadClass = cls == null ? RoadClass.OTHER : RoadClass.find(cls.toString());
            double length_m = PlaceNames.distance_m(line.get(k), line.get(k + 1));
            RoadStretch last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.name().equals(name) && last.ref().equals(ref) && last.roadClass() == roadClass) {
                out.set(out.size() - 1, new RoadStretch(name, ref, roadClass, last.length_m() + length_m));
            } else {
                out.add(new RoadStretch(name, ref, roadClass, length_m));
            }
        }
        return out;
    }

    /** The value a path detail has on the segment from point {@code k} to {@code k + 1}. */
    private static Object valueAt(List<PathDetail> details, int k) {
        if (details == null) {
            return null;
        }
        for (PathDetail d : details) {
            if (d.getFirst() <= k && k < d.getLast()) {
                return d.getValue();
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    private static void addIfNew(List<LonLat> line, LonLat point) {
        if (line.isEmpty() || !line.get(line.size() - 1).equals(point)) {
            line.add(point);
        }
    }
}
