package org.xiaoche.benchmarks.parktaekim;

import org.xiaoche.routing.optimization.ArrivalWindow;
import org.xiaoche.routing.optimization.DwellModel;
import org.xiaoche.routing.optimization.PickupStop;
import org.xiaoche.routing.optimization.SchoolRoutingProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Park instance turned into one {@link SchoolRoutingProblem} per school. Nodes: schools
 * {@code 0..S-1} in file order, then stops {@code S..S+N-1}. Stop ids are the file ids as text.
 */
public record ParkRoutingSetup(ParkInstance instance, int maxRide_s, ManhattanTravelTimes travelTimes,
                               List<SchoolRoutingProblem> problems) {

    public static ParkRoutingSetup of(ParkInstance instance, int maxRide_s) {
        int schoolCount = instance.schools().size();
        int nodes = schoolCount + instance.stops().size();
        double[] x_ft = new double[nodes];
        double[] y_ft = new double[nodes];
        Map<Integer, Integer> schoolNode = new HashMap<>();
        for (int i = 0; i < schoolCount; i++) {
            ParkSchool school = instance.schools().get(i);
            x_ft[i] = school.x_ft();
            y_ft[i] = school.y_ft();
            schoolNode.put(school.id(), i);
        }
        Map<Integer, List<PickupStop>> stopsBySchool = new HashMap<>();
        for (int j = 0; j < instance.stops().size(); j++) {
            ParkStop stop = instance.stops().get(j);
            int node = schoolCount + j;
            x_ft[node] = stop.x_ft();
            y_ft[node] = stop.y_ft();
            if (!schoolNode.containsKey(stop.schoolId())) {
                throw new IllegalArgumentException("stop " + stop.id() + " names unknown school " + stop.schoolId());
            }
            stopsBySchool.computeIfAbsent(stop.schoolId(), k -> new ArrayList<>())
                    .add(new PickupStop(Integer.toString(stop.id()), node, stop.students(), maxRide_s));
        }
        ManhattanTravelTimes travelTimes = new ManhattanTravelTimes(x_ft, y_ft, ParkInstance.SPEED_FT_PER_S);
        List<SchoolRoutingProblem> problems = new ArrayList<>();
        for (ParkSchool school : instance.schools()) {
            List<PickupStop> stops = stopsBySchool.getOrDefault(school.id(), List.of());
            if (stops.isEmpty()) {
                continue;
            }
            problems.add(new SchoolRoutingProblem(Integer.toString(school.id()), schoolNode.get(school.id()),
                    new ArrivalWindow(school.amEarly_s(), school.amLate_s()), stops,
                    DwellModel.PARK_STOP, DwellModel.PARK_SCHOOL, ParkInstance.SEATS, travelTimes));
        }
        return new ParkRoutingSetup(instance, maxRide_s, travelTimes, problems);
    }
}
