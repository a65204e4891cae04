package org.xiaoche.routing.plan;

import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.BusTravelTimes;
import org.xiaoche.routing.optimization.TravelTimes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The places a plan's buses visit (stops, schools, depots), numbered for the travel-time matrix.
 * Keys are kind-qualified ({@code stop:S001-001}, {@code school:S001}, {@code depot:D1}) because stop and
 * school ids come from different sources and may look alike.
 */
public final class PlacePoints {

    private final List<String> keys = new ArrayList<>();
    private final List<LonLat> points = new ArrayList<>();
    private final Map<String, Integer> indexByKey = new HashMap<>();
    private BusTravelTimes times;

    public static String stopKey(String stopId) {
        return "stop:" + stopId;
    }

    public static String schoolKey(String schoolId) {
        return "school:" + schoolId;
    }

    public static String depotKey(String depotId) {
        return "depot:" + depotId;
    }

    public void add(String key, LonLat point) {
        if (!indexByKey.containsKey(key)) {
            indexByKey.put(key, points.size());
            keys.add(key);
            points.add(point);
        }
    }

    public List<LonLat> points() {
        return points;
    }

    public String key(int index) {
        return keys.get(index);
    }

    public Optional<Integer> findIndex(String key) {
        return Optional.ofNullable(indexByKey.get(key));
    }

    public int index(String key) {
        Integer index = indexByKey.get(key);
        if (index == null) {
            throw new IllegalArgumentException("unknown place " + key);
        }
        return index;
    }

    public void attach(BusTravelTimes computed) {
        if (computed.size() != points.size()) {
            throw new IllegalArgumentException("matrix of " + computed.size() + " for " + points.size() + " places");
        }
        this.times = computed;
    }

    public BusTravelTimes matrix() {
        return times;
    }

    /** The key of a timed place: its school's or its stop's. */
    public static String placeKey(org.xiaoche.routing.timetable.TimedStop stop) {
        return stop.school() ? schoolKey(stop.placeId()) : stopKey(stop.placeId());
    }

    /** The matrix seen through the solver's interface. */
    TravelTimes travelTimes() {
        BusTravelTimes m = times;
        return new TravelTimes() {
            @Override
            public double time_s(int from, int to) {
                return m.time_s(from, to);
            }

            @Override
            public double distance_m(int from, int to) {
                return m.distance_m(from, to);
            }
        };
    }
}
