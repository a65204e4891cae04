package org.xiaoche.routing.stops;

import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.PlaceNames;
import org.xiaoche.routing.network.RoadClassNames;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names stops the way a sign at the roadside would, {@code 村名 · 路名}: the place the stop belongs to, then
 * the road. The place is a school within {@value #AT_SCHOOL_M} m, else the nearest village, hamlet,
 * neighbourhood or other settlement within {@value #NEAR_PLACE_M} m; a stop farther out is named from the nearest
 * settlement within {@value #FAR_PLACE_M} m with direction and distance ({@code 王家庄东北2.3公里}). The road is its
 * route number ({@code X012}), else its name, else its class in Chinese ({@code 村道}); a road named after the place
 * ({@code 王家庄东街}) stands alone. A name used by several stops
 * gets {@code (2)}, {@code (3)}, … on the later ones, in stop order, so names are unique and repeatable.
 */
final class StopNames {

    static final String SEPARATOR = " · ";
    static final double AT_SCHOOL_M = 200;
    static final double NEAR_PLACE_M = 1_500;
    static final double FAR_PLACE_M = 10_000;

    private static final String[] DIRECTIONS = {"东", "东北", "北", "西北", "西", "西南", "南", "东南"};

    private StopNames() {
    }

    /** One name per stop, in the given order; unique and never empty. */
    static List<String> name(List<CandidateStops.Candidate> stops, StoppableRoads roads, PlaceNames places) {
        List<String> bases = new ArrayList<>(stops.size());
        for (CandidateStops.Candidate stop : stops) {
            bases.add(baseName(stop, roads, places));
        }
        Set<String> taken = new HashSet<>(bases);
        Set<String> issued = new HashSet<>();
        Map<String, Integer> nextSuffix = new HashMap<>();
        List<String> names = new ArrayList<>(stops.size());
        for (String base : bases) {
            String name = base;
            if (!issued.add(name)) {
                int k = nextSuffix.getOrDefault(base, 2);
                do {
                    name = base + "(" + k++ + ")";
                } while (taken.contains(name) || issued.contains(name));
                nextSuffix.put(base, k);
                issued.add(name);
            }
            names.add(name);
        }
        return names;
    }

    private static String baseName(CandidateStops.Candidate stop, StoppableRoads roads, PlaceNames places) {
        StoppableRoads.RoadLabel label = stop.node() >= 0 ? roads.labelAtNode(stop.node())
                : roads.labelOfEdge(stop.roadside().edge());
        String road = label == null ? "道路" : !label.ref().isEmpty() ? label.ref()
                : !label.name().isEmpty() ? label.name() : RoadClassNames.inChinese(label.roadClass());
        String place = placeOf(stop.location(), places);
        // 王家庄东街 says it all: no 王家庄 · 王家庄东街.
        return place.isEmpty() || road.startsWith(place) ? road : place + SEPARATOR + road;
    }

    /** The place part of a name; empty when no settlement is within {@link #FAR_PLACE_M}. */
    static String placeOf(LonLat at, PlaceNames places) {
        Optional<PlaceNames.Place> school = places.findNearest(at, AT_SCHOOL_M, p -> p.kind().isSchool());
        if (school.isPresent()) {
            return school.get().name();
        }
        Optional<PlaceNames.Place> near = places.findNearest(at, NEAR_PLACE_M, p -> !p.kind().isSchool());
        if (near.isPresent()) {
            return near.get().name();
        }
        return places.findNearest(at, FAR_PLACE_M, p -> !p.kind().isSchool())
                .map(p -> p.name() + direction(p.location(), at)
                        + String.format(Locale.ROOT, "%.1f公里", PlaceNames.distance_m(p.location(), at) / 1000))
                .orElse("");
    }

    /** Compass direction from {@code from} to {@code to}, one of eight. */
    static String direction(LonLat from, LonLat to) {
        return DIRECTIONS[PlaceNames.compassSector(from, to)];
    }
}
